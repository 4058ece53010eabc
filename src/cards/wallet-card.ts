// The wallet card (issue 9): ID-1 (85.6 x 54 mm), front and back. Real text in embedded Noto fonts, the passport QR
// as vector rectangles at 0.4 to 0.5 mm a module with a 4-module quiet zone, error correction M (spec section 2).

import type { PDFPage } from 'pdf-lib';
import type { Category, IssuerContact, NumericDate } from '../core/index.ts';
import { CARD_WORDS, CATEGORY_WORDS, phoneLine, printedDate, webLine } from './card-words.ts';
import type { QrMatrix } from './qr-matrix.ts';
import { BRAND, GREY, WHITE, drawQr, mm, qrSideInModules, type Style, type Typesetter } from './typesetting.ts';

/** What a card shows; the server fills it from its register, the CLI from the passport it signed. */
export type CardDetails = {
  /** The passport's QR text, `CP1:/...`. */
  qrText: string;
  name: string;
  cat: Category;
  /** The passport number. */
  jti: string;
  exp: NumericDate;
  /** The issuer's display name, as in the trust bundle. */
  issuerName: string;
  /** The scheme's name, e.g. "Leicester, Leicestershire and Rutland Carers Passport"; left out when absent. */
  schemeName?: string;
  /** spec section 8; omitted from the card when absent. */
  contact?: IssuerContact;
};

export const CARD_WIDTH = mm(85.6);
export const CARD_HEIGHT = mm(54);
export const MIN_MODULE = mm(0.4);
export const MAX_MODULE = mm(0.5);

const PAD = mm(4);
const FRONT_BAND = mm(8.5);
const BACK_BAND = mm(6.5);
const QR_MARGIN = mm(1.5);

/** A passport too large for a card at 0.4 mm a module (issue 9): an error the caller shows, not a bad card. */
export class CardTooLargeError extends Error {
  readonly code = 'CARD_QR_TOO_LARGE';
  constructor(version: number) {
    super(`the passport's QR code (version ${version}) does not fit on a card at 0.4 mm a module: shorten the name or status URI`);
    this.name = 'CardTooLargeError';
  }
}

/** The module size for this symbol on the front: as large as fits, at most 0.5 mm, never under 0.4 mm. */
export function cardModuleSize(matrix: QrMatrix): number {
  const room = CARD_HEIGHT - FRONT_BAND - 2 * QR_MARGIN;
  const module = Math.min(MAX_MODULE, room / qrSideInModules(matrix));
  if (module < MIN_MODULE) throw new CardTooLargeError(matrix.version);
  return module;
}

/** Every text a card prints, so its fonts can be embedded before drawing. */
export function cardTexts(card: CardDetails): string[] {
  return [card.name, card.issuerName, card.schemeName ?? '', card.jti, card.contact?.phone ?? '', card.contact?.hours ?? '', card.contact?.web ?? ''];
}

/** Draws the front with its bottom-left corner at (x, y). */
export function drawCardFront(ts: Typesetter, page: PDFPage, x: number, y: number, card: CardDetails, matrix: QrMatrix): void {
  const top = y + CARD_HEIGHT;
  page.drawRectangle({ x, y: top - FRONT_BAND, width: CARD_WIDTH, height: FRONT_BAND, color: BRAND });
  ts.draw(page, CARD_WORDS.title, x + PAD, top - FRONT_BAND + mm(2.9), { size: 10.5, bold: true, color: WHITE });

  const module = cardModuleSize(matrix);
  const side = qrSideInModules(matrix) * module;
  const qrX = x + CARD_WIDTH - QR_MARGIN - side;
  const qrY = y + (CARD_HEIGHT - FRONT_BAND - side) / 2;
  drawQr(page, matrix, qrX, qrY, module);

  const left = x + PAD;
  const width = qrX - left - mm(0.5);
  const small: Style = { size: 6.3, color: GREY };
  let at = top - FRONT_BAND - mm(3.6);
  if (card.schemeName) at = ts.paragraph(page, card.schemeName, left, at, small, width, { maxLines: 2, leading: 7.6 }) - 3;
  const name = ts.fitting(card.name, { size: 11, bold: true }, [11, 10, 9, 8, 7], width, 2);
  at -= name.style.size * 0.35;
  for (const line of name.lines) {
    ts.draw(page, line, left, at, name.style);
    at -= name.style.size * 1.2;
  }
  ts.draw(page, CATEGORY_WORDS[card.cat], left, at, { size: 7.5 });
  at -= 9;
  ts.paragraph(page, CARD_WORDS.issuedBy(card.issuerName), left, at, small, width, { maxLines: 2, leading: 7.6 });

  // the number and expiry sit at the bottom, where staff look for them
  const label: Style = { size: 5.5, color: GREY };
  const value = ts.fitting(card.jti, { size: 8, bold: true }, [8, 7, 6, 5], width, 1);
  let bottom = y + mm(3);
  ts.draw(page, printedDate(card.exp), left, bottom, { size: 8, bold: true });
  bottom += 8.4;
  ts.draw(page, CARD_WORDS.expiresLabel, left, bottom, label);
  bottom += 9.5;
  ts.draw(page, value.lines[0] ?? card.jti, left, bottom, value.style);
  bottom += 8.4;
  ts.draw(page, CARD_WORDS.numberLabel, left, bottom, label);
}

/** Draws the back with its bottom-left corner at (x, y). */
export function drawCardBack(ts: Typesetter, page: PDFPage, x: number, y: number, card: CardDetails): void {
  const top = y + CARD_HEIGHT;
  page.drawRectangle({ x, y: top - BACK_BAND, width: CARD_WIDTH, height: BACK_BAND, color: BRAND });
  ts.draw(page, CARD_WORDS.backTitle, x + PAD, top - BACK_BAND + mm(2), { size: 8, bold: true, color: WHITE });

  const left = x + PAD;
  const width = CARD_WIDTH - 2 * PAD;
  const body: Style = { size: 6.2 };
  const leading = 7.5;
  let at = top - BACK_BAND - mm(3.3);
  at = ts.paragraph(page, CARD_WORDS.whatItIs(card.issuerName, card.schemeName), left, at, body, width, { maxLines: 3, leading }) - 2.5;
  at = ts.paragraph(page, CARD_WORDS.howToCheck, left, at, body, width, { maxLines: 3, leading }) - 2.5;

  const lines = contactLines(card.contact);
  if (lines.length > 0) {
    at = ts.paragraph(page, CARD_WORDS.contactTitle(card.issuerName), left, at, { ...body, bold: true }, width, { maxLines: 1, leading });
    for (const line of lines) at = ts.paragraph(page, line, left, at, body, width, { maxLines: 1, leading });
    at -= 2.5;
  }
  ts.paragraph(page, CARD_WORDS.ifFound(card.issuerName, lines.length > 0), left, at, body, width, { maxLines: 2, leading });
}

/** The contact as printed lines: phone (with hours), web; hours alone when there is no phone. */
export function contactLines(contact: IssuerContact | undefined): string[] {
  const lines: string[] = [];
  const phone = phoneLine(contact);
  if (phone) lines.push(CARD_WORDS.phone(phone));
  else if (contact?.hours) lines.push(CARD_WORDS.hoursOnly(contact.hours));
  const web = webLine(contact);
  if (web) lines.push(CARD_WORDS.web(web));
  return lines;
}
