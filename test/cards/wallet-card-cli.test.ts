// `issue --pdf` (issue 9): the printed card's QR decodes from the PDF rendered by pdftoppm at 300 and 150 dpi and
// verifies VALID with `verify`; names in four scripts are real text; sizes are ID-1 and A4; the back carries the
// issuer's contact from the trust bundle (spec section 8).

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_AT, ISSUER_ID, LIST_URI, NBF, makeCliScheme, verifyArgs, type CliScheme } from '../cli/cli-scheme.ts';
import { expectUsageFailure, runCli } from '../cli/run-cli.ts';
import { decodeQr, pngPixels } from '../cli/zxing-node.ts';
import { pageSizes, pdfText, renderPage } from './support.ts';

const ID1 = '242.65 x 153.07';
const A4 = '595.28 x 841.89';
const NAMES = ["Zoë O'Brien-Łukasiewicz", 'Dev Begum', 'ધ્રુવ પટેલ', 'عائشہ خان'];
const CONTACT = { phone: '0116 123 4567', hours: 'Monday to Friday, 9am to 5pm', web: 'https://supportforcarers.example/passport' };

let scheme: CliScheme;
let withContact: string;
const issued: { name: string; qrText: string; pdf: Uint8Array }[] = [];
let sheet: { qrText: string; pdf: Uint8Array };

function issueArgs(jti: string, idx: number, name: string, extra: string[]): string[] {
  return ['issue', '--key', scheme.issuerPrivate, '--iss', ISSUER_ID, '--name', name, '--cat', 'parent', '--jti', jti, '--years', '3',
    '--status-uri', LIST_URI, '--status-idx', String(idx), '--nbf', NBF, ...extra];
}

beforeAll(async () => {
  scheme = await makeCliScheme('ES256');
  await writeFile(join(scheme.dir, 'keys', 'vasl-contact.json'), JSON.stringify({
    iss: ISSUER_ID, name: 'Support for Carers (VASL)', cats: ['adult', 'young-adult', 'parent'], keys: ['vasl.public.jwk'], contact: CONTACT,
  }));
  withContact = join(scheme.dir, 'publish', 'bundle-contact.jwt');
  const bundled = await runCli(['bundle', '--root', scheme.rootPrivate, '--issuer', 'keys/vasl-contact.json', '--seq', '4', '--days', '60', '--iat', '2026-05-01T00:00:00Z', '--out', withContact], { cwd: scheme.dir });
  expect(bundled.code, bundled.stderr).toBe(0);
  const runs = await Promise.all([
    ...NAMES.map((name, i) => runCli(issueArgs(`VASL-2026-00010${i}`, 100 + i, name, ['--pdf', `cards/${i}.pdf`, '--trust', withContact, '--scheme-name', 'Leicester, Leicestershire and Rutland Carers Passport']), { cwd: scheme.dir })),
    runCli(issueArgs('VASL-2026-000200', 200, 'Dev Begum', ['--pdf', 'cards/sheet.pdf', '--layout', 'a4', '--issuer-name', 'VASL']), { cwd: scheme.dir }),
  ]);
  for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
  for (const [i, name] of NAMES.entries()) {
    issued.push({ name, qrText: runs[i]!.stdout.trim(), pdf: new Uint8Array(await readFile(join(scheme.dir, `cards/${i}.pdf`))) });
  }
  sheet = { qrText: runs[4]!.stdout.trim(), pdf: new Uint8Array(await readFile(join(scheme.dir, 'cards/sheet.pdf'))) };
}, 120_000);

async function verifies(qrText: string): Promise<void> {
  const run = await runCli([...verifyArgs(scheme), '--now', CHECK_AT, qrText]);
  expect(run.code, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ result: 'valid', code: 'VALID' });
}

describe('issue --pdf: one card a page', () => {
  it('has two ID-1 pages (85.6 x 54 mm): front and back', async () => {
    for (const { pdf } of issued) expect(await pageSizes(pdf)).toEqual([ID1, ID1]);
  });

  it.each([300, 150])('the front QR, rendered by pdftoppm at %i dpi, decodes to the QR text issue printed and verifies VALID', async (dpi) => {
    for (const { qrText, pdf } of issued) {
      const found = await decodeQr(pngPixels(await renderPage(pdf, 1, dpi)));
      expect(found.map((f) => f.text)).toEqual([qrText]);
      expect(found[0]!.ecLevel).toBe('M');
    }
    await verifies(issued[0]!.qrText);
    await verifies(issued[3]!.qrText);
  });

  it('prints the names in Latin, Gujarati and Urdu as real text (pdftotext; a long name may wrap)', async () => {
    for (const { name, pdf } of issued) expect((await pdfText(pdf, 1)).replace(/\s+/g, ' ')).toContain(name);
  });

  it('front: title, scheme, kind of carer, issuer, number and expiry; back: how to check, the contact from the bundle', async () => {
    const front = await pdfText(issued[0]!.pdf, 1);
    for (const words of ['Carers Passport', 'Leicester, Leicestershire and', 'Parent carer', 'Issued by Support for Carers (VASL)', 'VASL-2026-000100', 'Expires', '1 May 2029']) {
      expect(front).toContain(words);
    }
    const back = await pdfText(issued[0]!.pdf, 2);
    for (const words of ['Carers Passport Check', 'Phone 0116 123 4567 (Monday to Friday, 9am to 5pm)', 'Web supportforcarers.example/passport', 'If found']) {
      expect(back).toContain(words);
    }
  });
});

describe('issue --pdf --layout a4', () => {
  it('is a fronts sheet and a backs sheet of A4; the QR decodes at 150 dpi and verifies; no contact is printed when none is known', async () => {
    expect(await pageSizes(sheet.pdf)).toEqual([A4, A4]);
    const found = await decodeQr(pngPixels(await renderPage(sheet.pdf, 1, 150)));
    expect(found.map((f) => f.text)).toEqual([sheet.qrText]);
    await verifies(sheet.qrText);
    const back = await pdfText(sheet.pdf, 2);
    expect(back).not.toContain('Phone');
    expect(back).toContain('If found, please return it to VASL or hand it in at any partner');
  });
});

describe('issue --pdf usage', () => {
  it('card flags without --pdf, a bad layout or contact are one-line usage errors', async () => {
    const base = issueArgs('VASL-1', 1, 'Sam', []);
    expect(expectUsageFailure(await runCli([...base, '--layout', 'a4'], { cwd: scheme.dir }))).toContain('--layout is for the printed card: give --pdf FILE too');
    expect(expectUsageFailure(await runCli([...base, '--pdf', 'x.pdf', '--layout', 'a5'], { cwd: scheme.dir }))).toContain('--layout');
    expect(expectUsageFailure(await runCli([...base, '--pdf', 'x.pdf', '--contact-web', 'http://x.example'], { cwd: scheme.dir }))).toContain('https');
  });
});
