// The carer's page, "My Carers Passport" (issue 9, point 2), as the build's second entry: src/card-app/index.html is
// written to dist/card/index.html with its own web manifest (card/manifest.webmanifest, scope /card/) and its own
// small service worker (card/sw.js, scope /card/) that precaches exactly the files the card page loads. The staff
// app's service worker leaves all of it alone (pwa-plugin.ts drops them from its precache through `isCardOnly`).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';
import { BACKGROUND_COLOUR, THEME_COLOUR } from './pwa-plugin.ts';

export const CARD_HTML_INPUT = 'src/card-app/index.html';
export const CARD_NAME = 'My Carers Passport';
const CARD_DIR = 'card/';
const SW_SOURCE = join(dirname(fileURLToPath(import.meta.url)), '../card-app/sw.ts');
const PRECACHE_PLACEHOLDER = 'self.__CARD_PRECACHE';

/** Files only the card page uses (its HTML, manifest, worker, icons and chunks): the staff app does not precache them. */
const cardOnlyFiles = new Set<string>();
export function isCardOnly(url: string): boolean {
  return url.startsWith(CARD_DIR) || cardOnlyFiles.has(url);
}

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

type BundleFile = { type: 'chunk'; fileName: string; name: string; isEntry: boolean; facadeModuleId: string | null; imports: string[]; dynamicImports: string[]; viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } } | { type: 'asset'; fileName: string; source: string | Uint8Array; originalFileName?: string | null; names?: string[] };

export function cardPagePlugin(): Plugin {
  return {
    name: 'carers-passport-card-page',
    enforce: 'post',
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
    async generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, BundleFile>;
      const html = files[CARD_HTML_INPUT];
      if (!html || html.type !== 'asset') return; // a build without the card page (a library build, a test)
      delete files[CARD_HTML_INPUT];
      // the staff app's manifest link (vite-plugin-pwa adds it to every page) becomes the card's own
      const source = String(html.source)
        .replace(/<link rel="manifest"[^>]*>/g, '')
        .replace('</head>', `<link rel="manifest" href="/${CARD_DIR}manifest.webmanifest"></head>`);
      this.emitFile({ type: 'asset', fileName: `${CARD_DIR}index.html`, source });
      const manifest = `${JSON.stringify(cardManifest(), null, 2)}\n`;
      this.emitFile({ type: 'asset', fileName: `${CARD_DIR}manifest.webmanifest`, source: manifest });

      const chunks = Object.values(files).filter((f): f is Extract<BundleFile, { type: 'chunk' }> => f.type === 'chunk');
      const reachable = (entry: string): Set<string> => {
        const seen = new Set<string>();
        const visit = (name: string) => {
          const chunk = files[name];
          if (!chunk || chunk.type !== 'chunk' || seen.has(name)) return;
          seen.add(name);
          for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
          for (const asset of chunk.viteMetadata?.importedAssets ?? []) seen.add(asset);
          [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
        };
        visit(entry);
        return seen;
      };
      // the entry named `card` in vite.config.ts (build.rolldownOptions.input)
      const cardEntry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith(CARD_HTML_INPUT));
      if (!cardEntry) this.error(`the card page has no entry chunk (${CARD_HTML_INPUT})`);
      const cardFiles = reachable(cardEntry.fileName);
      const staffFiles = new Set(chunks.filter((c) => c.isEntry && c !== cardEntry).flatMap((c) => [...reachable(c.fileName)]));
      cardOnlyFiles.clear();
      for (const f of cardFiles) if (!staffFiles.has(f)) cardOnlyFiles.add(f);

      // the precache list: hashed files need no revision; the page, manifest and icons carry one
      const revision = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex').slice(0, 16);
      const icons = ['icon-192.png', 'icon-512.png', 'icon-maskable-512.png'].map((name) => `/${CARD_DIR}icons/${name}`);
      const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../../public');
      const precache = [
        { url: `/${CARD_DIR}`, revision: revision(source) },
        { url: `/${CARD_DIR}manifest.webmanifest`, revision: revision(manifest) },
        ...icons.map((url) => ({ url, revision: revision(readFileSync(join(publicDir, url))) })),
        ...[...cardFiles].sort().map((f) => ({ url: `/${f}`, revision: null })),
      ];
      const sw = (await transformWithOxc(readFileSync(SW_SOURCE, 'utf8'), SW_SOURCE, { lang: 'ts' })).code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      if (!sw.includes(PRECACHE_PLACEHOLDER)) this.error(`src/card-app/sw.ts must read its precache list from ${PRECACHE_PLACEHOLDER}`);
      this.emitFile({ type: 'asset', fileName: `${CARD_DIR}sw.js`, source: sw.replace(PRECACHE_PLACEHOLDER, JSON.stringify(precache)) });
    },
  };
}
