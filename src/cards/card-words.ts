// Every word printed on the card and the letter, in plain English (UK). One place to translate.

import type { Category, IssuerContact, NumericDate } from '../core/index.ts';

export const CATEGORY_WORDS: Record<Category, string> = {
  adult: 'Adult carer',
  young: 'Young carer',
  'young-adult': 'Young adult carer',
  parent: 'Parent carer',
};

/** A date as printed: "1 May 2029", in the scheme's time zone. */
export function printedDate(at: NumericDate, timeZone = 'Europe/London'): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone })));
  return format.format(new Date(at * 1000));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "0116 123 4567 (Monday to Friday, 9am to 5pm)", or undefined when there is no phone. */
export function phoneLine(contact: IssuerContact | undefined): string | undefined {
  if (!contact?.phone) return undefined;
  return contact.hours ? `${contact.phone} (${contact.hours})` : contact.phone;
}

/** The web address without its scheme, as people type it: "carers.example/passport". */
export function webLine(contact: IssuerContact | undefined): string | undefined {
  if (!contact?.web) return undefined;
  return contact.web.replace(/^https:\/\//, '').replace(/\/$/, '');
}

export const CARD_WORDS = {
  title: 'Carers Passport',
  issuedBy: (issuer: string) => `Issued by ${issuer}`,
  numberLabel: 'Passport number',
  expiresLabel: 'Expires',
  backTitle: 'About this card',
  whatItIs: (issuer: string, scheme: string | undefined) =>
    `The holder is an unpaid carer registered with ${issuer}${scheme ? ` (${scheme})` : ''}. Partners offer carers who show this card discounts, help and understanding.`,
  howToCheck:
    'Partners: scan the QR code on the front with the Carers Passport Check app. The app says whether the card is valid; check the name matches the holder.',
  contactTitle: (issuer: string) => `Contact ${issuer}`,
  phone: (line: string) => `Phone ${line}`,
  web: (line: string) => `Web ${line}`,
  hoursOnly: (hours: string) => `Open ${hours}`,
  ifFound: (issuer: string, hasContact: boolean) =>
    `If found, please return it to ${issuer}${hasContact ? ' (contact above)' : ''} or hand it in at any partner. No one else can use it.`,
};

export const LETTER_WORDS = {
  heading: 'Your Carers Passport',
  greeting: (name: string) => `Dear ${name},`,
  intro: (scheme: string | undefined, issuer: string) =>
    `Here is your Carers Passport card${scheme ? ` for ${scheme}` : ''}, from ${issuer}. It shows that you are an unpaid carer, so that partners (shops, pharmacies, hospital wards, leisure centres and others) can offer you discounts and support.`,
  howToUseTitle: 'How to use it',
  howToUse: [
    'Show the card when you visit a partner. Staff scan the QR code with the Carers Passport Check app, which works even without an internet connection.',
    'The card is yours alone: please do not lend it. Keep it with you, like a bank card.',
  ],
  offers: (where: string) => `To see where you can use it and what is on offer, visit ${where}.`,
  phoneCopyTitle: 'Keep a copy on your phone',
  phoneCopy: (url: string) =>
    `Scan the code on the right with your phone's camera, or open ${url} in your phone's web browser. Your passport then stays on your phone and works without signal.`,
  phoneCopyCode: (code: string) => `If you are asked for a code, it is: ${code}`,
  phoneCopyExpires: (date: string) => `The link and the code work once, until ${date}. If they have run out, contact us for a new one.`,
  detailsTitle: 'Your passport',
  detailsLine: (category: string, jti: string, expires: string) => `${category} · passport number ${jti} · expires ${expires}`,
  contactTitle: 'Questions, a lost card or a change in your caring role',
  contactWith: (issuer: string) => `Contact ${issuer}:`,
  contactNone: (issuer: string) => `Contact ${issuer}, who registered you as a carer.`,
  closing: 'Thank you for all that you do as a carer.',
};
