// Print-ready PDFs of wallet cards and postal runs (issue 9), for the CLI and the scheme service: one card a page
// (ID-1, front then back, for card printers) or A4 sheets of 10 with crop marks (fronts, then the backs mirrored),
// and a postal run where each card is followed by its covering letter.

import { PDFDocument } from 'pdf-lib';
import { CARD_WORDS, CATEGORY_WORDS, LETTER_WORDS } from './card-words.ts';
import { A4_HEIGHT, A4_WIDTH, CARDS_PER_SHEET, drawCropMarks, sheetSlot } from './card-sheet.ts';
import { DocumentFonts } from './fonts.ts';
import { drawLetter, letterTexts, type LetterExtras } from './letter.ts';
import { passportQrMatrix, type QrMatrix } from './qr-matrix.ts';
import { sealPage } from './page-streams.ts';
import { Typesetter } from './typesetting.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardModuleSize, cardTexts, drawCardBack, drawCardFront, type CardDetails } from './wallet-card.ts';

export type CardLayout = 'id1' | 'a4';

export type PostalEntry = { card: CardDetails; letter?: LetterExtras };

export type PrintOptions = {
  /** 'id1': each card a front page and a back page of 85.6 x 54 mm; 'a4': sheets of 10 cards. Default 'id1'. */
  layout?: CardLayout;
  /** The PDF's title in its document information. */
  title?: string;
};

/** A service printing a run of 1,000 still answers other requests: it gives the event loop a turn every few cards. */
const YIELD_EVERY = 10;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const FIXED_WORDS = [...Object.values(CATEGORY_WORDS), CARD_WORDS.title, CARD_WORDS.numberLabel, LETTER_WORDS.heading];

/** The card(s) alone: `GET .../card.pdf` (`?layout=a4` for the sheet) and `issue --pdf`. */
export async function renderCardsPdf(cards: readonly CardDetails[], options: PrintOptions = {}): Promise<Uint8Array> {
  return renderPostalRunPdf(cards.map((card) => ({ card })), options, false);
}

/**
 * A postal run: each card followed by its letter. With layout 'a4', every 10 cards make a fronts sheet and a backs
 * sheet, followed by their 10 letters in sheet order (left to right, top to bottom).
 */
export async function renderPostalRunPdf(entries: readonly PostalEntry[], options: PrintOptions = {}, withLetters = true): Promise<Uint8Array> {
  if (entries.length === 0) throw new RangeError('no cards to print');
  // every QR is built, and checked to fit, before anything is drawn: one passport too large fails the run early
  const matrices: QrMatrix[] = [];
  for (const { card } of entries) {
    const matrix = passportQrMatrix(card.qrText);
    cardModuleSize(matrix);
    matrices.push(matrix);
    if (matrices.length % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  const doc = await PDFDocument.create();
  doc.setTitle(options.title ?? (withLetters ? 'Carers Passports: postal run' : 'Carers Passport'));
  doc.setCreator('carers-passport');
  doc.setProducer('carers-passport (pdf-lib)');
  const fonts = new DocumentFonts(doc);
  const dynamic = entries.flatMap(({ card, letter }) => [...cardTexts(card), ...(withLetters ? letterTexts(card, letter ?? {}) : [])]);
  await fonts.prepare([...FIXED_WORDS, ...dynamic]);
  await fonts.prepare([...FIXED_WORDS, ...dynamic], true);
  const ts = new Typesetter(fonts);

  const letter = (entry: PostalEntry) => {
    if (!withLetters) return;
    const page = doc.addPage([A4_WIDTH, A4_HEIGHT]);
    drawLetter(ts, page, entry.card, entry.letter ?? {});
    sealPage(page);
  };
  if ((options.layout ?? 'id1') === 'id1') {
    for (const [i, entry] of entries.entries()) {
      if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
      const front = doc.addPage([CARD_WIDTH, CARD_HEIGHT]);
      drawCardFront(ts, front, 0, 0, entry.card, matrices[i]!);
      sealPage(front);
      const back = doc.addPage([CARD_WIDTH, CARD_HEIGHT]);
      drawCardBack(ts, back, 0, 0, entry.card);
      sealPage(back);
      letter(entry);
    }
  } else {
    for (let first = 0; first < entries.length; first += CARDS_PER_SHEET) {
      if (first > 0 && first % (2 * YIELD_EVERY) === 0) await yieldToEventLoop();
      const sheet = entries.slice(first, first + CARDS_PER_SHEET);
      drawSheet(ts, doc, sheet.map((e) => e.card), matrices.slice(first, first + CARDS_PER_SHEET));
      sheet.forEach(letter);
    }
  }
  // fewer pauses for the event loop while saving (pdf-lib's default is one every 50 objects)
  return doc.save({ objectsPerTick: 2_000 });
}

function drawSheet(ts: Typesetter, doc: PDFDocument, cards: readonly CardDetails[], matrices: readonly QrMatrix[]): void {
  const fronts = doc.addPage([A4_WIDTH, A4_HEIGHT]);
  const backs = doc.addPage([A4_WIDTH, A4_HEIGHT]);
  drawCropMarks(fronts);
  drawCropMarks(backs);
  cards.forEach((card, i) => {
    const front = sheetSlot(i, 'front');
    drawCardFront(ts, fronts, front.x, front.y, card, matrices[i]!);
    const back = sheetSlot(i, 'back');
    drawCardBack(ts, backs, back.x, back.y, card);
  });
  sealPage(fronts);
  sealPage(backs);
}
