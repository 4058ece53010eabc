import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { registerServiceWorker, updateAvailable } from '../../src/app/adapters/sw-bridge.ts';
import { UpdatePrompt } from '../../src/app/components/UpdatePrompt.tsx';

const READY = 'A new version of the app is ready.';

afterEach(() => {
  cleanup();
  updateAvailable.value = false;
});

test('nothing is shown while there is no new version', () => {
  render(<UpdatePrompt />);
  expect(screen.queryByText(READY)).toBeNull();
});

test('a waiting new version is announced quietly, as a status, with a choice', async () => {
  render(<UpdatePrompt />);
  updateAvailable.value = true;
  const note = await screen.findByRole('status');
  expect(note.textContent).toContain(READY);
  expect(screen.getByRole('button', { name: 'Update now' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Later' })).toBeTruthy();
});

test('it stays out of sight while a verification is in progress, and comes back after', async () => {
  updateAvailable.value = true;
  const { rerender } = render(<UpdatePrompt busy />);
  expect(screen.queryByText(READY)).toBeNull();
  rerender(<UpdatePrompt busy={false} />);
  await screen.findByText(READY);
});

test('"Later" puts it away for this session', async () => {
  updateAvailable.value = true;
  render(<UpdatePrompt />);
  fireEvent.click(await screen.findByRole('button', { name: 'Later' }));
  expect(screen.queryByText(READY)).toBeNull();
});

test('outside a production build no service worker is registered (the dev server has no sw.js)', async () => {
  await expect(registerServiceWorker()).resolves.toBeUndefined();
  expect(await navigator.serviceWorker?.getRegistration?.()).toBeUndefined();
});
