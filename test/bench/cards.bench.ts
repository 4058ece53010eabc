// Issue 9, benchmark: a postal run of 1,000 cards, each followed by its letter with a phone-copy QR, in one PDF:
// time to print and file size (goal: at most 10 s and 20 MB on 2 cores), as one card a page and as A4 sheets.

import { printTable, type Figure } from './report.ts';

export const name = 'cards';
export const description = 'a postal run of 1,000 wallet cards and letters in one PDF: time and size';

const CARDS = 1_000;
const NAMES = ["Zoë O'Brien-Łukasiewicz", 'Dev Begum', 'ધ્રુવ પટેલ', 'عائشہ خان', 'Harpreet Kaur', 'Kasia Nowak', 'Grace Okafor', 'Nikhil Mistry'];
const CATS = ['adult', 'young', 'young-adult', 'parent'] as const;
const NBF = 1_777_593_600;
const EXP = NBF + 3 * 365 * 86_400;

export async function run(): Promise<void> {
  const { generateSigningKey, jwsToQrText, signPassport } = await import('../../src/core/index.ts');
  const { renderPostalRunPdf } = await import('../../src/cards/index.ts');
  const key = await generateSigningKey('ES256');
  const entries = [];
  for (let i = 0; i < CARDS; i++) {
    const jti = `VASL-2026-${String(i).padStart(6, '0')}`;
    const name = `${NAMES[i % NAMES.length]!}`;
    const cat = CATS[i % CATS.length]!;
    const jws = await signPassport({ iss: 'uk.llr.vasl', jti, name, cat, nbf: NBF, exp: EXP, iat: NBF, statusUri: 'https://status.carers-passport.example/uk.llr.vasl/1', statusIdx: i }, key.privateJwk);
    const code = `${(i * 7919).toString(32).toUpperCase().padStart(4, '0')}-Q9TZ-4WXA`;
    entries.push({
      card: {
        qrText: jwsToQrText(jws), name, cat, jti, exp: EXP, issuerName: 'Support for Carers (VASL)',
        schemeName: 'Leicester, Leicestershire and Rutland Carers Passport',
        contact: { phone: '0116 123 4567', hours: 'Monday to Friday, 9am to 5pm', web: 'https://supportforcarers.example/passport' },
      },
      letter: { phoneCopy: { url: `https://supportforcarers.example/card/#code=${code}`, code, expires: NBF + 30 * 86_400 }, offersUrl: 'https://supportforcarers.example/offers' },
    });
  }
  const rows: Figure[] = [];
  for (const layout of ['id1', 'a4'] as const) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const pdf = await renderPostalRunPdf(entries, { layout });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const megabytes = pdf.length / 1_000_000;
    rows.push(
      { figure: `${layout}: time for ${CARDS} cards + letters`, value: seconds.toFixed(2), unit: `s (goal <= 10)${seconds <= 10 ? '' : ' MISSED'}` },
      // the wall time on a shared machine: the process's own CPU time says what an idle machine would take
      { figure: `${layout}: CPU time of this process`, value: ((cpu.user + cpu.system) / 1e6).toFixed(2), unit: 's' },
      { figure: `${layout}: PDF size`, value: megabytes.toFixed(2), unit: `MB (goal <= 20)${megabytes <= 20 ? '' : ' MISSED'}` },
    );
  }
  rows.push({ figure: 'heap after', value: (process.memoryUsage().heapUsed / 1_000_000).toFixed(0), unit: 'MB' });
  printTable(`postal run of ${CARDS} (names in Latin, Gujarati, Arabic script; contact; phone-copy QR on each letter)`, rows);
}
