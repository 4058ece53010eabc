// The offers directory as one HTML page: no script, no images, no requests elsewhere; large-text friendly; filters
// are a plain GET form; printed, it is a dated booklet (print CSS hides the form and keeps each partner on one page).

import {
  CATEGORIES, PARTNER_KINDS, PARTNER_KIND_WORDS, calendarDateWords, describeCategories, describeDates, describeHours, directoryAreas,
  filterDirectory, localTime, offerToday, type DirectoryFilter, type DirectoryOffer, type DirectoryPartner, type OffersDirectory,
} from '../../core/index.ts';
import { CATEGORY_WORDS } from '../../cards/card-words.ts';
import { escapeHtml as e } from '../admin/charts.ts';

const STYLE = `
*{box-sizing:border-box}body{font-size:1.0625rem;line-height:1.5;font-family:system-ui,'Noto Sans',sans-serif;margin:0;color:#0b0c0c;background:#fff}
:lang(gu){font-family:'Noto Sans Gujarati','Nirmala UI',Shruti,system-ui,sans-serif;line-height:1.65}:lang(pa){font-family:'Noto Sans Gurmukhi','Nirmala UI',Raavi,system-ui,sans-serif;line-height:1.65}
:lang(ur){font-family:'Noto Nastaliq Urdu','Jameel Noori Nastaleeq','Urdu Typesetting','Noto Naskh Arabic',system-ui,sans-serif;line-height:2.1}.ltr{direction:ltr;unicode-bidi:isolate}time{unicode-bidi:isolate}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}header{padding-block-start:1rem}h1{font-size:1.75rem;margin-block:.5rem}
.date{font-weight:600}form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;padding:1rem;background:#f3f2f1;border-radius:.5rem;margin:1rem 0}
label{display:flex;flex-direction:column;font-weight:600;gap:.25rem}select,button{font:inherit;padding:.5rem;min-height:2.75rem;border:2px solid #0b0c0c;border-radius:.25rem;background:#fff}
button{background:#1d4f91;color:#fff;border-color:#1d4f91;font-weight:600;cursor:pointer}a{color:#1d4f91}a:focus,button:focus,select:focus{outline:3px solid #fd0;outline-offset:0}
h2{font-size:1.4rem;border-block-end:3px solid #1d4f91;margin-block:2rem .5rem}.partner{border:1px solid #b1b4b6;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}
h3{font-size:1.2rem;margin:0}.place{margin-block:.25rem .5rem;color:#383f43}.offers{list-style:none;margin:0;padding:0}
.offer{border-block-start:1px solid #e0e0e0;padding-block:.5rem}.offer h4{font-size:1.05rem;margin:0}.offer p{margin-block:.15rem}
.today{background:#fff7bf;border-inline-start:6px solid #1d4f91;padding-inline-start:.5rem}.today-badge{font-weight:700}.count{margin:.5rem 0}
@media print{form,.no-print{display:none}body{font-size:11pt}header,main,footer{max-width:none;padding:0}h2{break-after:avoid}
.today{background:none;border-inline-start:0;padding-inline-start:0}a{color:inherit;text-decoration:none}}`;

export function renderDirectoryPage(directory: OffersDirectory, filter: DirectoryFilter, nowMs: number): string {
  const shown = filterDirectory(directory, filter);
  const dated = calendarDateWords(directory.date);
  const byArea = new Map<string, DirectoryPartner[]>();
  for (const partner of shown) byArea.set(partner.area ?? 'Other places', [...(byArea.get(partner.area ?? 'Other places') ?? []), partner]);
  const offerCount = shown.reduce((n, p) => n + p.offers.length, 0);
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Where to use your Carers Passport (${e(dated)})</title><meta name="description" content="Shops, pharmacies, hospital wards and other places that welcome the Carers Passport, and what they offer.">
<style>${STYLE}</style></head>
<body><header><h1>Where to use your Carers Passport</h1>
<p class="date">Offers current on ${e(dated)}.</p>
<p class="no-print">Show your passport (the card or the copy on your phone) at any of these places. To make a booklet, print this page.</p></header>
<main>
${filterForm(directory, filter)}
<p class="count" role="status">${shown.length === 0 ? 'No places match these choices.' : `${shown.length} ${shown.length === 1 ? 'place' : 'places'}, ${offerCount} ${offerCount === 1 ? 'offer' : 'offers'}.`}</p>
${[...byArea].map(([area, partners]) => `<section><h2>${e(area)}</h2>${partners.map((p) => partnerBlock(p, nowMs)).join('')}</section>`).join('\n')}
</main>
<footer><p>Hours and days are local time at each place. "Today" means ${e(dated)}.</p></footer>
</body></html>`;
}

function filterForm(directory: OffersDirectory, filter: DirectoryFilter): string {
  const option = (value: string, words: string, chosen: string | undefined) => `<option value="${e(value)}"${value === (chosen ?? '') ? ' selected' : ''}>${e(words)}</option>`;
  const kinds = PARTNER_KINDS.filter((k) => directory.partners.some((p) => p.kind === k));
  return `<form method="get" action="/offers" role="search" aria-label="Choose offers">
<label for="f-area">Area<select id="f-area" name="area">${option('', 'All areas', filter.area)}${directoryAreas(directory).map((a) => option(a, a, filter.area)).join('')}</select></label>
<label for="f-kind">Kind of place<select id="f-kind" name="kind">${option('', 'All places', filter.kind)}${kinds.map((k) => option(k, PARTNER_KIND_WORDS[k], filter.kind)).join('')}</select></label>
<label for="f-carer">Kind of carer<select id="f-carer" name="carer">${option('', 'Every carer', filter.category)}${CATEGORIES.map((c) => option(c, CATEGORY_WORDS[c], filter.category)).join('')}</select></label>
<button type="submit">Show offers</button> <a href="/offers">Show everything</a></form>`;
}

/** The fragment of a partner's entry on /offers: the window sticker's QR leads there (issue 10, point 3). */
export function directoryAnchor(partnerId: string): string {
  return `partner-${partnerId}`;
}

function partnerBlock(partner: DirectoryPartner, nowMs: number): string {
  const place = [PARTNER_KIND_WORDS[partner.kind], partner.address].filter(Boolean).join(', ');
  return `<article class="partner" id="${e(directoryAnchor(partner.id))}"><h3>${e(partner.name)}</h3><p class="place">${e(place)}</p>
<ul class="offers">${partner.offers.map((o) => offerItem(o, partner, nowMs)).join('')}</ul></article>`;
}

function offerItem(offer: DirectoryOffer, partner: DirectoryPartner, nowMs: number): string {
  const local = localTime(nowMs, partner.timeZone);
  const today = offerToday(offer, local);
  // only offers limited to some days are marked: "today" on every all-week offer would mark nothing
  const marked = today.today && today.hours.length > 0;
  const hours = offer.hours && offer.hours.length > 0 ? offer.hours.map(describeHours).join('; ') : 'Any day';
  const dates = describeDates(offer);
  return `<li class="offer${marked ? ' today' : ''}"><h4>${e(offer.title)}</h4>${offer.description ? `<p>${e(offer.description)}</p>` : ''}
<p>${e(describeCategories(offer.categories))}.</p>
<p>${marked ? `<span class="today-badge">Today, ${e(today.hours.map((h) => `${h.from} to ${h.to}`).join(' and '))}.</span> ` : ''}${e(hours)}.</p>${dates ? `<p>${e(dates)}.</p>` : ''}</li>`;
}
