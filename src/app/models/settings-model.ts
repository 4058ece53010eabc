// Settings and the staff PIN: held in signals, saved through the storage adapter. The PIN is kept only as a hash,
// and its rules (no PIN until chosen outside the demo, the wait after wrong PINs) live in StaffPinModel.

import { createModel, signal } from '@preact/signals';
import { readPartnerProfile, type Offer, type PartnerProfile } from '../../core/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/languages.ts';
import type { SettingKey } from '../adapters/settings-schema.ts';
import type { AppStorage } from '../adapters/storage.ts';
import { DEFAULT_PROFILE } from '../default-profile.ts';
import { StaffPinModel } from './staff-pin-model.ts';

export type AppSettings = {
  profile: PartnerProfile;
  clearAfterSeconds: number;
  kioskResetSeconds: number;
  sound: boolean;
  vibration: boolean;
  retentionDays: number;
  kiosk: boolean;
  /** The language of the app's words (issue 12): staff choose it in Settings; English until they do. */
  language: Locale;
};

export const DEFAULT_SETTINGS: AppSettings = {
  profile: DEFAULT_PROFILE,
  clearAfterSeconds: 30,
  kioskResetSeconds: 8,
  sound: false,
  vibration: false,
  retentionDays: 90,
  kiosk: false,
  language: DEFAULT_LOCALE,
};

const SETTINGS_KEY = 'app' satisfies SettingKey;

export type SettingsOptions = {
  /** Milliseconds since the epoch (the PIN's wait is timed with it). */
  now?: () => number;
  /** The demo build: the staff PIN starts as the demo PIN. Otherwise there is none until staff choose one. */
  demoBuild?: boolean;
};

export const SettingsModel = createModel((storage: AppStorage, options: SettingsOptions = {}) => {
  const settings = signal<AppSettings>(DEFAULT_SETTINGS);
  const unlocked = signal(false);
  const pin = new StaffPinModel({ storage, now: options.now ?? (() => Date.now()), demoBuild: options.demoBuild ?? false });

  const save = async (next: AppSettings) => {
    settings.value = next;
    await storage.saveSetting(SETTINGS_KEY, next);
  };

  return {
    settings,
    unlocked,
    pin,
    async load() {
      await pin.load();
      settings.value = { ...DEFAULT_SETTINGS, ...(await storage.loadSetting(SETTINGS_KEY)) };
    },
    update(patch: Partial<Omit<AppSettings, 'profile'>>) {
      return save({ ...settings.peek(), ...patch });
    },
    /** One of the demo partners (Settings, which load their list). */
    async chooseProfile(id: string) {
      const { demoProfile } = await import('../partner-profiles.ts');
      const profile = demoProfile(id);
      if (profile) await save({ ...settings.peek(), profile });
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
    /** True for the right PIN; a wrong one counts toward the wait, and during the wait nothing is tried. */
    async checkPin(entered: string): Promise<boolean> {
      return (await pin.attempt(entered)) === 'right';
    },
    async unlock(entered: string): Promise<boolean> {
      const ok = (await pin.attempt(entered)) === 'right';
      unlocked.value = ok;
      return ok;
    },
    lock() {
      unlocked.value = false;
    },
    /** The first PIN, chosen by the first member of staff (not the demo build): Settings open with it. */
    async choosePin(first: string): Promise<boolean> {
      if (pin.hasPin.peek() !== false) return false; // a PIN exists: changing it needs Settings open
      const ok = await pin.choose(first);
      unlocked.value = ok;
      return ok;
    },
    changePin(next: string): Promise<boolean> {
      return pin.choose(next);
    },
  };
});
export type SettingsModel = InstanceType<typeof SettingsModel>;
