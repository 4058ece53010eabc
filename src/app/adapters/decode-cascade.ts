// The decode cascade (issue 14): what each camera frame is asked, chosen by measuring the hard set
// (`npm run bench -- app-decode`). One attempt a frame, so a frame costs what today's cheap paths cost: frames
// cycle scan frame (the cheapest, and enough for an easy code, so the first frame tries it), whole picture (an
// off-centre code is still read on frame 1), then one extra step, a different one each cycle.

import type { ReaderTweaks } from '../workers/decoder-protocol.ts';

export type Region = { x: number; y: number; width: number; height: number };

/** Where a step looks, drawn at `scale` (a canvas scale is bilinear: it gives small modules pixels to work with). */
export type DecodeStep = { name: string; area: 'scan-frame' | 'whole' | 'centre'; scale: number; tweaks?: ReaderTweaks };

/** The share of the picture's shorter side covered by the visible scan frame, centred. */
export const SCAN_FRAME_SHARE = 0.8;
/** The middle of the scan frame that the 2x step enlarges: 240 px of a 480 px high picture, 480 px once enlarged. */
const CENTRE_SHARE = 0.5;

const SCAN_FRAME: DecodeStep = { name: 'frame', area: 'scan-frame', scale: 1 };
const WHOLE: DecodeStep = { name: 'whole', area: 'whole', scale: 1 };

/** The extra steps, most useful first; the first three each read a hard-set kind that nothing before them read. */
export const EXTRA_STEPS: readonly DecodeStep[] = [
  // a small code (about 2 pixels a module), rotated and noisy
  { name: 'centre2x', area: 'centre', scale: 2 },
  // a dim, noisy picture: a histogram threshold on a 1.5x enlargement separates ink from paper under the noise
  { name: 'histogram', area: 'scan-frame', scale: 1.5, tweaks: { binarizer: 'GlobalHistogram' } },
  // a phone screen's moire: a fixed threshold ignores the beat that fools a local average
  { name: 'fixed', area: 'whole', scale: 1, tweaks: { binarizer: 'FixedThreshold' } },
  // specks and gaps in the modules (noise, print wear): a morphological closing first; no hard-set kind needs it yet
  { name: 'denoise', area: 'scan-frame', scale: 1, tweaks: { tryDenoise: true } },
];

/** The step for frame n (from 0): scan frame, whole, extra 1, scan frame, whole, extra 2, ... */
export function stepForFrame(frame: number, extras: readonly DecodeStep[] = EXTRA_STEPS): DecodeStep {
  const turn = frame % 3;
  if (turn === 0) return SCAN_FRAME;
  if (turn === 1 || extras.length === 0) return WHOLE;
  return extras[((frame - 2) / 3) % extras.length]!;
}

/** The scan frame in the video's own pixels: a centred square, `share` of the shorter side. */
export function scanFrameRegion(videoWidth: number, videoHeight: number, share = SCAN_FRAME_SHARE): Region {
  const side = Math.round(Math.min(videoWidth, videoHeight) * share);
  return { x: Math.round((videoWidth - side) / 2), y: Math.round((videoHeight - side) / 2), width: side, height: side };
}

/** The part of the picture a step reads, in the video's own pixels. */
export function stepRegion(step: DecodeStep, videoWidth: number, videoHeight: number): Region {
  if (step.area === 'whole') return { x: 0, y: 0, width: videoWidth, height: videoHeight };
  return scanFrameRegion(videoWidth, videoHeight, step.area === 'centre' ? CENTRE_SHARE : SCAN_FRAME_SHARE);
}
