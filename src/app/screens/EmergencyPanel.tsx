// Issue 11 point 3: for an emergency service (ambulance, fire, police, A&E reception) a genuine passport says that
// someone may depend on this person, whom to call about them and the number to quote. No offers, no record kept.

import type { Passport } from '../../core/index.ts';
import { useModels } from '../models/context.ts';
import { EMERGENCY_M } from '../messages.ts';

export function EmergencyPanel({ passport }: { passport: Passport }) {
  const { trust } = useModels();
  // spec section 8: the issuer's contact in the bundle is display only; absent or malformed, the name alone
  const contact = trust.state.value?.bundle.issuers.find((i) => i.iss === passport.iss)?.contact;
  return (
    <section class="emergency" aria-labelledby="emergency-heading">
      <h2 id="emergency-heading">{EMERGENCY_M.heading}</h2>
      <p class="emergency__statement">{EMERGENCY_M.statement}</p>
      <h3>{EMERGENCY_M.callHeading}</h3>
      <p>{EMERGENCY_M.callIssuer(passport.issuer)}</p>
      {contact ? (
        <dl class="emergency__contact">
          {contact.phone && (
            <>
              <dt>{EMERGENCY_M.phone}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>{contact.phone}</a>
              </dd>
            </>
          )}
          {contact.hours && (
            <>
              <dt>{EMERGENCY_M.hours}</dt>
              <dd>{contact.hours}</dd>
            </>
          )}
          {contact.web && (
            <>
              <dt>{EMERGENCY_M.web}</dt>
              <dd>
                <a href={contact.web} rel="noopener noreferrer" target="_blank">
                  {contact.web}
                </a>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{EMERGENCY_M.noContact}</p>
      )}
      <p class="emergency__quote">
        {EMERGENCY_M.quote}: <strong dir="ltr" class="ltr">{passport.jti}</strong>
      </p>
      <p class="hint">{EMERGENCY_M.nothingKept}</p>
    </section>
  );
}
