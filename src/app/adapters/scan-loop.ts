// The camera decode loop: grab a frame, decode it in the worker, wait, repeat. One decode at a time, so frames
// never queue up behind a slow device; the next frame is taken when the previous decode returns, at most every
// `intervalMs`. Each frame is one step of the decode cascade (decode-cascade.ts): the scan frame first.

import { isPassportShaped } from '../../core/qr-text.ts';
import type { ReaderTweaks } from '../workers/decoder-protocol.ts';
import { stepForFrame, stepRegion } from './decode-cascade.ts';
import type { DecodeResult } from './decoder-bridge.ts';

export { SCAN_FRAME_SHARE, scanFrameRegion, type Region } from './decode-cascade.ts';

/**
 * What staff are told while nothing is read: another code in view, or what recent frames say is in the way.
 * 'dark' when the picture is too dark to read; 'closer' and 'flatter' only when the decoder found a symbol it could
 * not read for that reason.
 */
export type ScanAdvice = 'not-a-passport' | 'dark' | 'closer' | 'flatter';

/** Mean brightness under which a frame is too dark to read reliably (0 to 255). */
export const DARK_LUMA = 50;
/** How many recent frames are weighed, and how many must agree, so the words do not flicker frame by frame. */
const RECENT = 4;
const AGREE = 2;

/** The advice from the latest frames' results (oldest first), or undefined when there is nothing useful to say. */
export function adviceFrom(recent: readonly DecodeResult[]): ScanAdvice | undefined {
  const last = recent.slice(-RECENT);
  const count = (test: (r: DecodeResult) => boolean) => last.filter(test).length;
  if (count((r) => (r.texts ?? []).length > 0 || r.text !== undefined) > 0) return 'not-a-passport';
  if (count((r) => r.luma !== undefined && r.luma < DARK_LUMA) >= AGREE) return 'dark';
  if (count((r) => r.unread === 'skewed') >= AGREE) return 'flatter';
  if (count((r) => r.unread === 'small') >= AGREE) return 'closer';
  return undefined;
}

export type ScanLoopOptions = {
  video: HTMLVideoElement;
  decode: (image: ImageData, tweaks?: ReaderTweaks) => Promise<DecodeResult>;
  /** Called once with the first passport-shaped text decoded; the loop has stopped by then. */
  onText: (text: string) => void;
  /** Called when the advice for staff changes (undefined: nothing to say); the loop keeps going. */
  onAdvice?: (advice: ScanAdvice | undefined) => void;
  intervalMs?: number;
};

/**
 * The loop reading frames now. One at a time, as they share one decoder: starting a loop hands over from the one
 * before, which reads no more frames but still reports a passport in the frame it was decoding (at start, the early
 * scan's first frame is often on its way through the decoder when the camera view's loop begins: issue 13).
 */
let running: ((handover?: 'handover') => void) | undefined;

/** True while a loop is reading frames. */
export const scanLoopRunning = (): boolean => running !== undefined;

/** Starts the loop; returns the function that stops it (safe to call twice). */
export function startScanLoop({ video, decode, onText, onAdvice = () => {}, intervalMs = 100 }: ScanLoopOptions): () => void {
  running?.('handover');
  let stopped = false;
  let handedOver = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let advice: ScanAdvice | undefined;
  const recent: DecodeResult[] = [];
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  const grab = (): { image: ImageData; tweaks: ReaderTweaks | undefined } | undefined => {
    const { videoWidth, videoHeight } = video;
    if (!context || videoWidth === 0 || videoHeight === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return undefined;
    const step = stepForFrame(frame++);
    const region = stepRegion(step, videoWidth, videoHeight);
    const width = Math.round(region.width * step.scale);
    const height = Math.round(region.height * step.scale);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.drawImage(video, region.x, region.y, region.width, region.height, 0, 0, width, height);
    return { image: context.getImageData(0, 0, width, height), tweaks: step.tweaks };
  };

  const tick = async () => {
    if (stopped) return;
    const started = performance.now();
    const grabbed = grab();
    if (grabbed) {
      const result = await decode(grabbed.image, grabbed.tweaks);
      globalThis.performance?.mark?.('cp:frame-decoded'); // counted by `npm run bench -- app-lowend`
      const passport = (result.texts ?? [result.text ?? '']).find(isPassportShaped);
      // the screen may have moved on while the worker was busy (a verdict from the wedge, the page hidden); a loop that
      // handed over to the next still reports the passport it read (the scanner counts one read twice as one scan)
      if (stopped && !(handedOver && passport !== undefined)) return;
      if (passport !== undefined) {
        stopped = true;
        onText(passport);
        return;
      }
      recent.push(result);
      if (recent.length > RECENT) recent.shift();
      const next = adviceFrom(recent);
      if (next !== advice) onAdvice((advice = next));
    }
    timer = setTimeout(() => void tick(), Math.max(0, intervalMs - (performance.now() - started)));
  };
  void tick();

  const stop = (handover?: 'handover') => {
    if (!stopped) handedOver = handover === 'handover';
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (running === stop) running = undefined;
  };
  running = stop;
  return () => stop();
}
