// Issue 12: stored data holds codes, never sentences. A database left by version 2 of the layout, whose last trust
// check was saved with its English sentence, opens as version 3 holding the codes and counts that sentence said.

import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openStorage, trustCheckWithoutWords } from '../../src/app/adapters/storage.ts';

/** The layout as version 2 made it, holding what that version's sync model saved. */
async function versionTwoDatabase(trustCheck: unknown): Promise<string> {
  const name = `v2-${Math.random()}`;
  const db = await openDB(name, 2, {
    upgrade(database) {
      database.createObjectStore('trust');
      const redemptions = database.createObjectStore('redemptions', { keyPath: 'id' });
      redemptions.createIndex('by-uploaded', 'uploaded');
      redemptions.createIndex('by-time', 'redeemedAt');
      database.createObjectStore('settings');
      database.createObjectStore('device');
      database.createObjectStore('rejected', { keyPath: 'id' });
    },
  });
  await db.put('settings', trustCheck, 'sync-trust-checked');
  await db.put('settings', { sound: true }, 'app');
  db.close();
  return name;
}

describe('the version 3 upgrade turns stored sentences into codes', () => {
  it('an "updated" check with its sentence reads back as counts, and the sentence is gone from the store', async () => {
    const name = await versionTwoDatabase({ at: 1_800_000_000_000, outcome: 'updated', message: 'New trust list adopted. 2 cancellation lists updated.' });
    const storage = await openStorage(name);
    expect(await storage.loadSetting('sync-trust-checked')).toEqual({ at: 1_800_000_000_000, outcome: 'updated', listsUpdated: 2, bundleReplaced: true });
    expect(await storage.loadSetting('app')).toEqual({ sound: true }); // the rest is untouched
    storage.close();

    const raw = await openDB(name, DB_VERSION);
    expect(await raw.get('settings', 'sync-trust-checked')).not.toHaveProperty('message');
    raw.close();
  });

  it('every outcome version 2 could save', async () => {
    const check = (outcome: string, message: string) => trustCheckWithoutWords({ at: 5, outcome, message });
    expect(check('updated', '1 cancellation list updated.')).toEqual({ at: 5, outcome: 'updated', listsUpdated: 1, bundleReplaced: false });
    expect(check('updated', 'New trust list adopted.')).toEqual({ at: 5, outcome: 'updated', listsUpdated: 0, bundleReplaced: true });
    expect(check('up-to-date', 'Trust data is up to date.')).toEqual({ at: 5, outcome: 'up-to-date', listsUpdated: 0, bundleReplaced: false });
    expect(check('failed', 'Could not update the trust data just now; the data held keeps working.')).toEqual({ at: 5, outcome: 'failed', listsUpdated: 0, bundleReplaced: false });
  });

  it('a fresh database starts at version 3 with nothing to convert', async () => {
    const storage = await openStorage(`fresh-${Math.random()}`);
    expect(await storage.loadSetting('sync-trust-checked')).toBeUndefined();
    storage.close();
  });
});
