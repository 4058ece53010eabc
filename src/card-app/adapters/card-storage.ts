// The one file that knows the card page's IndexedDB. Passports are kept with their refresh token as given (hashing
// tokens is the service's side); a collection code is kept only as its SHA-256, to know the link again.
// When the browser refuses storage (some private modes), a memory store stands in and says it keeps nothing.

import { openDB, type DBSchema } from 'idb';
import type { OffersDirectory } from '../../core/index.ts';
import type { IssuerContact } from '../../core/index.ts';
import type { CardCopyPassport } from '../../core/card-copy.ts';
import { isLocale, type Locale } from '../../i18n/languages.ts';

export const CARD_DB_NAME = 'my-carers-passport';

/** A passport held on this phone. */
export type HeldPassport = {
  /** `${iss} ${jti}`: a passport is its issuer and number (decisions.md). */
  key: string;
  passport: CardCopyPassport;
  contact?: IssuerContact;
  schemeName: string;
  refreshToken: string;
  /** Milliseconds since the epoch. */
  collectedAt: number;
  /** When the service last answered a refresh (or the collection). */
  checkedAt: number;
  /** The service no longer knows this copy's token (401): it will not change again. */
  ended?: boolean;
};

export type HeldDirectory = { directory: OffersDirectory; etag?: string; fetchedAt: number };

interface CardDb extends DBSchema {
  passports: { key: string; value: HeldPassport };
  codes: { key: string; value: { codeHash: string; key: string } };
  directory: { key: 'current'; value: HeldDirectory };
  /** The carer's choices on this phone: for now, the page's language (issue 12 point 3). */
  settings: { key: 'language'; value: string };
}

export type CardStorage = {
  /** False when nothing survives closing the page (storage refused). */
  readonly kept: boolean;
  listPassports(): Promise<HeldPassport[]>;
  putPassport(held: HeldPassport): Promise<void>;
  /** Stores a collected passport and the code that brought it, together. */
  addCollected(held: HeldPassport, codeHash: string): Promise<void>;
  passportKeyForCode(codeHash: string): Promise<string | undefined>;
  removePassport(key: string): Promise<void>;
  loadDirectory(): Promise<HeldDirectory | undefined>;
  saveDirectory(held: HeldDirectory): Promise<void>;
  /** The language the carer chose on this phone; undefined until they choose one. */
  loadLanguage(): Promise<Locale | undefined>;
  saveLanguage(locale: Locale): Promise<void>;
};

export function passportKey(passport: Pick<CardCopyPassport, 'iss' | 'jti'>): string {
  return `${passport.iss} ${passport.jti}`;
}

export async function openCardStorage(name = CARD_DB_NAME): Promise<CardStorage> {
  let db;
  try {
    db = await openDB<CardDb>(name, 2, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('passports', { keyPath: 'key' });
          db.createObjectStore('codes', { keyPath: 'codeHash' });
          db.createObjectStore('directory');
        }
        if (oldVersion < 2) db.createObjectStore('settings');
      },
    });
  } catch {
    return memoryCardStorage();
  }
  const opened = db;
  return {
    kept: true,
    listPassports: () => opened.getAll('passports'),
    putPassport: async (held) => void (await opened.put('passports', held)),
    async addCollected(held, codeHash) {
      const tx = opened.transaction(['passports', 'codes'], 'readwrite');
      await Promise.all([tx.objectStore('passports').put(held), tx.objectStore('codes').put({ codeHash, key: held.key }), tx.done]);
    },
    passportKeyForCode: async (codeHash) => (await opened.get('codes', codeHash))?.key,
    async removePassport(key) {
      const tx = opened.transaction(['passports', 'codes'], 'readwrite');
      await tx.objectStore('passports').delete(key);
      for (const entry of await tx.objectStore('codes').getAll()) if (entry.key === key) await tx.objectStore('codes').delete(entry.codeHash);
      await tx.done;
    },
    loadDirectory: () => opened.get('directory', 'current'),
    saveDirectory: async (held) => void (await opened.put('directory', held, 'current')),
    async loadLanguage() {
      const stored = await opened.get('settings', 'language');
      return isLocale(stored) ? stored : undefined;
    },
    saveLanguage: async (locale) => void (await opened.put('settings', locale, 'language')),
  };
}

/** Keeps everything in memory: the page works, and says the passport will be gone when it closes. */
export function memoryCardStorage(): CardStorage {
  const passports = new Map<string, HeldPassport>();
  const codes = new Map<string, string>();
  let directory: HeldDirectory | undefined;
  let language: Locale | undefined;
  return {
    kept: false,
    listPassports: async () => [...passports.values()],
    putPassport: async (held) => void passports.set(held.key, held),
    async addCollected(held, codeHash) {
      passports.set(held.key, held);
      codes.set(codeHash, held.key);
    },
    passportKeyForCode: async (codeHash) => codes.get(codeHash),
    async removePassport(key) {
      passports.delete(key);
      for (const [hash, held] of codes) if (held === key) codes.delete(hash);
    },
    loadDirectory: async () => directory,
    saveDirectory: async (held) => void (directory = held),
    loadLanguage: async () => language,
    saveLanguage: async (locale) => void (language = locale),
  };
}
