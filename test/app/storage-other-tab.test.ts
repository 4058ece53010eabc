// Two tabs and an update that bumps the IndexedDB version (a kiosk plus a staff tab): the old tab lets go of the
// database and says so, and a new tab kept waiting by an old one hears about it instead of showing a blank page.

import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openStorage } from '../../src/app/adapters/storage.ts';

/** Fails instead of hanging when an open waits for ever on a tab that never closes. */
function within<T>(promise: Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`still waiting after ${ms} ms`)), ms))]);
}

describe('storage with another tab', () => {
  it('closes an old tab\'s connection and tells the app when a newer version opens, so the new tab can open', async () => {
    const name = `tabs-${Math.random()}`;
    const onVersionChange = vi.fn();
    const old = await openStorage(name, { onVersionChange });
    await old.saveSetting('app', { kiosk: true });

    const newer = await within(openDB(name, DB_VERSION + 1)); // the next release, opened in another tab
    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(await newer.get('settings', 'app')).toEqual({ kiosk: true });
    await expect(old.loadSetting('app')).rejects.toThrow(); // closed: this tab must reload to go on
    newer.close();
  });

  it('tells a new tab it is waiting on an old one that does not let go, then opens once that tab closes', async () => {
    const name = `tabs-${Math.random()}`;
    // an older release (version 1) that has no versionchange handler and so never closes by itself
    const stale = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('trust');
        const redemptions = db.createObjectStore('redemptions', { keyPath: 'id' });
        redemptions.createIndex('by-uploaded', 'uploaded');
        redemptions.createIndex('by-time', 'redeemedAt');
        db.createObjectStore('settings');
        db.createObjectStore('device');
      },
    });
    await stale.put('settings', { retentionDays: 30 }, 'app');

    const onBlocked = vi.fn();
    let opened = false;
    const opening = openStorage(name, { onBlocked }).then((storage) => ((opened = true), storage));
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(opened).toBe(false);

    stale.close(); // staff close the old tab
    const storage = await within(opening);
    expect(await storage.loadSetting('app')).toEqual({ retentionDays: 30 });
    expect(await storage.listRejected()).toEqual([]); // the version 2 step ran
    storage.close();
  });

  it('opens as before when no callbacks are given and no other tab is open', async () => {
    const storage = await openStorage(`tabs-${Math.random()}`);
    await storage.saveSetting('pin-attempts', { failures: 1, lockedUntil: 0 });
    expect(await storage.loadSetting('pin-attempts')).toEqual({ failures: 1, lockedUntil: 0 });
    storage.close();
  });
});
