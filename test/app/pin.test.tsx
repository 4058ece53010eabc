// The staff PIN: stored as a salted PBKDF2 hash, demo default 1234, changeable; Settings stay locked without it.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../src/app/adapters/pin-hash.ts';
import { App } from '../../src/app/App.tsx';
import { PinPrompt } from '../../src/app/screens/PinPrompt.tsx';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-10T11:00:00Z') / 1000);
});
afterEach(cleanup);

describe('PIN hashing', () => {
  it('verifies the right PIN only, with a fresh salt each time', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPin('4821', a)).toBe(true);
    expect(await verifyPin('4822', a)).toBe(false);
    expect(JSON.stringify(a)).not.toContain('4821');
  });
});

describe('the settings model', () => {
  it('starts with the demo PIN 1234, stores only its hash, and accepts a new PIN', async () => {
    const harness = await makeHarness(scheme);
    expect(await harness.settings.checkPin('1234')).toBe(true);
    const stored = await harness.storage.loadSetting('pin');
    expect(stored).toMatchObject({ iterations: expect.any(Number), salt: expect.any(String), hash: expect.any(String) });
    expect(JSON.stringify(stored)).not.toContain('1234');
    expect(await harness.settings.changePin('12')).toBe(false);
    expect(await harness.settings.changePin('987654')).toBe(true);
    expect(await harness.settings.checkPin('1234')).toBe(false);
    expect(await harness.settings.checkPin('987654')).toBe(true);
  });
});

describe('Settings behind the PIN', () => {
  it('asks for the PIN, refuses a wrong one plainly, and opens Settings with the right one', async () => {
    const harness = await makeHarness(scheme);
    harness.navigation.go('settings');
    harness.wrap(<App />);
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
    await act(async () => {
      await fireEvent.input(screen.getByLabelText('Enter the staff PIN'), { target: { value: '0000' } });
    });
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That PIN is not right. Try again.'));
    await act(async () => {
      await fireEvent.input(screen.getByLabelText('Enter the staff PIN'), { target: { value: '1234' } });
    });
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy());
  });

  it('a PIN that cannot be checked (its code failed to load, offline) is not accepted, and the form stays usable', async () => {
    const harness = await makeHarness(scheme);
    let tries = 0;
    const onSubmit = async () => {
      tries++;
      throw new Error('the PIN hashing could not be loaded');
    };
    harness.wrap(<PinPrompt onSubmit={onSubmit} />);
    for (const attempt of [1, 2]) {
      await act(async () => {
        await fireEvent.input(screen.getByLabelText('Enter the staff PIN'), { target: { value: '1234' } });
      });
      await act(async () => {
        await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
      });
      await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That PIN is not right. Try again.'));
      expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(false);
      expect(tries).toBe(attempt);
    }
  });
});
