// What can be done to one passport from its row: renew, suspend, reinstate, cancel (each asked first), and its card.
// The register decides what is allowed; these buttons only offer what it would take.

import { sendJson } from '../api.ts';
import type { PassportRow } from '../models/passport-list.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { cardPdfUrl, type Issued } from './IssuedPassport.tsx';

export type PassportAction = 'renew' | 'suspend' | 'reinstate' | 'revoke';

export type ActionOutcome = { action: PassportAction; passport: PassportRow; renewed?: Issued };

const ASK: Record<PassportAction, { label: string; yes: string; no: string; question: (who: string) => string }> = {
  renew: { label: 'Renew', yes: 'Yes, renew it', no: 'No', question: (who) => `Renew ${who} for 3 more years? Same number; a new card and phone copy code.` },
  suspend: { label: 'Suspend', yes: 'Yes, suspend it', no: 'No', question: (who) => `Suspend ${who}? It shows "Not valid" at every partner until reinstated.` },
  reinstate: { label: 'Reinstate', yes: 'Yes, reinstate it', no: 'No', question: (who) => `Reinstate ${who}? It is valid again at every partner.` },
  revoke: { label: 'Cancel', yes: 'Yes, cancel it', no: 'No, keep it', question: (who) => `Cancel ${who} for good? This cannot be undone: the carer would need a new passport.` },
};

export function PassportActions({ passport, nowSeconds, onDone, onProblem }: { passport: PassportRow; nowSeconds: number; onDone: (outcome: ActionOutcome) => void; onProblem: (error: unknown) => void }) {
  const who = `passport ${passport.jti}${passport.name ? ` (${passport.name})` : ''}`;
  const offered: PassportAction[] = [
    ...(passport.status !== 'revoked' && passport.name ? (['renew'] as const) : []),
    ...(passport.status === 'valid' ? (['suspend'] as const) : []),
    ...(passport.status === 'suspended' ? (['reinstate'] as const) : []),
    ...(passport.status !== 'revoked' ? (['revoke'] as const) : []),
  ];
  const run = async (action: PassportAction) => {
    try {
      const answer = await sendJson<Issued | { passport: PassportRow }>('POST', `/admin/api/passports/${encodeURIComponent(passport.iss)}/${encodeURIComponent(passport.jti)}/${action}`);
      onDone({ action, passport: answer.passport, ...(action === 'renew' ? { renewed: answer as Issued } : {}) });
    } catch (error) {
      onProblem(error);
    }
  };
  // a card is printed only for a passport that would scan as valid (src/server/cards/card-details.ts)
  const card = passport.status === 'valid' && passport.name !== null && nowSeconds < passport.exp;
  return (
    <div class="actions">
      {offered.map((action) => (
        <ConfirmAction
          key={action}
          label={ASK[action].label}
          accessibleLabel={`${ASK[action].label} passport ${passport.jti}`}
          question={ASK[action].question(who)}
          yes={ASK[action].yes}
          no={ASK[action].no}
          onConfirm={() => run(action)}
        />
      ))}
      {card && (
        <a href={cardPdfUrl(passport.iss, passport.jti)} download aria-label={`Card (PDF) for passport ${passport.jti}`}>
          Card (PDF)
        </a>
      )}
    </div>
  );
}
