// The page's head asks for the camera before the boot script arrives (src/app/head-camera.ts); boot.ts's early camera
// takes that request rather than asking again, and a refusal of it is told as any refusal is.

import { afterEach, describe, expect, test, vi } from 'vitest';
import { cameraConstraints } from '../../src/app/adapters/camera.ts';
import { HEAD_CAMERA_SCRIPT } from '../../src/app/head-camera.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules(); // camera-early.ts holds one early camera a page
  delete (globalThis as { __cpHeadCamera?: unknown }).__cpHeadCamera;
});

function fakeStream() {
  const track = { stop: vi.fn(), getSettings: () => ({ deviceId: 'rear' }), getCapabilities: () => ({}) };
  return { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
}

/** Runs the head script as the page does, with `getUserMedia` as the browser's. */
function runHeadScript(getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>) {
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
  new Function(HEAD_CAMERA_SCRIPT)();
}

describe('the camera asked for in the page head', () => {
  test('asks with the same constraints as the app, once: the early camera takes that request', async () => {
    const stream = fakeStream();
    const getUserMedia = vi.fn(async () => stream);
    runHeadScript(getUserMedia);
    expect(getUserMedia).toHaveBeenCalledWith(cameraConstraints());
    const { openCameraEarly, takeEarlyCamera } = await import('../../src/app/adapters/camera-early.ts');
    openCameraEarly();
    const opened = await takeEarlyCamera(undefined);
    expect(opened).toMatchObject({ ok: true, stream, deviceId: 'rear' });
    expect(getUserMedia).toHaveBeenCalledTimes(1);
  });

  test('a refusal in the head is told as a refusal, with no unhandled rejection', async () => {
    const getUserMedia = vi.fn(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    runHeadScript(getUserMedia);
    const { openCameraEarly, takeEarlyCamera } = await import('../../src/app/adapters/camera-early.ts');
    openCameraEarly();
    await expect(takeEarlyCamera(undefined)).resolves.toEqual({ ok: false, problem: 'refused' });
    expect(getUserMedia).toHaveBeenCalledTimes(1);
  });

  test('without a camera API (an http page) the head script does nothing and throws nothing', () => {
    vi.stubGlobal('navigator', {});
    expect(() => new Function(HEAD_CAMERA_SCRIPT)()).not.toThrow();
    expect((globalThis as { __cpHeadCamera?: unknown }).__cpHeadCamera).toBeUndefined();
  });
});
