// The demo's trust data, signed fresh from the committed DEMO-ONLY keys when the dev server starts or the app is
// built, so it never ages: served in dev and emitted at build as the static layout of spec section 7, plus a
// printable page of demo passport cards. The pinned root(s) reach the app as a virtual module (public keys only), with
// whether this is the demo build (src/build/app-roots.ts).

import QRCode from 'qrcode';
import type { Plugin } from 'vite';
import { makeDemoTrustData, type DemoTrustData } from '../demo/demo-scheme.ts';
import { appRoots } from './app-roots.ts';

const ROOTS_ID = 'virtual:carers-passport/pinned-roots';
const RESOLVED_ROOTS_ID = `\0${ROOTS_ID}`;

/** File name (under demo/) -> contents, all signed as of `now`. */
export async function demoFiles(now: number): Promise<Map<string, string>> {
  const data = await makeDemoTrustData(now);
  const files = new Map<string, string>();
  files.set('trust-bundle.jwt', data.bundle);
  const lists = data.statusLists.map((list) => ({ uri: list.uri, href: `lists/${list.iss}.jwt`, jwt: list.jwt }));
  for (const list of lists) files.set(list.href, list.jwt);
  files.set('status-lists.json', `${JSON.stringify({ lists: lists.map(({ uri, href }) => ({ uri, href })) }, null, 2)}\n`);
  files.set('passports.html', await passportsPage(data));
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  jwt: 'application/jwt',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
};

export function demoDataPlugin(): Plugin[] {
  let files: Promise<Map<string, string>> | undefined;
  const signed = () => (files ??= demoFiles(Math.floor(Date.now() / 1000)));
  return [
    {
      name: 'carers-passport-demo-data',
      resolveId(id) {
        return id === ROOTS_ID ? RESOLVED_ROOTS_ID : undefined;
      },
      load(id) {
        if (id !== RESOLVED_ROOTS_ID) return undefined;
        // only public members: no private key reaches the app; `demo` tells the app it is the demo build
        const { roots, demo } = appRoots();
        return `export default ${JSON.stringify(roots)};\nexport const demo = ${JSON.stringify(demo)};`;
      },
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          const match = /^\/demo\/(.+)$/.exec(path.replace(server.config.base.replace(/\/$/, ''), ''));
          if (!match) return next();
          void signed().then((all) => {
            const body = all.get(match[1]!);
            if (body === undefined) return next();
            res.setHeader('Content-Type', CONTENT_TYPES[match[1]!.split('.').pop() ?? ''] ?? 'text/plain');
            res.setHeader('Cache-Control', 'no-store');
            res.end(body);
          }, next);
        });
      },
      async generateBundle() {
        // signed at build time, fresh for every build
        files = undefined;
        for (const [name, source] of await signed()) this.emitFile({ type: 'asset', fileName: `demo/${name}`, source });
      },
    },
  ];
}

async function passportsPage(data: DemoTrustData): Promise<string> {
  const cards = await Promise.all(
    data.passports.map(async (p) => {
      const image = await QRCode.toDataURL(p.qrText, { errorCorrectionLevel: 'M', margin: 2, width: 320 });
      return `<figure class="card card--${p.state}">
  <img src="${image}" alt="QR code of demo passport ${p.jti}" width="220" height="220">
  <figcaption><strong>${escapeHtml(p.name)}</strong><br>${p.jti} · ${p.cat}<br>${escapeHtml(p.iss)}<br><em>${p.state}</em>
  <details><summary>Code</summary><code>${escapeHtml(p.qrText)}</code></details></figcaption>
</figure>`;
    }),
  );
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo Carers Passports (not real)</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1rem; color: #1a1a1a; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.card { border: 2px solid #1d4f91; border-radius: 0.75rem; padding: 0.75rem; margin: 0; break-inside: avoid; }
.card img { display: block; margin: 0 auto; }
.card code { word-break: break-all; font-size: 0.7rem; }
.card--valid em { color: #16632b; } .card--revoked em, .card--suspended em, .card--expired em, .card--not-yet-valid em { color: #a3221b; }
</style></head>
<body>
<h1>Demo Carers Passports</h1>
<p>DEMO ONLY: signed with published demo keys on ${new Date().toUTCString()}. Not real passports.</p>
<main>
${cards.join('\n')}
</main>
</body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
