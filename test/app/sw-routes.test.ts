// @vitest-environment node
// Issue 8, point 12: the service worker opens the app shell for in-app addresses only, judged on the path alone,
// so the scheme service's pages on the same origin (/admin, /v1/) are never replaced by the app, query or not.

import { describe, expect, it } from 'vitest';
import { opensAppShell } from '../../src/app/sw-routes.ts';

/** The path the service worker sees for an address: URL.pathname, the query and fragment left out. */
const pathOf = (address: string) => new URL(address, 'https://scheme.example').pathname;

describe('navigations the app shell answers', () => {
  it.each(['/', '/history', '/settings?tab=pin', '/?next=/admin/', '/administrator', '/demo/passports.html', '/v1', '/cards', '/offers/x', '/offersx'])('%s opens the app', (address) => {
    expect(opensAppShell(pathOf(address), '/')).toBe(true);
  });

  it.each(['/admin', '/admin?q=x', '/admin/?q=x', '/admin/passports?page=2#top', '/admin#x', '/v1/redemptions', '/v1/devices?x=1', '/demo/cards', '/demo/cards?print=1', '/card', '/card/', '/card/?x=1#code=7K2M-9QXD-4HTP', '/offers', '/offers?area=Melton', '/offers.json', '/offers/', '/.well-known/carers-passport/trust-bundle.jwt', '/.well-known/carers-passport/status/uk.llr.vasl/1'])(
    '%s is left to the scheme service',
    (address) => {
      expect(opensAppShell(pathOf(address), '/')).toBe(false);
    },
  );

  it('judges paths under the scope the app is installed in', () => {
    expect(opensAppShell(pathOf('/check/admin?q=x'), '/check/')).toBe(false);
    expect(opensAppShell(pathOf('/check/history?x=admin'), '/check/')).toBe(true);
    expect(opensAppShell(pathOf('/other/history'), '/check/')).toBe(false);
  });
});
