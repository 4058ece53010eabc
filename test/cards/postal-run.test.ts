// A postal run (issue 9): each card followed by its letter, in one PDF; A4 sheets of 10 with the backs mirrored;
// the letter's phone-copy QR and code; a passport too large for 0.4 mm modules is refused, not printed badly.

import { beforeAll, describe, expect, it } from 'vitest';
import { CardTooLargeError, renderCardsPdf, renderPostalRunPdf, type CardDetails } from '../../src/cards/index.ts';
import { sheetSlot } from '../../src/cards/card-sheet.ts';
import { generateSigningKey, jwsToQrText, signPassport, type KeyPair } from '../../src/core/index.ts';
import { decodeQr, pngPixels } from '../cli/zxing-node.ts';
import { pageSizes, pdfText, renderPage } from './support.ts';

const ID1 = '242.65 x 153.07';
const A4 = '595.28 x 841.89';
const NBF = 1_777_593_600; // 1 May 2026
const EXP = 1_872_201_600; // 30 April 2029 (London)
let key: KeyPair;

async function card(i: number, extra: Partial<CardDetails> = {}, statusUri = 'https://status.carers-passport.example/uk.llr.vasl/1'): Promise<CardDetails> {
  const jti = `VASL-2026-${String(i).padStart(6, '0')}`;
  const name = extra.name ?? `Carer Number ${i}`;
  const jws = await signPassport({ iss: 'uk.llr.vasl', jti, name, cat: 'adult', nbf: NBF, exp: EXP, iat: NBF, statusUri, statusIdx: i }, key.privateJwk);
  return { qrText: jwsToQrText(jws), name, cat: 'adult', jti, exp: EXP, issuerName: 'Support for Carers (VASL)', ...extra };
}

beforeAll(async () => {
  key = await generateSigningKey('ES256');
});

describe('postal run', () => {
  it('id1: front, back, then the A4 letter, for each passport in order', async () => {
    const cards = [await card(1), await card(2), await card(3)];
    const pdf = await renderPostalRunPdf(cards.map((c) => ({ card: c })));
    expect(await pageSizes(pdf)).toEqual([ID1, ID1, A4, ID1, ID1, A4, ID1, ID1, A4]);
    expect(await pdfText(pdf, 3)).toContain('Dear Carer Number 1,');
    expect(await pdfText(pdf, 9)).toContain('Dear Carer Number 3,');
  });

  it("the letter: the phone copy's QR decodes to its link, the code is printed, and with no contact it says whom to contact", async () => {
    const url = 'https://carers.example/card/#code=7K3M-Q9TZ-4WXA';
    const pdf = await renderPostalRunPdf([{ card: await card(4, { schemeName: 'LLR Carers Passport' }), letter: { phoneCopy: { url, code: '7K3M-Q9TZ-4WXA', expires: NBF + 30 * 86_400 }, offersUrl: 'https://carers.example/offers' } }]);
    const found = await decodeQr(pngPixels(await renderPage(pdf, 3, 150)));
    expect(found.map((f) => f.text)).toEqual([url]);
    const text = (await pdfText(pdf, 3)).replace(/\s+/g, ' ');
    for (const words of ['LLR Carers Passport', '7K3M-Q9TZ-4WXA', 'until 31 May 2026', 'https://carers.example/offers', 'Contact Support for Carers (VASL), who registered you', 'VASL-2026-000004']) {
      expect(text).toContain(words);
    }
  });

  it('a4: every 10 cards make a fronts sheet and a backs sheet, then their 10 letters', async () => {
    const cards = await Promise.all(Array.from({ length: 12 }, (_, i) => card(10 + i)));
    const pdf = await renderPostalRunPdf(cards.map((c) => ({ card: c })), { layout: 'a4' });
    expect(await pageSizes(pdf)).toEqual([A4, A4, ...Array(10).fill(A4), A4, A4, A4, A4]);
    const fronts = await decodeQr(pngPixels(await renderPage(pdf, 1, 150)));
    expect(new Set(fronts.map((f) => f.text))).toEqual(new Set(cards.slice(0, 10).map((c) => c.qrText)));
    expect(await pdfText(pdf, 3)).toContain('Dear Carer Number 10,');
    expect(await pdfText(pdf, 15)).toContain('Dear Carer Number 20,');
    expect(await pdfText(pdf, 16)).toContain('Dear Carer Number 21,');
  });

  it('backs are mirrored left to right, so each back lies behind its front when printed double-sided', () => {
    expect(sheetSlot(0, 'back')).toEqual(sheetSlot(1, 'front'));
    expect(sheetSlot(9, 'back')).toEqual(sheetSlot(8, 'front'));
    expect(sheetSlot(4, 'back').y).toBe(sheetSlot(4, 'front').y);
  });

  it('a passport whose QR would need modules under 0.4 mm is refused with CardTooLargeError', async () => {
    const huge = await card(5, {}, `https://status.carers-passport.example/${'x'.repeat(900)}`);
    await expect(renderCardsPdf([huge])).rejects.toBeInstanceOf(CardTooLargeError);
  });

  it('a card without a scheme name or contact still prints, and says where to return it', async () => {
    const pdf = await renderCardsPdf([await card(6)]);
    const back = (await pdfText(pdf, 2)).replace(/\s+/g, ' ');
    expect(back).toContain('If found, please return it to Support for Carers (VASL) or hand it in at any partner');
    expect(back).not.toContain('Phone');
  });
});
