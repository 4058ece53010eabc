// The scan screen renders the scanner model: the camera, the paste box and the photo picker for staff, one large
// instruction for the kiosk; whatever way a code comes, it reaches the verdict.

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ScanScreen } from '../../src/app/screens/ScanScreen.tsx';
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

async function showScreen(mode: 'staff' | 'kiosk', options: FakeScannerOptions = {}, freshness?: preact.ComponentChildren) {
  harness = await makeHarness(scheme, { scanner: fakeScanner(options) });
  harness.wrap(<ScanScreen mode={mode} {...(freshness ? { freshness } : {})} />);
  return harness;
}

describe('the staff scan screen', () => {
  test('offers the camera, the paste box and the photo picker', async () => {
    await showScreen('staff');
    expect(screen.getByRole('region', { name: 'Camera' })).toBeTruthy();
    expect(screen.getByLabelText('Passport code')).toBeTruthy();
    expect(screen.getByLabelText('Photo or screenshot of the passport')).toBeTruthy();
  });

  test('a pasted code is checked with the white space around it trimmed, and the box is emptied', async () => {
    const h = await showScreen('staff');
    const box = screen.getByLabelText('Passport code') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: `  ${await scheme.passport({ name: 'Amara Testcarer' })}\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(h.verdict.shown.value?.verdict).toMatchObject({ result: 'valid', passport: { name: 'Amara Testcarer' } }));
    expect(box.value).toBe('');
  });

  test('Check with an empty box asks for a code instead of checking nothing', async () => {
    const h = await showScreen('staff');
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(h.verdict.checking.value).toBe(false);
    expect(screen.getByRole('alert').textContent).toBe('Paste or type a passport code first.');
  });

  test('a photo with a passport in it is checked; one without says so', async () => {
    const h = await showScreen('staff');
    const input = screen.getByLabelText('Photo or screenshot of the passport') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['a cat'], 'cat.png', { type: 'image/png' })] } });
    await screen.findByText(/No QR code could be read in that picture/);
    fireEvent.change(input, { target: { files: [new File([await scheme.passport()], 'card.png', { type: 'image/png' })] } });
    await waitFor(() => expect(h.verdict.shown.value?.verdict.result).toBe('valid'));
  });

  test('a scanner burst into the focused paste box is taken as a scan, and the typed characters are cleared', async () => {
    const h = await showScreen('staff');
    const code = await scheme.passport();
    const box = screen.getByLabelText('Passport code') as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: code } }); // what the scanner's keystrokes left in the box
    h.fakeScanner.wedgeScan(code);
    await waitFor(() => expect(h.verdict.shown.value?.verdict.result).toBe('valid'));
    await waitFor(() => expect((screen.getByLabelText('Passport code') as HTMLTextAreaElement).value).toBe(''));
  });

  test('with no camera API (an http page), staff are told and pointed at the other ways', async () => {
    await showScreen('staff', { problem: 'unsupported' });
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('cannot use a camera'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('paste or type its code');
  });

  test('the freshness note the caller passes is shown', async () => {
    await showScreen('staff', {}, <p>Revocation list is 2 hours old</p>);
    expect(screen.getByText('Revocation list is 2 hours old')).toBeTruthy();
  });
});

describe('the kiosk scan screen', () => {
  test('shows one large instruction and no staff controls', async () => {
    await showScreen('kiosk');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Hold your passport QR code up to the camera');
    expect(screen.queryByLabelText('Passport code')).toBeNull();
    expect(screen.queryByLabelText('Photo or screenshot of the passport')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('a broken camera asks the carer to fetch staff, in words meant for them', async () => {
    await showScreen('kiosk', { problem: 'unsupported' });
    await waitFor(() => expect(screen.getAllByRole('alert')[0]!.textContent).toBe('The camera is not working. Please ask a member of staff.'));
  });
});
