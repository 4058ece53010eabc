// History: today's and recent redemptions without names, counts per offer, what waits for upload, CSV export,
// and the retention purge at start that keeps every record still waiting for upload.

import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoredRedemption } from '../../src/core/index.ts';
import { openStorage } from '../../src/app/adapters/storage.ts';
import { HistoryScreen } from '../../src/app/screens/HistoryScreen.tsx';
import { makeHarness } from './support/harness.tsx';
import { makeAppScheme, type AppScheme } from './support/scheme.ts';

const NOW = Date.parse('2026-06-10T11:00:00Z') / 1000;
const DAY_MS = 86_400_000;

let scheme: AppScheme;
beforeAll(async () => {
  scheme = await makeAppScheme(NOW);
});
afterEach(cleanup);

const record = (id: string, daysAgo: number, uploaded: 0 | 1, extra: Partial<StoredRedemption> = {}): StoredRedemption => ({
  id,
  redeemedAt: new Date(NOW * 1000 - daysAgo * DAY_MS).toISOString(),
  offerId: 'ten-percent-off',
  partnerId: 'demo-shop',
  deviceId: 'device-1',
  iss: 'uk.test.carers',
  jti: `TST-${id.slice(0, 4).toUpperCase()}`,
  verdict: 'VALID',
  uploaded,
  ...extra,
});

describe('history', () => {
  it('lists today\'s redemptions with offer, passport number and time, never a name, and counts them', async () => {
    const harness = await makeHarness(scheme);
    await harness.verdict.scan(await scheme.passport({ name: 'Amara Testcarer', jti: 'TST-1001' }));
    await harness.redemptions.redeem('ten-percent-off');
    harness.verdict.clear();
    const view = harness.wrap(<HistoryScreen />);
    const today = view.container.querySelector('section[aria-labelledby="today-heading"]')!;
    expect(today.textContent).toContain('TST-1001');
    expect(today.textContent).toContain('10% off');
    expect(today.textContent).toContain('12:00'); // 11:00 UTC is 12:00 BST
    expect(view.container.textContent).not.toContain('Amara');
    expect(screen.getByText('1 record waiting for upload')).toBeTruthy();
    expect(view.container.querySelector('.history__counts')!.textContent).toBe('10% off: 1');
  });

  it('exports a CSV with no names and the local reference column', async () => {
    const harness = await makeHarness(scheme, { profileId: 'demo-pharmacy' });
    await harness.verdict.scan(await scheme.passport({ name: 'Amara Testcarer' }));
    harness.redemptions.setReference('collect-medicines', '=RX-1');
    harness.redemptions.setPhotoIdSeen('collect-medicines', true);
    await harness.redemptions.redeem('collect-medicines');
    harness.wrap(<HistoryScreen />);
    await act(async () => {
      await fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    });
    const [download] = harness.downloads;
    expect(download?.filename).toMatch(/^redemptions-demo-pharmacy-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = download!.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,redeemedAt,offerId,partnerId,deviceId,iss,jti,verdict,offerTitle,uploaded,reference');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",Collect medicines,no,'=RX-1");
    expect(download!.text).not.toContain('Amara');
    expect(download!.text.toLowerCase()).not.toContain('name');
  });

  it('at start, purges uploaded records past 90 days and keeps every record waiting for upload', async () => {
    const storage = await openStorage(`purge-${Math.random()}`);
    for (const r of [record('old-uploaded', 91, 1), record('old-waiting', 300, 0), record('recent-uploaded', 10, 1), record('today', 0, 0)]) {
      await storage.addRedemption(r);
    }
    const harness = await makeHarness(scheme, { storage });
    const kept = (await storage.listRedemptions()).map((r) => r.id);
    expect(kept.sort()).toEqual(['old-waiting', 'recent-uploaded', 'today']);
    expect(harness.redemptions.purged.value).toBe(1);
    expect(harness.redemptions.waiting.value).toBe(2);
    harness.wrap(<HistoryScreen />);
    await waitFor(() => expect(screen.getByText('2 records waiting for upload')).toBeTruthy());
    expect(screen.getByText('1 old uploaded or refused record was removed.')).toBeTruthy();
  });

  it('at start, also purges records the scheme refused once past 90 days, with their local reference', async () => {
    const storage = await openStorage(`purge-refused-${Math.random()}`);
    const records = [
      record('old-refused', 91, 0, { reference: 'RX-OLD' }),
      record('recent-refused', 10, 0, { reference: 'RX-NEW' }),
      record('old-waiting', 300, 0, { reference: 'RX-WAIT' }),
    ];
    for (const r of records) await storage.addRedemption(r);
    await storage.markRejected([{ id: 'old-refused', reason: 'unknown passport' }, { id: 'recent-refused', reason: 'unknown passport' }], new Date(NOW * 1000 - 5 * DAY_MS).toISOString());
    const harness = await makeHarness(scheme, { storage });
    expect((await storage.listRedemptions()).map((r) => r.id).sort()).toEqual(['old-waiting', 'recent-refused']);
    expect((await storage.listRejected()).map((r) => r.id)).toEqual(['recent-refused']);
    expect(harness.redemptions.purged.value).toBe(1);
    expect(harness.redemptions.records.value.map((r) => r.reference)).not.toContain('RX-OLD');
    expect(await storage.countWaiting()).toBe(1);
  });
});
