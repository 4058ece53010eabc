// Which navigations the service worker answers with the app shell. Pure, so a unit test pins it; sw.ts uses it.
// Decided on the path alone: a query string (`/admin?q=x`) never turns a scheme service page into the app.

/**
 * The scheme service's own pages and API under the app's scope: never answered with the app shell. The carer's page
 * (/card/, its own service worker), the offers directory (/offers, /offers.json) and the published trust data
 * (/.well-known/carers-passport/...) are the scheme's too.
 */
const SERVICE_PATHS = /^(?:v1\/|admin(?:\/|$)|\.well-known\/|demo\/cards$|card(?:\/|$)|offers(?:\/|\.json)?$)/;

/** True when a navigation to `pathname` (no query, no fragment) should open the app shell of `scopePath`. */
export function opensAppShell(pathname: string, scopePath: string): boolean {
  if (!pathname.startsWith(scopePath)) return false; // outside the app's scope: not ours to answer
  return !SERVICE_PATHS.test(pathname.slice(scopePath.length));
}
