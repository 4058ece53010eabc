// The update prompt renders the update model (a fake service worker through createModels): quiet, waiting while a
// verification is in progress, and applied only when staff say so.

import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { registerServiceWorker } from '../../src/app/adapters/sw-bridge.ts';
import { UpdatePrompt } from '../../src/app/components/UpdatePrompt.tsx';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

const READY = 'A new version of the app is ready.';
let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(Date.parse('2026-06-09T10:00:00Z') / 1000);
});
afterEach(() => cleanup());

test('nothing is shown while there is no new version', async () => {
  const harness = await makeHarness(scheme);
  harness.wrap(<UpdatePrompt />);
  expect(screen.queryByText(READY)).toBeNull();
});

test('a waiting new version is announced quietly, as a status, and "Update now" applies it', async () => {
  const harness = await makeHarness(scheme);
  harness.wrap(<UpdatePrompt />);
  act(() => harness.fakeUpdates.arrive());
  const note = await screen.findByRole('status');
  expect(note.textContent).toContain(READY);
  fireEvent.click(screen.getByRole('button', { name: 'Update now' }));
  expect(harness.fakeUpdates.applied).toBe(1);
  expect(screen.queryByText(READY)).toBeNull();
});

test('it stays out of sight while a verdict is on screen, and comes back after', async () => {
  const harness = await makeHarness(scheme);
  await harness.verdict.scan(await scheme.passport());
  harness.wrap(<UpdatePrompt />);
  act(() => harness.fakeUpdates.arrive());
  expect(screen.queryByText(READY)).toBeNull();
  act(() => harness.verdict.clear());
  await screen.findByText(READY);
});

test('"Later" puts it away for this session', async () => {
  const harness = await makeHarness(scheme);
  harness.wrap(<UpdatePrompt />);
  act(() => harness.fakeUpdates.arrive());
  fireEvent.click(await screen.findByRole('button', { name: 'Later' }));
  expect(screen.queryByText(READY)).toBeNull();
  expect(harness.fakeUpdates.applied).toBe(0);
});

test('outside a production build no service worker is registered (the dev server has no sw.js)', async () => {
  await expect(registerServiceWorker()).resolves.toBeUndefined();
  expect(await navigator.serviceWorker?.getRegistration?.()).toBeUndefined();
});
