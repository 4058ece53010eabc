import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CameraView } from '../../src/app/components/CameraView.tsx';

type FakeTrack = MediaStreamTrack & { stop: ReturnType<typeof vi.fn>; applyConstraints: ReturnType<typeof vi.fn> };

/** A camera API with `cameras` devices; each getUserMedia call hands out a new live track. */
function fakeCameras(cameras: string[], { torch = false } = {}) {
  const tracks: FakeTrack[] = [];
  const getUserMedia = vi.fn(async (constraints: MediaStreamConstraints) => {
    const video = constraints.video as MediaTrackConstraints;
    const deviceId = (video.deviceId as { exact?: string } | undefined)?.exact ?? cameras[0]!;
    const track = {
      kind: 'video',
      readyState: 'live',
      stop: vi.fn(function (this: { readyState: string }) {
        this.readyState = 'ended';
      }),
      getSettings: () => ({ deviceId }),
      getCapabilities: () => (torch ? { torch: true } : {}),
      applyConstraints: vi.fn(() => Promise.resolve()),
    } as unknown as FakeTrack;
    tracks.push(track);
    return { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  });
  const enumerateDevices = async () => cameras.map((deviceId, i) => ({ kind: 'videoinput', deviceId, label: `Camera ${deviceId}`, groupId: String(i) }));
  vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia, enumerateDevices } });
  return { tracks, getUserMedia };
}

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');

beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  // happy-dom accepts only its own MediaStream here; the fake streams are plain objects
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', { configurable: true, set() {}, get: () => null });
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  if (srcObject) Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', srcObject);
  setVisibility('visible');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the camera view', () => {
  test('asks for the rear camera, and stops every track when the screen goes away (a verdict is shown)', async () => {
    const { tracks, getUserMedia } = fakeCameras(['rear']);
    const { unmount } = render(<CameraView onScan={() => {}} kiosk={false} />);
    await screen.findByText('Hold the QR code inside the frame');
    expect(tracks).toHaveLength(1);
    expect((getUserMedia.mock.calls[0]![0].video as MediaTrackConstraints).facingMode).toEqual({ ideal: 'environment' });
    unmount();
    await waitFor(() => expect(tracks[0]!.stop).toHaveBeenCalled());
  });

  test('hiding the app turns the camera off, and coming back turns it on again', async () => {
    const { tracks } = fakeCameras(['rear']);
    render(<CameraView onScan={() => {}} kiosk={false} />);
    await screen.findByText('Hold the QR code inside the frame');
    act(() => setVisibility('hidden'));
    expect(tracks[0]!.stop).toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain('paused');
    act(() => setVisibility('visible'));
    await waitFor(() => expect(tracks).toHaveLength(2));
    expect(tracks[1]!.stop).not.toHaveBeenCalled();
  });

  test('"visible" twice in a row, while the camera is still opening, never leaves two cameras running', async () => {
    const { tracks } = fakeCameras(['rear']);
    render(<CameraView onScan={() => {}} kiosk={false} />);
    act(() => {
      setVisibility('visible');
      setVisibility('visible');
    });
    await screen.findByText('Hold the QR code inside the frame');
    await waitFor(() => expect(tracks.length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(tracks.filter((t) => t.readyState === 'live')).toHaveLength(1));
  });

  test('with two cameras staff get a picker, and choosing one opens that camera and remembers it', async () => {
    const { tracks, getUserMedia } = fakeCameras(['front', 'usb-webcam']);
    render(<CameraView onScan={() => {}} kiosk={false} />);
    const picker = (await screen.findByLabelText('Camera to use')) as HTMLSelectElement;
    fireEvent.change(picker, { target: { value: 'usb-webcam' } });
    await waitFor(() => expect(tracks).toHaveLength(2));
    expect(tracks[0]!.stop).toHaveBeenCalled();
    expect((getUserMedia.mock.calls[1]![0].video as MediaTrackConstraints).deviceId).toEqual({ exact: 'usb-webcam' });
    expect(localStorage.getItem('cp.camera')).toBe('usb-webcam');
  });

  test('a torch button appears only where the camera has a torch, and switches it', async () => {
    const { tracks } = fakeCameras(['rear'], { torch: true });
    render(<CameraView onScan={() => {}} kiosk={false} />);
    const button = await screen.findByRole('button', { name: 'Turn torch on' });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Turn torch off' }).getAttribute('aria-pressed')).toBe('true'));
    expect(tracks[0]!.applyConstraints).toHaveBeenCalledWith({ advanced: [{ torch: true }] });
  });

  test('a single camera without a torch shows no controls, and a kiosk never does', async () => {
    fakeCameras(['rear']);
    render(<CameraView onScan={() => {}} kiosk={false} />);
    await screen.findByText('Hold the QR code inside the frame');
    expect(screen.queryByLabelText('Camera to use')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    fakeCameras(['front', 'rear'], { torch: true });
    render(<CameraView onScan={() => {}} kiosk />);
    await screen.findByText('Hold the QR code inside the frame');
    expect(screen.queryByLabelText('Camera to use')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a camera in use by another app is said plainly, with the other ways and a retry', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: { getUserMedia: () => Promise.reject(new DOMException('busy', 'NotReadableError')), enumerateDevices: async () => [] },
    });
    render(<CameraView onScan={() => {}} kiosk={false} />);
    await screen.findByText(/being used by another app/);
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent).join(' ');
    expect(alerts).toContain('Close that app, then try again');
    expect(alerts).toContain('paste or type its code');
    expect(screen.getByRole('button', { name: 'Try the camera again' })).toBeTruthy();
  });
});
