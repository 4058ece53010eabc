// Finds text drawn as "tofu" (the missing-glyph box) in Chromium: every visible grapheme under an element is drawn on
// a canvas in its element's own font and compared, pixel for pixel, with the same font's drawing of code points no
// font has (U+10FFFC and U+10FFFD, private use). A grapheme that draws exactly like them has no glyph in any font the
// browser could reach. languages.test.ts shows the check failing in a browser that cannot see Noto Sans Gujarati.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export type GlyphReport = { checked: number; missing: string[] };

export function missingGlyphs(page: Page, selector: string): Promise<GlyphReport> {
  return page.evaluate((rootSelector) => {
    const root = document.querySelector(rootSelector);
    if (!root) throw new Error(`nothing matches ${rootSelector}`);
    const size = 120;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const draw = (text: string, font: string) => {
      ctx.clearRect(0, 0, size, size);
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, 10, size / 2);
      return ctx.getImageData(0, 0, size, size).data;
    };
    const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
      for (let i = 3; i < a.length; i += 4) if (a[i] !== b[i]) return false;
      return true;
    };
    const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const tofuByFont = new Map<string, Uint8ClampedArray[]>();
    const seen = new Set<string>();
    const missing: string[] = [];
    let checked = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const element = node.parentElement;
      if (!element || element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') continue;
      const font = `${style.fontStyle} ${style.fontWeight} 48px ${style.fontFamily}`;
      let tofu = tofuByFont.get(font);
      if (!tofu) tofuByFont.set(font, (tofu = [draw('\u{10FFFC}', font), draw('\u{10FFFD}', font)]));
      for (const { segment } of graphemes.segment(node.data)) {
        if (!segment.trim() || seen.has(`${font}|${segment}`)) continue;
        seen.add(`${font}|${segment}`);
        checked += 1;
        const drawn = draw(segment, font);
        if (tofu.some((t) => same(t, drawn))) missing.push(segment);
      }
    }
    return { checked, missing };
  }, selector);
}

/** A fontconfig setup that hides the given font files from Chromium (FONTCONFIG_FILE), everything else as installed. */
export function fontconfigWithout(globs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cp-fontconfig-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <cachedir>${join(dir, 'cache')}</cachedir>
  <selectfont><rejectfont>${globs.map((g) => `<glob>${g}</glob>`).join('')}</rejectfont></selectfont>
</fontconfig>
`,
  );
  return file;
}
