// The carer's page, "My Carers Passport" (issue 9, point 2), built on its own: when the staff app's build ends, a
// second Vite build of src/card-app/index.html writes dist/card/ (index.html, assets/, manifest.webmanifest, sw.js).
// Its own build, not a second input of the staff app's: the two would share chunks (preact, signals, core), which
// costs the staff app a chunk more before its first verdict and the card page the staff app's code. This way each
// page loads only its own files; the staff worker skips card/** (pwa-plugin.ts), the card's worker precaches only them.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { transformWithOxc, type Plugin } from 'vite';
import { buildAfterStaffApp, buildEntry } from './entry-build.ts';
import { i18nPlugin } from './i18n-plugin.ts';

export const CARD_HTML_INPUT = 'src/card-app/index.html';
export const CARD_NAME = 'My Carers Passport';
const CARD_DIR = 'card/';
const SW_SOURCE = join(dirname(fileURLToPath(import.meta.url)), '../card-app/sw.ts');
const PRECACHE_PLACEHOLDER = 'self.__CARD_PRECACHE';
// the staff app's colours (pwa-plugin.ts), not imported from there: that module loads vite-plugin-pwa
const THEME_COLOUR = '#1d4f91';
const BACKGROUND_COLOUR = '#ffffff';

export function cardManifest(): Record<string, unknown> {
  return {
    name: CARD_NAME,
    short_name: 'My Passport',
    description: 'Your Carers Passport on your phone: show the QR code at partners, even offline.',
    lang: 'en-GB',
    id: '/card/',
    start_url: '/card/',
    scope: '/card/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: [
      { src: '/card/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/card/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/card/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

type BundleFile = { type: 'chunk'; fileName: string; isEntry: boolean; facadeModuleId: string | null; imports: string[]; dynamicImports: string[]; viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } } | { type: 'asset'; fileName: string; source: string | Uint8Array };

/** In the staff app's build: serves /card/ in dev, and builds the card page once the staff app is written. */
export function cardPagePlugin(): Plugin {
  return {
    ...buildAfterStaffApp('carers-passport-card-page', (outer) =>
      buildEntry(outer, { name: 'card', input: CARD_HTML_INPUT, dir: CARD_DIR, plugins: [preact(), i18nPlugin(['card']), cardBundlePlugin()] }),
    ),
    // the dev server: /card/ opens the entry, as the built page does
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0];
        if (path === '/card' || path === '/card/' || path === '/card/index.html') req.url = `/${CARD_HTML_INPUT}`;
        else if (path === '/card/manifest.webmanifest') {
          res.setHeader('content-type', 'application/manifest+json');
          res.end(JSON.stringify(cardManifest()));
          return;
        }
        next();
      });
    },
  };
}

/** In the card page's build: the page to card/index.html, its manifest, and its service worker with the file list. */
function cardBundlePlugin(): Plugin {
  return {
    name: 'carers-passport-card-bundle',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, BundleFile>;
      const html = files[CARD_HTML_INPUT];
      if (!html || html.type !== 'asset') this.error(`the card page's build has no ${CARD_HTML_INPUT}`);
      delete files[CARD_HTML_INPUT];
      const source = String(html.source).replace('</head>', `<link rel="manifest" href="/${CARD_DIR}manifest.webmanifest"></head>`);
      this.emitFile({ type: 'asset', fileName: `${CARD_DIR}index.html`, source });
      const manifest = `${JSON.stringify(cardManifest(), null, 2)}\n`;
      this.emitFile({ type: 'asset', fileName: `${CARD_DIR}manifest.webmanifest`, source: manifest });

      // what the page loads: its entry chunk, the chunks and styles it imports (statically or not)
      const loaded = new Set<string>();
      const visit = (name: string) => {
        const chunk = files[name];
        if (!chunk || chunk.type !== 'chunk' || loaded.has(name)) return;
        loaded.add(name);
        for (const css of chunk.viteMetadata?.importedCss ?? []) loaded.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) loaded.add(asset);
        [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
      };
      for (const file of Object.values(files)) if (file.type === 'chunk' && file.isEntry) visit(file.fileName);

      // the precache list: hashed files need no revision; the page, manifest and icons carry one
      const revision = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex').slice(0, 16);
      const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../../public');
      const icons = ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png'].map((name) => `/${CARD_DIR}icons/${name}`);
      const precache = [
        { url: `/${CARD_DIR}`, revision: revision(source) },
        { url: `/${CARD_DIR}manifest.webmanifest`, revision: revision(manifest) },
        ...icons.map((url) => ({ url, revision: revision(readFileSync(join(publicDir, url))) })),
        ...[...loaded].sort().map((f) => ({ url: `/${f}`, revision: null })),
      ];
      const sw = (await transformWithOxc(readFileSync(SW_SOURCE, 'utf8'), SW_SOURCE, { lang: 'ts' })).code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      if (!sw.includes(PRECACHE_PLACEHOLDER)) this.error(`src/card-app/sw.ts must read its precache list from ${PRECACHE_PLACEHOLDER}`);
      this.emitFile({ type: 'asset', fileName: `${CARD_DIR}sw.js`, source: sw.replace(PRECACHE_PLACEHOLDER, JSON.stringify(precache)) });
    },
  };
}
