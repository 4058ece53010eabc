// A4 sheets of 10 cards (2 x 5, butted, for card stock): crop marks in the margins at every cut line, and the
// backs sheet mirrored left to right so that, printed double-sided (flip on the long edge), each back is behind
// its front.

import type { PDFPage } from 'pdf-lib';
import { CARD_HEIGHT, CARD_WIDTH } from './wallet-card.ts';
import { INK, mm } from './typesetting.ts';

export const A4_WIDTH = 595.28;
export const A4_HEIGHT = 841.89;
export const SHEET_COLUMNS = 2;
export const SHEET_ROWS = 5;
export const CARDS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS;

const LEFT = (A4_WIDTH - SHEET_COLUMNS * CARD_WIDTH) / 2;
const BOTTOM = (A4_HEIGHT - SHEET_ROWS * CARD_HEIGHT) / 2;
const MARK_GAP = mm(2);
const MARK_LENGTH = mm(5);

/** Bottom-left corner of card `index` (0 to 9, row by row from the top left) on a fronts or a backs sheet. */
export function sheetSlot(index: number, side: 'front' | 'back'): { x: number; y: number } {
  const row = Math.floor(index / SHEET_COLUMNS);
  const column = index % SHEET_COLUMNS;
  const placed = side === 'front' ? column : SHEET_COLUMNS - 1 - column;
  return { x: LEFT + placed * CARD_WIDTH, y: BOTTOM + (SHEET_ROWS - 1 - row) * CARD_HEIGHT };
}

export function drawCropMarks(page: PDFPage): void {
  const line = { thickness: 0.3, color: INK };
  const right = LEFT + SHEET_COLUMNS * CARD_WIDTH;
  const top = BOTTOM + SHEET_ROWS * CARD_HEIGHT;
  for (let column = 0; column <= SHEET_COLUMNS; column++) {
    const x = LEFT + column * CARD_WIDTH;
    page.drawLine({ start: { x, y: top + MARK_GAP }, end: { x, y: top + MARK_GAP + MARK_LENGTH }, ...line });
    page.drawLine({ start: { x, y: BOTTOM - MARK_GAP }, end: { x, y: BOTTOM - MARK_GAP - MARK_LENGTH }, ...line });
  }
  for (let row = 0; row <= SHEET_ROWS; row++) {
    const y = BOTTOM + row * CARD_HEIGHT;
    page.drawLine({ start: { x: LEFT - MARK_GAP, y }, end: { x: LEFT - MARK_GAP - MARK_LENGTH, y }, ...line });
    page.drawLine({ start: { x: right + MARK_GAP, y }, end: { x: right + MARK_GAP + MARK_LENGTH, y }, ...line });
  }
}
