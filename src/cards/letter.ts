// The covering letter of a postal run (A4): what the passport is, how to use it, where, the phone copy's collection
// link and code when the service has made one, and the issuer's contact (spec section 8). No address block: the
// register holds no postal address.

import type { PDFPage } from 'pdf-lib';
import type { NumericDate } from '../core/index.ts';
import { CARD_WORDS, CATEGORY_WORDS, LETTER_WORDS, printedDate } from './card-words.ts';
import { A4_HEIGHT, A4_WIDTH } from './card-sheet.ts';
import { textQrMatrix } from './qr-matrix.ts';
import { BRAND, GREY, drawQr, mm, qrSideInModules, type Style, type Typesetter } from './typesetting.ts';
import { contactLines, type CardDetails } from './wallet-card.ts';

/** What the service adds to a letter beside the card's own details. */
export type LetterExtras = {
  /** The phone copy's collection link (code in its fragment), the code to read out, and when both run out. */
  phoneCopy?: { url: string; code: string; expires: NumericDate };
  /** Where the offers directory is, e.g. "https://carers.example/offers". */
  offersUrl?: string;
};

const MARGIN = mm(20);
const TEXT_WIDTH = A4_WIDTH - 2 * MARGIN;
const PHONE_QR_SIDE = mm(32);

export function letterTexts(card: CardDetails, extras: LetterExtras): string[] {
  return [LETTER_WORDS.greeting(card.name), extras.phoneCopy?.url ?? '', extras.phoneCopy?.code ?? '', extras.offersUrl ?? ''];
}

export function drawLetter(ts: Typesetter, page: PDFPage, card: CardDetails, extras: LetterExtras = {}): void {
  const body: Style = { size: 10.5 };
  const heading: Style = { size: 12.5, bold: true, color: BRAND };
  const leading = 14.5;
  const para = (text: string, y: number, width = TEXT_WIDTH) => ts.paragraph(page, text, MARGIN, y, body, width, { leading }) - 6;
  const head = (text: string, y: number) => {
    ts.draw(page, text, MARGIN, y, heading);
    return y - 17;
  };

  let at = A4_HEIGHT - mm(22);
  at = ts.paragraph(page, card.schemeName ?? CARD_WORDS.title, MARGIN, at, { size: 16, bold: true, color: BRAND }, TEXT_WIDTH, { maxLines: 2, leading: 19 });
  at = ts.paragraph(page, card.issuerName, MARGIN, at + 2, { size: 10.5, color: GREY }, TEXT_WIDTH, { maxLines: 2, leading }) - 18;

  at = head(LETTER_WORDS.heading, at);
  at = para(LETTER_WORDS.greeting(card.name), at);
  at = para(LETTER_WORDS.intro(card.schemeName, card.issuerName), at);

  at = head(LETTER_WORDS.howToUseTitle, at - 4);
  for (const line of LETTER_WORDS.howToUse) at = para(line, at);
  if (extras.offersUrl) at = para(LETTER_WORDS.offers(extras.offersUrl), at);

  if (extras.phoneCopy) {
    const { url, code, expires } = extras.phoneCopy;
    at = head(LETTER_WORDS.phoneCopyTitle, at - 4);
    const matrix = textQrMatrix(url);
    const module = PHONE_QR_SIDE / qrSideInModules(matrix);
    drawQr(page, matrix, A4_WIDTH - MARGIN - PHONE_QR_SIDE, at - PHONE_QR_SIDE + 12, module);
    const width = TEXT_WIDTH - PHONE_QR_SIDE - mm(4);
    const sectionBottom = at - PHONE_QR_SIDE + 6;
    at = para(LETTER_WORDS.phoneCopy(url), at, width);
    at = ts.paragraph(page, LETTER_WORDS.phoneCopyCode(code), MARGIN, at, { ...body, bold: true }, width, { leading }) - 6;
    at = para(LETTER_WORDS.phoneCopyExpires(printedDate(expires)), at, width);
    at = Math.min(at, sectionBottom);
  }

  at = head(LETTER_WORDS.detailsTitle, at - 4);
  at = para(LETTER_WORDS.detailsLine(CATEGORY_WORDS[card.cat], card.jti, printedDate(card.exp)), at);

  at = head(LETTER_WORDS.contactTitle, at - 4);
  const lines = contactLines(card.contact);
  if (lines.length === 0) {
    at = para(LETTER_WORDS.contactNone(card.issuerName), at);
  } else {
    at = ts.paragraph(page, LETTER_WORDS.contactWith(card.issuerName), MARGIN, at, body, TEXT_WIDTH, { leading });
    for (const line of lines) at = ts.paragraph(page, line, MARGIN, at, body, TEXT_WIDTH, { leading });
    at -= 6;
  }
  para(LETTER_WORDS.closing, at - 4);

  ts.draw(page, `${card.jti}`, MARGIN, mm(12), { size: 8, color: GREY });
}
