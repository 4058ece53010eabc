// The one file that knows the IndexedDB schema. Models ask it through AppStorage; tests open it on fake-indexeddb.
// Migrations are `upgrade(db, oldVersion)` steps that never rewrite an earlier step.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredRedemption } from '../../core/index.ts';
import { readSetting, type SettingKey, type SettingValue } from './settings-schema.ts';

export const DB_NAME = 'carers-passport-check';
/** 3 (issue 12): stored data holds codes, never sentences. */
export const DB_VERSION = 3;

/** The trust data as held: the signed tokens themselves, re-verified at every start. */
export type StoredTrust = { bundleJwt: string; listJwts: string[]; fetchedAt: string };

interface PassportDb extends DBSchema {
  trust: { key: 'current'; value: StoredTrust };
  redemptions: {
    key: string;
    value: StoredRedemption;
    // uploaded is 0 or 1 (IndexedDB cannot index booleans); the outbox is every record with uploaded 0
    indexes: { 'by-uploaded': number; 'by-time': string };
  };
  // what each key holds is declared, with its reader, in settings-schema.ts
  settings: { key: SettingKey; value: unknown };
  device: { key: 'id'; value: string };
  // version 2 (sync, issue 4): records the scheme refused, kept and shown but never sent again
  rejected: { key: string; value: RejectedRecord };
}

/** A record the scheme service refused (answered "rejected"): it leaves the outbox but stays on the device. */
export type RejectedRecord = { id: string; reason: string; at: string };

export type AppStorage = {
  loadTrust(): Promise<StoredTrust | undefined>;
  saveTrust(trust: StoredTrust): Promise<void>;
  /** Writes the record, waiting for upload, in one transaction; resolves only once it is committed. */
  addRedemption(record: StoredRedemption): Promise<void>;
  /** Every record, newest first. */
  listRedemptions(): Promise<StoredRedemption[]>;
  /** Records waiting for upload (not uploaded, not refused), oldest first, at most `limit`. */
  listWaiting(limit: number): Promise<StoredRedemption[]>;
  countWaiting(): Promise<number>;
  markUploaded(ids: readonly string[]): Promise<void>;
  /** Takes refused records out of the outbox, keeping them and the scheme's reason. */
  markRejected(entries: readonly { id: string; reason: string }[], at: string): Promise<void>;
  listRejected(): Promise<RejectedRecord[]>;
  /** Called after each redemption is committed (the uploader wakes up). Returns the unsubscribe function. */
  onRedemptionAdded(listener: () => void): () => void;
  deleteRedemptions(ids: readonly string[]): Promise<void>;
  /** The setting as its reader makes it of what is held; undefined when nothing is held or it does not read. */
  loadSetting<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined>;
  saveSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void>;
  /** This device's id, made once (a random UUID) and kept. */
  deviceId(): Promise<string>;
  /** Enrolment gives the device the id the scheme knows it by (the service checks it on every record). */
  setDeviceId(id: string): Promise<void>;
  close(): void;
};

const TRUST_CHECK_KEY = 'sync-trust-checked' satisfies SettingKey;

/**
 * A trust check stored by version 2, `{ at, outcome, message }` with an English sentence such as "New trust list
 * adopted. 2 cancellation lists updated.", as the codes and counts that sentence was made from.
 */
export function trustCheckWithoutWords(held: unknown): unknown {
  if (typeof held !== 'object' || held === null || !('message' in held)) return held;
  const { message, ...rest } = held as Record<string, unknown>;
  const words = typeof message === 'string' ? message : '';
  const lists = /(\d+) cancellation lists? updated/.exec(words)?.[1];
  return { ...rest, listsUpdated: lists === undefined ? 0 : Number(lists), bundleReplaced: words.includes('New trust list adopted') };
}

/** What the app hears when another tab of a different version wants the database (an update that bumps it). */
export type OtherTabEvents = {
  /** A newer version opened elsewhere: this connection is already closed, so this tab must reload to go on. */
  onVersionChange?: () => void;
  /** This (newer) tab waits until tabs still holding the older version close; the open finishes when they do. */
  onBlocked?: () => void;
};

export async function openStorage(name = DB_NAME, events: OtherTabEvents = {}): Promise<AppStorage> {
  const added = new Set<() => void>();
  const db: IDBPDatabase<PassportDb> = await openDB<PassportDb>(name, DB_VERSION, {
    // without these an old tab keeps the database and a new tab's open waits for ever behind it (a blank page)
    blocked() {
      events.onBlocked?.();
    },
    blocking() {
      db.close();
      events.onVersionChange?.();
    },
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        database.createObjectStore('trust');
        const redemptions = database.createObjectStore('redemptions', { keyPath: 'id' });
        redemptions.createIndex('by-uploaded', 'uploaded');
        redemptions.createIndex('by-time', 'redeemedAt');
        database.createObjectStore('settings');
        database.createObjectStore('device');
      }
      if (oldVersion < 2) {
        database.createObjectStore('rejected', { keyPath: 'id' });
      }
      if (oldVersion >= 1 && oldVersion < 3) {
        // version 3 (issue 12): the last trust check held its English sentence; it holds codes and counts now
        const settings = transaction.objectStore('settings');
        const held = await settings.get(TRUST_CHECK_KEY);
        if (held !== undefined) await settings.put(trustCheckWithoutWords(held), TRUST_CHECK_KEY);
      }
    },
  });

  return {
    loadTrust: () => db.get('trust', 'current'),
    async saveTrust(trust) {
      await db.put('trust', trust, 'current');
    },
    async addRedemption(record) {
      const tx = db.transaction('redemptions', 'readwrite');
      // add, not put: a second write of the same id fails instead of silently replacing
      await Promise.all([tx.store.add(record), tx.done]);
      for (const listener of added) listener();
    },
    async listRedemptions() {
      const all = await db.getAllFromIndex('redemptions', 'by-time');
      return all.reverse();
    },
    async listWaiting(limit) {
      const tx = db.transaction(['redemptions', 'rejected']);
      const refused = new Set(await tx.objectStore('rejected').getAllKeys());
      // refused records still have uploaded 0, so reading that many more is enough to find `limit` others;
      // one getAll, not a cursor walk: a cursor costs a round trip a record (measured in device-upload.bench.ts)
      const candidates = await tx.objectStore('redemptions').index('by-uploaded').getAll(0, limit + refused.size);
      await tx.done;
      const waiting = candidates.filter((record) => !refused.has(record.id)).slice(0, limit);
      return waiting.sort((a, b) => a.redeemedAt.localeCompare(b.redeemedAt));
    },
    async countWaiting() {
      const tx = db.transaction(['redemptions', 'rejected']);
      // a refused record is never uploaded, so every one of them is among the uploaded-0 records
      const [all, refused] = await Promise.all([tx.objectStore('redemptions').index('by-uploaded').count(0), tx.objectStore('rejected').count(), tx.done]);
      return all - refused;
    },
    async markUploaded(ids) {
      const tx = db.transaction('redemptions', 'readwrite');
      for (const id of ids) {
        const record = await tx.store.get(id);
        if (record) await tx.store.put({ ...record, uploaded: 1 });
      }
      await tx.done;
    },
    async markRejected(entries, at) {
      const tx = db.transaction(['redemptions', 'rejected'], 'readwrite');
      for (const { id, reason } of entries) {
        const record = await tx.objectStore('redemptions').get(id);
        if (record && record.uploaded === 0) await tx.objectStore('rejected').put({ id, reason, at });
      }
      await tx.done;
    },
    listRejected: () => db.getAll('rejected'),
    onRedemptionAdded(listener) {
      added.add(listener);
      return () => added.delete(listener);
    },
    async deleteRedemptions(ids) {
      const tx = db.transaction(['redemptions', 'rejected'], 'readwrite');
      await Promise.all([...ids.flatMap((id) => [tx.objectStore('redemptions').delete(id), tx.objectStore('rejected').delete(id)]), tx.done]);
    },
    async loadSetting(key) {
      return readSetting(key, await db.get('settings', key));
    },
    async saveSetting(key, value) {
      await db.put('settings', value, key);
    },
    async deviceId() {
      const tx = db.transaction('device', 'readwrite');
      let id = await tx.store.get('id');
      if (id === undefined) {
        id = crypto.randomUUID();
        await tx.store.put(id, 'id');
      }
      await tx.done;
      return id;
    },
    async setDeviceId(id) {
      await db.put('device', id, 'id');
    },
    close: () => db.close(),
  };
}
