// Issue 11 point 2: on a ward (a partner in a group), the carer's hospital stay: "On a stay until D (started on
// Ward 7)", or that it ended; staff start one until the expected discharge, change its date or end it.

import { useState } from 'preact/hooks';
import { useModels } from '../models/context.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../words.ts';

export function StayPanel() {
  const { stays, settings, verdict } = useModels();
  const { t, date } = useT();
  const status = stays.current.value;
  const profile = settings.settings.value.profile;
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [said, setSaid] = useState<MessageKey | undefined>(undefined);
  if (!status || !profile.group) return null;

  const today = stays.today();
  const day = (iso: string) => date(new Date(`${iso}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  const act = async (done: () => Promise<boolean>, words: MessageKey) => {
    verdict.extend();
    if (until !== '' && until < today) return setSaid('stay.badDate');
    if (await done()) setSaid(words);
  };

  return (
    <section class="stay" aria-labelledby="stay-heading">
      <h2 id="stay-heading">{t('stay.heading')}</h2>
      <p class="stay__status">
        {status.kind === 'on-stay'
          ? t('stay.onStay', { until: day(status.stay.until), started: status.stay.note ?? profile.group.name })
          : status.kind === 'ended'
            ? t('stay.ended', { date: status.stay.endedAt ? date(new Date(status.stay.endedAt), { dateStyle: 'long', timeZone: profile.timeZone }) : day(status.stay.until) })
            : t('stay.none')}
      </p>
      <div class="row">
        <label for="stay-until">{t('stay.until')}</label>
        <input id="stay-until" type="date" min={today} value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
      </div>
      {status.kind !== 'on-stay' && (
        <div class="row">
          <label for="stay-note">{t('stay.note')}</label>
          <input id="stay-note" type="text" maxLength={40} autocomplete="off" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
      )}
      <div class="row">
        {status.kind === 'on-stay' ? (
          <>
            <button type="button" disabled={until === ''} onClick={() => void act(() => stays.change(until), 'stay.changed')}>
              {t('stay.change')}
            </button>
            <button type="button" onClick={() => void act(() => stays.end(), 'stay.endedNow')}>
              {t('stay.end')}
            </button>
          </>
        ) : (
          <button type="button" class="primary" disabled={until === ''} onClick={() => void act(() => stays.start(until, note), 'stay.started')}>
            {t('stay.start')}
          </button>
        )}
      </div>
      <p role="status" class="stay__said">
        {said && t(said)}
      </p>
    </section>
  );
}
