// The sync pieces staff see (happy-dom): the waiting count in the header, and the Settings panel for enrolment,
// "Update now", a removed device and refused records. The service is a stub client: the network is tested elsewhere.

import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import type { SyncClient } from '../../src/app/adapters/sync-client.ts';
import { EnrolmentPanel } from '../../src/app/components/EnrolmentPanel.tsx';
import { SyncStatus } from '../../src/app/components/SyncStatus.tsx';
import { rejectedReasonWords } from '../../src/app/components/sync-words.ts';
import { english } from '../../src/i18n/english.ts';
import { ModelsContext } from '../../src/app/models/context.ts';
import { ALONE_ATTEMPTS, FAILED_EVERY_TIME } from '../../src/app/models/outbox-uploader.ts';
import { SyncModel } from '../../src/app/models/sync-model.ts';
import { HistoryScreen } from '../../src/app/screens/HistoryScreen.tsx';
import { SettingsScreen } from '../../src/app/screens/SettingsScreen.tsx';
import { generateSigningKey, signCompact, type PartnerProfile } from '../../src/core/index.ts';
import { makeHarness, type Harness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

const NOW = 1_800_000_000;
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz012345';
const profile: PartnerProfile = {
  id: 'corner-shop', name: 'Corner Shop', kind: 'shop', timeZone: 'Europe/London',
  offers: [{ id: 'coffee', title: 'Free coffee', description: '', kind: 'benefit', categories: ['adult'], limit: { kind: 'unlimited' } }],
};

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(NOW);
});
afterEach(() => cleanup());

/** 'fail-on-bad': a 500 for any batch holding passport TST-BAD (a record the service cannot take). */
type UploadAnswerMode = 'ok' | 'reject-all' | '401' | 'fail-on-bad';

/** A service stub: answers enrolment and profile, and answers uploads as `uploadAnswer` says. */
function stubClient(calls: string[], uploadAnswer: UploadAnswerMode = 'ok'): SyncClient {
  return {
    enrol: async () => (calls.push('enrol'), { ok: true, deviceId: 'dev-till1', deviceToken: TOKEN, profile }),
    profile: async () => (calls.push('profile'), { ok: true, deviceId: 'dev-till1', profile }),
    fetchTrust: async () => (calls.push('trust'), { ok: true, bundleJwt: scheme.bundleJwt, listJwts: [scheme.listJwt], listsMissing: 0 }),
    fetchShipped: async () => ({ ok: false, kind: 'offline' }),
    upload: async (_url, _token, records) => {
      calls.push('upload');
      if (uploadAnswer === '401') return { ok: false, kind: 'unauthorised' };
      if (uploadAnswer === 'fail-on-bad' && records.some((r) => r.jti === 'TST-BAD')) return { ok: false, kind: 'server', status: 500 };
      return { ok: true, results: records.map((r) => (uploadAnswer === 'reject-all' ? { id: r.id, status: 'rejected' as const, reason: 'not your device' } : { id: r.id, status: 'stored' as const })) };
    },
  };
}

async function setup(uploadAnswer: UploadAnswerMode = 'ok') {
  const h: Harness = await makeHarness(scheme);
  const calls: string[] = [];
  const sync = new SyncModel({
    storage: h.storage,
    client: stubClient(calls, uploadAnswer),
    roots: scheme.roots,
    trust: h.trust,
    adoptProfile: (p) => h.settings.adoptProfile(p),
    onRecordsChanged: () => void h.redemptions.load(90),
    now: () => h.clock.now,
  });
  await sync.load();
  h.settings.unlocked.value = true;
  const show = (children: preact.ComponentChildren) => (
    <ModelsContext.Provider value={{ ...h, sync }}>{children}</ModelsContext.Provider>
  );
  return { h, sync, calls, show };
}

const enrolmentCode = (key = scheme.root.privateJwk) =>
  signCompact({ iss: 'test-scheme', iat: NOW - 60, exp: NOW + 86_400, jti: 'one-time-secret-123456', svc: 'https://scheme.test.example', partner: 'corner-shop' }, 'cp-enrol+jwt', key);

async function addRecord(h: Harness, jti = 'TST-1001') {
  await h.storage.addRedemption({
    id: crypto.randomUUID(), redeemedAt: '2027-01-15T09:00:00.000Z', offerId: 'coffee', partnerId: 'corner-shop', deviceId: 'dev-till1', iss: 'uk.test.carers', jti, verdict: 'VALID', uploaded: 0,
  });
}

describe('the Settings panel for the scheme service', () => {
  it('enrols from a pasted code: says who it works for and hides the demo profile choice', async () => {
    const { show, calls } = await setup();
    const { render } = await import('@testing-library/preact');
    render(show(<SettingsScreen />));
    expect(screen.getByText(english.t('sync.notEnrolled'))).toBeTruthy();
    expect(document.getElementById('partner-profile')).not.toBeNull();
    fireEvent.input(screen.getByLabelText(english.t('sync.enrol.codeLabel')), { target: { value: await enrolmentCode() } });
    fireEvent.click(screen.getByRole('button', { name: english.t('sync.enrol.button') }));
    await screen.findByText(english.t('sync.enrolled', { scheme: 'test-scheme', partner: 'Corner Shop' }));
    await screen.findByText(english.t('sync.enrol.done', { partner: 'Corner Shop' }));
    expect(calls).toContain('enrol');
    await waitFor(() => expect(document.getElementById('partner-profile')).toBeNull());
    expect(screen.getByRole('button', { name: english.t('sync.trust.updateNow') })).toBeTruthy();
  });

  it('refuses a code from an untrusted signer in plain words, and calls nothing', async () => {
    const { show, calls } = await setup();
    const { render } = await import('@testing-library/preact');
    render(show(<EnrolmentPanel />));
    const stranger = await generateSigningKey('ES256');
    fireEvent.input(screen.getByLabelText(english.t('sync.enrol.codeLabel')), { target: { value: await enrolmentCode(stranger.privateJwk) } });
    fireEvent.click(screen.getByRole('button', { name: english.t('sync.enrol.button') }));
    await screen.findByText(english.t('sync.enrol.code.bad-signature'));
    expect(calls).toEqual([]);
  });

  it('says plainly when the device was removed, keeps the records and offers no upload button', async () => {
    const { h, sync, show } = await setup('401');
    const { render } = await import('@testing-library/preact');
    await sync.enrol(await enrolmentCode());
    await addRecord(h);
    await sync.upload('manual');
    render(show(<><SyncStatus /><EnrolmentPanel /></>));
    expect((await screen.findByRole('alert')).textContent).toBe(english.t('sync.failure.revoked'));
    expect(screen.getByRole('status', { name: english.t('sync.upload.statusLabel') }).textContent).toBe(`${english.t('sync.upload.waitingShort', { count: 1 })}: ${english.t('sync.upload.revokedShort')}`);
    expect(screen.queryByRole('button', { name: english.t('sync.upload.now') })).toBeNull();
  });

  it('lists records the scheme refused, with the reason in plain words', async () => {
    const { h, sync, show } = await setup('reject-all');
    const { render } = await import('@testing-library/preact');
    await sync.enrol(await enrolmentCode());
    await addRecord(h);
    await sync.upload('manual');
    await h.redemptions.load(90);
    render(show(<EnrolmentPanel />));
    expect(screen.getByText(english.t('sync.upload.rejectedHeading', { count: 1 }))).toBeTruthy();
    expect(screen.getByText(/TST-1001/).textContent).toContain(rejectedReasonWords(english, 'not your device'));
    expect(document.getElementById('upload-state')!.textContent).toContain(english.t('sync.upload.waiting', { count: 0 }));
  });
});

describe('a record the service fails on every time (issue 8, point 5)', () => {
  it('the others upload; it is shown as refused in History and, with its reason, in Settings', async () => {
    const { h, sync, show } = await setup('fail-on-bad');
    const { render } = await import('@testing-library/preact');
    await sync.enrol(await enrolmentCode());
    await addRecord(h, 'TST-1001');
    await addRecord(h, 'TST-BAD');
    await addRecord(h, 'TST-1002');
    for (let n = 0; n < 1 + ALONE_ATTEMPTS; n++) await sync.upload('manual');
    await h.redemptions.load(90);
    expect(sync.uploader.rejected.value).toHaveLength(1);
    const view = render(show(<HistoryScreen />));
    const rows = [...view.container.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(2).map((td) => td.textContent));
    expect(rows.sort()).toEqual([['TST-1001', 'Yes'], ['TST-1002', 'Yes'], ['TST-BAD', 'Refused']]);
    view.unmount();
    render(show(<EnrolmentPanel />));
    expect(screen.getByText(/TST-BAD/).textContent).toContain(rejectedReasonWords(english, FAILED_EVERY_TIME));
    expect(rejectedReasonWords(english, FAILED_EVERY_TIME)).toBe('the scheme service failed every time it was sent, while it took the others (tell your coordinator)');
  });
});

describe('the waiting count in the header', () => {
  it('counts records waiting and goes to "All uploaded" once the service has them', async () => {
    const { h, sync, show } = await setup();
    const { render } = await import('@testing-library/preact');
    await addRecord(h);
    await addRecord(h);
    await sync.uploader.refreshCounts();
    render(show(<SyncStatus />));
    expect(screen.getByRole('status', { name: english.t('sync.upload.statusLabel') }).textContent).toBe('2 waiting');
    await sync.enrol(await enrolmentCode());
    await waitFor(() => expect(screen.getByRole('status', { name: english.t('sync.upload.statusLabel') }).textContent).toBe('All uploaded'));
  });
});
