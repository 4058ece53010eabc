// Builds the app's models on fake-indexeddb with a test scheme, as main.tsx does with the real adapters.

import { computed, signal } from '@preact/signals';
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { verifyPassport } from '../../../src/core/index.ts';
import { openStorage, type AppStorage } from '../../../src/app/adapters/storage.ts';
import { ModelsContext, type Models } from '../../../src/app/models/context.ts';
import { KioskModel } from '../../../src/app/models/kiosk-model.ts';
import { NavigationModel } from '../../../src/app/models/navigation-model.ts';
import { RedemptionsModel } from '../../../src/app/models/redemptions-model.ts';
import { SettingsModel } from '../../../src/app/models/settings-model.ts';
import { TrustModel } from '../../../src/app/models/trust-model.ts';
import { VerdictModel } from '../../../src/app/models/verdict-model.ts';
import type { AppScheme } from './scheme.ts';

let dbCount = 0;

export type Harness = Models & {
  storage: AppStorage;
  downloads: { filename: string; text: string }[];
  kioskCalls: string[];
  /** Milliseconds since the epoch as the models see it; tests move it. */
  clock: { now: number };
  wrap: (children: ComponentChildren) => ReturnType<typeof render>;
};

export async function makeHarness(scheme: AppScheme, options: { profileId?: string; storage?: AppStorage } = {}): Promise<Harness> {
  const storage = options.storage ?? (await openStorage(`test-db-${++dbCount}-${Math.random()}`));
  const clock = { now: scheme.now * 1000 };
  const settings = new SettingsModel(storage);
  await settings.load();
  if (options.profileId) await settings.chooseProfile(options.profileId);
  const trust = new TrustModel({ storage, roots: scheme.roots, fetchShipped: async () => ({ bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt] }), now: () => clock.now });
  await trust.start();
  const kioskCalls: string[] = [];
  const kiosk = new KioskModel({
    enterFullscreen: async () => void kioskCalls.push('fullscreen'),
    exitFullscreen: async () => void kioskCalls.push('exit-fullscreen'),
    keepAwake: () => (kioskCalls.push('wake-lock'), () => void kioskCalls.push('release')),
    remember: (active) => settings.update({ kiosk: active }),
    checkPin: (pin) => settings.checkPin(pin),
  });
  const verdict = new VerdictModel({
    async verify(text) {
      const state = await trust.whenReady();
      return state && verifyPassport(text, { bundle: state.bundle, statusLists: state.statusLists, now: Math.floor(clock.now / 1000) });
    },
    clearAfter: computed(() => (kiosk.active.value ? settings.settings.value.kioskResetSeconds : settings.settings.value.clearAfterSeconds)),
  });
  const redemptions = new RedemptionsModel({
    storage,
    shown: verdict.shown,
    profile: computed(() => settings.settings.value.profile),
    deviceId: await storage.deviceId(),
    now: () => clock.now,
    onActivity: () => verdict.extend(),
  });
  await redemptions.load(settings.settings.peek().retentionDays);
  const downloads: { filename: string; text: string }[] = [];
  const persisted = signal<'granted' | 'not-granted'>('not-granted');
  const models: Models = {
    settings,
    trust,
    verdict,
    redemptions,
    kiosk,
    navigation: new NavigationModel(),
    download: (filename, text) => void downloads.push({ filename, text }),
    persistence: {
      state: async () => persisted.value,
      request: async () => (persisted.value = 'granted'),
    },
  };
  return {
    ...models,
    storage,
    downloads,
    kioskCalls,
    clock,
    wrap: (children) => render(<ModelsContext.Provider value={models}>{children}</ModelsContext.Provider>),
  };
}
