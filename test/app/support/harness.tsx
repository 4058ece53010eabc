// Builds the app's models on fake-indexeddb with a test scheme, as main.tsx does with the real adapters.

import { signal } from '@preact/signals';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { openStorage, type AppStorage } from '../../../src/app/adapters/storage.ts';
import { KioskScreen, SettingsLock } from '../../../src/app/App.tsx';
import { EmergencyPanel, StayPanel } from '../../../src/app/screens/VerdictScreen.tsx';
import { ModelsContext, type Models } from '../../../src/app/models/context.ts';
import { createModels } from '../../../src/app/models/create-models.ts';
import { fakeScanner, fakeUpdates, type FakeScanner } from './fake-scanner.ts';
import type { AppScheme } from './scheme.ts';

let dbCount = 0;

export type Harness = Models & {
  storage: AppStorage;
  downloads: { filename: string; text: string }[];
  kioskCalls: string[];
  /** Milliseconds since the epoch as the models see it; tests move it. */
  clock: { now: number };
  /** The scanner model's fake camera, decoder, handheld scanner and page (fake-scanner.ts). */
  fakeScanner: FakeScanner;
  /** The fake service worker: `arrive()` makes a new version wait. */
  fakeUpdates: ReturnType<typeof fakeUpdates>;
  wrap: (children: ComponentChildren) => ReturnType<typeof render>;
};

/** `demoBuild` (default true, as the built demo): the staff PIN starts as 1234; false: none until staff choose one. */
export async function makeHarness(scheme: AppScheme, options: { profileId?: string; storage?: AppStorage; demoBuild?: boolean; scanner?: FakeScanner } = {}): Promise<Harness> {
  const storage = options.storage ?? (await openStorage(`test-db-${++dbCount}-${Math.random()}`));
  const clock = { now: scheme.now * 1000 };
  const kioskCalls: string[] = [];
  const downloads: { filename: string; text: string }[] = [];
  const scanner = options.scanner ?? fakeScanner();
  const updates = fakeUpdates();
  const persisted = signal<'granted' | 'not-granted'>('not-granted');
  // the app's own wiring (createModels, as main.tsx uses it), on fakes: no sync, a clock the test moves
  const models = await createModels({
    storage,
    roots: scheme.roots,
    fetchShipped: async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }),
    screen: {
      enterFullscreen: async () => void kioskCalls.push('fullscreen'),
      exitFullscreen: async () => void kioskCalls.push('exit-fullscreen'),
      keepAwake: () => (kioskCalls.push('wake-lock'), () => void kioskCalls.push('release')),
    },
    feedback: { beep: () => {}, vibrate: () => {} },
    download: (filename, text) => void downloads.push({ filename, text }),
    persistence: {
      state: async () => persisted.value,
      request: async () => (persisted.value = 'granted'),
    },
    scanner: scanner.adapters,
    updates,
    now: () => clock.now,
    demoBuild: options.demoBuild ?? true,
  });
  await models.trust.whenReady();
  // the parts the app loads on first use (the kiosk, the PIN forms, some partners' panels) are loaded here, so tests
  // render them at once; the e2e tests open them in the built app as staff do
  await Promise.all([KioskScreen.preload(), SettingsLock.preload(), EmergencyPanel.preload(), StayPanel.preload()]);
  if (options.profileId) await models.settings.chooseProfile(options.profileId);
  await models.stays.whenReady(); // a ward's stay rules
  return {
    ...models,
    storage,
    downloads,
    kioskCalls,
    clock,
    fakeScanner: scanner,
    fakeUpdates: updates,
    wrap: (children) => render(<ModelsContext.Provider value={models}>{children}</ModelsContext.Provider>),
  };
}
