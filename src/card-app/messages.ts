// Every word the card page shows, in plain English (UK), for carers reading on a small screen. Models never import it.

import type { Category, IssuerContact } from '../core/index.ts';

export const CATEGORY_WORDS: Record<Category, string> = {
  adult: 'Adult carer',
  young: 'Young carer',
  'young-adult': 'Young adult carer',
  parent: 'Parent carer',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "1 May 2029" for seconds since the epoch, in the scheme's zone. */
export function dateWords(seconds: number): string {
  return dateFormat.format(new Date(seconds * 1000));
}

/** "phone 0116 123 4567 (Monday to Friday, 9am to 5pm)" and/or "carers.example/passport", or the issuer alone. */
export function contactWords(issuer: string, contact: IssuerContact | undefined): string {
  const ways = [
    contact?.phone ? `phone ${contact.phone}${contact.hours ? ` (${contact.hours})` : ''}` : undefined,
    contact?.web ? `visit ${contact.web.replace(/^https:\/\//, '').replace(/\/$/, '')}` : undefined,
  ].filter(Boolean);
  return ways.length > 0 ? `Contact ${issuer}: ${ways.join(' or ')}.` : `Contact ${issuer}.`;
}

export const WORDS = {
  appName: 'My Carers Passport',
  tabCard: 'My passport',
  tabOffers: 'Where to use it',
  empty: 'There is no passport on this phone yet. Open the link in your letter or email (or scan its QR code) to add yours.',
  collecting: 'Adding your passport to this phone…',
  collected: 'Your passport is now on this phone. It works without a signal.',
  alreadyHeld: 'This passport is already on this phone.',
  offline: 'Your phone is offline, so the passport could not be added yet. Connect to the internet and open the link again.',
  broken: 'Something went wrong adding your passport. Please try the link again later.',
  renewed: (date: string) => `Your passport was renewed. It is now valid until ${date}.`,
  notKept: 'This browser is not keeping data (private browsing, or storage is turned off). Your passport will not be kept after you close this page. Open the link in a normal browser window to keep it.',
  choose: 'Passports on this phone',
  passportFor: (name: string, kind: string) => `${name}, ${kind.toLowerCase()}`,
  showAtTill: 'Show this QR code to staff. They scan it to check your passport.',
  brightness: 'Tip: turn your screen brightness up if the scanner cannot read it.',
  qrLabel: (number: string) => `QR code of passport ${number}`,
  name: 'Name',
  kind: 'Kind of carer',
  issuer: 'Issued by',
  number: 'Passport number',
  validUntil: 'Valid until',
  validFrom: 'Valid from',
  contactHeading: (issuer: string) => `Contact ${issuer}`,
  phone: 'Phone',
  hours: 'Open',
  web: 'Website',
  endsSoon: (date: string, days: number) => `Your passport ends on ${date} (in ${days} ${days === 1 ? 'day' : 'days'}).`,
  howToRenew: (issuer: string, contact: IssuerContact | undefined) =>
    `To renew it, ${contactWords(issuer, contact).replace(/^Contact/, 'contact')} The new date will appear here by itself when your phone is online.`,
  expired: (date: string) => `This passport ended on ${date}. Partners will not accept it.`,
  expiredRenew: (issuer: string, contact: IssuerContact | undefined) => `To get a new one, ${contactWords(issuer, contact).replace(/^Contact/, 'contact')}`,
  suspended: 'This passport is on hold, so partners will not accept it for now.',
  revoked: 'This passport was cancelled. Partners will not accept it.',
  notYetValid: (date: string) => `This passport starts on ${date}. Partners can accept it from then.`,
  ended: 'This copy is no longer updated by the scheme. It may have been cancelled or replaced.',
  lastChecked: (date: string) => `Last checked with the scheme on ${date}.`,
  remove: 'Remove from this phone',
  removeConfirm: 'Remove this passport from this phone? You would need a new link from the scheme to add it again.',
  offersHeading: 'Where to use your passport',
  offersAsOf: (date: string) => `Offers current on ${date}.`,
  offersNone: 'The list of offers has not been downloaded yet. Connect to the internet and open this page again.',
  offersNoMatch: 'No places match these choices.',
  area: 'Area',
  allAreas: 'All areas',
  carerKind: 'Kind of carer',
  everyCarer: 'Every carer',
  anyDay: 'Any day',
  fullList: 'The full list, to print',
};
