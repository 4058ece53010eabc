// The admin UI (issue 10, point 7), built on its own like the card page (card-page-plugin.ts): when the staff app's
// build ends, a third Vite build of src/admin-app/index.html writes dist/admin/ (index.html and assets/). Its own
// build, so it shares no chunk with the staff app: the till never loads admin code, and the admin page never pays for
// the scanner. No service worker and no manifest: the admin page is online-only, served by the scheme service.

import preact from '@preact/preset-vite';
import { build, type Plugin, type ResolvedConfig } from 'vite';

export const ADMIN_HTML_INPUT = 'src/admin-app/index.html';
const ADMIN_DIR = 'admin/';

/** In the staff app's build: serves /admin/ in dev, and builds the admin page once the staff app is written. */
export function adminPagePlugin(): Plugin {
  let outer: ResolvedConfig;
  let wroteStaffPage = false;
  return {
    name: 'carers-passport-admin-page',
    configResolved(config) {
      outer = config;
    },
    // the staff service worker's own build runs these plugins too: only the one that wrote index.html goes on
    writeBundle(_options, bundle) {
      if ('index.html' in bundle) wroteStaffPage = true;
    },
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0];
        if (path === '/admin/' || path === '/admin/index.html') req.url = `/${ADMIN_HTML_INPUT}`;
        next();
      });
    },
    closeBundle: {
      sequential: true,
      async handler() {
        if (outer.command !== 'build' || outer.build.ssr || !wroteStaffPage) return;
        wroteStaffPage = false;
        await build({
          configFile: false,
          root: outer.root,
          mode: outer.mode,
          logLevel: outer.logLevel === 'info' ? 'warn' : (outer.logLevel ?? 'warn'),
          plugins: [preact(), adminBundlePlugin()],
          build: {
            outDir: outer.build.outDir,
            emptyOutDir: false, // the staff app and the card page are already there
            assetsDir: `${ADMIN_DIR}assets`,
            copyPublicDir: false,
            target: outer.build.target,
            sourcemap: outer.build.sourcemap,
            rolldownOptions: { input: { admin: ADMIN_HTML_INPUT } },
          },
        });
      },
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
