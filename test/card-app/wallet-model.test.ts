// @vitest-environment node
// The carer's phone copy (issue 9, point 2) through its models, with real storage (fake-indexeddb) and a fake scheme
// (msw): collect once, the same link again, refresh after renew, suspend and cancel, the 60-day notice, and storage
// the browser refuses.

import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCardClient } from '../../src/card-app/adapters/card-client.ts';
import { openCardStorage, type CardStorage } from '../../src/card-app/adapters/card-storage.ts';
import { DirectoryModel } from '../../src/card-app/models/directory-model.ts';
import { cardState, REFRESH_EVERY_MS, WalletModel } from '../../src/card-app/models/wallet-model.ts';
import { fakeScheme, NOW_MS, passportOf, SVC, type FakeScheme } from './support/fake-scheme.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

let phones = 0;
const client = createCardClient({ base: SVC, timeoutMs: 2_000 });

/** One phone: its own database, its own clock. */
async function phone(storage?: CardStorage) {
  const clock = { now: NOW_MS };
  const store = storage ?? (await openCardStorage(`phone-${++phones}`));
  const wallet = new WalletModel({ storage: store, client, now: () => clock.now });
  await wallet.load();
  return { wallet, storage: store, clock };
}

function scheme(): FakeScheme {
  const s = fakeScheme();
  server.use(...s.handlers);
  return s;
}

describe('collecting from the link', () => {
  it('collects the passport once, keeps it with its refresh token, and it is still there next time the page opens', async () => {
    const s = scheme();
    s.issue('7K2M-9QXD-4HTP', passportOf('LLR-1001', 'Dev Begum'));
    const { wallet, storage } = await phone();
    expect(await wallet.openCode('7k2m-9qxd-4htp')).toEqual({ kind: 'collected', key: 'uk.test.carers LLR-1001' });
    expect(s.calls).toEqual([{ path: '/v1/card/collect', body: { code: '7k2m-9qxd-4htp' } }]);
    const held = wallet.selected.value!;
    expect(held.passport).toMatchObject({ name: 'Dev Begum', jti: 'LLR-1001', status: 'valid' });
    expect(held.refreshToken).toMatch(/^rt_/);
    expect(held.contact).toEqual(s.contact);
    expect(cardState(held.passport, NOW_MS)).toEqual({ kind: 'valid', qrText: held.passport.qrText });

    const again = await phone(storage);
    expect(again.wallet.passports.value.map((p) => p.passport.name)).toEqual(['Dev Begum']);
  });

  it('the same link on this phone shows the passport it holds, without asking the scheme again', async () => {
    const s = scheme();
    s.issue('AAAA-BBBB-CCCC', passportOf('LLR-1002', 'Zoë O’Brien'));
    const { wallet } = await phone();
    await wallet.openCode('AAAA-BBBB-CCCC');
    expect(await wallet.openCode('aaaa bbbb cccc')).toEqual({ kind: 'already-held', key: 'uk.test.carers LLR-1002' });
    expect(s.calls.filter((c) => c.path === '/v1/card/collect')).toHaveLength(1);
  });

  it('the same link on another phone gets the scheme\'s words: already collected (410)', async () => {
    const s = scheme();
    s.issue('AAAA-BBBB-DDDD', passportOf('LLR-1003', 'Sam Patel'));
    await (await phone()).wallet.openCode('AAAA-BBBB-DDDD');
    const other = await phone();
    expect(await other.wallet.openCode('AAAA-BBBB-DDDD')).toEqual({ kind: 'refused', error: 'collected', message: 'This passport has already been collected with this link.' });
    expect(other.wallet.passports.value).toEqual([]);
  });

  it('says what the scheme says about an unknown code, and too many tries', async () => {
    scheme();
    const { wallet } = await phone();
    expect(await wallet.openCode('ZZZZ-ZZZZ-ZZZZ')).toMatchObject({ kind: 'refused', error: 'unknown-code', message: expect.stringMatching(/do not know this code/) });
    server.use(http.post(`${SVC}/v1/card/collect`, () => HttpResponse.json({ error: 'rate-limited', message: 'Too many tries. Wait a minute.' }, { status: 429, headers: { 'retry-after': '60' } })));
    expect(await wallet.openCode('ZZZZ-ZZZZ-ZZZY')).toMatchObject({ kind: 'refused', message: 'Too many tries. Wait a minute.' });
  });

  it('offline, it says so and keeps nothing', async () => {
    server.use(http.post(`${SVC}/v1/card/collect`, () => HttpResponse.error()));
    const { wallet } = await phone();
    expect(await wallet.openCode('AAAA-BBBB-EEEE')).toEqual({ kind: 'offline' });
    expect(wallet.passports.value).toEqual([]);
  });

  it('holds several passports, each its own card', async () => {
    const s = scheme();
    s.issue('CCCC-0000-0001', passportOf('LLR-2001', 'Amira Khan', { cat: 'parent' }));
    s.issue('CCCC-0000-0002', passportOf('LLR-2002', 'Amira Khan', { cat: 'adult' }));
    const { wallet } = await phone();
    await wallet.openCode('CCCC-0000-0001');
    await wallet.openCode('CCCC-0000-0002');
    expect(wallet.passports.value.map((p) => p.passport.jti)).toEqual(['LLR-2001', 'LLR-2002']);
    expect(wallet.selected.value!.passport.jti).toBe('LLR-2002');
    wallet.select('uk.test.carers LLR-2001');
    expect(wallet.selected.value!.passport.cat).toBe('parent');
  });
});

describe('keeping it up to date', () => {
  async function collected(jti: string) {
    const s = scheme();
    s.issue(`CODE-${jti}`, passportOf(jti, 'Chris Lee', { exp: NOW_MS / 1000 + 30 * 86_400 }));
    const p = await phone();
    await p.wallet.openCode(`CODE-${jti}`);
    return { s, ...p };
  }
  const refreshes = (s: FakeScheme) => s.calls.filter((c) => c.path === '/v1/card/refresh').length;

  it('asks at most every 6 hours; a renewal arrives by itself with the same number and a new expiry', async () => {
    const { s, wallet, clock } = await collected('LLR-3001');
    const renewedExp = NOW_MS / 1000 + 400 * 86_400;
    s.change('LLR-3001', { exp: renewedExp, qrText: 'CP1:/99999' });
    clock.now += REFRESH_EVERY_MS - 60_000;
    await wallet.refreshDue();
    expect(refreshes(s)).toBe(0);
    clock.now += 60_000;
    await wallet.refreshDue();
    expect(refreshes(s)).toBe(1);
    expect(wallet.selected.value!.passport).toMatchObject({ jti: 'LLR-3001', exp: renewedExp, qrText: 'CP1:/99999', status: 'valid' });
    expect(wallet.notice.value).toEqual({ kind: 'renewed', key: 'uk.test.carers LLR-3001', exp: renewedExp });
  });

  it('a suspension takes the QR away, and a reinstatement brings it back', async () => {
    const { s, wallet } = await collected('LLR-3002');
    s.change('LLR-3002', { status: 'suspended' });
    await wallet.refreshDue(true);
    expect(wallet.selected.value!.passport.qrText).toBeUndefined();
    expect(cardState(wallet.selected.value!.passport, NOW_MS)).toEqual({ kind: 'suspended' });
    s.change('LLR-3002', { status: 'valid' });
    await wallet.refreshDue(true);
    expect(cardState(wallet.selected.value!.passport, NOW_MS).kind).toBe('valid');
  });

  it('a cancellation says cancelled; once the scheme ends the token, the copy is marked as no longer updated', async () => {
    const { s, wallet, storage } = await collected('LLR-3003');
    s.change('LLR-3003', { status: 'revoked' });
    await wallet.refreshDue(true);
    expect(cardState(wallet.selected.value!.passport, NOW_MS)).toEqual({ kind: 'revoked' });
    s.endTokens('LLR-3003');
    await wallet.refreshDue(true);
    expect(wallet.selected.value!.ended).toBe(true);
    expect((await storage.listPassports())[0]!.ended).toBe(true);
    // it is not asked about again
    const before = refreshes(s);
    await wallet.refreshDue(true);
    expect(refreshes(s)).toBe(before);
  });

  it('offline, the card stays as it was', async () => {
    const { wallet } = await collected('LLR-3004');
    server.use(http.post(`${SVC}/v1/card/refresh`, () => HttpResponse.error()));
    const before = wallet.selected.value;
    await wallet.refreshDue(true);
    expect(wallet.selected.value).toEqual(before);
  });
});

describe('what a card shows', () => {
  const day = 86_400;
  it('gives notice in the last 60 days, and none before', () => {
    expect(cardState(passportOf('X-1', 'A', { exp: NOW_MS / 1000 + 61 * day }), NOW_MS)).not.toHaveProperty('endsInDays');
    expect(cardState(passportOf('X-1', 'A', { exp: NOW_MS / 1000 + 60 * day }), NOW_MS)).toMatchObject({ kind: 'valid', endsInDays: 60 });
    expect(cardState(passportOf('X-1', 'A', { exp: NOW_MS / 1000 + 3600 }), NOW_MS)).toMatchObject({ kind: 'valid', endsInDays: 1 });
  });

  it('stops offering the QR once the phone\'s own clock passes the expiry, signal or not', () => {
    expect(cardState(passportOf('X-1', 'A', { exp: NOW_MS / 1000 - 1 }), NOW_MS)).toEqual({ kind: 'expired' });
  });
});

describe('storage the browser refuses', () => {
  it('falls back to memory and says nothing will be kept', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
    });
    const storage = await openCardStorage('refused');
    expect(storage.kept).toBe(false);
    const s = scheme();
    s.issue('DDDD-0000-0001', passportOf('LLR-4001', 'Jo Smith'));
    const { wallet } = await phone(storage);
    expect(wallet.kept.value).toBe(false);
    expect(await wallet.openCode('DDDD-0000-0001')).toMatchObject({ kind: 'collected' });
    expect(wallet.selected.value!.passport.name).toBe('Jo Smith');
  });
});

describe('the offers directory', () => {
  it('keeps the last copy of /offers.json, asks with its ETag, and keeps it offline', async () => {
    const s = scheme();
    s.setDirectory({ date: '2027-01-15', partners: [{ id: 'shop', name: 'Melton Grocer', kind: 'shop', timeZone: 'Europe/London', area: 'Melton', offers: [{ id: 'tea', title: 'Free tea', description: '', categories: ['adult'] }] }] });
    const storage = await openCardStorage(`phone-${++phones}`);
    const clock = { now: NOW_MS };
    const directory = new DirectoryModel({ storage, client, now: () => clock.now });
    await directory.refresh();
    expect(directory.shown.value.map((p) => p.name)).toEqual(['Melton Grocer']);
    // not asked again within 6 hours; then asked with the ETag of the copy held
    await directory.refresh();
    clock.now += REFRESH_EVERY_MS;
    await directory.refresh();
    expect(s.calls.filter((c) => c.path === '/offers.json').map((c) => c.body)).toEqual([null, '"2027-01-15-1"']);

    server.use(http.get(`${SVC}/offers.json`, () => HttpResponse.error()));
    const later = new DirectoryModel({ storage, client });
    await later.load();
    await later.refresh(true);
    expect(later.shown.value.map((p) => p.name)).toEqual(['Melton Grocer']);
    later.setCarer('young');
    expect(later.shown.value).toEqual([]);
  });
});
