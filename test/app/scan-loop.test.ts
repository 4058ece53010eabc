import { afterEach, describe, expect, test, vi } from 'vitest';
import type { DecodeResult } from '../../src/app/adapters/decoder-bridge.ts';
import { EXTRA_STEPS, stepForFrame, stepRegion } from '../../src/app/adapters/decode-cascade.ts';
import { adviceFrom, scanFrameRegion, scanLoopRunning, startScanLoop } from '../../src/app/adapters/scan-loop.ts';

describe('where the decoder looks', () => {
  test('the scan frame is a centred square of 80% of the shorter side, in the video’s own pixels', () => {
    expect(scanFrameRegion(640, 480)).toEqual({ x: 128, y: 48, width: 384, height: 384 });
    expect(scanFrameRegion(720, 1280)).toEqual({ x: 72, y: 352, width: 576, height: 576 });
  });

  test('frames cycle scan frame, whole picture, then one extra step of the cascade, each extra in turn', () => {
    const names = Array.from({ length: 3 * (EXTRA_STEPS.length + 1) }, (_, n) => stepForFrame(n).name);
    expect(names.slice(0, 3)).toEqual(['frame', 'whole', EXTRA_STEPS[0]!.name]);
    expect(names.filter((_, n) => n % 3 === 2)).toEqual([...EXTRA_STEPS.map((s) => s.name), EXTRA_STEPS[0]!.name]);
    expect(stepRegion(stepForFrame(0), 640, 480)).toEqual(scanFrameRegion(640, 480));
    expect(stepRegion(stepForFrame(1), 640, 480)).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    expect(stepRegion(stepForFrame(2), 640, 480)).toEqual({ x: 200, y: 120, width: 240, height: 240 });
  });
});

describe('what staff are told while nothing is read', () => {
  const nothing = { text: undefined, texts: [], ms: 2, luma: 120 };
  test('another code in view, and no passport: said plainly at once', () => {
    expect(adviceFrom([nothing, { ...nothing, text: 'https://shop.example', texts: ['https://shop.example'] }])).toBe('not-a-passport');
  });
  test('dark frames ask for light; one dark frame among bright ones does not', () => {
    expect(adviceFrom([nothing, { ...nothing, luma: 20 }, { ...nothing, luma: 25 }])).toBe('dark');
    expect(adviceFrom([nothing, nothing, { ...nothing, luma: 20 }])).toBeUndefined();
  });
  test('"flatter" and "closer" only where the decoder saw a symbol it could not read for that reason', () => {
    expect(adviceFrom([{ ...nothing, unread: 'skewed' }, { ...nothing, unread: 'skewed' }])).toBe('flatter');
    expect(adviceFrom([{ ...nothing, unread: 'small' }, nothing, { ...nothing, unread: 'small' }])).toBe('closer');
    expect(adviceFrom([nothing, nothing, nothing])).toBeUndefined();
  });
});

describe('the decode loop', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** A video element that claims to have a 640x480 frame; the canvas is stubbed, happy-dom draws nothing. */
  function fakeVideo(): HTMLVideoElement {
    const video = document.createElement('video');
    Object.defineProperties(video, {
      videoWidth: { value: 640 },
      videoHeight: { value: 480 },
      readyState: { value: HTMLMediaElement.HAVE_ENOUGH_DATA },
    });
    return video;
  }

  function stubCanvas() {
    const sizes: [number, number][] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      const canvas = this;
      return {
        drawImage: () => {},
        getImageData: (_x: number, _y: number, w: number, h: number) => {
          sizes.push([canvas.width, canvas.height]);
          return { width: w, height: h, data: new Uint8ClampedArray(4) } as unknown as ImageData;
        },
      } as unknown as CanvasRenderingContext2D;
    });
    return sizes;
  }

  test('never sends a frame while the previous decode is still running, and stops at the first code', async () => {
    vi.useFakeTimers();
    const sizes = stubCanvas();
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    const decode = async (): Promise<DecodeResult> => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 250)); // a slow device: slower than the cadence
      inFlight--;
      return { text: calls === 4 ? 'CP1:/0102' : undefined, ms: 250 };
    };
    const found: string[] = [];
    startScanLoop({ video: fakeVideo(), decode, onText: (t) => found.push(t), intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(maxInFlight).toBe(1);
    expect(calls).toBe(4);
    expect(found).toEqual(['CP1:/0102']);
    expect(sizes).toEqual([
      [384, 384],
      [640, 480],
      [480, 480], // the centre, enlarged twice
      [384, 384],
    ]);
  });

  test('one loop at a time: starting another (the camera view after the early scan) stops the first', async () => {
    vi.useFakeTimers();
    stubCanvas();
    const early = vi.fn(async (): Promise<DecodeResult> => ({ text: undefined, ms: 1 }));
    const view = vi.fn(async (): Promise<DecodeResult> => ({ text: undefined, ms: 1 }));
    startScanLoop({ video: fakeVideo(), decode: early, onText: () => {}, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(250);
    const earlyCalls = early.mock.calls.length;
    expect(earlyCalls).toBeGreaterThan(0);
    expect(scanLoopRunning()).toBe(true);
    const stop = startScanLoop({ video: fakeVideo(), decode: view, onText: () => {}, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(500);
    expect(early.mock.calls.length).toBe(earlyCalls);
    expect(view.mock.calls.length).toBeGreaterThan(3);
    stop();
    expect(scanLoopRunning()).toBe(false);
  });

  test('a loop that hands over still reports the passport in the frame it was decoding; a stopped one does not', async () => {
    vi.useFakeTimers();
    stubCanvas();
    const slowRead = (text: string) => vi.fn(() => new Promise<DecodeResult>((resolve) => setTimeout(() => resolve({ text, texts: [text], ms: 50 }), 50)));
    const early: string[] = [];
    startScanLoop({ video: fakeVideo(), decode: slowRead('CP1:/0102'), onText: (t) => early.push(t), intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(10); // the early loop's first frame is in the decoder
    const stopView = startScanLoop({ video: fakeVideo(), decode: slowRead('CP1:/0304'), onText: () => {}, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(60);
    expect(early).toEqual(['CP1:/0102']);
    stopView();

    const stopped: string[] = [];
    const stop = startScanLoop({ video: fakeVideo(), decode: slowRead('CP1:/0506'), onText: (t) => stopped.push(t), intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(10);
    stop(); // a verdict from the wedge, or the page hidden: what the decoder was reading no longer counts
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toEqual([]);
  });

  test('keeps a steady cadence when decoding is quick, and stopping ends it', async () => {
    vi.useFakeTimers();
    stubCanvas();
    let calls = 0;
    const stop = startScanLoop({
      video: fakeVideo(),
      decode: async () => {
        calls++;
        return { text: undefined, ms: 1 };
      },
      onText: () => {},
      intervalMs: 100,
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(calls).toBeLessThanOrEqual(11);
    stop();
    const before = calls;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(before);
  });

  test('a code that is not a passport keeps the camera looking, says so, and the passport found later stops it', async () => {
    vi.useFakeTimers();
    stubCanvas();
    let calls = 0;
    const shop = 'https://shop.example/offers';
    const found: string[] = [];
    const advice: (string | undefined)[] = [];
    startScanLoop({
      video: fakeVideo(),
      decode: async () => {
        calls++;
        const texts = calls < 5 ? [shop] : [shop, 'CP1:/0102'];
        return { text: texts[0], texts, ms: 2, luma: 120 };
      },
      onText: (t) => found.push(t),
      onAdvice: (a) => advice.push(a),
      intervalMs: 100,
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(advice).toEqual(['not-a-passport']);
    expect(found).toEqual(['CP1:/0102']);
    expect(calls).toBe(5);
  });

  test('a text that arrives after stopping is dropped (the screen moved on)', async () => {
    stubCanvas();
    let finish: (r: DecodeResult) => void = () => {};
    const found: string[] = [];
    const stop = startScanLoop({ video: fakeVideo(), decode: () => new Promise((resolve) => (finish = resolve)), onText: (t) => found.push(t) });
    stop();
    finish({ text: 'CP1:/0102', ms: 3 });
    await Promise.resolve();
    expect(found).toEqual([]);
  });
});
