// A postal run (issue 9): the passports issued or renewed in a date range, or a selection, each card followed by its
// covering letter with a fresh collection code for the phone copy.

import { renderCardsPdf, renderPostalRunPdf, type CardLayout, type PostalEntry } from '../../cards/index.ts';
import type { SchemeContext } from '../context.ts';
import { toDate } from '../context.ts';
import { createCollectionCode } from '../collection/collection-codes.ts';
import { findPassport, type RegisterEntry } from '../register/passport-register.ts';
import { cardDetails, cardRefusal } from './card-details.ts';

export const MAX_POSTAL_RUN = 1000;
const DAY = 86_400;

/** By days (of one issuer's passports, for issuer staff), or a selection. */
export type PostalRunChoice = { from: string; to: string; iss?: string } | { passports: readonly { iss: string; jti: string }[] };

type Refused = { ok: false; status: number; error: string; message: string };

export type PostalRun = { ok: true; pdf: Uint8Array; count: number; skipped: number } | Refused;

/** `YYYY-MM-DD` as the start of that day (UTC), or undefined. */
export function dayStart(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const at = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== text ? undefined : at / 1000;
}

/** The chosen passports' register entries, when every one of them may have a card now. */
async function selectedForCards(ctx: SchemeContext, passports: readonly { iss: string; jti: string }[], now: number): Promise<{ ok: true; entries: RegisterEntry[] } | Refused> {
  if (passports.length === 0 || passports.length > MAX_POSTAL_RUN) {
    return { ok: false, status: 400, error: 'bad-request', message: `Choose 1 to ${MAX_POSTAL_RUN} passports.` };
  }
  const entries: RegisterEntry[] = [];
  for (const { iss, jti } of passports) {
    const entry = await findPassport(ctx.db, iss, jti);
    if (!entry) return { ok: false, status: 404, error: 'not-found', message: `There is no passport ${jti} of ${iss}.` };
    const refusal = cardRefusal(entry, now);
    if (refusal) return { ok: false, status: 409, error: 'refused', message: refusal };
    entries.push(entry);
  }
  return { ok: true, entries };
}

/** The cards alone (no letters, no new collection codes) of chosen passports: a bulk renewal's new cards. */
export async function makeCardsPdf(ctx: SchemeContext, passports: readonly { iss: string; jti: string }[], options: { layout: CardLayout; title: string }): Promise<{ ok: true; pdf: Uint8Array; count: number } | Refused> {
  const selected = await selectedForCards(ctx, passports, ctx.now());
  if (!selected.ok) return selected;
  const cards = [];
  for (const entry of selected.entries) cards.push(await cardDetails(ctx, entry));
  return { ok: true, pdf: await renderCardsPdf(cards, options), count: cards.length };
}

export async function makePostalRun(ctx: SchemeContext, choice: PostalRunChoice, options: { layout: CardLayout; actor: string; offersUrl?: string }): Promise<PostalRun> {
  const now = ctx.now();
  let entries: RegisterEntry[];
  let skipped = 0;
  if ('passports' in choice) {
    const selected = await selectedForCards(ctx, choice.passports, now);
    if (!selected.ok) return selected;
    entries = selected.entries;
  } else {
    const from = dayStart(choice.from);
    const to = dayStart(choice.to);
    if (from === undefined || to === undefined || to < from) {
      return { ok: false, status: 400, error: 'bad-request', message: 'Give the dates as YYYY-MM-DD, the first no later than the last.' };
    }
    const found = await passportsIssuedOrRenewed(ctx, from, to + DAY, choice.iss);
    if (found.length > MAX_POSTAL_RUN) {
      return { ok: false, status: 413, error: 'too-many', message: `More than ${MAX_POSTAL_RUN} passports were issued or renewed on those days: print at most ${MAX_POSTAL_RUN} at a time (choose fewer days).` };
    }
    // cancelled, suspended and expired passports get no card (a card for a cancelled passport must not be printed)
    entries = found.filter((e) => cardRefusal(e, now) === undefined);
    skipped = found.length - entries.length;
  }
  if (entries.length === 0) return { ok: false, status: 404, error: 'none', message: 'No passports to print: none was issued or renewed on those days, or none of them can have a card now.' };

  const run: PostalEntry[] = [];
  for (const entry of entries) {
    const card = await cardDetails(ctx, entry);
    const phoneCopy = await createCollectionCode(ctx.db, ctx, entry, options.actor);
    run.push({ card, letter: { phoneCopy, ...(options.offersUrl ? { offersUrl: options.offersUrl } : {}) } });
  }
  const pdf = await renderPostalRunPdf(run, { layout: options.layout, title: 'Carers Passports: postal run' });
  return { ok: true, pdf, count: run.length, skipped };
}

async function passportsIssuedOrRenewed(ctx: SchemeContext, from: number, until: number, iss: string | undefined): Promise<RegisterEntry[]> {
  const rows = await ctx.db.query<{ iss: string; jti: string }>(
    `SELECT iss, jti FROM passports
      WHERE ((issued_at >= $1 AND issued_at < $2) OR (renewed_at >= $1 AND renewed_at < $2)) AND ($4::text IS NULL OR iss = $4)
      ORDER BY greatest(issued_at, coalesce(renewed_at, issued_at)), iss, jti LIMIT $3`,
    [toDate(from), toDate(until), MAX_POSTAL_RUN + 1, iss ?? null],
  );
  const entries: RegisterEntry[] = [];
  for (const row of rows) {
    const entry = await findPassport(ctx.db, row.iss, row.jti);
    if (entry) entries.push(entry);
  }
  return entries;
}
