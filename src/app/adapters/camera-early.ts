// Opening the camera takes a few hundred ms, more on a cheap tablet: boot.ts asks for it before the app's script has
// loaded, and the camera view takes that stream rather than opening its own (issue 13). One stream, one owner: once
// taken it is the view's; left untaken (another screen opened first) it is stopped, so the camera light goes out.

import { openCamera, stopStream, type OpenCamera } from './camera.ts';

const CHOSEN_CAMERA_KEY = 'cp.camera';
/** Long enough for the slowest start of the app; short enough that a forgotten camera light goes out. */
const UNTAKEN_MS = 10_000;

let early: { deviceId: string | undefined; opened: Promise<OpenCamera> } | undefined;

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
  const mine = { deviceId, opened };
  early = mine;
  setTimeout(() => {
    if (early !== mine) return;
    early = undefined;
    void opened.then((o) => o.ok && stopStream(o.stream));
  }, UNTAKEN_MS);
}

/** The early stream when it was opened for this device, else undefined (and an early stream for another is stopped). */
export function takeEarlyCamera(deviceId: string | undefined): Promise<OpenCamera> | undefined {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  if (taken.deviceId === deviceId) return taken.opened;
  void taken.opened.then((o) => o.ok && stopStream(o.stream));
  return undefined;
}
