// The admin UI (issue 10, point 7), built on its own like the card page (card-page-plugin.ts): when the staff app's
// build ends, a third Vite build of src/admin-app/index.html writes dist/admin/ (index.html and assets/). Its own
// build, so it shares no chunk with the staff app: the till never loads admin code, and the admin page never pays for
// the scanner. No service worker and no manifest: the admin page is online-only, served by the scheme service.

import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { buildAfterStaffApp, buildEntry } from './entry-build.ts';

export const ADMIN_HTML_INPUT = 'src/admin-app/index.html';
const ADMIN_DIR = 'admin/';

/** In the staff app's build: serves /admin/ in dev, and builds the admin page once the staff app is written. */
export function adminPagePlugin(): Plugin {
  return {
    ...buildAfterStaffApp('carers-passport-admin-page', (outer) =>
      buildEntry(outer, { name: 'admin', input: ADMIN_HTML_INPUT, dir: ADMIN_DIR, plugins: [preact(), adminBundlePlugin()] }),
    ),
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0];
        if (path === '/admin/' || path === '/admin/index.html') req.url = `/${ADMIN_HTML_INPUT}`;
        next();
      });
    },
  };
}

/** In the admin page's build: its page goes to admin/index.html. */
function adminBundlePlugin(): Plugin {
  return {
    name: 'carers-passport-admin-bundle',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle[ADMIN_HTML_INPUT];
      if (!html || html.type !== 'asset') this.error(`the admin page's build has no ${ADMIN_HTML_INPUT}`);
      delete bundle[ADMIN_HTML_INPUT];
      this.emitFile({ type: 'asset', fileName: `${ADMIN_DIR}index.html`, source: html.source });
    },
  };
}
