// Passports: find one among 100,000 (number or name, filters by issuer, kind of carer and state, sorted by any column,
// a page at a time), issue a new one, and renew, suspend, reinstate or cancel one from its row.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { CATEGORIES } from '../../core/categories.ts';
import { getJson } from '../api.ts';
import { IssuedPassport, dayOf, type Issued } from '../components/IssuedPassport.tsx';
import { IssueForm } from '../components/IssueForm.tsx';
import { Field } from '../components/Field.tsx';
import { Notice, type NoticeState } from '../components/Notice.tsx';
import { Pager } from '../components/Pager.tsx';
import { PassportActions, type ActionOutcome } from '../components/PassportActions.tsx';
import { PassportStatus, shownStatus } from '../components/PassportStatus.tsx';
import { categoryWords, fetchIssuers, issuerName } from '../issuers.ts';
import { PassportListModel, type SortKey } from '../models/passport-list.ts';
import { session } from '../session.ts';
import { useRequest, wordsFor } from '../use-request.ts';

const SORT_WORDS: Record<SortKey, string> = { issued: 'date issued', expires: 'expiry', name: 'name', number: 'number' };
const DONE_WORDS = { renew: 'renewed', suspend: 'suspended', reinstate: 'reinstated', revoke: 'cancelled' } as const;
const COLUMNS: { key?: SortKey; label: string }[] = [
  { key: 'number', label: 'Number' },
  { key: 'name', label: 'Name' },
  { label: 'Issuer' },
  { label: 'Kind of carer' },
  { key: 'issued', label: 'Issued' },
  { key: 'expires', label: 'Valid until' },
  { label: 'State' },
  { label: 'Change' },
];

export function PassportsScreen() {
  const list = useMemo(() => new PassportListModel({ fetchJson: (path) => getJson<unknown>(path), wordsFor }), []);
  const issuers = useRequest(fetchIssuers, []);
  const ownIssuer = session.value?.account.iss;
  const shownIssuers = (issuers.data ?? []).filter((i) => ownIssuer === undefined || i.iss === ownIssuer);
  const [words, setWords] = useState('');
  const [notice, setNotice] = useState<NoticeState>(undefined);
  const [renewed, setRenewed] = useState<Issued | undefined>(undefined);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const query = list.query.value;
  const page = list.page.value;

  useEffect(() => void list.load(), [list]);

  const afterAction = (outcome: ActionOutcome) => {
    setNotice({ kind: 'done', text: `Passport ${outcome.passport.jti} ${DONE_WORDS[outcome.action]}.` });
    setRenewed(outcome.renewed);
    void list.load();
  };

  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Passports</h1>
      {issuers.problem && <p class="error" role="alert">{issuers.problem}</p>}
      {issuers.data && <IssueForm issuers={shownIssuers} mail={session.value?.mail === true} onIssued={() => void list.load()} />}

      <section aria-labelledby="find-heading">
        <h2 id="find-heading">Find passports</h2>
        <form
          class="filters"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            void list.search({ q: words });
          }}
        >
          <Field id="find-q" label="Number or name">
            <input type="search" value={words} onInput={(e) => setWords(e.currentTarget.value)} maxLength={200} autoComplete="off" spellcheck={false} />
          </Field>
          {shownIssuers.length > 1 && (
            <Field id="find-iss" label="Issuer">
              <select value={query.iss} onChange={(e) => void list.search({ iss: e.currentTarget.value })}>
                <option value="">All issuers</option>
                {shownIssuers.map((i) => <option key={i.iss} value={i.iss}>{i.name}</option>)}
              </select>
            </Field>
          )}
          <Field id="find-cat" label="Kind of carer">
            <select value={query.cat} onChange={(e) => void list.search({ cat: e.currentTarget.value })}>
              <option value="">All kinds</option>
              {CATEGORIES.map((cat) => <option key={cat} value={cat}>{categoryWords(cat)}</option>)}
            </select>
          </Field>
          <Field id="find-status" label="State">
            <select value={query.status} onChange={(e) => void list.search({ status: e.currentTarget.value })}>
              <option value="">Any state</option>
              <option value="valid">Valid</option>
              <option value="suspended">Suspended</option>
              <option value="revoked">Cancelled</option>
              <option value="expiring">Expiring within 30 days</option>
              <option value="expired">Expired</option>
            </select>
          </Field>
          <button class="primary">Find</button>
        </form>
      </section>

      <Notice notice={notice}>{renewed && <IssuedPassport issued={renewed} verb="Renewed" />}</Notice>
      {list.problem.value && (
        <div class="notice notice--problem" role="alert">
          <p>{list.problem.value}</p>
          <button type="button" onClick={() => void list.load()}>Try again</button>
        </div>
      )}
      <p role="status" class="summary">{list.loading.value ? 'Loading…' : list.range.value}</p>
      {page && page.passports.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Passports, sorted by {SORT_WORDS[query.sort]} ({query.dir === 'asc' ? 'ascending' : 'descending'})</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th scope="col" key={column.label} aria-sort={column.key && column.key === query.sort ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {column.key ? (
                      <button type="button" class="sort" onClick={() => void list.sortBy(column.key!)}>
                        {column.label}
                        {column.key === query.sort ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.passports.map((p) => (
                <tr key={`${p.iss} ${p.jti}`}>
                  <td><code>{p.jti}</code></td>
                  <td>{p.name ?? '(not kept)'}</td>
                  <td>{issuerName(issuers.data, p.iss)}</td>
                  <td>{categoryWords(p.cat)}</td>
                  <td>{p.issuedAt?.slice(0, 10) ?? dayOf(p.nbf)}</td>
                  <td>{dayOf(p.exp)}</td>
                  <td><PassportStatus status={shownStatus(p, nowSeconds)} /></td>
                  <td>
                    <PassportActions passport={p} nowSeconds={nowSeconds} onDone={afterAction} onProblem={(error) => setNotice({ kind: 'problem', text: wordsFor(error) })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Pages of passports"
        range={list.range.value}
        hasPrevious={list.hasPrevious.value}
        hasNext={list.hasNext.value}
        busy={list.loading.value}
        onPrevious={() => void list.previous()}
        onNext={() => void list.next()}
      />
    </section>
  );
}
