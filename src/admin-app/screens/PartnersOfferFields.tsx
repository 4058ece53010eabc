// One offer's fields on the partner editor: what it is, for which carers, when (days and hours, first and last day),
// how often, the reference staff ask for and photo ID. The core decides what is valid (partners-problem.ts); its
// words show under the field they are about.

import { CATEGORIES, type Category, type Offer, type OfferHours, type OfferLimit, type Weekday } from '../../core/index.ts';
import { categoryWords } from '../issuers.ts';
import type { ComponentChildren } from 'preact';
import { Field } from '../components/Field.tsx';
import { BLANK_HOURS, removeAt, replaceAt, withOptional } from './partners-draft.ts';
import type { OfferField } from './partners-problem.ts';

const DAYS: readonly [Weekday, string, string][] = [
  [1, 'Mon', 'Monday'], [2, 'Tue', 'Tuesday'], [3, 'Wed', 'Wednesday'], [4, 'Thu', 'Thursday'], [5, 'Fri', 'Friday'], [6, 'Sat', 'Saturday'], [7, 'Sun', 'Sunday'],
];
const PERIODS = ['day', 'week', 'month'] as const;
export const OFFER_KIND_WORDS: Record<Offer['kind'], string> = {
  benefit: 'A benefit (used up: a discount, a meal)',
  recognition: 'A recognition (recorded: ward visiting, a quiet room)',
};

type Props = { offer: Offer; index: number; problem: { field: OfferField; message: string } | undefined; onChange(offer: Offer): void; onRemove(): void };

export function PartnersOfferFields({ offer, index, problem, onChange, onRemove }: Props) {
  const key = (name: string) => `offer-${index}-${name}`;
  const problemOf = (field: OfferField) => (problem?.field === field ? problem.message : undefined);
  const set = (patch: Partial<Offer>) => onChange({ ...offer, ...patch });
  const toggleCategory = (cat: Category, on: boolean) => set({ categories: on ? CATEGORIES.filter((c) => c === cat || offer.categories.includes(c)) : offer.categories.filter((c) => c !== cat) });
  const hours = offer.hours ?? [];
  const setHours = (next: OfferHours[]) => onChange(withOptional(offer, 'hours', next.length > 0 ? next : undefined));
  const limit = offer.limit;
  const setLimit = (next: OfferLimit) => set({ limit: next });

  return (
    <fieldset class="offer stack" aria-labelledby={key('legend')}>
      <legend id={key('legend')}>Offer {index + 1}{offer.title ? `: ${offer.title}` : ''}</legend>
      <Field id={key('id')} label="Offer id" hint="Lower-case letters, digits, dots or dashes." error={problemOf('id')}>
        <input value={offer.id} autoComplete="off" onInput={(e) => set({ id: e.currentTarget.value })} />
      </Field>
      <Field id={key('title')} label="Title" error={problemOf('title')}>
        <input value={offer.title} maxLength={120} onInput={(e) => set({ title: e.currentTarget.value })} />
      </Field>
      <Field id={key('description')} label="Description" error={problemOf('description')}>
        <textarea rows={2} value={offer.description} onInput={(e) => set({ description: e.currentTarget.value })} />
      </Field>
      <Field id={key('kind')} label="Kind" error={problemOf('kind')}>
        <select value={offer.kind} onChange={(e) => set({ kind: e.currentTarget.value as Offer['kind'] })}>
          {(Object.keys(OFFER_KIND_WORDS) as Offer['kind'][]).map((k) => <option value={k}>{OFFER_KIND_WORDS[k]}</option>)}
        </select>
      </Field>

      <GroupOfFields id={key('categories')} legend="Kinds of carer" error={problemOf('categories')}>
        {CATEGORIES.map((cat) => (
          <label class="check">
            <input type="checkbox" checked={offer.categories.includes(cat)} onChange={(e) => toggleCategory(cat, e.currentTarget.checked)} /> {categoryWords(cat)}
          </label>
        ))}
      </GroupOfFields>

      <GroupOfFields id={key('hours')} legend="Days and hours (none: whenever the place is open; the partner's local time)" error={problemOf('hours')}>
        {hours.map((h, i) => (
          <HoursRow hours={h} label={`${key('hours')}-${i}`} onChange={(next) => setHours(replaceAt(hours, i, next))} onRemove={() => setHours(removeAt(hours, i))} />
        ))}
        <button type="button" onClick={() => setHours([...hours, BLANK_HOURS])}>Add days and hours</button>
      </GroupOfFields>

      <div class="filters">
        <Field id={key('startDate')} label="First day" hint="Empty: from now." error={problemOf('startDate')}>
          <input type="date" value={offer.startDate ?? ''} onInput={(e) => onChange(withOptional(offer, 'startDate', e.currentTarget.value))} />
        </Field>
        <Field id={key('endDate')} label="Last day" hint="Empty: no end." error={problemOf('endDate')}>
          <input type="date" value={offer.endDate ?? ''} onInput={(e) => onChange(withOptional(offer, 'endDate', e.currentTarget.value))} />
        </Field>
      </div>

      <GroupOfFields id={key('limit')} legend="How often" error={problemOf('limit')}>
        <div class="filters">
          <Field id={key('limit-kind')} label="Limit">
            <select value={limit.kind} onChange={(e) => setLimit(e.currentTarget.value === 'unlimited' ? { kind: 'unlimited' } : { kind: 'per-period', count: 1, period: 'day' })}>
              <option value="unlimited">No limit</option>
              <option value="per-period">At most</option>
            </select>
          </Field>
          {limit.kind === 'per-period' && (
            <>
              <Field id={key('count')} label="Times">
                <input type="number" min={1} max={1000} value={Number.isNaN(limit.count) ? '' : limit.count} onInput={(e) => setLimit({ ...limit, count: e.currentTarget.valueAsNumber })} />
              </Field>
              <Field id={key('period')} label="a">
                <select value={limit.period} onChange={(e) => setLimit({ ...limit, period: e.currentTarget.value as (typeof PERIODS)[number] })}>
                  {PERIODS.map((p) => <option value={p}>{p}</option>)}
                </select>
              </Field>
            </>
          )}
        </div>
      </GroupOfFields>

      <Field id={key('reference')} label="Reference to ask for" hint="Such as Prescription number; empty: none. It stays on the device." error={problemOf('reference')}>
        <input
          maxLength={60}
          value={offer.reference?.label ?? ''}
          onInput={(e) => onChange(withOptional(offer, 'reference', e.currentTarget.value.trim() ? { label: e.currentTarget.value, required: offer.reference?.required ?? false } : undefined))}
        />
      </Field>
      {offer.reference && (
        <label class="check">
          <input type="checkbox" checked={offer.reference.required} onChange={(e) => set({ reference: { label: offer.reference!.label, required: e.currentTarget.checked } })} /> The reference is required
        </label>
      )}
      <label class="check">
        <input type="checkbox" checked={offer.requiresPhotoId === true} onChange={(e) => onChange(withOptional(offer, 'requiresPhotoId', e.currentTarget.checked ? true : undefined))} /> Staff must see photo ID first
      </label>
      <button type="button" onClick={onRemove}>Remove offer {index + 1}</button>
    </fieldset>
  );
}

/** A fieldset of controls with the core's words about them, as Field does for one control. */
function GroupOfFields({ id, legend, error, children }: { id: string; legend: string; error: string | undefined; children: ComponentChildren }) {
  return (
    <fieldset id={id} class={error ? 'field--error' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p class="field__error" id={`${id}-error`} tabIndex={-1}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}

function HoursRow({ hours, label, onChange, onRemove }: { hours: OfferHours; label: string; onChange(h: OfferHours): void; onRemove(): void }) {
  const toggle = (day: Weekday, on: boolean) => onChange({ ...hours, days: on ? ([...hours.days, day].sort() as Weekday[]) : hours.days.filter((d) => d !== day) });
  return (
    <div class="hours-row" role="group" aria-label="Days and hours">
      {DAYS.map(([day, short, long]) => (
        <label class="check">
          <input type="checkbox" checked={hours.days.includes(day)} onChange={(e) => toggle(day, e.currentTarget.checked)} aria-label={long} /> {short}
        </label>
      ))}
      {/* text, not type=time: a time input cannot hold 24:00 (midnight at the end of the day) */}
      <label for={`${label}-from`}>from</label>
      <input id={`${label}-from`} size={5} inputMode="numeric" value={hours.from} onInput={(e) => onChange({ ...hours, from: e.currentTarget.value.trim() })} />
      <label for={`${label}-to`}>to (24:00 for midnight)</label>
      <input id={`${label}-to`} size={5} inputMode="numeric" value={hours.to} onInput={(e) => onChange({ ...hours, to: e.currentTarget.value.trim() })} />
      <button type="button" onClick={onRemove}>Remove these hours</button>
    </div>
  );
}
