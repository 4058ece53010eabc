// Edits one offer of the partner profile: title, description, carers it is for, limit, and hours on or off.

import { useState } from 'preact/hooks';
import { CATEGORIES, type Offer, type OfferHours, type Weekday } from '../../core/index.ts';
import { CATEGORY_WORDS, M, PHOTO_ID_M } from '../messages.ts';

const DAYS = M.weekdayShort.map((label, i) => ({ day: (i + 1) as Weekday, label }));
const DEFAULT_HOURS: OfferHours = { days: [2, 4], from: '08:00', to: '09:00' };

export function OfferEditor({ offer, onSave }: { offer: Offer; onSave: (offer: Offer) => Promise<string | undefined> }) {
  const [draft, setDraft] = useState<Offer>(offer);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const id = (name: string) => `offer-${offer.id}-${name}`;
  const hours = draft.hours?.[0];
  const set = (patch: Partial<Offer>) => setDraft({ ...draft, ...patch });
  const setHours = (patch: Partial<OfferHours>) => set({ hours: [{ ...(hours ?? DEFAULT_HOURS), ...patch }] });

  const save = async (event: Event) => {
    event.preventDefault();
    const problem = await onSave(draft);
    setOutcome(problem === undefined ? M.offerSaved : M.offerInvalid(problem));
  };

  return (
    <form class="offer-editor" onSubmit={save} aria-label={`${M.offerEdit}: ${offer.title}`}>
      <label for={id('title')}>{M.offerTitle}</label>
      <input id={id('title')} value={draft.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      <label for={id('description')}>{M.offerDescription}</label>
      <textarea id={id('description')} rows={2} value={draft.description} onInput={(e) => set({ description: e.currentTarget.value })} />
      <fieldset>
        <legend>{M.offerCategories}</legend>
        {CATEGORIES.map((cat) => (
          <label key={cat} class="check">
            <input
              type="checkbox"
              checked={draft.categories.includes(cat)}
              onChange={(e) => set({ categories: e.currentTarget.checked ? [...draft.categories, cat] : draft.categories.filter((c) => c !== cat) })}
            />
            {CATEGORY_WORDS[cat]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{M.offerLimit}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.limit.kind === 'unlimited'}
            onChange={(e) => set({ limit: e.currentTarget.checked ? { kind: 'unlimited' } : { kind: 'per-period', count: 1, period: 'day' } })}
          />
          {M.offerUnlimited}
        </label>
        {draft.limit.kind === 'per-period' && (
          <div class="row">
            <label for={id('count')}>{M.offerLimitCount}</label>
            <input
              id={id('count')}
              type="number"
              min={1}
              max={99}
              value={draft.limit.count}
              onInput={(e) => set({ limit: { kind: 'per-period', count: Number(e.currentTarget.value), period: draft.limit.kind === 'per-period' ? draft.limit.period : 'day' } })}
            />
            <label for={id('period')}>{M.offerLimitPeriod}</label>
            <select
              id={id('period')}
              value={draft.limit.period}
              onChange={(e) => set({ limit: { kind: 'per-period', count: draft.limit.kind === 'per-period' ? draft.limit.count : 1, period: e.currentTarget.value as 'day' | 'week' | 'month' } })}
            >
              <option value="day">{M.periodDay}</option>
              <option value="week">{M.periodWeek}</option>
              <option value="month">{M.periodMonth}</option>
            </select>
          </div>
        )}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.requiresPhotoId === true}
          onChange={(e) => {
            const { requiresPhotoId: _dropped, ...rest } = draft;
            setDraft(e.currentTarget.checked ? { ...rest, requiresPhotoId: true } : rest);
          }}
        />
        {PHOTO_ID_M.editorLabel}
      </label>
      <fieldset>
        <legend>{M.offerHoursOn}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={hours !== undefined}
            onChange={(e) => {
              if (e.currentTarget.checked) set({ hours: [offer.hours?.[0] ?? DEFAULT_HOURS] });
              else {
                const { hours: _dropped, ...rest } = draft;
                setDraft(rest);
              }
            }}
          />
          {M.offerHoursOn}
        </label>
        {hours && (
          <>
            <div class="row">
              {DAYS.map(({ day, label }) => (
                <label key={day} class="check">
                  <input
                    type="checkbox"
                    checked={hours.days.includes(day)}
                    onChange={(e) => setHours({ days: e.currentTarget.checked ? [...hours.days, day].sort() : hours.days.filter((d) => d !== day) })}
                  />
                  {label}
                </label>
              ))}
            </div>
            <div class="row">
              <label for={id('from')}>{M.hoursFrom}</label>
              <input id={id('from')} type="time" value={hours.from} onInput={(e) => setHours({ from: e.currentTarget.value })} />
              <label for={id('to')}>{M.hoursTo}</label>
              <input id={id('to')} type="time" value={hours.to} onInput={(e) => setHours({ to: e.currentTarget.value })} />
            </div>
          </>
        )}
      </fieldset>
      <button type="submit" class="primary">
        {M.offerSave}
      </button>
      {outcome && <p role="status">{outcome}</p>}
    </form>
  );
}
