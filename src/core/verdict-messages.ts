// Plain-English words for each verdict code, for staff at a till. The one place to translate them.

import type { VerdictCode } from './verdict.ts';

export type VerdictMessage = {
  /** One short headline. */
  title: string;
  /** What it means and what to do. */
  advice: string;
};

export const VERDICT_MESSAGES: Readonly<Record<VerdictCode, VerdictMessage>> = {
  VALID: { title: 'Valid passport', advice: 'This is a genuine, current Carers Passport.' },
  NOT_A_PASSPORT: {
    title: 'Not a Carers Passport',
    advice: 'This code is not a Carers Passport. Ask the carer to show the passport QR code.',
  },
  MALFORMED: {
    title: 'Passport cannot be read',
    advice: 'The code is damaged or incomplete. Try scanning again, or type the passport number to check it another way.',
  },
  UNTRUSTED_ISSUER: {
    title: 'Issuer not recognised',
    advice: 'This passport was not issued by a carers service this scheme trusts. Do not accept it.',
  },
  BAD_SIGNATURE: {
    title: 'Passport has been altered',
    advice: 'The passport\u2019s security check failed: it may have been changed or copied wrongly. Do not accept it.',
  },
  NOT_YET_VALID: {
    title: 'Passport not yet valid',
    advice: 'This passport only starts on its start date. Do not accept it yet.',
  },
  EXPIRED: {
    title: 'Passport expired',
    advice: 'This passport has expired. Do not accept it. The carer can ask their carers service for a new one.',
  },
  REVOKED: {
    title: 'Passport cancelled',
    advice: 'This passport was cancelled by its issuer. Do not accept it.',
  },
  SUSPENDED: {
    title: 'Passport suspended',
    advice: 'This passport is on hold by its issuer. Do not accept it for now.',
  },
  STATUS_UNKNOWN: {
    title: 'Check: cancellation list missing',
    advice: 'The passport is genuine, but this device has no cancellation list for it. Connect to update before relying on it.',
  },
  STATUS_STALE: {
    title: 'Check: cancellation list out of date',
    advice: 'The passport is genuine, but the cancellation list is out of date. Connect to update.',
  },
  TRUST_STALE: {
    title: 'Check: trust data out of date',
    advice: 'The passport is genuine, but this device\u2019s list of trusted issuers is out of date. Connect to update.',
  },
};

export function verdictMessage(code: VerdictCode): VerdictMessage {
  return VERDICT_MESSAGES[code];
}
