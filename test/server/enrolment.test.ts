// Enrolment codes (signed by the root, one use, short-lived) and device tokens (revocable).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, signCompact } from '../../src/core/index.ts';
import { verifyEnrolmentCode } from '../../src/server/devices/enrolment-codes.ts';
import { BACKENDS } from './support/backends.ts';
import { createPartner, enrol, enrolmentCode, record, upload } from './support/scheme-fixtures.ts';
import { adminCall, startTestService, type TestService } from './support/test-service.ts';

async function postEnrol(base: string, body: unknown) {
  const res = await fetch(`${base}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, data: (await res.json()) as any };
}

function claimsOf(code: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(code.split('.')[1]!, 'base64url').toString('utf8'));
}

describe.each(BACKENDS)('enrolment and devices ($name)', (backend) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(backend);
    await createPartner(t.url, 'corner-shop', ['coffee', 'parking']);
    await createPartner(t.url, 'pharmacy', ['priority']);
  });
  afterAll(() => t?.stop());

  it('makes a code signed by the root key with the service URL, partner, a one-time jti and a 24 hour life', async () => {
    const code = await enrolmentCode(t.url, 'corner-shop');
    const header = JSON.parse(Buffer.from(code.split('.')[0]!, 'base64url').toString('utf8'));
    expect(header).toEqual({ alg: 'ES256', kid: t.keys.root.kid, typ: 'cp-enrol+jwt' });
    const claims = claimsOf(code);
    expect(claims).toMatchObject({ iss: 'test-scheme', svc: t.url, partner: 'corner-shop', iat: t.clock.now, exp: t.clock.now + 86_400 });
    expect(String(claims.jti)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await verifyEnrolmentCode(t.service.ctx, code)).ok).toBe(true);
  });

  it('shows the code as a QR on the admin side', async () => {
    const made = await adminCall(t.url, 'POST', '/admin/api/partners/corner-shop/enrolment-codes');
    expect(made.data.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(made.data.expiresAt).toBe(new Date((t.clock.now + 86_400) * 1000).toISOString());
  });

  it('exchanges a good code for a device token and the partner profile, and the token reads the profile', async () => {
    const code = await enrolmentCode(t.url, 'corner-shop');
    const enrolled = await postEnrol(t.url, { code, deviceName: 'Till 2' });
    expect(enrolled.status).toBe(200);
    expect(enrolled.data.deviceId).toMatch(/^dev-[a-z0-9]+$/);
    expect(Buffer.from(enrolled.data.deviceToken, 'base64url')).toHaveLength(32);
    expect(enrolled.data.profile).toMatchObject({ id: 'corner-shop', offers: [{ id: 'coffee' }, { id: 'parking' }] });

    const profile = await fetch(`${t.url}/v1/profile`, { headers: { authorization: `Bearer ${enrolled.data.deviceToken}` } });
    expect(profile.status).toBe(200);
    expect(((await profile.json()) as any).profile.id).toBe('corner-shop');

    // only the token's hash is kept
    const rows = await t.database.db.query<{ token_hash: Uint8Array }>('SELECT token_hash FROM devices WHERE id = $1', [enrolled.data.deviceId]);
    expect(Buffer.from(rows[0]!.token_hash).toString('base64url')).not.toBe(enrolled.data.deviceToken);
    expect(rows[0]!.token_hash).toHaveLength(32);
  });

  it('refuses a code the second time it is used', async () => {
    const code = await enrolmentCode(t.url, 'pharmacy');
    expect((await postEnrol(t.url, { code })).status).toBe(200);
    const again = await postEnrol(t.url, { code });
    expect(again.status).toBe(409);
    expect(again.data.error).toBe('used');
  });

  it('refuses an expired code', async () => {
    const code = await enrolmentCode(t.url, 'pharmacy');
    t.clock.now += 86_401;
    try {
      const late = await postEnrol(t.url, { code });
      expect(late.status).toBe(410);
      expect(late.data.error).toBe('expired');
    } finally {
      t.clock.now -= 86_401;
    }
  });

  it('refuses a code with the right claims signed by a key that is not the root', async () => {
    const genuine = claimsOf(await enrolmentCode(t.url, 'pharmacy'));
    for (const key of [t.keys.issuers[0]!.key, (await generateSigningKey('ES256')).privateJwk]) {
      const forged = await signCompact(genuine, 'cp-enrol+jwt', key);
      const answer = await postEnrol(t.url, { code: forged });
      expect(answer.status).toBe(400);
      expect(answer.data.error).toBe('bad-signature');
    }
    // the forgeries did not spend the genuine jti either: a code with a root kid but a bad signature is refused too
    const rootKidForged = await signCompact(genuine, 'cp-enrol+jwt', { ...(await generateSigningKey('ES256')).privateJwk, kid: t.keys.root.kid });
    expect((await postEnrol(t.url, { code: rootKidForged })).data.error).toBe('bad-signature');
  });

  it('answers 400 to a body that is not a code', async () => {
    expect((await postEnrol(t.url, { code: 'hello' })).status).toBe(400);
    expect((await postEnrol(t.url, { nothing: true })).status).toBe(400);
    const res = await fetch(`${t.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad-json' });
    // a body that is not declared JSON is refused before it is read
    const plain = await fetch(`${t.url}/v1/enrol`, { method: 'POST', body: '{"code": "x"}' });
    expect(plain.status).toBe(415);
  });

  it('refuses an enrolment code for a partner that does not exist', async () => {
    const made = await adminCall(t.url, 'POST', '/admin/api/partners/nobody/enrolment-codes');
    expect(made.status).toBe(404);
  });

  it('answers 401 to a device after the admin removes it, for uploads and its profile', async () => {
    const device = await enrol(t.url, 'corner-shop');
    expect((await upload(t.url, device.deviceToken, { records: [record(device)] })).status).toBe(200);
    expect((await adminCall(t.url, 'POST', `/admin/api/devices/${device.deviceId}/revoke`)).status).toBe(200);
    const refused = await upload(t.url, device.deviceToken, { records: [record(device)] });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const profile = await fetch(`${t.url}/v1/profile`, { headers: { authorization: `Bearer ${device.deviceToken}` } });
    expect(profile.status).toBe(401);
    const listed = await adminCall(t.url, 'GET', '/admin/api/devices');
    expect(listed.data.devices.find((d: any) => d.id === device.deviceId).revokedAt).toBeTruthy();
  });

  it('audits enrolment and removal by ids, never with the token or the code', async () => {
    const audit = await adminCall(t.url, 'GET', '/admin/api/audit');
    const text = JSON.stringify(audit.data.entries);
    expect(audit.data.entries.map((e: any) => e.action)).toEqual(expect.arrayContaining(['device.enrol', 'device.revoke', 'enrolment-code.create']));
    const rows = await t.database.db.query<{ jti: string }>('SELECT jti FROM enrolment_codes');
    for (const row of rows) expect(text).not.toContain(row.jti);
  });
});
