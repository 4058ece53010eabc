// The demo the app ships: three partner profiles, and the build plugin's trust files (spec section 7 layout),
// signed fresh, verifiable against the pinned demo root, with a printable page of passport cards.

import { describe, expect, it } from 'vitest';
import { loadTrustBundle, pinRoot, decodeStatusList } from '../../src/core/index.ts';
import { DEMO_PROFILES } from '../../src/app/partner-profiles.ts';
import { demoFiles } from '../../src/build/demo-data-plugin.ts';
import { DEMO_ROOT_PUBLIC } from '../../src/demo/demo-scheme.ts';
import demoKeys from '../../src/demo/demo-keys.json';

describe('demo partner profiles', () => {
  it('are a shop, a pharmacy and a hospital ward with the offers of the issue', () => {
    expect(DEMO_PROFILES.map((p) => p.kind)).toEqual(['shop', 'pharmacy', 'hospital-ward', 'emergency']);
    const [shop, pharmacy, ward] = DEMO_PROFILES;
    expect(shop!.offers.find((o) => o.title === '10% off')).toBeDefined();
    expect(shop!.offers.find((o) => o.id === 'protected-shopping-hour')?.hours).toEqual([{ days: [2, 4], from: '08:00', to: '09:00' }]);
    expect(pharmacy!.offers.find((o) => o.id === 'collect-medicines')).toMatchObject({ kind: 'recognition', reference: { required: true }, requiresPhotoId: true });
    expect(DEMO_PROFILES[3]!.offers).toEqual([]); // issue 11 point 3: an emergency service identifies, gives nothing
    expect(pharmacy!.offers.map((o) => o.id)).toContain('priority-queue');
    expect(ward!.offers.find((o) => o.id === 'meal-voucher')?.limit).toEqual({ kind: 'per-period', count: 1, period: 'day' });
    expect(ward!.offers.map((o) => o.id)).toEqual(['flexible-visiting', 'parking', 'meal-voucher']);
    expect(DEMO_PROFILES.every((p) => p.timeZone === 'Europe/London')).toBe(true);
  });
});

describe('the demo data plugin', () => {
  it('emits a bundle that verifies against the demo root, the lists index and each list, and a passports page', async () => {
    const now = Math.floor(Date.parse('2026-06-10T11:00:00Z') / 1000);
    const files = await demoFiles(now);
    const loaded = await loadTrustBundle(files.get('trust-bundle.jwt')!, { roots: [(await pinRoot(DEMO_ROOT_PUBLIC))!] });
    expect(loaded.ok && loaded.bundle.iat).toBe(now);
    const index = JSON.parse(files.get('status-lists.json')!) as { lists: { uri: string; href: string }[] };
    expect(index.lists).toHaveLength(2);
    for (const { uri, href } of index.lists) {
      const decoded = loaded.ok ? await decodeStatusList(files.get(href)!, loaded.bundle) : undefined;
      expect(decoded?.ok && decoded.list.uri).toBe(uri);
    }
    const page = files.get('passports.html')!;
    expect(page.match(/<img src="data:image\/png;base64,/g)).toHaveLength(36);
    const secrets = [demoKeys.root.d, ...Object.values(demoKeys.issuers).map((k) => k.d)];
    for (const text of files.values()) for (const secret of secrets) expect(text).not.toContain(secret);
  }, 30_000);
});
