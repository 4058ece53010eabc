// The messages between the page (decoder-bridge.ts) and the decoder worker (decoder.worker.ts): the only place
// that knows their shape. Images travel as ImageData with their pixel buffer transferred, never copied.

/** How one cascade step asks zxing-wasm to read differently (decode-cascade.ts); ignored by a native detector. */
export type ReaderTweaks = { binarizer?: 'GlobalHistogram' | 'FixedThreshold' | 'BoolCast'; tryDenoise?: boolean };

export type DecodeRequest = { type: 'decode'; id: number; image: ImageData; tweaks?: ReaderTweaks };

export type DecoderEngine = 'barcode-detector' | 'zxing-wasm';

/**
 * Why a symbol was seen but not read, judged from where the decoder found it: 'small' under about 2 pixels a module,
 * 'skewed' when its opposite sides differ a lot (a card held at a steep angle).
 */
export type SeenButUnread = 'small' | 'skewed';

/**
 * When the worker's loading steps ended, in ms since the epoch (a worker's clock starts at another origin than the
 * page's): the bridge turns them into performance marks for `npm run bench -- app-lowend`.
 */
export type DecoderLoadTimes = { started: number; wasmFetched?: number; ready: number };

export type DecoderReply =
  /** Sent once the engine is loaded (the .wasm compiled), so the first frame does not pay for it. */
  | { type: 'ready'; engine: DecoderEngine; loaded?: DecoderLoadTimes }
  /**
   * `texts`: every code read in the picture (empty when none); `ms`: time spent in the worker; `luma`: the picture's
   * mean brightness (0 to 255); `unread`: what the decoder saw but could not read, when it says so.
   */
  | { type: 'decoded'; id: number; texts: string[]; ms: number; luma: number; unread?: SeenButUnread }
  /** The engine could not be loaded at all (no BarcodeDetector and the .wasm failed). */
  | { type: 'broken'; detail: string };
