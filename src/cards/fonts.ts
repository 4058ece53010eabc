// The fonts printed cards and letters embed (Noto, SIL Open Font License, see fonts/OFL.txt): Latin, Greek and
// Cyrillic from Noto Sans, and one font a script for the names of carers in the UK's other common scripts. Each run
// of text is set in the first font that has its characters, and each font is embedded once a document, subset.
// pdf-lib lays text out with fontkit, which applies the fonts' substitutions (Arabic joining, Indic conjuncts) but
// not their mark positioning; regenerator-runtime must be global before fontkit's Indic shaper runs.

import 'regenerator-runtime/runtime.js';
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFHexString, type PDFDocument, type PDFFont } from 'pdf-lib';

export type Face = 'sans' | 'sans-bold' | 'arabic' | 'bengali' | 'devanagari' | 'gujarati' | 'gurmukhi' | 'tamil';

const FILES: Record<Face, string> = {
  sans: 'NotoSans-Regular.ttf',
  'sans-bold': 'NotoSans-Bold.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  bengali: 'NotoSansBengali-Regular.ttf',
  devanagari: 'NotoSansDevanagari-Regular.ttf',
  gujarati: 'NotoSansGujarati-Regular.ttf',
  gurmukhi: 'NotoSansGurmukhi-Regular.ttf',
  tamil: 'NotoSansTamil-Regular.ttf',
};

/** The script fonts, tried in this order after Noto Sans. */
const SCRIPT_FACES: readonly Face[] = ['arabic', 'bengali', 'devanagari', 'gujarati', 'gurmukhi', 'tamil'];

type FontFile = { bytes: Uint8Array; covers: ReadonlySet<number> };
const files = new Map<Face, FontFile>();

/** Font files are read and their character sets learnt once a process. */
function fontFile(face: Face): FontFile {
  let file = files.get(face);
  if (!file) {
    const bytes = new Uint8Array(readFileSync(new URL(`./fonts/${FILES[face]}`, import.meta.url)));
    file = { bytes, covers: new Set(fontkit.create(bytes).characterSet) };
    files.set(face, file);
  }
  return file;
}

export type TextRun = { text: string; font: PDFFont };

// characters that stay in the run around them when that font has them: spaces, punctuation, joiners, marks
const NEUTRAL = /[\p{Zs}\p{P}\p{M}\u200c\u200d]/u;

/** The fonts of one PDF document. Call `prepare` with every text first (embedding is async), then `runs`. */
export class DocumentFonts {
  private readonly embedded = new Map<Face, PDFFont>();

  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(fontkit);
  }

  /** Embeds the fonts these texts need. */
  async prepare(texts: Iterable<string>, bold = false): Promise<void> {
    const needed = new Set<Face>();
    for (const text of texts) for (const run of faceRuns(text, bold)) needed.add(run.face);
    for (const face of needed) {
      if (!this.embedded.has(face)) this.embedded.set(face, memoised(await this.doc.embedFont(fontFile(face).bytes, { subset: true })));
    }
  }

  runs(text: string, bold = false): TextRun[] {
    return faceRuns(text, bold).map(({ text: part, face }) => {
      const font = this.embedded.get(face);
      if (!font) throw new Error(`font ${face} was not prepared for ${JSON.stringify(text)}`);
      return { text: part, font };
    });
  }
}

/**
 * fontkit lays text out afresh on every measure and every draw (about 0.1 ms a word with Noto's lookups), and a run
 * of 1,000 cards and letters repeats the same words thousands of times: both answers are kept per font and text.
 * A line is measured and encoded word by word (pdf-lib draws glyph advances without kerning, and no substitution
 * crosses a space, so the sum is the line's own answer), so a line that differs from the last only by a name or a
 * code lays out just that word; a code-like word (printable ASCII without an f-ligature: links, codes, numbers) is
 * laid out character by character, so the thousand different codes of a run cost nothing after the first.
 * Right-to-left text is laid out whole (fontkit orders its glyphs for the whole run).
 * The first encoding of a piece still goes through pdf-lib, so the subset learns its glyphs.
 */
function memoised(font: PDFFont): PDFFont {
  const encoded = new Map<string, ReturnType<PDFFont['encodeText']>>();
  const widths = new Map<string, number>();
  const pieceHex = new Map<string, string>();
  const pieceUnits = new Map<string, number>();
  const encodeText = font.encodeText.bind(font);
  const widthOfTextAtSize = font.widthOfTextAtSize.bind(font);
  const hexOf = (piece: string): string => {
    let hex = pieceHex.get(piece);
    if (hex === undefined) {
      hex = byCharacter(piece) ? [...piece].map(hexOf).join('') : encodeText(piece).toString().slice(1, -1);
      pieceHex.set(piece, hex);
    }
    return hex;
  };
  const unitsOf = (piece: string): number => {
    let units = pieceUnits.get(piece);
    if (units === undefined) {
      units = byCharacter(piece) ? [...piece].reduce((sum, c) => sum + unitsOf(c), 0) : widthOfTextAtSize(piece, 1000) / 1000;
      pieceUnits.set(piece, units);
    }
    return units;
  };
  font.encodeText = (text) => {
    let hex = encoded.get(text);
    if (!hex) encoded.set(text, (hex = RIGHT_TO_LEFT.test(text) ? encodeText(text) : PDFHexString.of(pieces(text).map(hexOf).join(''))));
    return hex;
  };
  font.widthOfTextAtSize = (text, size) => {
    let unit = widths.get(text);
    if (unit === undefined) widths.set(text, (unit = RIGHT_TO_LEFT.test(text) ? widthOfTextAtSize(text, 1000) / 1000 : pieces(text).reduce((sum, p) => sum + unitsOf(p), 0)));
    return unit * size;
  };
  return font;
}

const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const CODE_LIKE = /^[!-~]{2,}$/;
const F_LIGATURE = /f[fijlt]/;

/** Words and the single spaces between them. */
function pieces(text: string): string[] {
  return text.split(/( )/).filter((p) => p !== '');
}

function byCharacter(piece: string): boolean {
  return CODE_LIKE.test(piece) && !F_LIGATURE.test(piece);
}

/** Splits text into runs a font each: Noto Sans (bold if asked) where it has the characters, else a script font. */
export function faceRuns(text: string, bold = false): readonly { text: string; face: Face }[] {
  const key = `${bold ? 'b' : 'r'}${text}`;
  let runs = runCache.get(key);
  if (!runs) {
    if (runCache.size > 100_000) runCache.clear();
    runCache.set(key, (runs = splitRuns(text, bold)));
  }
  return runs;
}

const runCache = new Map<string, { text: string; face: Face }[]>();

function splitRuns(text: string, bold: boolean): { text: string; face: Face }[] {
  const primary: Face = bold ? 'sans-bold' : 'sans';
  const runs: { text: string; face: Face }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const current = runs.at(-1);
    if (current && NEUTRAL.test(char) && fontFile(current.face).covers.has(code)) {
      current.text += char;
      continue;
    }
    const face = [primary, ...SCRIPT_FACES].find((f) => fontFile(f).covers.has(code)) ?? primary;
    if (current?.face === face) current.text += char;
    else runs.push({ text: char, face });
  }
  return runs;
}

/** The characters no embedded font has (they would print as empty boxes): an issuer should hear about them. */
export function charactersWithoutFont(text: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/\s/.test(char)) continue;
    if (!(['sans', ...SCRIPT_FACES] as Face[]).some((f) => fontFile(f).covers.has(code))) missing.add(char);
  }
  return [...missing];
}
