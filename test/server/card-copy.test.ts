// The carer's phone copy at the service (issue 9, point 2): a collection code works once, runs out after 30 days,
// wrong codes are rate-limited; refresh follows renewal, suspension and cancellation; the link can be emailed; and no
// code, token or email address is ever written to the logs.

import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCollectAnswer, readRefreshAnswer } from '../../src/core/index.ts';
import { BACKENDS } from './support/backends.ts';
import { adminCall, adminHeaders, makeTestKeys, startTestService, type TestService } from './support/test-service.ts';

const CONTACT = { phone: '0116 496 0123', hours: 'Mon-Fri 9am-5pm' };

type Mail = { from: string; to: string[]; data: string };

/** An SMTP server in this process that keeps every message it receives. */
async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', () => ready()));
  const port = (server.server.address() as { port: number }).port;
  return { port, mails, close: () => new Promise<void>((done) => server.close(() => done())) };
}

describe.each(BACKENDS)('the phone copy ($name)', (backend) => {
  let t: TestService;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    const keys = await makeTestKeys();
    keys.issuers[0]!.contact = CONTACT;
    keys.schemeName = 'Test Carers Passport';
    t = await startTestService(backend, { mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}/?ignoreTLS=true`, from: 'Test Carers <passport@carers.example>' } }, keys);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.close();
  });

  const issue = async (name: string, extra: object = {}) => (await adminCall(t.url, 'POST', '/admin/api/passports', { iss: 'uk.test.vasl', cat: 'adult', name, ...extra })).data;
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, headers: res.headers, data: (await res.json()) as any };
  };
  // every call here comes from 127.0.0.1 and counts toward its 10 a minute: the suite makes fewer before the last test
  const collect = (code: string) => post('/v1/card/collect', { code });
  const refresh = (refreshToken: string) => post('/v1/card/refresh', { refreshToken });
  const secrets: string[] = [];

  it('issuing answers a collection code, its link (code in the fragment only) and when it runs out', async () => {
    const issued = await issue('Amara Patel');
    const { code, url, expires } = issued.collection;
    secrets.push(code);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(url).toBe(`${t.url}/card/#code=${code}`);
    expect(new URL(url).search).toBe('');
    expect(expires).toBe(t.clock.now + 30 * 86_400);
  });

  it('collects once (200, with the passport, contact and a refresh token), then 410 with plain words', async () => {
    const issued = await issue('Ben Okafor');
    const code: string = issued.collection.code;
    secrets.push(code);
    // read as typed: lower case, spaces instead of dashes, O for 0 and L for 1
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const first = await collect(typed);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('access-control-allow-origin')).toBeNull();
    const answer = readCollectAnswer(first.data);
    expect(answer).toMatchObject({
      passport: { name: 'Ben Okafor', cat: 'adult', iss: 'uk.test.vasl', issuerName: 'Test Carers Service', jti: issued.passport.jti, status: 'valid' },
      contact: CONTACT,
      schemeName: 'Test Carers Passport',
    });
    expect(answer!.passport.qrText).toMatch(/^CP1:\//);
    secrets.push(answer!.refreshToken);
    const again = await collect(code);
    expect(again.status).toBe(410);
    expect(again.data).toMatchObject({ error: 'collected', message: 'This passport has already been collected on a phone. Ask Test Carers Service (0116 496 0123) for a new code.' });
    // the admin page shows that a copy was collected, and when
    const html = await (await fetch(`${t.url}/admin/classic?q=${issued.passport.jti}`, { headers: adminHeaders() })).text();
    expect(html).toMatch(/phone copy collected \d{4}-\d{2}-\d{2}/);
    const audit = await adminCall(t.url, 'GET', '/admin/api/audit');
    const actions = audit.data.entries.filter((e: { jti: string }) => e.jti === issued.passport.jti).map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['card.code-created', 'card.collected']));
  });

  it('a code runs out after 30 days (410); an unknown code is a 404', async () => {
    const issued = await issue('Chloe Smith');
    secrets.push(issued.collection.code);
    const asked = await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${issued.passport.jti}/collection`);
    expect(asked.status).toBe(201);
    secrets.push(asked.data.code);
    // one live code a passport: the new letter's code ends the first one, so an old letter cannot make a second copy
    expect((await collect(issued.collection.code)).data.error).toBe('code-expired');
    t.clock.now += 30 * 86_400;
    expect((await collect(issued.collection.code)).data.error).toBe('code-expired');
    expect((await collect(asked.data.code)).status).toBe(410);
    expect((await collect('ZZZZ-ZZZZ-ZZZZ')).status).toBe(404);
    expect((await collect('not a code')).status).toBe(404);
  });

  it('refresh: a renewal arrives (same number, new expiry); a suspension and a cancellation say so, without a QR', async () => {
    const issued = await issue('Dev Begum');
    const collected = await collect(issued.collection.code);
    const token: string = collected.data.refreshToken;
    secrets.push(issued.collection.code, token);
    const jti = issued.passport.jti;

    t.clock.now += 86_400;
    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/renew`);
    const renewed = readRefreshAnswer((await refresh(token)).data)!;
    expect(renewed.passport).toMatchObject({ jti, status: 'valid' });
    expect(renewed.passport.exp).toBeGreaterThan(issued.passport.exp);
    expect(renewed.passport.qrText).toMatch(/^CP1:\//);
    expect(renewed.contact).toEqual(CONTACT);

    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/suspend`);
    const suspended = await refresh(token);
    expect(suspended.status).toBe(200);
    expect(suspended.data.passport.status).toBe('suspended');
    expect(suspended.data.passport.qrText).toBeUndefined();

    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/reinstate`);
    expect((await refresh(token)).data.passport.status).toBe('valid');

    await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${jti}/revoke`);
    const cancelled = await refresh(token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.data.passport).toMatchObject({ jti, status: 'revoked' });
    expect(cancelled.data.passport.qrText).toBeUndefined();
    // the ended token is told for 90 days, then it is unknown
    t.clock.now += 91 * 86_400;
    expect((await refresh(token)).status).toBe(401);
    expect((await refresh('no-such-token')).status).toBe(401);
  });

  it('an expired passport is refreshed as expired, without a QR', async () => {
    const issued = await issue('Elena Hughes', { exp: t.clock.now + 10 * 86_400 });
    const collected = await collect(issued.collection.code);
    secrets.push(issued.collection.code, collected.data.refreshToken);
    t.clock.now += 11 * 86_400;
    const answer = await refresh(collected.data.refreshToken);
    expect(answer.data.passport.status).toBe('expired');
    expect(answer.data.passport.qrText).toBeUndefined();
  });

  it('issuing with an email sends the link by email (plain text and HTML, no remote images); the address is not stored', async () => {
    const issued = await issue('Farhan Mistry', { email: 'farhan.carer@example.org' });
    secrets.push(issued.collection.code);
    expect(issued.email).toEqual({ sent: true });
    const mail = smtp.mails.find((m) => m.to.includes('farhan.carer@example.org'));
    expect(mail).toBeDefined();
    const body = mail!.data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain(issued.collection.url);
    expect(body).toContain(issued.collection.code);
    expect(body).toMatch(/Content-Type: text\/plain/);
    expect(body).toMatch(/Content-Type: text\/html/);
    expect(body).not.toMatch(/<img|src=|https?:\/\/[^\s"]*\.(png|gif|jpg)/i);
    const renewed = await adminCall(t.url, 'POST', `/admin/api/passports/uk.test.vasl/${issued.passport.jti}/renew`, { email: 'farhan.carer@example.org' });
    expect(renewed.data.email).toEqual({ sent: true });
    secrets.push(renewed.data.collection.code);
    expect(smtp.mails.filter((m) => m.to.includes('farhan.carer@example.org'))).toHaveLength(2);
    const rows = await t.database.db.query<{ t: string }>(`SELECT string_agg(c::text, ' ') AS t FROM (SELECT * FROM audit_log) c`);
    expect(rows[0]!.t).not.toContain('farhan.carer');
  });

  it('wrong codes are rate-limited per client address (10 a minute)', async () => {
    const server = `${t.url}/v1/card/collect`;
    let last = 0;
    for (let i = 0; i < 11; i++) {
      const res = await fetch(server, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `WRNG-C0DE-${String(i).padStart(4, '0')}` }) });
      last = res.status;
    }
    expect(last).toBe(429);
    const limited = await collect('ABCD-EFGH-JKMN');
    expect(limited.data.error).toBe('rate-limited');
  });

  it('no code, token or email address is ever written to the logs', () => {
    const log = t.logs.join('\n');
    expect(log).toMatch(/POST \/v1\/card\/collect/);
    for (const secret of [...secrets, 'farhan.carer@example.org']) {
      expect(log).not.toContain(secret);
      expect(log.toUpperCase()).not.toContain(secret.replace(/-/g, '').toUpperCase());
    }
  });
});
