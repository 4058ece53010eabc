/// <reference lib="webworker" />
// The service worker: precaches the whole app (HTML, JS, CSS, the decoder's .wasm, icons, the demo trust data)
// so that after one visit it starts and verifies with the network off, a cold start included. A new version waits
// until the page says so (the quiet update prompt), so it never swaps code under a verification in progress.

import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { opensAppShell } from './sw-routes.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// every in-app address opens the shell, online or not (deep links, a reload on a sub-page); the scheme service's
// own pages and API (/admin/, /v1/), when it serves the app from the same origin, are never answered with the app.
// A route of our own rather than NavigationRoute's denylist: that one is matched against path and query together.
const scopePath = new URL(self.registration.scope).pathname;
const shell = createHandlerBoundToURL('index.html');
registerRoute(({ request, url }) => request.mode === 'navigate' && opensAppShell(url.pathname, scopePath), shell);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
