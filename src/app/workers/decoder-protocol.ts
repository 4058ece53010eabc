// The messages between the page (decoder-bridge.ts) and the decoder worker (decoder.worker.ts): the only place
// that knows their shape. Images travel as ImageData with their pixel buffer transferred, never copied.

export type DecodeRequest = { type: 'decode'; id: number; image: ImageData };

export type DecoderEngine = 'barcode-detector' | 'zxing-wasm';

export type DecoderReply =
  /** Sent once the engine is loaded (the .wasm compiled), so the first frame does not pay for it. */
  | { type: 'ready'; engine: DecoderEngine }
  /** `text` is undefined when no QR code was found; `ms` is the time spent decoding in the worker. */
  | { type: 'decoded'; id: number; text: string | undefined; ms: number }
  /** The engine could not be loaded at all (no BarcodeDetector and the .wasm failed). */
  | { type: 'broken'; detail: string };
