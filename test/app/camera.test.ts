import { afterEach, describe, expect, test, vi } from 'vitest';
import { cameraConstraints, hasTorch, openCamera, problemFromError, setTorch } from '../../src/app/adapters/camera.ts';

afterEach(() => vi.unstubAllGlobals());

describe('camera problems in plain terms', () => {
  test.each([
    ['NotAllowedError', 'refused'],
    ['SecurityError', 'refused'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'in-use'],
    ['AbortError', 'in-use'],
    ['TypeError', 'failed'],
  ])('%s means %s', (name, problem) => {
    expect(problemFromError(new DOMException('x', name))).toBe(problem);
  });
});

describe('asking for the camera', () => {
  test('the rear camera is preferred, never demanded (exact throws on kiosk webcams)', () => {
    const { video } = cameraConstraints() as { video: MediaTrackConstraints };
    expect(video.facingMode).toEqual({ ideal: 'environment' });
    expect(JSON.stringify(video)).not.toContain('exact');
  });

  test('a camera staff picked is asked for by its device id', () => {
    const { video } = cameraConstraints('usb-cam-2') as { video: MediaTrackConstraints };
    expect(video.deviceId).toEqual({ exact: 'usb-cam-2' });
  });

  test('a refusal comes back as a value, not an exception', async () => {
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    await expect(openCamera()).resolves.toEqual({ ok: false, problem: 'refused' });
  });

  test('a browser without getUserMedia (an http page) is "unsupported"', async () => {
    vi.stubGlobal('navigator', {});
    await expect(openCamera()).resolves.toEqual({ ok: false, problem: 'unsupported' });
  });
});

describe('the torch', () => {
  function fakeTrack(capabilities: object, applyConstraints = vi.fn(() => Promise.resolve())) {
    return { getCapabilities: () => capabilities, applyConstraints } as unknown as MediaStreamTrack & { applyConstraints: typeof applyConstraints };
  }

  test('is offered only where the track says it has one', () => {
    expect(hasTorch(fakeTrack({ torch: true }))).toBe(true);
    expect(hasTorch(fakeTrack({}))).toBe(false);
  });

  test('is switched through an advanced constraint, and a driver that refuses gives false', async () => {
    const track = fakeTrack({ torch: true });
    await expect(setTorch(track, true)).resolves.toBe(true);
    expect(track.applyConstraints).toHaveBeenCalledWith({ advanced: [{ torch: true }] });
    const stubborn = fakeTrack({ torch: true }, vi.fn(() => Promise.reject(new DOMException('no', 'OverconstrainedError'))));
    await expect(setTorch(stubborn, true)).resolves.toBe(false);
  });
});
