// The admin page's "Partners and offers" section (issue 10, point 3): each partner with its devices and enrolment codes
// (as before), an editor for the partner and its offers that PUTs the whole profile to /admin/api/partners/:id (the
// core's readPartnerProfile decides; its one-line problem shows beside the form), a preview of which offers apply, and
// its window sticker. The fields come from the core's types: a kind of place or carer added there appears here, and
// fields this editor does not know are kept as they were (the script starts from the saved profile).

import {
  CATEGORIES, DEFAULT_TIME_ZONE, PARTNER_KINDS, type Offer, type OfferHours, type PartnerProfile, type Weekday,
} from '../../core/index.ts';
import { CATEGORY_WORDS } from '../../cards/card-words.ts';
import type { DeviceRow as DeviceEntry } from '../devices/device-store.ts';
import { escapeHtml as e } from './charts.ts';
import { english } from '../../i18n/english.ts';

export { PARTNERS_SCRIPT } from './partners-script.ts';

export const OFFER_KIND_WORDS: Record<Offer['kind'], string> = {
  benefit: 'A benefit (used up: a discount, a meal)',
  recognition: 'A recognition (recorded: ward visiting, a quiet room)',
};

/** Yes/no fields of an offer, as a checkbox each: a field the core adds (issue 11) is one line here. */
export const OFFER_FLAGS: readonly { field: string; label: string }[] = [];

const DAYS: readonly [Weekday, string][] = [[1, 'Mon'], [2, 'Tue'], [3, 'Wed'], [4, 'Thu'], [5, 'Fri'], [6, 'Sat'], [7, 'Sun']];
// HH:MM as the core reads it (a text input: a time input cannot hold 24:00)
const HH_MM = '([01][0-9]|2[0-3]):[0-5][0-9]|24:00';
const DAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function partnersSection(partners: readonly PartnerProfile[], devices: readonly DeviceEntry[]): string {
  return `<section aria-labelledby="partners-heading"><h2 id="partners-heading">Partners and offers</h2>
<p>Change a partner's details or offers and save: its devices get them at their next profile refresh. Hours, days and
dates are the partner's local time.</p>
${partners.map((p) => partnerArticle(p, devices.filter((d) => d.partnerId === p.id))).join('\n')}
<details><summary>Add a partner</summary>${partnerForm(undefined)}</details>
${offerTemplates()}
</section>`;
}

function partnerArticle(p: PartnerProfile, devices: readonly DeviceEntry[]): string {
  const id = e(p.id);
  return `<article data-partner="${id}"><h3>${e(p.name)} <small>(${e(english.t(`directory.kind.${p.kind}`))}, ${p.offers.length} ${p.offers.length === 1 ? 'offer' : 'offers'})</small></h3>
<p><a href="/admin/api/partners/${e(encodeURIComponent(p.id))}/sticker.pdf" download>Window sticker (PDF)</a></p>
<button data-enrol="${id}">New enrolment code</button>
<ul>${devices.map((d) => `<li>${e(d.name)} <code>${e(d.id)}</code>, last seen ${e(d.lastSeen ?? 'never')}
${d.revokedAt ? `<strong>removed ${e(d.revokedAt)}</strong>` : `<button data-revoke-device="${e(d.id)}">Remove device</button>`}</li>`).join('')}</ul>
<div class="result" data-enrol-result="${id}" aria-live="polite"></div>
<details><summary>Edit ${e(p.name)} and its offers</summary>${partnerForm(p)}</details>
<form class="preview" data-preview="${id}"><fieldset><legend>Does it apply?</legend>
<label>Kind of carer <select name="cat">${CATEGORIES.map((c) => `<option value="${c}">${e(CATEGORY_WORDS[c])}</option>`).join('')}</select></label>
<label>At (your computer's time; empty for now) <input type="datetime-local" name="at"></label>
<button>Check the offers</button></fieldset><div class="result" data-preview-result aria-live="polite"></div></form></article>`;
}

/** The editor: the saved profile rides along as JSON, so fields the form does not show are sent back unchanged. */
function partnerForm(p: PartnerProfile | undefined): string {
  const value = (v: string | undefined) => (v ? ` value="${e(v)}"` : '');
  return `<form class="partner-form" data-profile="${e(JSON.stringify(p ?? { offers: [] }))}" novalidate>
${p ? `<input type="hidden" name="id" value="${e(p.id)}">` : `<label>Partner id (lower-case letters, digits, dots or dashes; never changes) <input name="id" required pattern="[a-z0-9][a-z0-9._-]{0,63}" autocomplete="off"></label>`}
<label>Name <input name="name" required maxlength="120"${value(p?.name)}></label>
<label>Kind of place <select name="kind">${PARTNER_KINDS.map((k) => `<option value="${k}"${p?.kind === k ? ' selected' : ''}>${e(english.t(`directory.kind.${k}`))}</option>`).join('')}</select></label>
<label>Address (one line) <input name="address" maxlength="160" size="40"${value(p?.address)}></label>
<label>Area <input name="area" maxlength="40"${value(p?.area)}></label>
<label>Time zone <input name="timeZone" required${value(p?.timeZone ?? DEFAULT_TIME_ZONE)}></label>
<div data-offers>${(p?.offers ?? []).map(offerFieldset).join('')}</div>
<button type="button" data-add-offer>Add an offer</button> <button>Save</button>
<p class="error" data-problem role="alert"></p><p data-saved aria-live="polite"></p></form>`;
}

/** One offer's fields; `o` undefined is the blank one the script copies for "Add an offer". */
function offerFieldset(o: Offer | undefined): string {
  const value = (v: string | undefined) => (v ? ` value="${e(v)}"` : '');
  const limit = o?.limit ?? { kind: 'unlimited' as const };
  const perPeriod = limit.kind === 'per-period' ? limit : undefined;
  const flags = o as Record<string, unknown> | undefined;
  return `<fieldset data-offer data-original="${e(JSON.stringify(o ?? {}))}"><legend>Offer${o ? `: ${e(o.title)}` : ''}</legend>
<label>Offer id <input data-field="id" required pattern="[a-z0-9][a-z0-9._-]{0,63}" autocomplete="off"${value(o?.id)}></label>
<label>Title <input data-field="title" required maxlength="120" size="40"${value(o?.title)}></label>
<label>Description <textarea data-field="description" rows="2" cols="50">${e(o?.description ?? '')}</textarea></label>
<label>Kind <select data-field="kind">${(Object.keys(OFFER_KIND_WORDS) as Offer['kind'][]).map((k) => `<option value="${k}"${o?.kind === k ? ' selected' : ''}>${e(OFFER_KIND_WORDS[k])}</option>`).join('')}</select></label>
<fieldset><legend>Kinds of carer</legend>${CATEGORIES.map((c) => `<label><input type="checkbox" data-category="${c}"${!o || o.categories.includes(c) ? ' checked' : ''}> ${e(CATEGORY_WORDS[c])}</label>`).join(' ')}</fieldset>
<fieldset><legend>Days and hours (none: whenever the place is open)</legend><div data-hours>${(o?.hours ?? []).map(hoursRow).join('')}</div>
<button type="button" data-add-hours>Add days and hours</button></fieldset>
<label>First day <input type="date" data-field="startDate"${value(o?.startDate)}></label>
<label>Last day <input type="date" data-field="endDate"${value(o?.endDate)}></label>
<label>Limit <select data-field="limit"><option value="unlimited"${perPeriod ? '' : ' selected'}>No limit</option><option value="per-period"${perPeriod ? ' selected' : ''}>At most</option></select></label>
<label>Times <input type="number" min="1" max="1000" data-field="count" size="4" value="${perPeriod?.count ?? 1}"></label>
<label>a <select data-field="period">${(['day', 'week', 'month'] as const).map((k) => `<option${perPeriod?.period === k ? ' selected' : ''}>${k}</option>`).join('')}</select></label>
<label>Reference to ask for (empty: none) <input data-field="referenceLabel" maxlength="60"${value(o?.reference?.label)}></label>
<label><input type="checkbox" data-field="referenceRequired"${o?.reference?.required ? ' checked' : ''}> The reference is required</label>
${OFFER_FLAGS.map((f) => `<label><input type="checkbox" data-flag="${e(f.field)}"${flags?.[f.field] === true ? ' checked' : ''}> ${e(f.label)}</label>`).join(' ')}
<button type="button" data-remove-offer>Remove this offer</button></fieldset>`;
}

function hoursRow(h: OfferHours | undefined): string {
  return `<div data-hours-row role="group" aria-label="Days and hours">${DAYS.map(([d, short]) => `<label><input type="checkbox" data-day="${d}"${h?.days.includes(d) ? ' checked' : ''}><abbr title="${DAY_NAMES[d]}">${short}</abbr></label>`).join(' ')}
<label>from <input data-from size="5" inputmode="numeric" pattern="${HH_MM}" value="${e(h?.from ?? '09:00')}"></label> <label>to (24:00 for midnight) <input data-to size="5" inputmode="numeric" pattern="${HH_MM}" value="${e(h?.to ?? '17:00')}"></label>
<button type="button" data-remove-hours>Remove</button></div>`;
}

function offerTemplates(): string {
  return `<template id="offer-template">${offerFieldset(undefined)}</template><template id="hours-template">${hoursRow(undefined)}</template>`;
}
