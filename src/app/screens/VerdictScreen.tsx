// The full-screen result: green "Valid", amber "Check" or red "Not valid", each with an icon and words, the
// reason in plain English and the passport's details. Announced to screen readers; focus moves to the heading.
// A handheld scanner's next scan replaces it (the scanner model listens while it is shown).

import { useEffect, useRef } from 'preact/hooks';
import { localTime, verdictDependsOnTime, type PartnerProfile, type Passport, type Verdict } from '../../core/index.ts';
import { lazyComponent } from '../components/lazy.tsx';
import { ResultIcon } from '../components/ResultIcon.tsx';
import { useModels } from '../models/context.ts';
import { needWords, useT } from '../words.ts';
import { OffersPanel } from './OffersPanel.tsx';

// only some partners show these: an emergency service's panel, a ward's hospital stays (issue 11)
export const EmergencyPanel = lazyComponent(() => Promise.all([import('./EmergencyPanel.tsx'), needWords('staff-extra')]).then(([m]) => m.EmergencyPanel));
export const StayPanel = lazyComponent(() => Promise.all([import('./StayPanel.tsx'), needWords('staff-extra')]).then(([m]) => m.StayPanel));

/** Loads the panels this partner's verdicts show, before the first one (main.tsx). */
export function preloadVerdictPanels(profile: PartnerProfile): Promise<unknown> {
  if (profile.kind === 'emergency') return EmergencyPanel.preload();
  return profile.group ? StayPanel.preload() : Promise.resolve();
}

export function VerdictScreen({ mode }: { mode: 'staff' | 'kiosk' }) {
  const { verdict: model, settings, trust, clockCheck } = useModels();
  const { t } = useT();
  const shown = model.shown.value;
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [shown?.id]);
  // when the result goes, keyboard and screen reader users land on the screen's heading, not at the page top
  useEffect(() => () => void setTimeout(focusScreenHeading), []);

  if (!shown) return null;
  const { verdict } = shown;
  const timeZone = settings.settings.value.profile.timeZone;
  // issue 11 point 3: an emergency service identifies the carer; it never gives offers nor records anything
  const emergency = settings.settings.value.profile.kind === 'emergency';
  // issue 11 point 2: hospital stays on a ward (a partner in a group); elsewhere its code is never fetched
  const ward = settings.settings.value.profile.group !== undefined;
  // stale by age: how many days old (stale because the list passed its own end date: the general advice only)
  const staleDays = verdict.code === 'STATUS_STALE' ? trust.age.value?.lists.find((l) => l.iss === verdict.passport.iss)?.staleDays : undefined;

  return (
    <main class={`verdict verdict--${verdict.result} verdict--${mode}`} aria-labelledby="verdict-heading">
      <div class="verdict__banner" role="alert" aria-live="assertive" aria-atomic="true">
        <ResultIcon result={verdict.result} />
        <h1 id="verdict-heading" ref={heading} tabIndex={-1}>
          {t(`result.${verdict.result}`)}
        </h1>
        <p class="verdict__title">{t(`verdict.${verdict.code}.title`)}</p>
      </div>
      <div class="verdict__body">
        <section class="verdict__advice" aria-labelledby="advice-heading">
          <h2 id="advice-heading">{t('verdictScreen.whatToDo')}</h2>
          <p>{t(`verdict.${verdict.code}.advice`)}</p>
          {clockCheck.wrong.value && verdictDependsOnTime(verdict.code) && <p class="verdict__clock">{t('verdictScreen.clockNote')}</p>}
          {staleDays !== undefined && <p>{t('trust.staleListAge', { days: staleDays })}</p>}
        </section>
        {verdict.result !== 'invalid' && emergency && <EmergencyPanel passport={verdict.passport} />}
        {verdict.result !== 'invalid' && <PassportDetails passport={verdict.passport} timeZone={timeZone} />}
        {mode === 'staff' && !emergency && ward && <StayPanel />}
        {mode === 'staff' && !emergency && <OffersPanel />}
      </div>
      <footer class="verdict__footer">
        <p class="verdict__countdown" aria-live="off">
          {mode === 'kiosk' ? t('kiosk.nextIn', { seconds: model.secondsLeft.value }) : t('verdictScreen.clearsIn', { seconds: model.secondsLeft.value })}
        </p>
        <button type="button" class="primary verdict__done" onClick={() => model.clear()}>
          {t('verdictScreen.done')}
        </button>
      </footer>
    </main>
  );
}

function PassportDetails({ passport, timeZone }: { passport: Passport; timeZone: string }) {
  const { t, date } = useT();
  const expires = date(passport.exp * 1000, { dateStyle: 'long', timeZone });
  return (
    <dl class="verdict__details">
      <dt>{t('verdictScreen.name')}</dt>
      <dd class="verdict__name">{passport.name}</dd>
      <dt>{t('verdictScreen.kind')}</dt>
      <dd>{t(`category.${passport.cat}`)}</dd>
      <dt>{t('verdictScreen.issuer')}</dt>
      <dd>{passport.issuer}</dd>
      <dt>{t('verdictScreen.number')}</dt>
      <dd>
        <bdi dir="ltr">{passport.jti}</bdi>
      </dd>
      <dt>{t('verdictScreen.expires')}</dt>
      <dd>
        <time dateTime={localTime(passport.exp * 1000, timeZone).date}>{expires}</time>
      </dd>
    </dl>
  );
}

function focusScreenHeading(): void {
  const next = document.querySelector<HTMLElement>('main h1');
  if (!next || document.activeElement !== document.body) return;
  if (!next.hasAttribute('tabindex')) next.setAttribute('tabindex', '-1');
  next.focus();
}
