// The camera decode loop: grab a frame, decode it in the worker, wait, repeat. One decode at a time, so frames
// never queue up behind a slow device; the next frame is taken when the previous decode returns, at most every
// `intervalMs`. Attempts alternate between the scan frame (a crop: 2.5 to 4x faster, toolchain notes) and the whole
// picture (a small or off-centre code).

import type { DecodeResult } from './decoder-bridge.ts';

export type Region = { x: number; y: number; width: number; height: number };

/** The share of the picture's shorter side covered by the visible scan frame, centred. */
export const SCAN_FRAME_SHARE = 0.8;

/** The scan frame in the video's own pixels: a centred square, `share` of the shorter side. */
export function scanFrameRegion(videoWidth: number, videoHeight: number, share = SCAN_FRAME_SHARE): Region {
  const side = Math.round(Math.min(videoWidth, videoHeight) * share);
  return { x: Math.round((videoWidth - side) / 2), y: Math.round((videoHeight - side) / 2), width: side, height: side };
}

/** Attempt n (from 0) looks inside the scan frame when n is even, at the whole picture when odd. */
export function regionForAttempt(attempt: number, videoWidth: number, videoHeight: number): Region {
  return attempt % 2 === 0 ? scanFrameRegion(videoWidth, videoHeight) : { x: 0, y: 0, width: videoWidth, height: videoHeight };
}

export type ScanLoopOptions = {
  video: HTMLVideoElement;
  decode: (image: ImageData) => Promise<DecodeResult>;
  /** Called once with the first text decoded; the loop has stopped by then. */
  onText: (text: string) => void;
  intervalMs?: number;
};

/** Starts the loop; returns the function that stops it (safe to call twice). */
export function startScanLoop({ video, decode, onText, intervalMs = 100 }: ScanLoopOptions): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  const grab = (): ImageData | undefined => {
    const { videoWidth, videoHeight } = video;
    if (!context || videoWidth === 0 || videoHeight === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return undefined;
    const region = regionForAttempt(attempt++, videoWidth, videoHeight);
    if (canvas.width !== region.width || canvas.height !== region.height) {
      canvas.width = region.width;
      canvas.height = region.height;
    }
    context.drawImage(video, region.x, region.y, region.width, region.height, 0, 0, region.width, region.height);
    return context.getImageData(0, 0, region.width, region.height);
  };

  const tick = async () => {
    if (stopped) return;
    const started = performance.now();
    const image = grab();
    if (image) {
      const { text } = await decode(image);
      // the screen may have moved on while the worker was busy (a verdict from the wedge, the page hidden)
      if (stopped) return;
      if (text !== undefined && text !== '') {
        stopped = true;
        onText(text);
        return;
      }
    }
    timer = setTimeout(() => void tick(), Math.max(0, intervalMs - (performance.now() - started)));
  };
  void tick();

  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
