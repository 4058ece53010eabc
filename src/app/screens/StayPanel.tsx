// Issue 11 point 2: on a ward (a partner in a group), the carer's hospital stay: "On a stay until D (started on
// Ward 7)", or that it ended; staff start one until the expected discharge, change its date or end it.

import { useState } from 'preact/hooks';
import { useModels } from '../models/context.ts';
import { LOCALE, STAY_M } from '../messages.ts';

export function StayPanel() {
  const { stays, settings, verdict } = useModels();
  const status = stays.current.value;
  const profile = settings.settings.value.profile;
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [said, setSaid] = useState<string | undefined>(undefined);
  if (!status || !profile.group) return null;

  const today = stays.today();
  const day = (date: string) => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const act = async (done: () => Promise<boolean>, words: string) => {
    verdict.extend();
    if (until !== '' && until < today) return setSaid(STAY_M.badDate);
    if (await done()) setSaid(words);
  };

  return (
    <section class="stay" aria-labelledby="stay-heading">
      <h2 id="stay-heading">{STAY_M.heading}</h2>
      <p class="stay__status">
        {status.kind === 'on-stay'
          ? STAY_M.onStay(day(status.stay.until), status.stay.note ?? profile.group.name)
          : status.kind === 'ended'
            ? STAY_M.ended(status.stay.endedAt ? new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: profile.timeZone }).format(new Date(status.stay.endedAt)) : day(status.stay.until))
            : STAY_M.none}
      </p>
      <div class="row">
        <label for="stay-until">{STAY_M.until}</label>
        <input id="stay-until" type="date" min={today} value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
      </div>
      {status.kind !== 'on-stay' && (
        <div class="row">
          <label for="stay-note">{STAY_M.note}</label>
          <input id="stay-note" type="text" maxLength={40} autocomplete="off" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
      )}
      <div class="row">
        {status.kind === 'on-stay' ? (
          <>
            <button type="button" disabled={until === ''} onClick={() => void act(() => stays.change(until), STAY_M.changed)}>
              {STAY_M.change}
            </button>
            <button type="button" onClick={() => void act(() => stays.end(), STAY_M.endedNow)}>
              {STAY_M.end}
            </button>
          </>
        ) : (
          <button type="button" class="primary" disabled={until === ''} onClick={() => void act(() => stays.start(until, note), STAY_M.started)}>
            {STAY_M.start}
          </button>
        )}
      </div>
      <p role="status" class="stay__said">
        {said}
      </p>
    </section>
  );
}
