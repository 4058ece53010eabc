// Opening the camera takes a few hundred ms, more on a cheap tablet: boot.ts asks for it before the app's script has
// loaded, and the camera view takes that stream rather than opening its own (issue 13). One stream, one owner: once
// taken it is the view's; left untaken (another screen opened first) it is stopped, so the camera light goes out.
// While the app loads, the early stream is also read (scanEarly): a passport held up at start is decoded beside the
// app's own start, not after it, and main.tsx checks it as soon as the models exist.

import { openCamera, stopStream, type OpenCamera } from './camera.ts';
import { scanLoopRunning, startScanLoop, type ScanLoopOptions } from './scan-loop.ts';

const CHOSEN_CAMERA_KEY = 'cp.camera';
/** Long enough for the slowest start of the app; short enough that a forgotten camera light goes out. */
const UNTAKEN_MS = 10_000;

type Early = { deviceId: string | undefined; opened: Promise<OpenCamera>; stopScan: () => void };

let early: Early | undefined;
/** A passport's text read by the early scan, waiting for the app (taken once). */
let earlyText: string | undefined;
let earlyListener: ((text: string) => void) | undefined;

/** The camera staff chose on this device (kept in localStorage, outside IndexedDB, so it is known at once). */
export function rememberedCamera(): string | undefined {
  try {
    return localStorage.getItem(CHOSEN_CAMERA_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberCamera(deviceId: string): void {
  try {
    localStorage.setItem(CHOSEN_CAMERA_KEY, deviceId);
  } catch {
    // private mode: the choice lasts for this visit only
  }
}

/** Starts opening the camera now, for the camera view to take; does nothing on a hidden page or without a camera API. */
export function openCameraEarly(deviceId = rememberedCamera()): void {
  if (early || typeof document === 'undefined' || document.visibilityState === 'hidden' || !navigator.mediaDevices?.getUserMedia) return;
  const opened = openCamera(deviceId);
  const mine: Early = { deviceId, opened, stopScan: () => {} };
  early = mine;
  const letGo = () => {
    mine.stopScan();
    if (early !== mine) return; // taken: the camera view's to stop
    early = undefined;
    void opened.then((o) => o.ok && stopStream(o.stream));
  };
  // left untaken, or taken by a view that never started reading (a camera problem)
  setTimeout(letGo, UNTAKEN_MS);
  // a hidden till must not keep the camera: the camera view opens its own when the page is back
  const onHidden = () => {
    if (document.visibilityState !== 'hidden') return;
    document.removeEventListener('visibilitychange', onHidden);
    letGo();
  };
  document.addEventListener('visibilitychange', onHidden);
}

/**
 * Reads the early stream until the camera view's own scan loop starts (one loop at a time, scan-loop.ts): taking the
 * stream does not stop it, since the view's video needs a while to play. Frames go through `decode` (the decoder
 * worker) from a video element of its own, off screen. The first passport read is handed to the app (onEarlyScan).
 */
export function scanEarly(decode: ScanLoopOptions['decode']): void {
  const mine = early;
  if (!mine) return;
  let stopped = false;
  let stopLoop = () => {};
  const video = document.createElement('video');
  mine.stopScan = () => {
    stopped = true;
    stopLoop();
    video.srcObject = null;
  };
  void mine.opened.then(async (opened) => {
    performance.mark('cp:early-camera-open');
    if (stopped || !opened.ok) return;
    video.muted = true;
    video.playsInline = true;
    video.srcObject = opened.stream;
    await video.play().catch(() => undefined);
    performance.mark('cp:early-camera-playing');
    if (stopped || scanLoopRunning()) return; // the camera view reads it already
    stopLoop = startScanLoop({
      video,
      decode,
      onText: (text) => {
        performance.mark('cp:qr-decoded');
        mine.stopScan();
        // still ours: let it go, as the camera view does after a read; taken: the camera view's to stop
        if (early === mine) {
          early = undefined;
          stopStream(opened.stream);
        }
        if (earlyListener) earlyListener(text);
        else earlyText = text;
      },
    });
  });
}

/**
 * Hands the app the passport the early scan read: `listener` is called at once with one read already, or later with
 * one read before the camera view takes the camera. Called once, by main.tsx, when the verdict model exists.
 */
export function onEarlyScan(listener: (text: string) => void): void {
  earlyListener = listener;
  const text = earlyText;
  earlyText = undefined;
  if (text !== undefined) listener(text);
}

/** The early stream when it was opened for this device, else undefined (and an early stream for another is stopped). */
export function takeEarlyCamera(deviceId: string | undefined): Promise<OpenCamera> | undefined {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  if (taken.deviceId === deviceId) return taken.opened; // read early until the view's own loop starts
  taken.stopScan();
  void taken.opened.then((o) => o.ok && stopStream(o.stream));
  return undefined;
}
