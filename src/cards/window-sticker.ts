// A partner's window sticker (issue 10, point 3): an A5 portrait page saying "We recognise the Carers Passport", the
// partner's name, its current offers (who, which days and hours) and a QR to its entry in the public directory.

import { PDFDocument, type PDFPage } from 'pdf-lib';
import type { DirectoryPartner } from '../core/index.ts';
import { directoryCategories, directoryDates, directoryHours } from '../i18n/directory-words.ts';
import { english } from '../i18n/english.ts';
import { DocumentFonts } from './fonts.ts';
import { sealPage } from './page-streams.ts';
import { textQrMatrix } from './qr-matrix.ts';
import { BRAND, GREY, WHITE, Typesetter, drawQr, mm, qrSideInModules, type Style } from './typesetting.ts';

export const A5_WIDTH = mm(148);
export const A5_HEIGHT = mm(210);

export type StickerDetails = {
  /** The partner with its current offers only, as the public directory lists it (core/offers-directory.ts). */
  partner: DirectoryPartner;
  /** Where the QR leads: the partner's entry in the public directory. */
  directoryUrl: string;
  /** The scheme's name, printed at the foot. */
  schemeName: string;
};

export const STICKER_WORDS = {
  heading: 'We recognise the Carers Passport',
  offersIntro: 'Show your Carers Passport here for:',
  noOffers: 'Show your Carers Passport: ask us how we can help.',
  anyTime: 'Any day, opening hours',
  scan: 'Scan for our offers and other places near you',
} as const;

const MARGIN = mm(12);
const BAND = mm(38);
const QR_SIDE = mm(42);
const HEADING: Style = { size: 26, bold: true, color: WHITE };
const NAME: Style = { size: 22, bold: true };
const INTRO: Style = { size: 12 };
const TITLE: Style = { size: 13, bold: true };
const DETAIL: Style = { size: 10.5, color: GREY };
const FOOT: Style = { size: 9, color: GREY };

/** The words under each offer's title: for whom, when, and its dates when it has any. */
export function offerLines(offer: DirectoryPartner['offers'][number]): string[] {
  const when = offer.hours && offer.hours.length > 0 ? offer.hours.map((h) => directoryHours(english, h)).join('; ') : STICKER_WORDS.anyTime;
  const dates = directoryDates(english, offer);
  return [`${directoryCategories(english, offer.categories)}.`, `${when}.`, ...(dates ? [`${dates}.`] : [])];
}

export async function renderWindowStickerPdf(details: StickerDetails): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${details.partner.name}: ${STICKER_WORDS.heading}`);
  doc.setCreator('carers-passport');
  doc.setProducer('carers-passport (pdf-lib)');
  const fonts = new DocumentFonts(doc);
  const { partner } = details;
  const plain = [STICKER_WORDS.offersIntro, STICKER_WORDS.noOffers, STICKER_WORDS.scan, details.directoryUrl, details.schemeName, ...partner.offers.flatMap(offerLines)];
  const bold = [STICKER_WORDS.heading, STICKER_WORDS.scan, partner.name, ...partner.offers.map((o) => o.title), '…'];
  await fonts.prepare([...plain, '…']);
  await fonts.prepare(bold, true);
  const ts = new Typesetter(fonts);
  const page = doc.addPage([A5_WIDTH, A5_HEIGHT]);
  drawSticker(ts, page, details);
  sealPage(page);
  return doc.save();
}

function drawSticker(ts: Typesetter, page: PDFPage, { partner, directoryUrl, schemeName }: StickerDetails): void {
  const width = A5_WIDTH - 2 * MARGIN;
  page.drawRectangle({ x: 0, y: A5_HEIGHT - BAND, width: A5_WIDTH, height: BAND, color: BRAND });
  const heading = ts.fitting(STICKER_WORDS.heading, HEADING, [26, 22, 18], width, 2);
  let y = A5_HEIGHT - BAND / 2 + ((heading.lines.length - 1) * heading.style.size * 1.15) / 2 - heading.style.size * 0.35;
  for (const line of heading.lines) {
    ts.draw(page, line, MARGIN, y, heading.style);
    y -= heading.style.size * 1.15;
  }

  y = A5_HEIGHT - BAND - mm(12);
  const name = ts.fitting(partner.name, NAME, [22, 18, 15], width, 2);
  for (const line of name.lines) {
    ts.draw(page, line, MARGIN, y, name.style);
    y -= name.style.size * 1.2;
  }
  y -= mm(3);

  // the offers fill the space above the QR; those that do not fit are left to the directory the QR leads to
  const floor = MARGIN + QR_SIDE + mm(14);
  if (partner.offers.length === 0) {
    ts.paragraph(page, STICKER_WORDS.noOffers, MARGIN, y, INTRO, width);
  } else {
    y = ts.paragraph(page, STICKER_WORDS.offersIntro, MARGIN, y, INTRO, width) - mm(2);
    for (const [i, offer] of partner.offers.entries()) {
      const lines = offerLines(offer).flatMap((l) => ts.wrap(l, DETAIL, width - mm(4)));
      const title = ts.wrap(offer.title, TITLE, width, 2);
      const needed = title.length * TITLE.size * 1.25 + lines.length * DETAIL.size * 1.3 + mm(3);
      const left = partner.offers.length - i;
      if (y - needed < floor + (left > 1 ? DETAIL.size * 1.6 : 0)) {
        ts.draw(page, `… and ${left} more ${left === 1 ? 'offer' : 'offers'}: scan the code below.`, MARGIN, y, DETAIL);
        break;
      }
      for (const line of title) {
        ts.draw(page, line, MARGIN, y, TITLE);
        y -= TITLE.size * 1.25;
      }
      for (const line of lines) {
        ts.draw(page, line, MARGIN + mm(4), y, DETAIL);
        y -= DETAIL.size * 1.3;
      }
      y -= mm(3);
    }
  }

  const matrix = textQrMatrix(directoryUrl);
  const module = QR_SIDE / qrSideInModules(matrix);
  const qrY = MARGIN + mm(8);
  drawQr(page, matrix, MARGIN, qrY, module);
  const textX = MARGIN + QR_SIDE + mm(4);
  const textWidth = A5_WIDTH - MARGIN - textX;
  let ty = ts.paragraph(page, STICKER_WORDS.scan, textX, qrY + QR_SIDE - mm(8), { size: 12, bold: true }, textWidth, { maxLines: 3 });
  ts.paragraph(page, directoryUrl, textX, ty - mm(1), DETAIL, textWidth, { maxLines: 4 });
  ty = MARGIN;
  ts.draw(page, schemeName, MARGIN, ty, FOOT);
}
