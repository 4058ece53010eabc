// The one file that knows the IndexedDB schema. Models ask it through AppStorage; tests open it on fake-indexeddb.
// Migrations are `upgrade(db, oldVersion)` steps that never rewrite an earlier step.

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredRedemption } from '../../core/index.ts';

export const DB_NAME = 'carers-passport-check';

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
  settings: { key: string; value: unknown };
  device: { key: 'id'; value: string };
}

export type AppStorage = {
  loadTrust(): Promise<StoredTrust | undefined>;
  saveTrust(trust: StoredTrust): Promise<void>;
  /** Writes the record, waiting for upload, in one transaction; resolves only once it is committed. */
  addRedemption(record: StoredRedemption): Promise<void>;
  /** Every record, newest first. */
  listRedemptions(): Promise<StoredRedemption[]>;
  countWaiting(): Promise<number>;
  markUploaded(ids: readonly string[]): Promise<void>;
  deleteRedemptions(ids: readonly string[]): Promise<void>;
  loadSetting<T>(key: string): Promise<T | undefined>;
  saveSetting(key: string, value: unknown): Promise<void>;
  /** This device's id, made once (a random UUID) and kept. */
  deviceId(): Promise<string>;
  close(): void;
};

export async function openStorage(name = DB_NAME): Promise<AppStorage> {
  const db: IDBPDatabase<PassportDb> = await openDB<PassportDb>(name, 1, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('trust');
        const redemptions = database.createObjectStore('redemptions', { keyPath: 'id' });
        redemptions.createIndex('by-uploaded', 'uploaded');
        redemptions.createIndex('by-time', 'redeemedAt');
        database.createObjectStore('settings');
        database.createObjectStore('device');
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
    },
    async listRedemptions() {
      const all = await db.getAllFromIndex('redemptions', 'by-time');
      return all.reverse();
    },
    countWaiting: () => db.countFromIndex('redemptions', 'by-uploaded', 0),
    async markUploaded(ids) {
      const tx = db.transaction('redemptions', 'readwrite');
      for (const id of ids) {
        const record = await tx.store.get(id);
        if (record) await tx.store.put({ ...record, uploaded: 1 });
      }
      await tx.done;
    },
    async deleteRedemptions(ids) {
      const tx = db.transaction('redemptions', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    async loadSetting<T>(key: string) {
      return (await db.get('settings', key)) as T | undefined;
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
    close: () => db.close(),
  };
}
