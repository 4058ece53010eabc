// Settings and the staff PIN: held in signals, saved through the storage adapter. The PIN is kept only as a hash.

import { createModel, signal } from '@preact/signals';
import { readPartnerProfile, type Offer, type PartnerProfile } from '../../core/index.ts';
import { DEMO_PIN, hashPin, isAcceptablePin, verifyPin, type PinHash } from '../adapters/pin-hash.ts';
import type { AppStorage } from '../adapters/storage.ts';
import { DEMO_PROFILES, demoProfile } from '../partner-profiles.ts';

export type AppSettings = {
  profile: PartnerProfile;
  clearAfterSeconds: number;
  kioskResetSeconds: number;
  sound: boolean;
  vibration: boolean;
  retentionDays: number;
  kiosk: boolean;
};

export const DEFAULT_SETTINGS: AppSettings = {
  profile: DEMO_PROFILES[0]!,
  clearAfterSeconds: 30,
  kioskResetSeconds: 8,
  sound: false,
  vibration: false,
  retentionDays: 90,
  kiosk: false,
};

const SETTINGS_KEY = 'app';
const PIN_KEY = 'pin';

export const SettingsModel = createModel((storage: AppStorage) => {
  const settings = signal<AppSettings>(DEFAULT_SETTINGS);
  const unlocked = signal(false);
  let pin: Promise<PinHash> | undefined;

  const storedPin = (): Promise<PinHash> =>
    (pin ??= (async () => {
      const held = await storage.loadSetting<PinHash>(PIN_KEY);
      if (held) return held;
      const demo = await hashPin(DEMO_PIN); // first start: the demo PIN, to be changed by staff
      await storage.saveSetting(PIN_KEY, demo);
      return demo;
    })());

  const save = async (next: AppSettings) => {
    settings.value = next;
    await storage.saveSetting(SETTINGS_KEY, next);
  };

  return {
    settings,
    unlocked,
    async load() {
      const held = await storage.loadSetting<Partial<AppSettings>>(SETTINGS_KEY);
      const profile = held?.profile && readPartnerProfile(held.profile);
      settings.value = { ...DEFAULT_SETTINGS, ...held, profile: profile?.ok ? profile.profile : DEFAULT_SETTINGS.profile };
    },
    update(patch: Partial<Omit<AppSettings, 'profile'>>) {
      return save({ ...settings.peek(), ...patch });
    },
    chooseProfile(id: string) {
      const profile = demoProfile(id);
      return profile ? save({ ...settings.peek(), profile }) : Promise.resolve();
    },
    /** The profile the scheme service gave at enrolment (issue 4): it replaces the demo choice. */
    adoptProfile(profile: PartnerProfile) {
      return save({ ...settings.peek(), profile });
    },
    /** Saves an edited offer if the profile still reads as valid; returns the problem otherwise. */
    async saveOffer(offer: Offer): Promise<string | undefined> {
      const current = settings.peek().profile;
      const candidate = { ...current, offers: current.offers.map((o) => (o.id === offer.id ? offer : o)) };
      const read = readPartnerProfile(candidate);
      if (!read.ok) return read.problem;
      await save({ ...settings.peek(), profile: read.profile });
      return undefined;
    },
    async checkPin(entered: string): Promise<boolean> {
      return verifyPin(entered, await storedPin());
    },
    async unlock(entered: string): Promise<boolean> {
      const ok = await verifyPin(entered, await storedPin());
      unlocked.value = ok;
      return ok;
    },
    lock() {
      unlocked.value = false;
    },
    async changePin(next: string): Promise<boolean> {
      if (!isAcceptablePin(next)) return false;
      const hashed = await hashPin(next);
      await storage.saveSetting(PIN_KEY, hashed);
      pin = Promise.resolve(hashed);
      return true;
    },
  };
});
export type SettingsModel = InstanceType<typeof SettingsModel>;
