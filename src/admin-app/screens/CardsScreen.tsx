// Cards (issue 9): a postal run, the cards of the passports issued or renewed on some days as one PDF, each card then
// its covering letter with a new phone copy code. The screen counts the run first (GET, nothing changes), then makes
// it (POST, which makes the codes). Issuer staff print their own issuer's cards only; the service enforces it.

import { useState } from 'preact/hooks';
import { downloadUrl, getJson, sendForFile } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Notice, type NoticeState } from '../components/Notice.tsx';
import { fetchIssuers, issuerName } from '../issuers.ts';
import { saveFile } from '../save-file.ts';
import { session } from '../session.ts';
import { useRequest, wordsFor } from '../use-request.ts';

type Days = { from: string; to: string; iss: string };
type Count = { cards: number; leftOut: number };
type Layout = 'id1' | 'a4';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// the service counts whole days in UTC
const today = () => new Date().toISOString().slice(0, 10);
const cardsWords = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'card' : 'cards'}`;

export function CardsScreen() {
  const ownIssuer = session.value?.account.iss;
  const [form, setForm] = useState<Days>({ from: today(), to: today(), iss: '' });
  const [shown, setShown] = useState<Days>(form);
  const [errors, setErrors] = useState<Partial<Days>>({});
  const [layout, setLayout] = useState<Layout>('id1');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(undefined);
  const issuers = useRequest(fetchIssuers, []);
  const count = useRequest(
    () => getJson<Count>(downloadUrl('/admin/api/cards/postal-run', { from: shown.from, to: shown.to, iss: shown.iss })),
    [shown],
  );

  const show = (event: Event) => {
    event.preventDefault();
    const found: Partial<Days> = {};
    if (!DAY.test(form.from)) found.from = 'Enter the first day.';
    if (!DAY.test(form.to)) found.to = 'Enter the last day.';
    else if (DAY.test(form.from) && form.to < form.from) found.to = 'The last day must be the same as the first day or after it.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setNotice(undefined);
    setShown({ ...form });
  };

  const download = async (days: Days, cards: number) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const body = { from: days.from, to: days.to, layout, ...(days.iss ? { iss: days.iss } : {}) };
      const { blob, headers } = await sendForFile('/admin/api/cards/postal-run', body);
      const fileName = `carers-passports-${days.from}-to-${days.to}.pdf`;
      saveFile(blob, fileName);
      const made = Number(headers.get('x-cards') ?? cards);
      const leftOut = Number(headers.get('x-cards-skipped') ?? 0);
      setNotice({
        kind: 'done',
        text: `Saved ${fileName}: ${cardsWords(made)}, each followed by its letter.${leftOut > 0 ? ` ${leftOut.toLocaleString('en-GB')} left out (cancelled, suspended or expired).` : ''}`,
      });
    } catch (error) {
      setNotice({ kind: 'problem', text: wordsFor(error) });
    }
    setBusy(false);
    count.reload(); // a passport may have been cancelled meanwhile
  };

  const ofWhom = shown.iss ? ` of ${issuerName(issuers.data, shown.iss)}` : '';
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Cards</h1>
      <p>
        A postal run: the cards of the passports issued or renewed on some days, as one PDF to print. Each card is
        followed by its covering letter, with a new code for the carer's phone copy. Cancelled, suspended and expired
        passports are left out.
      </p>
      <form class="filters" onSubmit={show} noValidate aria-label="Days of the postal run">
        <Field id="cards-from" label="Issued or renewed from" error={errors.from}>
          <input type="date" required value={form.from} onInput={(e) => setForm({ ...form, from: e.currentTarget.value })} />
        </Field>
        <Field id="cards-to" label="To (the last day)" error={errors.to}>
          <input type="date" required value={form.to} onInput={(e) => setForm({ ...form, to: e.currentTarget.value })} />
        </Field>
        {ownIssuer === undefined && (
          <Field id="cards-issuer" label="Issuer">
            <select value={form.iss} onChange={(e) => setForm({ ...form, iss: e.currentTarget.value })}>
              <option value="">All issuers</option>
              {(issuers.data ?? []).map((i) => <option key={i.iss} value={i.iss}>{i.name}</option>)}
            </select>
          </Field>
        )}
        <button class="primary">Count the cards</button>
      </form>
      {ownIssuer !== undefined && <p>Your account prints the cards of {issuerName(issuers.data, ownIssuer)} only.</p>}
      <Loaded request={count}>
        {({ cards, leftOut }) => (
          <>
            <p role="status" class="summary">
              {cards === 0
                ? leftOut === 0
                  ? `No cards to print: no passport${ofWhom} was issued or renewed from ${shown.from} to ${shown.to}.`
                  : `No cards to print: the passports${ofWhom} issued or renewed from ${shown.from} to ${shown.to} are all cancelled, suspended or expired.`
                : `${cardsWords(cards)} to print: passports${ofWhom} issued or renewed from ${shown.from} to ${shown.to}.` +
                  (leftOut > 0 ? ` ${leftOut.toLocaleString('en-GB')} more left out (cancelled, suspended or expired).` : '')}
            </p>
            {cards > 0 && (
              <div class="stack">
                <Field id="cards-layout" label="Layout">
                  <select value={layout} onChange={(e) => setLayout(e.currentTarget.value as Layout)}>
                    <option value="id1">One card a page (card printer)</option>
                    <option value="a4">A4 sheets of 10 cards</option>
                  </select>
                </Field>
                <p class="hint">
                  Each download makes a new phone copy code for every letter: the letters of an earlier download of
                  the same passports stop working, so post the newest ones.
                </p>
                <button type="button" class="primary" disabled={busy} onClick={() => void download(shown, cards)}>
                  Download the PDF ({cardsWords(cards)})
                </button>
                {busy && <p role="status">Making the PDF: about a second for every 100 cards…</p>}
              </div>
            )}
          </>
        )}
      </Loaded>
      <Notice notice={notice} />
    </section>
  );
}
