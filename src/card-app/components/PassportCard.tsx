// One passport as the carer shows it: its state in plain words, the QR while it is valid (screen kept awake), and the
// details a partner or the carer may need, with the issuer's contact.

import { useEffect } from 'preact/hooks';
import type { HeldPassport } from '../adapters/card-storage.ts';
import { CATEGORY_WORDS, WORDS, contactWords, dateWords } from '../messages.ts';
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
  const state = cardState(passport, nowMs);
  const qrText = state.kind === 'valid' || state.kind === 'not-yet-valid' ? state.qrText : undefined;
  useEffect(() => (qrText ? keepAwake() : undefined), [qrText, keepAwake]);

  return (
    <article class={`passport passport--${state.kind}`} aria-labelledby={`name-${passport.jti}`}>
      <h2 id={`name-${passport.jti}`} class="passport__name">{passport.name}</h2>
      <p class="passport__kind">{CATEGORY_WORDS[passport.cat]}</p>
      <StateNotice held={held} nowMs={nowMs} />
      {qrText ? (
        <figure class="passport__qr">
          <QrCode text={qrText} label={WORDS.qrLabel(passport.jti)} />
          <figcaption>
            <p>{WORDS.showAtTill}</p>
            <p class="tip">{WORDS.brightness}</p>
          </figcaption>
        </figure>
      ) : null}
      <dl class="passport__details">
        <dt>{WORDS.name}</dt>
        <dd>{passport.name}</dd>
        <dt>{WORDS.kind}</dt>
        <dd>{CATEGORY_WORDS[passport.cat]}</dd>
        <dt>{WORDS.issuer}</dt>
        <dd>{passport.issuerName}</dd>
        <dt>{WORDS.number}</dt>
        <dd class="passport__number">
          <bdi dir="ltr">{passport.jti}</bdi>
        </dd>
        <dt>{WORDS.validUntil}</dt>
        <dd>{dateWords(passport.exp)}</dd>
      </dl>
      <section class="contact" aria-labelledby={`contact-${passport.jti}`}>
        <h3 id={`contact-${passport.jti}`}>{WORDS.contactHeading(passport.issuerName)}</h3>
        {contact?.phone || contact?.web ? (
          <dl>
            {contact.phone ? (
              <>
                <dt>{WORDS.phone}</dt>
                <dd>
                  <a dir="ltr" class="ltr" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
                  {contact.hours ? ` (${contact.hours})` : ''}
                </dd>
              </>
            ) : null}
            {contact.web ? (
              <>
                <dt>{WORDS.web}</dt>
                <dd>
                  <a dir="ltr" class="ltr" href={contact.web} rel="noopener noreferrer">{contact.web.replace(/^https:\/\//, '').replace(/\/$/, '')}</a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{held.schemeName}</p>
        )}
      </section>
      <p class="checked">{WORDS.lastChecked(dateWords(Math.floor(held.checkedAt / 1000)))}</p>
      <button type="button" class="link-button" onClick={onRemove}>
        {WORDS.remove}
      </button>
    </article>
  );
}

function StateNotice({ held, nowMs }: { held: HeldPassport; nowMs: number }) {
  const { passport, contact } = held;
  const state = cardState(passport, nowMs);
  const who = contactWords(passport.issuerName, contact);
  const lines: string[] = [];
  let tone: 'warning' | 'stop' | undefined;
  switch (state.kind) {
    case 'valid':
      if (state.endsInDays !== undefined) {
        tone = 'warning';
        lines.push(WORDS.endsSoon(dateWords(passport.exp), state.endsInDays), WORDS.howToRenew(passport.issuerName, contact));
      }
      break;
    case 'not-yet-valid':
      tone = 'warning';
      lines.push(WORDS.notYetValid(dateWords(passport.nbf)));
      break;
    case 'expired':
      tone = 'stop';
      lines.push(WORDS.expired(dateWords(passport.exp)), WORDS.expiredRenew(passport.issuerName, contact));
      break;
    case 'suspended':
      tone = 'stop';
      lines.push(WORDS.suspended, who);
      break;
    case 'revoked':
      tone = 'stop';
      lines.push(WORDS.revoked, who);
      break;
  }
  if (held.ended && state.kind !== 'revoked') {
    tone ??= 'warning';
    lines.push(WORDS.ended, who);
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
