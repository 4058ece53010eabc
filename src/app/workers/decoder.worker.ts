// Decodes QR codes off the main thread, so the page stays responsive while the camera runs.
// The native BarcodeDetector where the platform has one for QR (Android Chrome, macOS), otherwise zxing-cpp
// compiled to WebAssembly: it decoded 16 of 16 hard camera conditions where @zxing/library managed 7 (toolchain notes).

import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecodeRequest, DecoderEngine, DecoderReply } from './decoder-protocol.ts';

type Decode = (image: ImageData) => Promise<string | undefined>;

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
    return async (image) => {
      const found = (await detector.detect(image))[0]?.rawValue;
      if (found !== undefined) return found;
      // native detectors may miss light-on-dark codes (a phone in dark mode), which zxing finds with tryInvert
      invert(image);
      return (await detector.detect(image))[0]?.rawValue;
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

/** Fetches and compiles the .wasm ourselves, so a failed fetch is an error we see rather than a load that never ends. */
async function instantiateReader(imports: WebAssembly.Imports): Promise<WebAssembly.Instance> {
  const response = await fetch(wasmUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`the QR reader could not be fetched (HTTP ${response.status})`);
  try {
    return (await WebAssembly.instantiateStreaming(response.clone(), imports)).instance;
  } catch {
    // a static server that does not send application/wasm: compile from the bytes instead
    return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
  }
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
    maxNumberOfSymbols: 1,
  };
  return async (image) => (await readBarcodes(image, options)).find((r) => r.isValid)?.text;
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
    reply({ type: 'ready', engine: loaded.engine });
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
  void loading.then(async (loaded) => {
    const started = performance.now();
    let text: string | undefined;
    try {
      text = loaded ? await loaded.decode(request.image) : undefined;
    } catch {
      text = undefined; // a frame the engine could not read is simply a frame without a code
    }
    reply({ type: 'decoded', id: request.id, text, ms: performance.now() - started });
  });
});
