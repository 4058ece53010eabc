// Printed cards and letters (issue 9): Node only (reads its fonts from disk); no server or database code.

export { renderCardsPdf, renderPostalRunPdf, type CardLayout, type PostalEntry, type PrintOptions } from './card-printer.ts';
export { CARD_HEIGHT, CARD_WIDTH, CardTooLargeError, type CardDetails } from './wallet-card.ts';
export { A4_HEIGHT, A4_WIDTH, CARDS_PER_SHEET } from './card-sheet.ts';
export type { LetterExtras } from './letter.ts';
export { charactersWithoutFont } from './fonts.ts';
export { CATEGORY_WORDS } from './card-words.ts';
export { A5_HEIGHT, A5_WIDTH, renderWindowStickerPdf, type StickerDetails } from './window-sticker.ts';
