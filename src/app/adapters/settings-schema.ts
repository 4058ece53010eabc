// The settings store's schema: every key the app keeps there and the reader that turns what IndexedDB holds back into
// its type. What an earlier version (or a damaged store) wrote is parsed when read, never cast: a field that does
// not read is dropped and the model's default stands. storage.ts is the only caller.

import { readPartnerProfile, readSharedRedemptions, readStayEvent, type StayEvent } from '../../core/index.ts';
import { isLocale, type Locale } from '../../i18n/languages.ts';
import type { OwnStayEvent } from '../models/stays-model.ts';
import type { AppSettings } from '../models/settings-model.ts';
import type { Enrolment, HeldShared, TrustCheck } from '../models/sync-model.ts';
import type { PinHash } from './pin-hash.ts';

/** Wrong staff PINs in a row and when the next try is allowed (ms since the epoch; 0 for no wait). */
export type PinAttempts = { failures: number; lockedUntil: number };

type Reader<T> = (stored: unknown) => T | undefined;

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const text: Reader<string> = (v) => (typeof v === 'string' ? v : undefined);
const flag: Reader<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);
const count: Reader<number> = (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const time: Reader<number> = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Reads each named field with its reader; undefined when any is missing or wrong. */
function whole<T>(fields: { [K in keyof T]-?: Reader<T[K]> }): Reader<T> {
  return (stored) => {
    const held = record(stored);
    if (!held) return undefined;
    const out: Partial<T> = {};
    for (const key of Object.keys(fields) as (keyof T)[]) {
      const value = fields[key](held[key as string]);
      if (value === undefined) return undefined;
      out[key] = value;
    }
    return out as T;
  };
}

/** Reads each field that is there and reads; the rest are left out (the model fills them from its defaults). */
function some<T>(fields: { [K in keyof T]-?: Reader<T[K]> }): Reader<Partial<T>> {
  return (stored) => {
    const held = record(stored);
    if (!held) return undefined;
    const out: Partial<T> = {};
    for (const key of Object.keys(fields) as (keyof T)[]) {
      const value = fields[key](held[key as string]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
}

// a field added to AppSettings fails the type check here until it has a reader
const appSettings = some<AppSettings>({
  profile: (v) => {
    const read = readPartnerProfile(v);
    return read.ok ? read.profile : undefined;
  },
  clearAfterSeconds: count,
  kioskResetSeconds: count,
  sound: flag,
  vibration: flag,
  retentionDays: count,
  kiosk: flag,
  language: (v): Locale | undefined => (isLocale(v) ? v : undefined),
});

const pinHash = whole<PinHash>({
  salt: (v) => (typeof v === 'string' && /^[0-9a-f]+$/.test(v) ? v : undefined),
  hash: (v) => (typeof v === 'string' && /^[0-9a-f]+$/.test(v) ? v : undefined),
  iterations: (v) => (count(v) !== undefined && (v as number) > 0 ? (v as number) : undefined),
});

const pinAttempts = whole<PinAttempts>({ failures: count, lockedUntil: time });

const enrolment = whole<Enrolment>({
  serviceUrl: text,
  deviceToken: text,
  deviceId: text,
  partnerId: text,
  partnerName: text,
  schemeId: text,
  enrolledAt: text,
  revoked: flag,
});

const OUTCOMES: readonly TrustCheck['outcome'][] = ['updated', 'up-to-date', 'failed', 'bundle-refused'];
const trustCheck = whole<TrustCheck>({
  at: time,
  outcome: (v) => OUTCOMES.find((o) => o === v),
  listsUpdated: count,
  bundleReplaced: flag,
});

const stayEvents = (value: unknown): StayEvent[] =>
  Array.isArray(value) ? value.flatMap((v) => { const read = readStayEvent(v); return read.ok ? [read.event] : []; }) : [];

// issue 11: the partner's recent records and stays from the service (read as the sync client reads them)
const heldShared: Reader<HeldShared> = (stored) => {
  const held = record(stored);
  if (!held) return undefined;
  const etag = text(held.etag);
  return { ...(etag ? { etag } : {}), recent: readSharedRedemptions(held.recent), stays: stayEvents(held.stays) };
};

// issue 11 point 2: this device's stay events, each with whether the service has answered it
const ownStayEvents: Reader<OwnStayEvent[]> = (stored) =>
  Array.isArray(stored)
    ? stored.flatMap((v) => {
        const read = readStayEvent(v);
        const uploaded = record(v)?.uploaded === 1 ? 1 : 0;
        return read.ok ? [{ ...read.event, uploaded } as OwnStayEvent] : [];
      })
    : undefined;

/** Every key of the settings store, with its reader. */
export const SETTING_READERS = {
  app: appSettings,
  pin: pinHash,
  'pin-attempts': pinAttempts,
  'sync-enrolment': enrolment,
  'sync-trust-checked': trustCheck,
  'sync-shared-redemptions': heldShared,
  'stay-events': ownStayEvents,
  // issue 12: the camera staff chose on this device (a MediaDeviceInfo deviceId); was localStorage 'cp.camera'
  'chosen-camera': text,
} satisfies Record<string, Reader<unknown>>;

export type SettingKey = keyof typeof SETTING_READERS;
/** The value kept under a key, as its reader returns it. */
export type SettingValue<K extends SettingKey> = NonNullable<ReturnType<(typeof SETTING_READERS)[K]>>;

export function readSetting<K extends SettingKey>(key: K, stored: unknown): SettingValue<K> | undefined {
  return (SETTING_READERS[key] as Reader<SettingValue<K>>)(stored);
}
