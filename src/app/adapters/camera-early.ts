// Opening the camera takes a few hundred ms, more on a cheap tablet: boot.ts asks for the default (rear) camera before
// the app's script has loaded, and the scanner model takes that stream rather than opening its own (issue 13). One
// stream, one owner: once taken it is the model's; left untaken (another screen opened first, or staff chose another
// camera) it is stopped, so the camera light goes out.

import { openCamera, stopStream, type OpenCamera } from './camera.ts';

/** Where an earlier version kept the chosen camera; it now lives in the settings store (settings-schema.ts). */
const LEGACY_CHOSEN_CAMERA_KEY = 'cp.camera';
/** Long enough for the slowest start of the app; short enough that a forgotten camera light goes out. */
const UNTAKEN_MS = 10_000;

let early: Promise<OpenCamera> | undefined;

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
  if (early || typeof document === 'undefined' || document.visibilityState === 'hidden' || !navigator.mediaDevices?.getUserMedia) return;
  const opened = openCamera();
  early = opened;
  setTimeout(() => {
    if (early !== opened) return;
    early = undefined;
    void opened.then((o) => o.ok && stopStream(o.stream));
  }, UNTAKEN_MS);
}

/**
 * The early stream when it suits `deviceId` (any camera will do when undefined, else that very camera), else
 * undefined; an early stream that does not suit is stopped.
 */
export async function takeEarlyCamera(deviceId: string | undefined): Promise<OpenCamera | undefined> {
  const taken = early;
  early = undefined;
  if (!taken) return undefined;
  if (deviceId === undefined) return taken;
  const opened = await taken;
  if (opened.ok && opened.deviceId === deviceId) return opened;
  if (opened.ok) stopStream(opened.stream);
  return undefined;
}
