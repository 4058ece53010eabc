// The page's side of the decoder worker: the one module that posts to it. The worker (and with it zxing-wasm and
// its .wasm) is started on demand when the scan screen first opens, then kept for the next scan.

import { choosePassportText } from '../../core/qr-text.ts';
import type { DecoderEngine, DecoderLoadTimes, DecoderReply, ReaderTweaks, SeenButUnread } from '../workers/decoder-protocol.ts';

/**
 * `text`: the code to check, a passport when one is among those read (`choosePassportText`); `texts`: all read;
 * `luma` and `unread`: what the picture says when nothing could be read (decoder-protocol.ts).
 */
export type DecodeResult = { text: string | undefined; texts?: string[]; ms: number; luma?: number; unread?: SeenButUnread };

const NOTHING: DecodeResult = { text: undefined, ms: 0 };

/** What the bridge needs of a Worker, so tests can hand it a fake one. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  addEventListener(type: 'message' | 'error', listener: (event: MessageEvent<DecoderReply>) => void): void;
};

export class DecoderBridge {
  readonly #worker: WorkerLike;
  readonly #pending = new Map<number, (result: DecodeResult) => void>();
  #nextId = 1;
  #broken = false;
  /** Resolves with the engine in use once it is loaded, or undefined when none could be. */
  readonly ready: Promise<DecoderEngine | undefined>;

  constructor(worker: WorkerLike) {
    this.#worker = worker;
    let settle: (engine: DecoderEngine | undefined) => void = () => {};
    this.ready = new Promise((resolve) => (settle = resolve));
    worker.addEventListener('message', (event) => {
      const reply = event.data;
      if (reply.type === 'ready') {
        markLoadTimes(reply.loaded);
        settle(reply.engine);
      }
      if (reply.type === 'broken') {
        this.#broken = true;
        settle(undefined);
        this.#failAll();
      }
      if (reply.type === 'decoded') {
        const { texts, ms, luma, unread } = reply;
        this.#pending.get(reply.id)?.({ text: choosePassportText(texts), texts, ms, luma, ...(unread ? { unread } : {}) });
        this.#pending.delete(reply.id);
      }
    });
    worker.addEventListener('error', () => {
      this.#broken = true;
      settle(undefined);
      this.#failAll();
    });
  }

  /** Decodes one image; its pixel buffer is transferred to the worker (the caller must not reuse it). */
  decode(image: ImageData, tweaks?: ReaderTweaks): Promise<DecodeResult> {
    if (this.#broken) return Promise.resolve(NOTHING);
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#worker.postMessage({ type: 'decode', id, image, ...(tweaks ? { tweaks } : {}) }, [image.data.buffer]);
    });
  }

  /**
   * A photo or screenshot chosen by staff. Tried scaled to a long side of 1600 pixels first (quick, and plenty for
   * a screenshot), then, if that found nothing in a bigger photo, at up to 3200 (a small code in a phone photo).
   */
  async decodeFile(file: Blob, sides: readonly number[] = [1600, 3200]): Promise<DecodeResult> {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      return NOTHING; // not an image the browser can read
    }
    try {
      let last = NOTHING;
      let previousScale = 0;
      for (const side of sides) {
        const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
        if (scale === previousScale) break; // the picture is already whole: a bigger try would be the same
        previousScale = scale;
        const image = drawScaled(bitmap, scale);
        if (!image) break;
        last = await this.decode(image);
        if (last.text !== undefined) break;
      }
      return last;
    } finally {
      bitmap.close();
    }
  }

  close(): void {
    this.#worker.terminate();
    this.#broken = true;
    this.#failAll();
  }

  #failAll(): void {
    for (const resolve of this.#pending.values()) resolve(NOTHING);
    this.#pending.clear();
  }
}

/** The worker's loading steps on the page's performance timeline (read by `npm run bench -- app-lowend`). */
function markLoadTimes(loaded: DecoderLoadTimes | undefined): void {
  if (!loaded || typeof performance?.mark !== 'function') return;
  const at = (epoch: number) => Math.max(0, epoch - performance.timeOrigin);
  performance.mark('cp:decoder-started', { startTime: at(loaded.started) });
  if (loaded.wasmFetched !== undefined) performance.mark('cp:wasm-fetched', { startTime: at(loaded.wasmFetched) });
  performance.mark('cp:decoder-ready', { startTime: at(loaded.ready) });
}

function drawScaled(bitmap: ImageBitmap, scale: number): ImageData | undefined {
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(bitmap, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

let shared: DecoderBridge | undefined;

/** The app's one decoder, started on first use. */
export function sharedDecoder(): DecoderBridge {
  shared ??= new DecoderBridge(
    typeof Worker === 'function'
      ? new Worker(new URL('../workers/decoder.worker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' })
      : noWorker(),
  );
  return shared;
}

/** Where workers do not exist (very old browsers, a test DOM): a decoder that reports itself broken at once. */
function noWorker(): WorkerLike {
  return {
    postMessage() {},
    terminate() {},
    addEventListener(type, listener) {
      if (type === 'message') queueMicrotask(() => listener(new MessageEvent('message', { data: { type: 'broken', detail: 'no Worker' } })));
    },
  };
}
