// Edits one offer of the partner profile: title, description, carers it is for, limit, and hours on or off.

import { useState } from 'preact/hooks';
import { CATEGORIES, type Offer, type OfferHours, type Weekday } from '../../core/index.ts';
import { useT } from '../words.ts';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as Weekday[];
const DEFAULT_HOURS: OfferHours = { days: [2, 4], from: '08:00', to: '09:00' };

export function OfferEditor({ offer, onSave }: { offer: Offer; onSave: (offer: Offer) => Promise<string | undefined> }) {
  const { t, weekday } = useT();
  const [draft, setDraft] = useState<Offer>(offer);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const id = (name: string) => `offer-${offer.id}-${name}`;
  const hours = draft.hours?.[0];
  const set = (patch: Partial<Offer>) => setDraft({ ...draft, ...patch });
  const setHours = (patch: Partial<OfferHours>) => set({ hours: [{ ...(hours ?? DEFAULT_HOURS), ...patch }] });

  const save = async (event: Event) => {
    event.preventDefault();
    const problem = await onSave(draft);
    setOutcome(problem === undefined ? t('settings.offer.saved') : t('settings.offer.invalid', { problem }));
  };

  return (
    <form class="offer-editor" onSubmit={save} aria-label={`${t('settings.offer.edit')}: ${offer.title}`}>
      <label for={id('title')}>{t('settings.offer.title')}</label>
      <input id={id('title')} value={draft.title} onInput={(e) => set({ title: e.currentTarget.value })} />
      <label for={id('description')}>{t('settings.offer.description')}</label>
      <textarea id={id('description')} rows={2} value={draft.description} onInput={(e) => set({ description: e.currentTarget.value })} />
      <fieldset>
        <legend>{t('settings.offer.categories')}</legend>
        {CATEGORIES.map((cat) => (
          <label key={cat} class="check">
            <input
              type="checkbox"
              checked={draft.categories.includes(cat)}
              onChange={(e) => set({ categories: e.currentTarget.checked ? [...draft.categories, cat] : draft.categories.filter((c) => c !== cat) })}
            />
            {t(`category.${cat}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.offer.limit')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.limit.kind === 'unlimited'}
            onChange={(e) => set({ limit: e.currentTarget.checked ? { kind: 'unlimited' } : { kind: 'per-period', count: 1, period: 'day' } })}
          />
          {t('settings.offer.unlimited')}
        </label>
        {draft.limit.kind === 'per-period' && (
          <div class="row">
            <label for={id('count')}>{t('settings.offer.limitCount')}</label>
            <input
              id={id('count')}
              type="number"
              min={1}
              max={99}
              value={draft.limit.count}
              onInput={(e) => set({ limit: { kind: 'per-period', count: Number(e.currentTarget.value), period: draft.limit.kind === 'per-period' ? draft.limit.period : 'day' } })}
            />
            <label for={id('period')}>{t('settings.offer.limitPeriod')}</label>
            <select
              id={id('period')}
              value={draft.limit.period}
              onChange={(e) => set({ limit: { kind: 'per-period', count: draft.limit.kind === 'per-period' ? draft.limit.count : 1, period: e.currentTarget.value as 'day' | 'week' | 'month' } })}
            >
              <option value="day">{t('settings.period.day')}</option>
              <option value="week">{t('settings.period.week')}</option>
              <option value="month">{t('settings.period.month')}</option>
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
        {t('photoId.editorLabel')}
      </label>
      <fieldset>
        <legend>{t('settings.offer.hoursOn')}</legend>
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
          {t('settings.offer.hoursOn')}
        </label>
        {hours && (
          <>
            <div class="row">
              {DAYS.map((day) => (
                <label key={day} class="check">
                  <input
                    type="checkbox"
                    checked={hours.days.includes(day)}
                    onChange={(e) => setHours({ days: e.currentTarget.checked ? [...hours.days, day].sort() : hours.days.filter((d) => d !== day) })}
                  />
                  {weekday(day, 'short')}
                </label>
              ))}
            </div>
            <div class="row">
              <label for={id('from')}>{t('settings.offer.hoursFrom')}</label>
              <input id={id('from')} type="time" value={hours.from} onInput={(e) => setHours({ from: e.currentTarget.value })} />
              <label for={id('to')}>{t('settings.offer.hoursTo')}</label>
              <input id={id('to')} type="time" value={hours.to} onInput={(e) => setHours({ to: e.currentTarget.value })} />
            </div>
          </>
        )}
      </fieldset>
      <button type="submit" class="primary">
        {t('settings.offer.save')}
      </button>
      {outcome && <p role="status">{outcome}</p>}
    </form>
  );
}
