// An issuer's contact in the trust bundle (spec section 8): display only, and a malformed one is ignored as absent.

import { UNPRINTABLE } from './printable-text.ts';

export type IssuerContact = {
  /** E.164 or a national number as printed, e.g. "0116 123 4567". */
  phone?: string;
  /** Free text, e.g. "Monday to Friday, 9am to 5pm". */
  hours?: string;
  /** An https: URL. */
  web?: string;
};

export const CONTACT_TEXT_MAX = 64;
export const CONTACT_WEB_MAX = 200;

// no control characters (C0, DEL, C1) nor bidi overrides and isolates: this text is printed on cards

/**
 * Reads a contact from unknown JSON. Returns undefined when it is absent, empty or malformed (spec section 8: a
 * malformed contact is ignored as if absent, it never rejects the bundle). Unknown members are ignored.
 */
export function readIssuerContact(value: unknown): IssuerContact | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { phone, hours, web } = value as Record<string, unknown>;
  const contact: IssuerContact = {};
  for (const [key, member, max] of [['phone', phone, CONTACT_TEXT_MAX], ['hours', hours, CONTACT_TEXT_MAX], ['web', web, CONTACT_WEB_MAX]] as const) {
    if (member === undefined) continue;
    if (typeof member !== 'string' || [...member].length > max || UNPRINTABLE.test(member)) return undefined;
    const text = member.trim();
    if (text.length === 0) continue;
    if (key === 'web' && !isHttpsUrl(text)) return undefined;
    contact[key] = text;
  }
  return Object.keys(contact).length === 0 ? undefined : contact;
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}
