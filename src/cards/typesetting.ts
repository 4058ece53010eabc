// Measuring, wrapping and drawing text in runs of fonts (fonts.ts), and QR symbols as vector rectangles.
// Points throughout; (x, y) is the left end of the baseline, y up as in PDF.

import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { DocumentFonts } from './fonts.ts';
import { deflatedStream } from './page-streams.ts';
import type { QrMatrix } from './qr-matrix.ts';
import { QR_QUIET_ZONE } from './qr-segments.ts';

export const MM = 72 / 25.4;
export const mm = (millimetres: number): number => millimetres * MM;

export const INK = rgb(0.1, 0.1, 0.12);
export const GREY = rgb(0.33, 0.33, 0.36);
export const WHITE = rgb(1, 1, 1);
export const BRAND = rgb(0.0, 0.36, 0.34);

export type Style = { size: number; bold?: boolean; color?: RGB };

export class Typesetter {
  constructor(readonly fonts: DocumentFonts) {}

  width(text: string, style: Style): number {
    return this.fonts.runs(text, style.bold).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, style.size), 0);
  }

  draw(page: PDFPage, text: string, x: number, y: number, style: Style): number {
    let at = x;
    for (const run of this.fonts.runs(text, style.bold)) {
      page.drawText(run.text, { x: at, y, size: style.size, font: run.font, color: style.color ?? INK });
      at += run.font.widthOfTextAtSize(run.text, style.size);
    }
    return at - x;
  }

  /**
   * Greedy word wrap, measuring word by word (each word's width is cached by the fonts, a line's is not); a word wider
   * than the line is broken between characters. At most maxLines, the last cut with "…".
   */
  wrap(text: string, style: Style, maxWidth: number, maxLines = Infinity): string[] {
    const space = this.width(' ', style);
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const wordWidth = this.width(word, style);
      if (line && lineWidth + space + wordWidth <= maxWidth) {
        line = `${line} ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      lineWidth = wordWidth;
      while (lineWidth > maxWidth && [...line].length > 1) {
        const chars = [...line];
        let fit = chars.length - 1;
        while (fit > 1 && this.width(chars.slice(0, fit).join(''), style) > maxWidth) fit--;
        lines.push(chars.slice(0, fit).join(''));
        line = chars.slice(fit).join('');
        lineWidth = this.width(line, style);
      }
    }
    if (line) lines.push(line);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = `${kept[maxLines - 1]!} ${lines.slice(maxLines).join(' ')}`;
    while ([...last].length > 1 && this.width(`${last}…`, style) > maxWidth) last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
  }

  /**
   * Draws a paragraph from the top line's baseline down; returns the y of the next line's baseline.
   * `leading` is the distance between baselines (default 1.3 x size).
   */
  paragraph(page: PDFPage, text: string, x: number, y: number, style: Style, maxWidth: number, options: { maxLines?: number; leading?: number } = {}): number {
    const leading = options.leading ?? style.size * 1.3;
    let at = y;
    for (const line of this.wrap(text, style, maxWidth, options.maxLines)) {
      this.draw(page, line, x, at, style);
      at -= leading;
    }
    return at;
  }

  /** The largest size from `sizes` at which text fits in maxLines; the smallest (wrapped, cut with …) otherwise. */
  fitting(text: string, style: Style, sizes: readonly number[], maxWidth: number, maxLines: number): { style: Style; lines: string[] } {
    for (const size of sizes) {
      const sized = { ...style, size };
      const lines = this.wrap(text, sized, maxWidth, Infinity);
      if (lines.length <= maxLines) return { style: sized, lines };
    }
    const smallest = { ...style, size: sizes.at(-1)! };
    return { style: smallest, lines: this.wrap(text, smallest, maxWidth, maxLines) };
  }
}

/**
 * Draws a QR symbol with its quiet zone as one filled path of rectangles (a run of dark modules in a row is one
 * rectangle; one fill, so no seams between modules). (x, y) is the bottom-left corner of the quiet zone.
 * The path is a form XObject in module units, compressed at once: a run of 1,000 cards would otherwise hold a
 * million operator objects in memory until the PDF is saved.
 */
export function drawQr(page: PDFPage, matrix: QrMatrix, x: number, y: number, module: number): void {
  const { size } = matrix;
  const side = qrSideInModules(matrix);
  const path: string[] = ['0 g'];
  for (let row = 0; row < size; row++) {
    const bottom = side - QR_QUIET_ZONE - row - 1;
    let col = 0;
    while (col < size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && matrix.dark(row, col)) col++;
      path.push(`${QR_QUIET_ZONE + start} ${bottom} ${col - start} 1 re`);
    }
  }
  path.push('f');
  const { context } = page.doc;
  const form = context.register(deflatedStream(context, path.join('\n'), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, side, side] }));
  const name = page.node.newXObject('QR', form);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(module, 0, 0, module, x, y), drawObject(name), popGraphicsState());
}

/** The side of a QR symbol with its quiet zone, in modules. */
export function qrSideInModules(matrix: QrMatrix): number {
  return matrix.size + 2 * QR_QUIET_ZONE;
}
