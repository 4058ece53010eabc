// GET /demo/cards (demo scheme only): printable passport cards to scan from a phone or a second screen.
// Signed when the page is asked for, so the demo cards never age into "expired".

import type { FastifyInstance } from 'fastify';
import { DEMO_ISSUERS } from '../../demo/demo-scheme.ts';
import { escapeHtml as e } from '../admin/charts.ts';
import { passportQrSvg } from '../admin/qr-svg.ts';
import type { SchemeContext } from '../context.ts';
import { PAGE_CSP } from '../http/security-headers.ts';
import { listPassports, sign } from '../register/passport-register.ts';

const CARD_STYLE = `
body{font:15px/1.35 system-ui,sans-serif;margin:16px}h1{font-size:1.3rem}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:14px}
.card{border:2px solid #1d70b8;border-radius:12px;padding:10px 12px;break-inside:avoid}.card svg{width:100%;max-width:280px;display:block;margin:auto}
.card h2{font-size:1.05rem;margin:4px 0}.meta{color:#333;font-size:.85rem}.state{font-weight:bold}.state-revoked,.state-suspended,.state-expired{color:#d4351c}
details textarea{width:100%;font:11px monospace;word-break:break-all}@media print{.hint{display:none}}`;

export function demoCardsRoute(app: FastifyInstance, ctx: SchemeContext): void {
  app.get('/demo/cards', { helmet: { contentSecurityPolicy: PAGE_CSP } }, async (_req, reply) => {
    const now = ctx.now();
    const demoIssuers = new Set(DEMO_ISSUERS.map((i) => i.iss));
    const entries = (await listPassports(ctx.db, { limit: 200 }))
      .filter((p) => demoIssuers.has(p.iss) && p.name)
      .sort((a, b) => a.iss.localeCompare(b.iss) || a.jti.localeCompare(b.jti));
    const cards = await Promise.all(
      entries.map(async (entry) => {
        const signed = await sign(ctx, entry);
        const issuer = ctx.keys.issuers.find((i) => i.iss === entry.iss)?.name ?? entry.iss;
        const state = entry.status !== 'valid' ? entry.status : now > entry.exp ? 'expired' : now < entry.nbf ? 'not yet valid' : 'valid';
        return `<div class="card">${await passportQrSvg(signed.qrText)}<h2>${e(entry.name ?? '')}</h2>
<div class="meta">${e(issuer)}<br>Passport <strong>${e(entry.jti)}</strong>, ${e(entry.cat)} carer<br>
Valid ${new Date(entry.nbf * 1000).toISOString().slice(0, 10)} to ${new Date(entry.exp * 1000).toISOString().slice(0, 10)}<br>
Demo state: <span class="state state-${state.replace(/ /g, '-')}">${e(state)}</span></div>
<details class="hint"><summary>Code to paste into the app</summary><textarea readonly rows="3" aria-label="Passport code of ${e(entry.jti)}">${e(signed.qrText)}</textarea></details></div>`;
      }),
    );
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo Carers Passports</title><style>${CARD_STYLE}</style></head><body>
<h1>Demo Carers Passports (demo keys: not real passports)</h1>
<p class="hint">Scan these with the app on a phone, or print them. Revoked and suspended cards show how a refusal looks. No second device? Open a card's code, copy it and paste it into the app.</p>
<div class="cards">${cards.join('')}</div></body></html>`);
  });
}
