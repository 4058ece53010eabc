// The passports on this phone: collecting one from its link, keeping each up to date with the scheme (at most every
// 6 hours), and what each card shows now. Built from adapters passed in, so a test runs it with no DOM.

import { computed, createModel, signal } from '@preact/signals';
import type { CardClient } from '../adapters/card-client.ts';
import type { CardCopyPassport } from '../../core/card-copy.ts';
import { normalizeCollectionCode } from '../../core/collection-code.ts';
import { passportKey, type CardStorage, type HeldPassport } from '../adapters/card-storage.ts';

export const REFRESH_EVERY_MS = 6 * 3_600_000;
export const RENEW_NOTICE_DAYS = 60;
const DAY_MS = 86_400_000;

/** What came of opening a collection link, or of the latest check with the scheme. */
export type WalletNotice =
  | { kind: 'collecting' }
  | { kind: 'collected'; key: string }
  | { kind: 'already-held'; key: string }
  | { kind: 'refused'; error: string; message: string }
  | { kind: 'offline' }
  | { kind: 'broken' }
  | { kind: 'renewed'; key: string; exp: number };

/** What one card shows now: the QR only while the passport is valid. */
export type CardState =
  | { kind: 'valid'; qrText: string; /** Set within 60 days of the end. */ endsInDays?: number }
  | { kind: 'not-yet-valid'; qrText: string }
  | { kind: 'expired' }
  | { kind: 'suspended' }
  | { kind: 'revoked' };

export function cardState(passport: CardCopyPassport, nowMs: number): CardState {
  if (passport.status === 'suspended' || passport.status === 'revoked') return { kind: passport.status };
  const now = nowMs / 1000;
  // the phone's own clock ends it too: with no signal for months, an expired card is not offered
  if (passport.status === 'expired' || now > passport.exp || passport.qrText === undefined) return { kind: 'expired' };
  if (now < passport.nbf) return { kind: 'not-yet-valid', qrText: passport.qrText };
  const daysLeft = Math.ceil((passport.exp - now) / 86_400);
  return daysLeft <= RENEW_NOTICE_DAYS ? { kind: 'valid', qrText: passport.qrText, endsInDays: daysLeft } : { kind: 'valid', qrText: passport.qrText };
}

export type WalletAdapters = {
  storage: CardStorage;
  client: CardClient;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** SHA-256 of a normalised code, hex; default WebCrypto. */
  hashCode?: (code: string) => Promise<string>;
};

/** A code as typed or linked: case, spaces and dashes do not matter. */
/** The code as the service reads it (case, dashes, spaces, O for 0 and I/L for 1 do not matter): the core's rule. */
export function normaliseCode(code: string): string {
  return normalizeCollectionCode(code) ?? code.toUpperCase().replace(/[\s-]/g, '');
}

export async function sha256Hex(text: string): Promise<string> {
  // crypto.subtle exists only on secure origins; on a plain-http LAN address the normalised code itself is kept
  if (!globalThis.crypto?.subtle) return `plain:${text}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const WalletModel = createModel(({ storage, client, now = () => Date.now(), hashCode = sha256Hex }: WalletAdapters) => {
  const passports = signal<HeldPassport[]>([]);
  const selectedKey = signal<string | undefined>(undefined);
  const notice = signal<WalletNotice | undefined>(undefined);
  const refreshing = signal(false);
  const selected = computed(() => passports.value.find((p) => p.key === selectedKey.value) ?? passports.value[0]);

  const put = async (held: HeldPassport) => {
    await storage.putPassport(held);
    passports.value = [...passports.value.filter((p) => p.key !== held.key), held].sort(byName);
  };

  return {
    passports,
    selected,
    notice,
    refreshing,
    /** False when the browser refused storage: nothing survives closing the page. */
    kept: computed(() => storage.kept),
    async load() {
      passports.value = (await storage.listPassports()).sort(byName);
    },
    select(key: string) {
      selectedKey.value = key;
    },
    dismissNotice() {
      notice.value = undefined;
    },
    /** Opens a collection link's code: collects it once, or shows the passport this phone already holds from it. */
    async openCode(raw: string): Promise<WalletNotice> {
      const code = raw.trim();
      const codeHash = await hashCode(normaliseCode(code));
      const heldKey = await storage.passportKeyForCode(codeHash);
      if (heldKey && passports.peek().some((p) => p.key === heldKey)) {
        selectedKey.value = heldKey;
        return (notice.value = { kind: 'already-held', key: heldKey });
      }
      notice.value = { kind: 'collecting' };
      const result = await client.collect(code);
      if (!result.ok) {
        return (notice.value = result.kind === 'refused' ? { kind: 'refused', error: result.error, message: result.message } : { kind: result.kind === 'offline' ? 'offline' : 'broken' });
      }
      const { passport, contact, schemeName, refreshToken } = result.answer;
      const at = now();
      const held: HeldPassport = { key: passportKey(passport), passport, ...(contact ? { contact } : {}), schemeName, refreshToken, collectedAt: at, checkedAt: at };
      await storage.addCollected(held, codeHash);
      passports.value = [...passports.peek().filter((p) => p.key !== held.key), held].sort(byName);
      selectedKey.value = held.key;
      return (notice.value = { kind: 'collected', key: held.key });
    },
    /** Asks the scheme about every passport not checked in the last 6 hours (or all, when `force`). */
    async refreshDue(force = false): Promise<void> {
      if (refreshing.peek()) return;
      refreshing.value = true;
      try {
        for (const start of passports.peek()) {
          if (start.ended || (!force && now() - start.checkedAt < REFRESH_EVERY_MS)) continue;
          const result = await client.refresh(start.refreshToken);
          // the list may have changed while we waited (a passport removed): work on what is held now
          const held = passports.peek().find((p) => p.key === start.key);
          if (!held) continue;
          if (result.ok) {
            const { passport, contact, schemeName } = result.answer;
            await put({ ...withoutContact(held), passport, ...(contact ? { contact } : {}), schemeName, checkedAt: now() });
            if (passport.exp > held.passport.exp && passport.status === 'valid') notice.value = { kind: 'renewed', key: held.key, exp: passport.exp };
          } else if (result.kind === 'refused' && result.status === 401) {
            await put({ ...held, ended: true, checkedAt: now() });
          }
          // offline, busy (429) or unreadable: try again next time
        }
      } finally {
        refreshing.value = false;
      }
    },
    async remove(key: string) {
      await storage.removePassport(key);
      passports.value = passports.peek().filter((p) => p.key !== key);
      if (selectedKey.peek() === key) selectedKey.value = undefined;
    },
  };
});

export type Wallet = InstanceType<typeof WalletModel>;

function withoutContact(held: HeldPassport): HeldPassport {
  const { contact: _dropped, ...rest } = held;
  return rest;
}

function byName(a: HeldPassport, b: HeldPassport): number {
  return a.passport.name.localeCompare(b.passport.name, 'en-GB') || a.key.localeCompare(b.key);
}

/** Days from now to an instant (seconds), rounded up: for "ends in 12 days". */
export function daysUntil(exp: number, nowMs: number): number {
  return Math.ceil((exp * 1000 - nowMs) / DAY_MS);
}
