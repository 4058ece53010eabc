import { afterEach, describe, expect, test, vi } from 'vitest';
import type { DecodeResult } from '../../src/app/adapters/decoder-bridge.ts';
import { regionForAttempt, scanFrameRegion, startScanLoop } from '../../src/app/adapters/scan-loop.ts';

describe('where the decoder looks', () => {
  test('the scan frame is a centred square of 80% of the shorter side, in the video’s own pixels', () => {
    expect(scanFrameRegion(640, 480)).toEqual({ x: 128, y: 48, width: 384, height: 384 });
    expect(scanFrameRegion(720, 1280)).toEqual({ x: 72, y: 352, width: 576, height: 576 });
  });

  test('attempts alternate between the scan frame and the whole picture', () => {
    expect(regionForAttempt(0, 640, 480)).toEqual(scanFrameRegion(640, 480));
    expect(regionForAttempt(1, 640, 480)).toEqual({ x: 0, y: 0, width: 640, height: 480 });
    expect(regionForAttempt(2, 640, 480)).toEqual(scanFrameRegion(640, 480));
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
      [384, 384],
      [640, 480],
    ]);
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
