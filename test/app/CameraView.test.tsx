// The camera view renders the scanner model (built by createModels on fake adapters: no global navigator is
// replaced) and calls its actions: the live picture, the picker, the torch, problems in plain words, a retry.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CameraView } from '../../src/app/components/CameraView.tsx';
import { fakeScanner, type FakeScannerOptions } from './support/fake-scanner.ts';
import { makeHarness, type Harness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
let harness: Harness | undefined;

beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-09T10:00:00Z') / 1000);
});
afterEach(() => {
  cleanup();
  harness?.verdict.clear();
  harness = undefined;
});

async function showCamera(options: FakeScannerOptions = {}, kiosk = false, onScan?: (text: string) => void) {
  harness = await makeHarness(scheme, { scanner: fakeScanner(options) });
  const view = harness.wrap(<CameraView kiosk={kiosk} {...(onScan ? { onScan } : {})} />);
  return { harness, view, fake: harness.fakeScanner };
}

describe('the camera view', () => {
  test('opens the rear camera, and stops every track when the screen goes away (a verdict is shown)', async () => {
    const { view, fake } = await showCamera();
    await screen.findByText('Hold the QR code inside the frame');
    expect(fake.opens).toEqual([undefined]);
    view.unmount();
    await waitFor(() => expect(fake.tracks.map((t) => t.live)).toEqual([false]));
  });

  test('hiding the app turns the camera off, and coming back turns it on again', async () => {
    const { fake } = await showCamera();
    await screen.findByText('Hold the QR code inside the frame');
    act(() => fake.hide());
    expect(fake.tracks[0]!.live).toBe(false);
    expect(screen.getByRole('status').textContent).toContain('paused');
    act(() => fake.show());
    await screen.findByText('Hold the QR code inside the frame');
    expect(fake.tracks.map((t) => t.live)).toEqual([false, true]);
  });

  test('a passport read from the frames is checked: its verdict comes up', async () => {
    const { harness, fake } = await showCamera();
    await waitFor(() => expect(fake.loops).toHaveLength(1));
    await act(async () => fake.loops[0]!.read(await scheme.passport({ name: 'Amara Testcarer' })));
    await waitFor(() => expect(harness.verdict.shown.value?.verdict).toMatchObject({ result: 'valid', passport: { name: 'Amara Testcarer' } }));
    expect(screen.getByRole('button', { name: 'Try the camera again' })).toBeTruthy();
  });

  test('given somewhere else to send it (an enrolment code in Settings), a code read goes there, not to the verdict', async () => {
    const read: string[] = [];
    const { harness, fake } = await showCamera({}, false, (text) => read.push(text));
    await waitFor(() => expect(fake.loops).toHaveLength(1));
    act(() => fake.loops[0]!.read('CP1:/enrolment'));
    expect(read).toEqual(['CP1:/enrolment']);
    expect(harness.verdict.checking.value).toBe(false);
    expect(harness.verdict.shown.value).toBeUndefined();
  });

  test('what the frames say is in the way is shown, and "too dark" offers the torch only where there is one', async () => {
    const { fake } = await showCamera({ torch: true });
    await waitFor(() => expect(fake.loops).toHaveLength(1));
    act(() => fake.loops[0]!.advise?.('dark'));
    await screen.findByText('Too dark: turn on the torch');
    act(() => fake.loops[0]!.advise?.('closer'));
    await screen.findByText('Move closer');
  });

  test('with two cameras staff get a picker, and choosing one opens that camera and keeps the choice', async () => {
    const { harness, fake } = await showCamera({ cameras: ['front', 'usb-webcam'] });
    const picker = (await screen.findByLabelText('Camera to use')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Camera front', 'Camera usb-webcam']);
    fireEvent.change(picker, { target: { value: 'usb-webcam' } });
    await waitFor(() => expect(fake.opens).toEqual([undefined, 'usb-webcam']));
    expect(fake.tracks[0]!.live).toBe(false);
    await waitFor(async () => expect(await harness.storage.loadSetting('chosen-camera')).toBe('usb-webcam'));
  });

  test('a torch button appears only where the camera has a torch, and switches it', async () => {
    const { fake } = await showCamera({ torch: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Turn torch on' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Turn torch off' }).getAttribute('aria-pressed')).toBe('true'));
    expect(fake.tracks[0]!.torch).toBe(true);
  });

  test('a single camera without a torch shows no controls, and a kiosk never does', async () => {
    await showCamera();
    await screen.findByText('Hold the QR code inside the frame');
    expect(screen.queryByLabelText('Camera to use')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    cleanup();
    await showCamera({ cameras: ['front', 'rear'], torch: true }, true);
    await screen.findByText('Hold the QR code inside the frame');
    expect(screen.queryByLabelText('Camera to use')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a camera in use by another app is said plainly, with the other ways and a retry that tries again', async () => {
    const { fake } = await showCamera({ problem: 'in-use' });
    await screen.findByText(/being used by another app/);
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent).join(' ');
    expect(alerts).toContain('Close that app, then try again');
    expect(alerts).toContain('paste or type its code');
    fireEvent.click(screen.getByRole('button', { name: 'Try the camera again' }));
    await waitFor(() => expect(fake.opens).toHaveLength(2));
  });

  test('a decoder that could not load is said, so staff use the other ways', async () => {
    await showCamera({ decoderLoads: false });
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('could not start on this device'));
  });
});
