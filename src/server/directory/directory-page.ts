// The offers directory as one HTML page: no script, no images, no requests elsewhere; large-text friendly; filters
// are a plain GET form; printed, it is a dated booklet (print CSS hides the form and keeps each partner on one page).

import {
  CATEGORIES, PARTNER_KINDS, directoryAreas, filterDirectory, localTime, offerToday, type DirectoryFilter, type DirectoryOffer, type DirectoryPartner,
  type OffersDirectory,
} from '../../core/index.ts';
import { directoryAllHours, directoryCategories, directoryDates, directoryToday } from '../../i18n/directory-words.ts';
import { english } from '../../i18n/english.ts';
import { calendarDate } from '../../i18n/offer-words.ts';
import type { Translator } from '../../i18n/translator.ts';
import { escapeHtml as e } from '../admin/charts.ts';

const STYLE = `
*{box-sizing:border-box}body{font:1.0625rem/1.5 system-ui,sans-serif;margin:0;color:#0b0c0c;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}h1{font-size:1.75rem;margin:.5rem 0}
.date{font-weight:600}form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;padding:1rem;background:#f3f2f1;border-radius:.5rem;margin:1rem 0}
label{display:flex;flex-direction:column;font-weight:600;gap:.25rem}select,button{font:inherit;padding:.5rem;min-height:2.75rem;border:2px solid #0b0c0c;border-radius:.25rem;background:#fff}
button{background:#1d4f91;color:#fff;border-color:#1d4f91;font-weight:600;cursor:pointer}a{color:#1d4f91}a:focus,button:focus,select:focus{outline:3px solid #fd0;outline-offset:0}
h2{font-size:1.4rem;border-bottom:3px solid #1d4f91;margin:2rem 0 .5rem}.partner{border:1px solid #b1b4b6;border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0;break-inside:avoid}
h3{font-size:1.2rem;margin:0}.place{margin:.25rem 0 .5rem;color:#383f43}.offers{list-style:none;margin:0;padding:0}
.offer{border-top:1px solid #e0e0e0;padding:.5rem 0}.offer h4{font-size:1.05rem;margin:0}.offer p{margin:.15rem 0}
.today{background:#fff7bf;border-left:6px solid #1d4f91;padding-left:.5rem}.today-badge{font-weight:700}.count{margin:.5rem 0}
@media print{form,.no-print{display:none}body{font-size:11pt}header,main,footer{max-width:none;padding:0}h2{break-after:avoid}
.today{background:none;border-left:0;padding-left:0}a{color:inherit;text-decoration:none}}`;

export function renderDirectoryPage(directory: OffersDirectory, filter: DirectoryFilter, nowMs: number, words: Translator = english): string {
  const { t } = words;
  const shown = filterDirectory(directory, filter);
  const dated = calendarDate(words, directory.date);
  const other = t('directory.otherPlaces');
  const byArea = new Map<string, DirectoryPartner[]>();
  for (const partner of shown) byArea.set(partner.area ?? other, [...(byArea.get(partner.area ?? other) ?? []), partner]);
  const offerCount = shown.reduce((n, p) => n + p.offers.length, 0);
  return `<!doctype html>
<html lang="${e(words.locale)}" dir="${words.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('directory.titleDated', { date: dated }))}</title><meta name="description" content="${e(t('directory.description'))}">
<style>${STYLE}</style></head>
<body><header><h1>${e(t('directory.title'))}</h1>
<p class="date">${e(t('directory.asOf', { date: dated }))}</p>
<p class="no-print">${e(t('directory.intro'))}</p></header>
<main>
${filterForm(words, directory, filter)}
<p class="count" role="status">${e(shown.length === 0 ? t('directory.noMatch') : t('directory.count', { places: shown.length, offers: offerCount }))}</p>
${[...byArea].map(([area, partners]) => `<section><h2>${e(area)}</h2>${partners.map((p) => partnerBlock(words, p, nowMs)).join('')}</section>`).join('\n')}
</main>
<footer><p>${e(t('directory.footer', { date: dated }))}</p></footer>
</body></html>`;
}

function filterForm(words: Translator, directory: OffersDirectory, filter: DirectoryFilter): string {
  const { t } = words;
  const option = (value: string, words: string, chosen: string | undefined) => `<option value="${e(value)}"${value === (chosen ?? '') ? ' selected' : ''}>${e(words)}</option>`;
  const kinds = PARTNER_KINDS.filter((k) => directory.partners.some((p) => p.kind === k));
  return `<form method="get" action="/offers" role="search" aria-label="${e(t('directory.filters'))}">
<label for="f-area">${e(t('directory.area'))}<select id="f-area" name="area">${option('', t('directory.allAreas'), filter.area)}${directoryAreas(directory).map((a) => option(a, a, filter.area)).join('')}</select></label>
<label for="f-kind">${e(t('directory.kindOfPlace'))}<select id="f-kind" name="kind">${option('', t('directory.allPlaces'), filter.kind)}${kinds.map((k) => option(k, t(`directory.kind.${k}`), filter.kind)).join('')}</select></label>
<label for="f-carer">${e(t('directory.carerKind'))}<select id="f-carer" name="carer">${option('', t('directory.everyCarer'), filter.category)}${CATEGORIES.map((c) => option(c, t(`category.${c}`), filter.category)).join('')}</select></label>
<button type="submit">${e(t('directory.show'))}</button> <a href="/offers">${e(t('directory.showAll'))}</a></form>`;
}

/** The fragment of a partner's entry on /offers: the window sticker's QR leads there (issue 10, point 3). */
export function directoryAnchor(partnerId: string): string {
  return `partner-${partnerId}`;
}

function partnerBlock(words: Translator, partner: DirectoryPartner, nowMs: number): string {
  const place = [words.t(`directory.kind.${partner.kind}`), partner.address].filter(Boolean).join(', ');
  return `<article class="partner" id="${e(directoryAnchor(partner.id))}"><h3>${e(partner.name)}</h3><p class="place">${e(place)}</p>
<ul class="offers">${partner.offers.map((o) => offerItem(words, o, partner, nowMs)).join('')}</ul></article>`;
}

function offerItem(words: Translator, offer: DirectoryOffer, partner: DirectoryPartner, nowMs: number): string {
  const local = localTime(nowMs, partner.timeZone);
  const today = offerToday(offer, local);
  // only offers limited to some days are marked: "today" on every all-week offer would mark nothing
  const marked = today.today && today.hours.length > 0;
  const hours = directoryAllHours(words, offer.hours);
  const dates = directoryDates(words, offer);
  return `<li class="offer${marked ? ' today' : ''}"><h4>${e(offer.title)}</h4>${offer.description ? `<p>${e(offer.description)}</p>` : ''}
<p>${e(directoryCategories(words, offer.categories))}.</p>
<p>${marked ? `<span class="today-badge">${e(directoryToday(words, today.hours))}</span> ` : ''}${e(hours)}.</p>${dates ? `<p>${e(dates)}.</p>` : ''}</li>`;
}
