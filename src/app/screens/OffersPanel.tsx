// The offers for the passport on screen: one big button for each that applies, the reason for each that does not.
// Warnings need staff to confirm first; invalid passports show no buttons at all.

import type { OfferCheck } from '../../core/index.ts';
import { useModels } from '../models/context.ts';
import { refusalWords } from '../../i18n/offer-words.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { RedeemProblem } from '../models/redemptions-model.ts';
import { useT } from '../words.ts';

export function OffersPanel() {
  const { verdict, redemptions } = useModels();
  const words = useT();
  const { t } = words;
  const shown = verdict.shown.value;
  if (!shown) return null;
  if (shown.verdict.result === 'invalid') {
    return (
      <section class="offers" aria-labelledby="offers-heading">
        <h2 id="offers-heading">{t('offers.heading')}</h2>
        <p>{t('offers.invalidNoOffers')}</p>
      </section>
    );
  }
  const checks = redemptions.checks.value;
  const recorded = redemptions.recorded.value;
  // an offer recorded on this scan shows its confirmation, not "already used today"
  const available = checks.filter((c) => c.applies || recorded[c.offer.id]);
  const unavailable = checks.filter((c) => !c.applies && !recorded[c.offer.id]);

  return (
    <section class="offers" aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t('offers.heading')}</h2>
      {checks.length === 0 && <p>{t('offers.none')}</p>}
      {shown.verdict.result === 'warning' && (
        <label class="offers__confirm">
          <input
            type="checkbox"
            checked={redemptions.warningConfirmed.value}
            onChange={(e) => redemptions.confirmWarning(e.currentTarget.checked)}
          />
          <span>{t('offers.confirmWarning')}</span>
        </label>
      )}
      <ul class="offers__list">
        {available.map((check) => (
          <OfferItem key={check.offer.id} check={check} />
        ))}
      </ul>
      {unavailable.length > 0 && (
        <>
          <h3>{t('offers.notAvailable')}</h3>
          <ul class="offers__list offers__list--refused">
            {unavailable.map((check) => (
              <li key={check.offer.id} class="offer offer--refused">
                <span class="offer__title">{check.offer.title}</span>
                <span class="offer__reason">{check.applies ? '' : refusalWords(words, check.refusal)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function OfferItem({ check }: { check: OfferCheck }) {
  const { redemptions } = useModels();
  const { t } = useT();
  const { offer } = check;
  const done = redemptions.recorded.value[offer.id];
  const pending = redemptions.pending.value.has(offer.id);
  const problem = redemptions.problems.value[offer.id];
  const inputId = `ref-${offer.id}`;
  const problemId = `problem-${offer.id}`;
  const label = offer.kind === 'benefit' ? t('offers.give', { title: offer.title }) : t('offers.record', { title: offer.title });
  // issue 11 point 5: the button waits for the tick, so photo ID is never skipped by a quick tap
  const needsPhotoId = offer.requiresPhotoId === true && !redemptions.photoIdSeen.value.has(offer.id);
  const photoId = `photo-${offer.id}`;

  return (
    <li class="offer">
      <p class="offer__description">{offer.description}</p>
      {check.applies && check.remaining !== undefined && !done && <p class="offer__remaining">{t('offers.remaining', { count: check.remaining })}</p>}
      {offer.reference && !done && (
        <div class="offer__reference">
          <label for={inputId}>
            {offer.reference.label} {!offer.reference.required && t('offers.optional')}
          </label>
          <input
            id={inputId}
            type="text"
            autocomplete="off"
            value={redemptions.references.value[offer.id] ?? ''}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? problemId : undefined}
            onInput={(e) => redemptions.setReference(offer.id, e.currentTarget.value)}
          />
        </div>
      )}
      {offer.requiresPhotoId && !done && (
        <label class="offer__photo-id check">
          <input
            type="checkbox"
            checked={!needsPhotoId}
            aria-describedby={photoId}
            onChange={(e) => redemptions.setPhotoIdSeen(offer.id, e.currentTarget.checked)}
          />
          <span>{t('photoId.tick')}</span>
        </label>
      )}
      {offer.requiresPhotoId && !done && (
        <p id={photoId} class="offer__photo-id-hint">
          {t('photoId.hint')}
        </p>
      )}
      {done ? (
        <p class="offer__recorded" role="status">
          <span aria-hidden="true">✓ </span>
          {t('offers.recorded', { title: offer.title })}
          {done.photoIdSeen && <span class="offer__photo-id-done"> {t('photoId.recordedWith')}</span>}
        </p>
      ) : (
        <button
          type="button"
          class="offer__redeem primary"
          aria-describedby={problem ? problemId : undefined}
          aria-busy={pending}
          disabled={needsPhotoId}
          onClick={() => void redemptions.redeem(offer.id)}
        >
          {pending ? t('offers.recording') : label}
        </button>
      )}
      {problem && (
        <p id={problemId} class="error" role="alert">
          {problemWords(t, problem)}
        </p>
      )}
    </li>
  );
}

function problemWords(t: Translator['t'], problem: RedeemProblem): string {
  switch (problem.code) {
    case 'CONFIRM_WARNING_FIRST':
      return t('offers.confirmWarningFirst');
    case 'REFERENCE_NEEDED':
      return t('offers.referenceNeeded', { label: problem.label.toLowerCase() });
    case 'PHOTO_ID_NEEDED':
      return t('photoId.needed');
    case 'RECORD_FAILED':
      return t('offers.recordFailed');
  }
}
