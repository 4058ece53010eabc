// The storage adapter on fake-indexeddb: one transaction per record, newest first, the outbox count, trust, device id.

import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { StoredRedemption } from '../../src/core/index.ts';
import { openStorage } from '../../src/app/adapters/storage.ts';

const record = (id: string, redeemedAt: string, uploaded: 0 | 1 = 0): StoredRedemption => ({
  id, redeemedAt, offerId: 'meal', partnerId: 'demo-ward', deviceId: 'd', iss: 'uk.test', jti: 'TST-1', verdict: 'VALID', uploaded,
});

describe('storage', () => {
  it('keeps records newest first and counts those waiting for upload', async () => {
    const storage = await openStorage(`s-${Math.random()}`);
    await storage.addRedemption(record('a', '2026-06-01T10:00:00.000Z'));
    await storage.addRedemption(record('b', '2026-06-03T10:00:00.000Z', 1));
    await storage.addRedemption(record('c', '2026-06-02T10:00:00.000Z'));
    expect((await storage.listRedemptions()).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(await storage.countWaiting()).toBe(2);
    await storage.markUploaded(['a']);
    expect(await storage.countWaiting()).toBe(1);
  });

  it('refuses a second record with the same id instead of replacing the first', async () => {
    const storage = await openStorage(`s-${Math.random()}`);
    await storage.addRedemption(record('a', '2026-06-01T10:00:00.000Z'));
    await expect(storage.addRedemption(record('a', '2026-06-02T10:00:00.000Z'))).rejects.toThrow();
    expect((await storage.listRedemptions())[0]?.redeemedAt).toBe('2026-06-01T10:00:00.000Z');
  });

  it('survives closing and opening again (a reload), and keeps one device id', async () => {
    const name = `s-${Math.random()}`;
    const first = await openStorage(name);
    const id = await first.deviceId();
    await first.addRedemption(record('a', '2026-06-01T10:00:00.000Z'));
    await first.saveTrust({ bundleJwt: 'x.y.z', listJwts: ['l.m.n'], fetchedAt: '2026-06-01T10:00:00.000Z' });
    first.close();
    const second = await openStorage(name);
    expect(await second.deviceId()).toBe(id);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await second.listRedemptions()).toHaveLength(1);
    expect((await second.loadTrust())?.listJwts).toEqual(['l.m.n']);
  });
});

describe('the settings store reads what it holds, never trusts it', () => {
  /** Writes straight into IndexedDB, as an earlier version or a damaged store would have left it. */
  async function held(key: string, value: unknown) {
    const name = `settings-${Math.random()}`;
    (await openStorage(name)).close();
    const db = await openDB(name);
    await db.put('settings', value, key);
    db.close();
    return openStorage(name);
  }

  it('keeps the app settings that read and drops the ones that do not, so the defaults stand for those', async () => {
    const storage = await held('app', { sound: true, retentionDays: 'ninety', kiosk: 1, clearAfterSeconds: 45, profile: { id: 'no offers' }, old: 'x' });
    expect(await storage.loadSetting('app')).toEqual({ sound: true, clearAfterSeconds: 45 });
  });

  it('reads an enrolment only when every field is there, and a damaged one as no enrolment', async () => {
    const enrolment = {
      serviceUrl: 'https://scheme.test', deviceToken: 'tok', deviceId: 'dev-1', partnerId: 'corner-shop', partnerName: 'Corner Shop',
      schemeId: 'test-scheme', enrolledAt: '2027-01-15T09:00:00.000Z', revoked: false,
    };
    expect(await (await held('sync-enrolment', enrolment)).loadSetting('sync-enrolment')).toEqual(enrolment);
    expect(await (await held('sync-enrolment', { ...enrolment, revoked: 'no' })).loadSetting('sync-enrolment')).toBeUndefined();
    expect(await (await held('pin', 'not a hash')).loadSetting('pin')).toBeUndefined();
  });
});
