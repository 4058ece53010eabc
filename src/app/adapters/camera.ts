// The camera: open the rear camera (or the one staff chose), list cameras, switch the torch, stop every track.
// Failures come back as a plain problem code the scan screen turns into words, never as an exception.

export type CameraProblem =
  /** The person or the browser's settings refused camera access (NotAllowedError, SecurityError). */
  | 'refused'
  /** No camera, or none that meets the constraints (NotFoundError, OverconstrainedError). */
  | 'no-camera'
  /** Another app holds the camera (NotReadableError, AbortError). */
  | 'in-use'
  /** No getUserMedia at all: an insecure page (http) or an old browser. */
  | 'unsupported'
  /** Anything else the browser reported while starting the camera. */
  | 'failed';

export type CameraInfo = { deviceId: string; label: string };

export type OpenCamera =
  | { ok: true; stream: MediaStream; track: MediaStreamTrack; torch: boolean; deviceId: string | undefined }
  | { ok: false; problem: CameraProblem };

/** Torch is not in TypeScript's DOM types yet (Image Capture spec). */
type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean };

export function problemFromError(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'refused';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'failed';
  }
}

/**
 * `ideal`, never `exact`: `exact: 'environment'` throws OverconstrainedError on laptops, kiosk USB webcams and
 * Chromium's fake camera (toolchain notes). A chosen device is asked for exactly, since staff picked it.
 */
export function cameraConstraints(deviceId?: string): MediaStreamConstraints {
  const video: MediaTrackConstraints = deviceId
    ? { deviceId: { exact: deviceId } }
    : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } };
  return { video, audio: false };
}

export async function openCamera(deviceId?: string): Promise<OpenCamera> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, problem: 'unsupported' };
  try {
    return await cameraFrom(navigator.mediaDevices.getUserMedia(cameraConstraints(deviceId)));
  } catch (error) {
    return { ok: false, problem: problemFromError(error) }; // thrown before any promise (an odd browser)
  }
}

/** The camera a getUserMedia request gives, or why it gave none (openCamera's, or the page head's: head-camera.ts). */
export async function cameraFrom(request: Promise<MediaStream>): Promise<OpenCamera> {
  try {
    const stream = await request;
    const track = stream.getVideoTracks()[0];
    if (!track) {
      stopStream(stream);
      return { ok: false, problem: 'no-camera' };
    }
    return { ok: true, stream, track, torch: hasTorch(track), deviceId: track.getSettings().deviceId };
  } catch (error) {
    return { ok: false, problem: problemFromError(error) };
  }
}

/** Video inputs; labels are only filled in once permission was granted, so call this after openCamera. */
export async function listCameras(): Promise<CameraInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices
      .filter((d) => d.kind === 'videoinput' && d.deviceId !== '')
      .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
  } catch {
    return [];
  }
}

export function hasTorch(track: MediaStreamTrack): boolean {
  if (typeof track.getCapabilities !== 'function') return false;
  return (track.getCapabilities() as TorchCapabilities).torch === true;
}

/** Resolves false when the camera refused (some drivers advertise a torch they cannot switch). */
export async function setTorch(track: MediaStreamTrack, on: boolean): Promise<boolean> {
  try {
    await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    return true;
  } catch {
    return false;
  }
}

export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * Calls `onHidden` when the page is hidden (another app, the screen locked) and `onVisible` when it is back:
 * a hidden till must not keep the camera and its light on. Returns the function that stops watching.
 */
export function watchVisibility(onHidden: () => void, onVisible: () => void): () => void {
  const onChange = () => (document.visibilityState === 'hidden' ? onHidden() : onVisible());
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}
