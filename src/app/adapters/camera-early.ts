// Opening the camera takes a few hundred ms, more on a cheap tablet: boot.ts asks for the default (rear) camera before
// the app's script has loaded, and the scanner model takes that stream rather than opening its own (issue 13). One
// stream, one owner: once taken it is the model's; left untaken (another screen opened first, or staff chose another
// camera) it is stopped, so the camera light goes out. While the app loads, the early stream is also read
// (scanEarly): a passport held up at start is decoded beside the app's own start, not after it, and main.tsx checks it
// as soon as the models exist.

import { takeHeadCameraRequest } from '../head-camera.ts';
import { cameraFrom, openCamera, stopStream, type OpenCamera } from './camera.ts';
import { scanLoopRunning, startScanLoop, type ScanLoopOptions } from './scan-loop.ts';

/** Where an earlier version kept the chosen camera; it now lives in the settings store (settings-schema.ts). */
const LEGACY_CHOSEN_CAMERA_KEY = 'cp.camera';
/** Long enough for the slowest start of the app; short enough that a forgotten camera light goes out. */
const UNTAKEN_MS = 10_000;

type Early = { opened: Promise<OpenCamera>; stopScan: () => void };

let early: Early | undefined;
/** A passport's text read by the early scan, waiting for the app (taken once). */
let earlyText: string | undefined;
let earlyListener: ((text: string) => void) | undefined;

/** The camera an earlier version remembered in localStorage, removed there as it is read (moved, not copied). */
export function takeLegacyCameraChoice(): string | undefined {
  try {
    const chosen = localStorage.getItem(LEGACY_CHOSEN_CAMERA_KEY) ?? undefined;
    if (chosen !== undefined) localStorage.removeItem(LEGACY_CHOSEN_CAMERA_KEY);
    return chosen;
  } catch {
    return undefined; // storage blocked: nothing was kept there either
  }
}

/** Starts opening the default camera now, for the scanner model to take; does nothing on a hidden page or without a camera API. */
export function openCameraEarly(): void {
  const asked = takeHeadCameraRequest(); // the page's head asked already (head-camera.ts)
  if (early || typeof document === 'undefined' || document.visibilityState === 'hidden' || !navigator.mediaDevices?.getUserMedia) {
    void asked?.then(stopStream, () => undefined); // hidden since: nobody will take it
    return;
  }
  const opened = asked ? cameraFrom(asked) : openCamera();
  const mine: Early = { opened, stopScan: () => {} };
  early = mine;
  const letGo = () => {
    mine.stopScan();
    if (early !== mine) return; // taken: the scanner model's to stop
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

/**
 * The early stream when it suits `deviceId` (any camera will do when undefined, else that very camera), else
 * undefined; an early stream that does not suit is stopped.
 */
export async function takeEarlyCamera(deviceId: string | undefined): Promise<OpenCamera | undefined> {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  // any camera will do: read early until the model's own loop starts (one loop at a time, scan-loop.ts)
  if (deviceId === undefined) return taken.opened;
  const opened = await taken.opened;
  if (opened.ok && opened.deviceId === deviceId) return opened;
  taken.stopScan();
  if (opened.ok) stopStream(opened.stream);
  return undefined;
}
