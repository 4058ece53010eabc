import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ScanScreen } from '../../src/app/screens/ScanScreen.tsx';

const CODE = 'CP1:/24103038214502360122441122';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A scanner's burst: keydowns a few milliseconds apart on whatever has focus, then Enter. */
function wedgeBurst(text: string, target: EventTarget = document.body) {
  let t = 10_000;
  for (const key of [...text, 'Enter']) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: (t += 4) });
    target.dispatchEvent(event);
  }
}

describe('the staff scan screen', () => {
  test('offers the camera, the paste box and the photo picker', () => {
    render(<ScanScreen mode="staff" onScan={() => {}} />);
    expect(screen.getByRole('region', { name: 'Camera' })).toBeTruthy();
    expect(screen.getByLabelText('Passport code')).toBeTruthy();
    expect(screen.getByLabelText('Photo or screenshot of the passport')).toBeTruthy();
  });

  test('a pasted code is checked with the white space around it trimmed, and the box is emptied', () => {
    const onScan = vi.fn();
    render(<ScanScreen mode="staff" onScan={onScan} />);
    const box = screen.getByLabelText('Passport code') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: `  ${CODE}\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(onScan).toHaveBeenCalledWith(CODE);
    expect(box.value).toBe('');
  });

  test('Check with an empty box asks for a code instead of checking nothing', () => {
    const onScan = vi.fn();
    render(<ScanScreen mode="staff" onScan={onScan} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(onScan).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Paste or type a passport code first.');
  });

  test('a handheld scanner burst is taken from anywhere on the screen', () => {
    const onScan = vi.fn();
    render(<ScanScreen mode="staff" onScan={onScan} />);
    wedgeBurst(CODE);
    expect(onScan).toHaveBeenCalledWith(CODE);
  });

  test('a scanner burst into the focused paste box is taken as a scan, and the typed characters are cleared', async () => {
    const onScan = vi.fn();
    render(<ScanScreen mode="staff" onScan={onScan} />);
    const box = screen.getByLabelText('Passport code') as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: CODE } }); // what the scanner's keystrokes left in the box
    wedgeBurst(CODE, box);
    expect(onScan).toHaveBeenCalledWith(CODE);
    await waitFor(() => expect((screen.getByLabelText('Passport code') as HTMLTextAreaElement).value).toBe(''));
  });

  test('with no camera API (an http page), staff are told and pointed at the other ways', async () => {
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: undefined });
    render(<ScanScreen mode="staff" onScan={() => {}} />);
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('cannot use a camera'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toContain('paste or type its code');
  });

  test('the freshness note the caller passes is shown', () => {
    render(<ScanScreen mode="staff" onScan={() => {}} freshness={<p>Revocation list is 2 hours old</p>} />);
    expect(screen.getByText('Revocation list is 2 hours old')).toBeTruthy();
  });
});

describe('the kiosk scan screen', () => {
  test('shows one large instruction and no staff controls', () => {
    render(<ScanScreen mode="kiosk" onScan={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Hold your passport QR code up to the camera');
    expect(screen.queryByLabelText('Passport code')).toBeNull();
    expect(screen.queryByLabelText('Photo or screenshot of the passport')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('still takes a handheld scanner burst', () => {
    const onScan = vi.fn();
    render(<ScanScreen mode="kiosk" onScan={onScan} />);
    wedgeBurst(CODE);
    expect(onScan).toHaveBeenCalledWith(CODE);
  });

  test('a broken camera asks the carer to fetch staff, in words meant for them', async () => {
    vi.stubGlobal('navigator', { ...navigator, mediaDevices: undefined });
    render(<ScanScreen mode="kiosk" onScan={() => {}} />);
    await waitFor(() => expect(screen.getAllByRole('alert')[0]!.textContent).toBe('The camera is not working. Please ask a member of staff.'));
  });
});
