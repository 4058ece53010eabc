// Renewals (issue 10, point 4): passports that expire within the next days or expired lately, as a list and as CSV
// for a mail-merge; select some (or all) and renew them together: same numbers, new expiry, 3 more years.

import { useState } from 'preact/hooks';
import { downloadUrl, getJson, sendForFile, sendJson } from '../api.ts';
import { ConfirmAction } from '../components/ConfirmAction.tsx';
import { Field } from '../components/Field.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Notice, type NoticeState } from '../components/Notice.tsx';
import { categoryWords } from '../issuers.ts';
import { saveFile } from '../save-file.ts';
import { useRequest, wordsFor } from '../use-request.ts';

type RenewalEntry = { iss: string; issuerName: string; jti: string; name: string | null; cat: string; exp: number; expiry: string; due: 'expiring' | 'expired'; status: 'valid' | 'suspended' };
type BulkRenewal = { renewed: { iss: string; jti: string; expiry: string }[]; refused: { iss: string; jti: string; reason: string }[] };
type Window = { within: string; expiredWithin: string };

/** The service renews at most this many in one request. */
const BULK_LIMIT = 1000;
const DAYS = /^[0-9]{1,4}$/;
const keyOf = (p: { iss: string; jti: string }) => `${p.iss} ${p.jti}`;

export function RenewalsScreen() {
  const [form, setForm] = useState<Window>({ within: '60', expiredWithin: '30' });
  const [shown, setShown] = useState<Window>(form);
  const [errors, setErrors] = useState<Partial<Window>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<NoticeState>(undefined);
  // the passports just renewed: their new cards, one PDF for each lot the service renews at once
  const [renewedLots, setRenewedLots] = useState<{ iss: string; jti: string }[][]>([]);
  const [cardsNotice, setCardsNotice] = useState<NoticeState>(undefined);
  const due = useRequest(
    () => getJson<{ passports: RenewalEntry[] }>(downloadUrl('/admin/api/renewals', { within: shown.within, expiredWithin: shown.expiredWithin })).then((r) => r.passports),
    [shown],
  );

  const show = (event: Event) => {
    event.preventDefault();
    const found: Partial<Window> = {};
    if (!DAYS.test(form.within)) found.within = 'Enter a number of days, from 0 to 9999.';
    if (!DAYS.test(form.expiredWithin)) found.expiredWithin = 'Enter a number of days, from 0 to 9999.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSelected(new Set());
    setShown({ ...form });
  };

  const renewSelected = async (list: readonly RenewalEntry[]) => {
    const chosen = list.filter((p) => selected.has(keyOf(p))).map(({ iss, jti }) => ({ iss, jti }));
    const result: BulkRenewal = { renewed: [], refused: [] };
    setCardsNotice(undefined);
    try {
      for (let start = 0; start < chosen.length; start += BULK_LIMIT) {
        const part = await sendJson<BulkRenewal>('POST', '/admin/api/renewals/renew', { passports: chosen.slice(start, start + BULK_LIMIT) });
        result.renewed.push(...part.renewed);
        result.refused.push(...part.refused);
      }
      const refused = result.refused.map((r) => `${r.jti}: ${r.reason}`).join('; ');
      setNotice({
        kind: result.refused.length > 0 ? 'problem' : 'done',
        text: `Renewed ${result.renewed.length.toLocaleString('en-GB')} ${result.renewed.length === 1 ? 'passport' : 'passports'}.${refused ? ` Not renewed: ${refused}.` : ''}`,
      });
    } catch (error) {
      setNotice({ kind: 'problem', text: `${result.renewed.length} renewed, then: ${wordsFor(error)}` });
    }
    const renewed = result.renewed.map(({ iss, jti }) => ({ iss, jti }));
    setRenewedLots(Array.from({ length: Math.ceil(renewed.length / BULK_LIMIT) }, (_, i) => renewed.slice(i * BULK_LIMIT, (i + 1) * BULK_LIMIT)));
    setSelected(new Set());
    due.reload();
  };

  const downloadCards = async (lot: readonly { iss: string; jti: string }[], part: number) => {
    try {
      const { blob } = await sendForFile('/admin/api/renewals/cards.pdf', { passports: lot });
      saveFile(blob, renewedLots.length > 1 ? `carers-passports-renewed-${part}.pdf` : 'carers-passports-renewed.pdf');
      setCardsNotice({ kind: 'done', text: `Cards for ${lot.length.toLocaleString('en-GB')} renewed ${lot.length === 1 ? 'passport' : 'passports'} downloaded.` });
    } catch (error) {
      setCardsNotice({ kind: 'problem', text: `The cards could not be made: ${wordsFor(error)}` });
    }
  };

  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Renewals</h1>
      <form class="filters" onSubmit={show} noValidate>
        <Field id="renewals-within" label="Expiring within (days)" error={errors.within}>
          <input inputMode="numeric" value={form.within} onInput={(e) => setForm({ ...form, within: e.currentTarget.value.trim() })} size={5} />
        </Field>
        <Field id="renewals-expired" label="Expired in the last (days)" error={errors.expiredWithin}>
          <input inputMode="numeric" value={form.expiredWithin} onInput={(e) => setForm({ ...form, expiredWithin: e.currentTarget.value.trim() })} size={5} />
        </Field>
        <button class="primary">Show</button>
      </form>
      <p>
        <a href={downloadUrl('/admin/api/renewals', { within: shown.within, expiredWithin: shown.expiredWithin, format: 'csv' })} download>
          Download this list as CSV (for a mail-merge)
        </a>
      </p>
      <Notice notice={notice}>
        {renewedLots.length > 0 && notice?.kind !== undefined && (
          <p class="row">
            {renewedLots.map((lot, i) => (
              <button type="button" onClick={() => void downloadCards(lot, i + 1)}>
                {renewedLots.length > 1 ? `Download their new cards, part ${i + 1} (PDF)` : 'Download their new cards (PDF)'}
              </button>
            ))}
          </p>
        )}
      </Notice>
      <Notice notice={cardsNotice} />
      <Loaded request={due}>
        {(list) => {
          const allChosen = list.length > 0 && list.every((p) => selected.has(keyOf(p)));
          const toggle = (key: string, on: boolean) => {
            const next = new Set(selected);
            if (on) next.add(key);
            else next.delete(key);
            setSelected(next);
          };
          return (
            <>
              <p role="status" class="summary">
                {list.length === 0
                  ? 'No passports are due for renewal in these days.'
                  : `${list.length.toLocaleString('en-GB')} ${list.length === 1 ? 'passport' : 'passports'} due; ${selected.size.toLocaleString('en-GB')} selected.`}
              </p>
              {selected.size > 0 && (
                <ConfirmAction
                  label={`Renew ${selected.size.toLocaleString('en-GB')} selected`}
                  question={`Renew ${selected.size.toLocaleString('en-GB')} ${selected.size === 1 ? 'passport' : 'passports'} for 3 more years? Same numbers; each needs its new card or phone copy.`}
                  yes="Yes, renew them"
                  no="No"
                  onConfirm={() => renewSelected(list)}
                />
              )}
              {list.length > 0 && (
                <div class="table-scroll">
                  <table>
                    <caption class="visually-hidden">Passports due for renewal, soonest expiry first</caption>
                    <thead>
                      <tr>
                        <th scope="col">
                          <input type="checkbox" aria-label="Select all" checked={allChosen} onChange={(e) => setSelected(e.currentTarget.checked ? new Set(list.map(keyOf)) : new Set())} />
                        </th>
                        <th scope="col">Number</th><th scope="col">Name</th><th scope="col">Issuer</th><th scope="col">Kind of carer</th><th scope="col">Expiry</th><th scope="col">Due</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((p) => (
                        <tr key={keyOf(p)}>
                          <td>
                            <input type="checkbox" aria-label={`Select ${p.jti}`} checked={selected.has(keyOf(p))} onChange={(e) => toggle(keyOf(p), e.currentTarget.checked)} />
                          </td>
                          <td><code>{p.jti}</code></td>
                          <td>{p.name ?? '(not kept)'}</td>
                          <td>{p.issuerName}</td>
                          <td>{categoryWords(p.cat)}</td>
                          <td>{p.expiry}</td>
                          <td>{p.due === 'expired' ? 'Expired' : 'Expiring'}{p.status === 'suspended' ? ', suspended' : ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
