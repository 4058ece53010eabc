// The scanner model (issue 12 point 1), built by createModels on fake adapters: the camera's states and actions, the
// chosen camera kept in the settings store, the early stream adopted, one handheld-scanner subscription, photos and
// pasted text, every one reaching the verdict by the same route.

import { waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/app/adapters/storage.ts';
import { fakeScanner } from './support/fake-scanner.ts';
import { makeHarness, type Harness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
let harness: Harness | undefined;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-09T10:00:00Z') / 1000);
});
afterEach(() => {
  harness?.scanner.stop();
  harness?.verdict.clear();
  harness = undefined;
});

const live = (h: Harness) => waitFor(() => expect(h.scanner.state.value.kind).toBe('live'));
const video = {} as HTMLVideoElement;
const liveStream = (h: Harness) => {
  const state = h.scanner.state.value;
  if (state.kind !== 'live') throw new Error(`camera is ${state.kind}`);
  return state.stream;
};

describe('the camera', () => {
  it('opens the rear camera when a scan screen starts it, and stops every track when it stops', async () => {
    harness = await makeHarness(scheme);
    expect(harness.scanner.state.value.kind).toBe('idle');
    harness.scanner.start({ kiosk: false });
    await live(harness);
    expect(harness.fakeScanner.opens).toEqual([undefined]);
    harness.scanner.stop();
    expect(harness.scanner.state.value.kind).toBe('idle');
    expect(harness.fakeScanner.tracks.filter((t) => t.live)).toHaveLength(0);
  });

  it('a screen that goes after the next one started (staff screen to kiosk) does not stop the newer one', async () => {
    harness = await makeHarness(scheme);
    const stopStaff = harness.scanner.start({ kiosk: false });
    const stopKiosk = harness.scanner.start({ kiosk: true });
    stopStaff();
    await live(harness);
    expect(harness.fakeScanner.tracks.filter((t) => t.live)).toHaveLength(1);
    stopKiosk();
    expect(harness.scanner.state.value.kind).toBe('idle');
    expect(harness.fakeScanner.tracks.filter((t) => t.live)).toHaveLength(0);
  });

  it('is off while the page is hidden, and on again when it is back, never two at once', async () => {
    harness = await makeHarness(scheme);
    harness.scanner.start({ kiosk: false });
    await live(harness);
    harness.fakeScanner.hide();
    expect(harness.scanner.state.value.kind).toBe('paused');
    expect(harness.fakeScanner.tracks[0]!.live).toBe(false);
    harness.fakeScanner.show();
    harness.fakeScanner.show(); // "visible" twice while the camera is still opening
    await live(harness);
    await waitFor(() => expect(harness!.fakeScanner.tracks.filter((t) => t.live)).toHaveLength(1));
  });

  it('takes the stream boot.ts opened early instead of opening another (issue 13)', async () => {
    harness = await makeHarness(scheme, { scanner: fakeScanner({ early: 'rear' }) });
    harness.scanner.start({ kiosk: true });
    await live(harness);
    expect(harness.fakeScanner.earlyTaken()).toBe(true);
    expect(harness.fakeScanner.opens).toEqual([]);
  });

  it('keeps the camera staff chose in the settings store, and opens it after a restart', async () => {
    const storage = await openStorage(`scanner-chosen-${Math.random()}`);
    harness = await makeHarness(scheme, { storage, scanner: fakeScanner({ cameras: ['front', 'usb-webcam'] }) });
    harness.scanner.start({ kiosk: false });
    await live(harness);
    await waitFor(() => expect(harness!.scanner.cameras.value.map((c) => c.deviceId)).toEqual(['front', 'usb-webcam']));
    await harness.scanner.chooseCamera('usb-webcam');
    await live(harness);
    expect(harness.fakeScanner.opens).toEqual([undefined, 'usb-webcam']);
    expect(harness.fakeScanner.tracks[0]!.live).toBe(false);
    expect(await storage.loadSetting('chosen-camera')).toBe('usb-webcam');
    harness.scanner.stop();

    harness = await makeHarness(scheme, { storage, scanner: fakeScanner({ cameras: ['front', 'usb-webcam'] }) });
    expect(harness.scanner.chosenCamera.value).toBe('usb-webcam');
    harness.scanner.start({ kiosk: false });
    await live(harness);
    expect(harness.fakeScanner.opens).toEqual(['usb-webcam']);
  });

  it('moves the choice an earlier version kept in localStorage into the settings store, once', async () => {
    const storage = await openStorage(`scanner-legacy-${Math.random()}`);
    const scanner = fakeScanner({ cameras: ['front', 'usb-webcam'], legacyChoice: 'usb-webcam' });
    harness = await makeHarness(scheme, { storage, scanner });
    expect(harness.scanner.chosenCamera.value).toBe('usb-webcam');
    expect(await storage.loadSetting('chosen-camera')).toBe('usb-webcam');
    expect(scanner.adapters.camera.takeLegacyChoice()).toBeUndefined(); // gone from the old place
  });

  it('an early stream of another camera than the chosen one is not used', async () => {
    const storage = await openStorage(`scanner-early-other-${Math.random()}`);
    await storage.saveSetting('chosen-camera', 'usb-webcam');
    harness = await makeHarness(scheme, { storage, scanner: fakeScanner({ cameras: ['front', 'usb-webcam'], early: 'front' }) });
    harness.scanner.start({ kiosk: false });
    await live(harness);
    expect(harness.fakeScanner.earlyTaken()).toBe(false);
    expect(harness.fakeScanner.opens).toEqual(['usb-webcam']);
  });

  it('a chosen camera that is gone (unplugged) falls back to the default one; a kiosk always uses the default', async () => {
    const storage = await openStorage(`scanner-gone-${Math.random()}`);
    await storage.saveSetting('chosen-camera', 'usb-webcam');
    harness = await makeHarness(scheme, { storage, scanner: fakeScanner({ cameras: ['rear'] }) });
    harness.scanner.start({ kiosk: false });
    await live(harness);
    expect(harness.fakeScanner.opens).toEqual(['usb-webcam', undefined]);
    harness.scanner.stop();
    harness.scanner.start({ kiosk: true });
    await live(harness);
    expect(harness.fakeScanner.opens.at(-1)).toBeUndefined();
    expect(harness.scanner.cameras.value).toEqual([]); // kiosks list no cameras: there is no picker
  });

  it('a refused camera is "denied", one in use "unavailable", and a retry opens it again', async () => {
    harness = await makeHarness(scheme, { scanner: fakeScanner({ problem: 'refused' }) });
    harness.scanner.start({ kiosk: false });
    await waitFor(() => expect(harness!.scanner.state.value).toEqual({ kind: 'denied' }));
    harness.scanner.stop();

    harness = await makeHarness(scheme, { scanner: fakeScanner({ problem: 'in-use' }) });
    harness.scanner.start({ kiosk: false });
    await waitFor(() => expect(harness!.scanner.state.value).toEqual({ kind: 'unavailable', problem: 'in-use' }));
    harness.scanner.retry();
    await waitFor(() => expect(harness!.fakeScanner.opens).toHaveLength(2));
  });

  it('switches the torch where the camera has one', async () => {
    harness = await makeHarness(scheme, { scanner: fakeScanner({ torch: true }) });
    harness.scanner.start({ kiosk: false });
    await live(harness);
    expect(harness.scanner.state.value).toMatchObject({ torch: true });
    await harness.scanner.toggleTorch();
    expect(harness.scanner.torchOn.value).toBe(true);
    expect(harness.fakeScanner.tracks[0]!.torch).toBe(true);
  });

  it('says when the decoder could not load', async () => {
    harness = await makeHarness(scheme, { scanner: fakeScanner({ decoderLoads: false }) });
    await waitFor(() => expect(harness!.scanner.decoder.value).toBe('broken'));
  });
});

describe('the one route to the verdict', () => {
  it('a passport read from the camera frames shows its verdict and turns the camera off', async () => {
    harness = await makeHarness(scheme);
    harness.scanner.start({ kiosk: false });
    await live(harness);
    harness.scanner.framesFrom(video, liveStream(harness));
    harness.fakeScanner.loops[0]!.advise?.('dark');
    expect(harness.scanner.advice.value).toBe('dark');
    harness.fakeScanner.loops[0]!.read(await scheme.passport({ name: 'Amara Testcarer' }));
    await waitFor(() => expect(harness!.verdict.shown.value?.verdict.result).toBe('valid'));
    expect(harness.scanner.state.value.kind).toBe('scanned');
    expect(harness.scanner.advice.value).toBeUndefined();
    expect(harness.fakeScanner.tracks[0]!.live).toBe(false);
  });

  it('frames of a stream that has since been replaced are not read', async () => {
    harness = await makeHarness(scheme, { scanner: fakeScanner({ cameras: ['front', 'usb-webcam'] }) });
    harness.scanner.start({ kiosk: false });
    await live(harness);
    const first = liveStream(harness);
    await harness.scanner.chooseCamera('usb-webcam');
    await live(harness);
    harness.scanner.framesFrom(video, first);
    expect(harness.fakeScanner.loops).toHaveLength(0);
  });

  it('the handheld scanner has one listener, on the scan screen and in the kiosk, none in Settings', async () => {
    harness = await makeHarness(scheme);
    expect(harness.fakeScanner.wedgeListeners()).toBe(1);
    harness.navigation.go('settings');
    expect(harness.fakeScanner.wedgeListeners()).toBe(0);
    harness.fakeScanner.wedgeScan(await scheme.passport());
    await Promise.resolve();
    expect(harness.verdict.checking.value).toBe(false);
    expect(harness.verdict.shown.value).toBeUndefined();
    harness.kiosk.enter(false);
    expect(harness.fakeScanner.wedgeListeners()).toBe(1);
    harness.navigation.go('scan');
    expect(harness.fakeScanner.wedgeListeners()).toBe(1);
  });

  it('a handheld scanner burst is checked, trimmed, and a second one replaces the verdict on screen', async () => {
    harness = await makeHarness(scheme);
    harness.fakeScanner.wedgeScan(`${await scheme.passport({ name: 'Amara Testcarer' })}\n`);
    await waitFor(() => expect(harness!.verdict.shown.value?.verdict).toMatchObject({ result: 'valid', passport: { name: 'Amara Testcarer' } }));
    const first = harness.verdict.shown.value!.id;
    harness.fakeScanner.wedgeScan(await scheme.passport({ name: 'Ben Testcarer', jti: 'TST-2002' }));
    await waitFor(() => expect(harness!.verdict.shown.value?.verdict).toMatchObject({ passport: { name: 'Ben Testcarer' } }));
    expect(harness.verdict.shown.value?.id).not.toBe(first);
    expect(harness.scanner.wedgeScans.value).toBe(2);
  });

  it('a photo with a passport in it is checked; one without says so', async () => {
    harness = await makeHarness(scheme);
    await harness.scanner.decodePhoto(new Blob(['a cat']));
    expect(harness.scanner.photo.value).toBe('not-found');
    expect(harness.verdict.shown.value).toBeUndefined();
    await harness.scanner.decodePhoto(new Blob([await scheme.passport()]));
    expect(harness.scanner.photo.value).toBe('idle');
    expect(harness.verdict.shown.value?.verdict.result).toBe('valid');
  });

  it('pasted text is checked with the white space around it trimmed; white space alone is not checked', async () => {
    harness = await makeHarness(scheme);
    await harness.scanner.submit('   \n');
    expect(harness.verdict.shown.value).toBeUndefined();
    await harness.scanner.submit(`  ${await scheme.passport()}\n`);
    expect(harness.verdict.shown.value?.verdict.result).toBe('valid');
  });
});
