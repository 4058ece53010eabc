// Decodes QR codes off the main thread, so the page stays responsive while the camera runs.
// The native BarcodeDetector where the platform has one for QR (Android Chrome, macOS), otherwise zxing-cpp
// compiled to WebAssembly: it decoded 16 of 16 hard camera conditions where @zxing/library managed 7 (toolchain notes).

import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import warmUpUrl from './warm-up-qr.png?url';
import type { DecodeRequest, DecoderEngine, DecoderLoadTimes, DecoderReply, ReaderTweaks, SeenButUnread } from './decoder-protocol.ts';

/** Epoch ms: the page's and the worker's performance clocks start at different moments. */
const epochNow = () => performance.timeOrigin + performance.now();
const times: Partial<DecoderLoadTimes> = { started: epochNow() };

type Reading = { texts: string[]; unread?: SeenButUnread };
type Decode = (image: ImageData, tweaks?: ReaderTweaks) => Promise<Reading>;

/** The worker's global scope, typed by hand: the root tsconfig has the DOM lib, which clashes with WebWorker's. */
const scope = self as unknown as {
  postMessage(message: DecoderReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DecodeRequest>) => void): void;
};

/** The BarcodeDetector API (Shape Detection spec) is not in TypeScript's lib yet. */
type NativeDetector = { detect(image: ImageBitmapSource): Promise<{ rawValue: string }[]> };
type NativeDetectorClass = {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
};

async function nativeDecoder(): Promise<Decode | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return undefined;
  try {
    // some desktop builds expose the class with no formats behind it
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return undefined;
    const detector = new Detector({ formats: ['qr_code'] });
    const read = async (image: ImageData) => (await detector.detect(image)).map((found) => found.rawValue);
    return async (image) => {
      const texts = await read(image);
      if (texts.length > 0) return { texts };
      // native detectors may miss light-on-dark codes (a phone in dark mode), which zxing finds with tryInvert
      invert(image);
      return { texts: await read(image) };
    };
  } catch {
    return undefined;
  }
}

function invert(image: ImageData): void {
  const pixels = image.data;
  for (let i = 0; i < pixels.length; i += 4) {
    pixels[i] = 255 - pixels[i]!;
    pixels[i + 1] = 255 - pixels[i + 1]!;
    pixels[i + 2] = 255 - pixels[i + 2]!;
  }
}

/**
 * Fetches and compiles the .wasm ourselves, so a failed fetch is an error we see rather than a load that never ends.
 * Compiled while streaming from a cacheable response (the browser keeps the compiled code for the next visit), and
 * started as the worker starts, alongside zxing's JavaScript rather than after it (issue 13).
 */
async function compileReader(): Promise<WebAssembly.Module> {
  const response = await fetch(wasmUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`the QR reader could not be fetched (HTTP ${response.status})`);
  times.wasmFetched = epochNow(); // headers in: the compile streams the body from here
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // a static server that does not send application/wasm: compile from the bytes instead
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

let compiling: Promise<WebAssembly.Module> | undefined;
const compiledReader = () => (compiling ??= compileReader());
// a platform with a native detector may not need zxing at all: there the .wasm waits until it is asked for
if (!('BarcodeDetector' in globalThis)) compiledReader().catch(() => undefined);

/** True once the page has sent a frame: the first frame has then paid for the compile, and a warm-up would only delay the next. */
let asked = false;
/** The warm-up QR (below): fetched beside the .wasm, or when zxing turns out to be needed; undefined when it could not be had. */
const fetchWarmUp = () => fetch(warmUpUrl).then((r) => r.blob()).then(createImageBitmap).catch(() => undefined);
let warmUpPicture = 'BarcodeDetector' in globalThis ? undefined : fetchWarmUp();

/**
 * The first QR zxing reads takes it two to three times as long as the next (its code is compiled as it first runs):
 * the worker reads one of its own (src/build/make-warm-up-qr.ts) while the camera is still opening, so the first
 * frame does not pay for it (issue 13). Without the picture, or OffscreenCanvas, the first frame pays as before.
 */
async function warmUp(decode: Decode): Promise<void> {
  const picture = await (warmUpPicture ??= fetchWarmUp());
  // frames came first: the first one has paid already
  if (!picture || asked || typeof OffscreenCanvas === 'undefined') return;
  const context = new OffscreenCanvas(picture.width, picture.height).getContext('2d');
  if (!context) return;
  context.drawImage(picture, 0, 0);
  await decode(context.getImageData(0, 0, picture.width, picture.height)).catch(() => undefined);
}

async function instantiateReader(imports: WebAssembly.Imports): Promise<WebAssembly.Instance> {
  return WebAssembly.instantiate(await compiledReader(), imports);
}

async function wasmDecoder(): Promise<Decode> {
  // loaded only where needed; the .wasm comes from our own origin (precached), never from a CDN
  const { prepareZXingModule, readBarcodes } = await import('zxing-wasm/reader');
  let failed: (error: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const ready = prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
      instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
        instantiateReader(imports).then(receive, failed);
        return {}; // emscripten's contract: exports come later through `receive`
      },
    },
    fireImmediately: true,
  });
  await Promise.race([ready, failure]);
  const options = {
    formats: ['QRCode' as const],
    tryHarder: true,
    // light-on-dark codes: phones showing the passport in dark mode
    tryInvert: true,
    tryRotate: true,
    // every code in view, so a shop's promotion beside the passport cannot hide it (issue 14)
    maxNumberOfSymbols: 4,
    // symbols found but not read tell staff why (too small, too steep)
    returnErrors: true,
  };
  return async (image, tweaks) => {
    const results = await readBarcodes(image, { ...options, ...tweaks });
    const texts = results.filter((r) => r.isValid).map((r) => r.text);
    const failed = texts.length === 0 ? results.find((r) => !r.isValid) : undefined;
    const unread = failed && whyUnread(failed.position, failed.version);
    return unread ? { texts, unread } : { texts };
  };
}

type Point = { x: number; y: number };

/** From where a symbol was found but not read: under 2 pixels a module is 'small', opposite sides 3:2 or worse 'skewed'. */
function whyUnread(at: { topLeft: Point; topRight: Point; bottomLeft: Point; bottomRight: Point }, version: string): SeenButUnread | undefined {
  const length = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  const sides = [length(at.topLeft, at.topRight), length(at.bottomLeft, at.bottomRight), length(at.topLeft, at.bottomLeft), length(at.topRight, at.bottomRight)];
  const [top, bottom, left, right] = sides as [number, number, number, number];
  if (Math.min(top, bottom) / Math.max(top, bottom) < 2 / 3 || Math.min(left, right) / Math.max(left, right) < 2 / 3) return 'skewed';
  const modules = 17 + 4 * (Number.parseInt(version, 10) || 1);
  return Math.min(...sides) / modules < 2 ? 'small' : undefined;
}

/** Mean brightness (0 to 255) of a sample of pixels: a dark picture asks for the torch. */
function meanLuma(image: ImageData): number {
  const pixels = image.data;
  const step = 4 * 16;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < pixels.length; i += step) {
    sum += pixels[i]! * 0.3 + pixels[i + 1]! * 0.59 + pixels[i + 2]! * 0.11;
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

async function load(): Promise<{ decode: Decode; engine: DecoderEngine }> {
  const native = await nativeDecoder();
  if (native) return { decode: native, engine: 'barcode-detector' };
  return { decode: await wasmDecoder(), engine: 'zxing-wasm' };
}

function reply(message: DecoderReply): void {
  scope.postMessage(message);
}

const loading = load().then(
  (loaded) => {
    reply({ type: 'ready', engine: loaded.engine, loaded: { ...times, started: times.started!, ready: epochNow() } });
    // after "ready", not before: a frame that comes meanwhile waits at most for this one read
    if (loaded.engine === 'zxing-wasm') void warmUp(loaded.decode);
    return loaded;
  },
  (error: unknown) => {
    reply({ type: 'broken', detail: error instanceof Error ? error.message : String(error) });
    return undefined;
  },
);

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request?.type !== 'decode') return;
  asked = true;
  void loading.then(async (loaded) => {
    const started = performance.now();
    const luma = meanLuma(request.image); // before a native detector inverts the picture
    let reading: Reading = { texts: [] };
    try {
      if (loaded) reading = await loaded.decode(request.image, request.tweaks);
    } catch {
      // a frame the engine could not read is simply a frame without a code
    }
    const { texts, unread } = reading;
    reply({ type: 'decoded', id: request.id, texts, ms: performance.now() - started, luma, ...(unread ? { unread } : {}) });
  });
});
