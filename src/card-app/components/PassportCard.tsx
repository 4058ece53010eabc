// One passport as the carer shows it: its state in plain words, the QR while it is valid (screen kept awake), and the
// details a partner or the carer may need, with the issuer's contact.

import { useEffect } from 'preact/hooks';
import type { HeldPassport } from '../adapters/card-storage.ts';
import { useT } from '../../app/words.ts';
import { contactWords, dateWords, expiredRenew, howToRenew } from '../card-words.ts';
import { cardState } from '../models/wallet-model.ts';
import { QrCode } from './QrCode.tsx';

export type PassportCardProps = {
  held: HeldPassport;
  nowMs: number;
  /** Keeps the screen on while the QR shows; returns the release. */
  keepAwake: () => () => void;
  onRemove: () => void;
};

export function PassportCard({ held, nowMs, keepAwake, onRemove }: PassportCardProps) {
  const { passport, contact } = held;
  const words = useT();
  const { t } = words;
  const state = cardState(passport, nowMs);
  const qrText = state.kind === 'valid' || state.kind === 'not-yet-valid' ? state.qrText : undefined;
  useEffect(() => (qrText ? keepAwake() : undefined), [qrText, keepAwake]);

  return (
    <article class={`passport passport--${state.kind}`} aria-labelledby={`name-${passport.jti}`}>
      <h2 id={`name-${passport.jti}`} class="passport__name">{passport.name}</h2>
      <p class="passport__kind">{t(`category.${passport.cat}`)}</p>
      <StateNotice held={held} nowMs={nowMs} />
      {qrText ? (
        <figure class="passport__qr">
          <QrCode text={qrText} label={t('card.qrLabel', { number: passport.jti })} />
          <figcaption>
            <p>{t('card.showAtTill')}</p>
            <p class="tip">{t('card.brightness')}</p>
          </figcaption>
        </figure>
      ) : null}
      <dl class="passport__details">
        <dt>{t('card.name')}</dt>
        <dd>{passport.name}</dd>
        <dt>{t('card.kind')}</dt>
        <dd>{t(`category.${passport.cat}`)}</dd>
        <dt>{t('card.issuer')}</dt>
        <dd>{passport.issuerName}</dd>
        <dt>{t('card.number')}</dt>
        <dd class="passport__number">{passport.jti}</dd>
        <dt>{t('card.validUntil')}</dt>
        <dd>{dateWords(words, passport.exp)}</dd>
      </dl>
      <section class="contact" aria-labelledby={`contact-${passport.jti}`}>
        <h3 id={`contact-${passport.jti}`}>{t('card.contactHeading', { issuer: passport.issuerName })}</h3>
        {contact?.phone || contact?.web ? (
          <dl>
            {contact.phone ? (
              <>
                <dt>{t('card.phone')}</dt>
                <dd>
                  <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
                  {contact.hours ? ` (${contact.hours})` : ''}
                </dd>
              </>
            ) : null}
            {contact.web ? (
              <>
                <dt>{t('card.web')}</dt>
                <dd>
                  <a href={contact.web} rel="noopener noreferrer">{contact.web.replace(/^https:\/\//, '').replace(/\/$/, '')}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{held.schemeName}</p>
        )}
      </section>
      <p class="checked">{t('card.lastChecked', { date: dateWords(words, Math.floor(held.checkedAt / 1000)) })}</p>
      <button type="button" class="link-button" onClick={onRemove}>
        {t('card.remove')}
      </button>
    </article>
  );
}

function StateNotice({ held, nowMs }: { held: HeldPassport; nowMs: number }) {
  const { passport, contact } = held;
  const state = cardState(passport, nowMs);
  const words = useT();
  const { t } = words;
  const who = contactWords(words, passport.issuerName, contact);
  const lines: string[] = [];
  let tone: 'warning' | 'stop' | undefined;
  switch (state.kind) {
    case 'valid':
      if (state.endsInDays !== undefined) {
        tone = 'warning';
        lines.push(t('card.endsSoon', { date: dateWords(words, passport.exp), days: state.endsInDays }), howToRenew(words, passport.issuerName, contact));
      }
      break;
    case 'not-yet-valid':
      tone = 'warning';
      lines.push(t('card.notYetValid', { date: dateWords(words, passport.nbf) }));
      break;
    case 'expired':
      tone = 'stop';
      lines.push(t('card.expired', { date: dateWords(words, passport.exp) }), expiredRenew(words, passport.issuerName, contact));
      break;
    case 'suspended':
      tone = 'stop';
      lines.push(t('card.suspended'), who);
      break;
    case 'revoked':
      tone = 'stop';
      lines.push(t('card.revoked'), who);
      break;
  }
  if (held.ended && state.kind !== 'revoked') {
    tone ??= 'warning';
    lines.push(t('card.ended'), who);
  }
  if (!tone) return null;
  return (
    <div class={`notice notice--${tone}`} role={tone === 'stop' ? 'alert' : 'status'}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
