// The staff PIN (issue 8, point 10): who may open Settings or leave kiosk mode. One model for both doors, so a
// wrong PIN at the kiosk counts toward the same wait as one at Settings. A demo build starts with the demo PIN; any
// other build has none until the first member of staff chooses it. After 5 wrong PINs in a row each further try
// waits 30 s, doubling up to 15 minutes; the count and the wait are saved, so a reload does not reset them.

import { computed, createModel, signal } from '@preact/signals';
import type { PinHash } from '../adapters/pin-hash.ts';
import type { PinAttempts, SettingKey } from '../adapters/settings-schema.ts';
import type { AppStorage } from '../adapters/storage.ts';

/**
 * The hashing, loaded ahead once the first scan is done (main.tsx) or when first needed: no till needs it before its
 * first verdict (issue 13). A load that fails (offline before the app was installed) is tried again next time.
 */
let hashing: Promise<typeof import('../adapters/pin-hash.ts')> | undefined;
export const pinHashing = (): Promise<typeof import('../adapters/pin-hash.ts')> =>
  (hashing ??= import('../adapters/pin-hash.ts').catch((error: unknown) => {
    hashing = undefined;
    throw error;
  }));

/** Whether a PIN may be chosen (the PIN screens check it as staff type): 4 to 12 digits. */
export function isAcceptablePin(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}

export const FREE_ATTEMPTS = 5;
export const FIRST_WAIT_SECONDS = 30;
export const LONGEST_WAIT_SECONDS = 15 * 60;

/** The wait after `failures` wrong PINs in a row: none for the first 4, then 30 s, 60 s, ... at most 15 minutes. */
export function pinWaitSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(failures - FREE_ATTEMPTS, 10));
}

/** What a try gave: the PIN was right, wrong, not tried because of the wait, or there is no PIN to try yet. */
export type PinAttempt = 'right' | 'wrong' | 'wait' | 'no-pin';

const PIN_KEY = 'pin' satisfies SettingKey;
const ATTEMPTS_KEY = 'pin-attempts' satisfies SettingKey;

export type StaffPinDeps = {
  storage: Pick<AppStorage, 'loadSetting' | 'saveSetting'>;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The demo build (it pins the demo root): its PIN starts as DEMO_PIN. */
  demoBuild: boolean;
};

export const StaffPinModel = createModel((deps: StaffPinDeps) => {
  const stored = signal<PinHash | undefined>(undefined);
  /** False until a PIN is chosen (never false in the demo build); undefined until loaded. */
  const hasPin = signal<boolean | undefined>(undefined);
  const failures = signal(0);
  /** When the next try is allowed (ms since the epoch); 0 when there is no wait. */
  const lockedUntil = signal(0);
  const locked = computed(() => lockedUntil.value > 0);
  let loaded: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = () =>
    (loaded ??= (async () => {
      const [pin, attempts] = await Promise.all([deps.storage.loadSetting(PIN_KEY), deps.storage.loadSetting(ATTEMPTS_KEY)]);
      stored.value = pin;
      hasPin.value = pin !== undefined || deps.demoBuild;
      if (attempts) {
        failures.value = attempts.failures;
        lockedUntil.value = attempts.lockedUntil;
      }
    })());

  /** The PIN's hash; the demo build makes the demo PIN's on first use (hashing is slow, so not at start). */
  const currentPin = async (): Promise<PinHash | undefined> => {
    await load();
    if (stored.peek() || !deps.demoBuild) return stored.peek();
    const { hashPin, DEMO_PIN } = await pinHashing();
    const demo = await hashPin(DEMO_PIN);
    await deps.storage.saveSetting(PIN_KEY, demo);
    stored.value = demo;
    return demo;
  };

  /** Milliseconds left to wait; never more than the rule allows, so a clock set back cannot stretch it. */
  const waitLeft = (): number => {
    const until = lockedUntil.peek();
    if (until === 0) return 0;
    const left = Math.min(until - deps.now(), pinWaitSeconds(failures.peek()) * 1000);
    return left > 0 ? left : 0;
  };

  const saveAttempts = () => deps.storage.saveSetting(ATTEMPTS_KEY, { failures: failures.peek(), lockedUntil: lockedUntil.peek() } satisfies PinAttempts);

  const attempt = async (entered: string): Promise<PinAttempt> => {
    const pin = await currentPin();
    if (!pin) return 'no-pin';
    if (waitLeft() > 0) return 'wait';
    const { verifyPin } = await pinHashing();
    if (await verifyPin(entered, pin)) {
      failures.value = 0;
      lockedUntil.value = 0;
      await saveAttempts();
      return 'right';
    }
    failures.value = failures.peek() + 1;
    const wait = pinWaitSeconds(failures.peek());
    lockedUntil.value = wait > 0 ? deps.now() + wait * 1000 : 0;
    await saveAttempts();
    return 'wrong';
  };

  return {
    hasPin,
    failures,
    lockedUntil,
    locked,
    load,
    /** Whole seconds left before the next try is allowed; 0 when a PIN may be tried now. */
    secondsToWait(): number {
      return Math.ceil(waitLeft() / 1000);
    },
    /** Tries a PIN; tries run one at a time, so two quick taps cannot both slip in before the wait starts. */
    attempt(entered: string): Promise<PinAttempt> {
      const result = queue.then(() => attempt(entered));
      queue = result.catch(() => undefined);
      return result;
    },
    /** Sets a new PIN (4 to 12 digits): the first one, or a change once unlocked. */
    async choose(next: string): Promise<boolean> {
      if (!isAcceptablePin(next)) return false;
      await load();
      const { hashPin } = await pinHashing();
      const hashed = await hashPin(next);
      await deps.storage.saveSetting(PIN_KEY, hashed);
      stored.value = hashed;
      hasPin.value = true;
      return true;
    },
  };
});
export type StaffPinModel = InstanceType<typeof StaffPinModel>;
