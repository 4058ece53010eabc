// Issue 11 point 3: for an emergency service (ambulance, fire, police, A&E reception) a genuine passport says that
// someone may depend on this person, whom to call about them and the number to quote. No offers, no record kept.

import type { Passport } from '../../core/index.ts';
import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

export function EmergencyPanel({ passport }: { passport: Passport }) {
  const { t } = useT();
  const { trust } = useModels();
  // spec section 8: the issuer's contact in the bundle is display only; absent or malformed, the name alone
  const contact = trust.state.value?.bundle.issuers.find((i) => i.iss === passport.iss)?.contact;
  return (
    <section class="emergency" aria-labelledby="emergency-heading">
      <h2 id="emergency-heading">{t('emergency.heading')}</h2>
      <p class="emergency__statement">{t('emergency.statement')}</p>
      <h3>{t('emergency.callHeading')}</h3>
      <p>{t('emergency.callIssuer', { issuer: passport.issuer })}</p>
      {contact ? (
        <dl class="emergency__contact">
          {contact.phone && (
            <>
              <dt>{t('emergency.phone')}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
              </dd>
            </>
          )}
          {contact.hours && (
            <>
              <dt>{t('emergency.hours')}</dt>
              <dd>{contact.hours}</dd>
            </>
          )}
          {contact.web && (
            <>
              <dt>{t('emergency.web')}</dt>
              <dd>
                <a href={contact.web} rel="noopener noreferrer" target="_blank">
                  {contact.web}
                </a>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t('emergency.noContact')}</p>
      )}
      <p class="emergency__quote">
        {t('emergency.quote')}: <strong>{passport.jti}</strong>
      </p>
      <p class="hint">{t('emergency.nothingKept')}</p>
    </section>
  );
}
