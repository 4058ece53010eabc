// One report: a chart of one of its counts (chosen when it has several), the table of every row, dates to narrow a
// report by week or month, and its CSV. A partner's manager gets its own partner's rows from the service.

import { useState } from 'preact/hooks';
import { Field } from '../components/Field.tsx';
import { ReportsBarChart } from './ReportsBarChart.tsx';
import { columnWords, numberColumns, rowLabel, rowsBetween, timeColumn, type Report } from './reports-table.ts';

export function ReportsView({ report, name }: { report: Report; name: string }) {
  const counts = numberColumns(report);
  const [series, setSeries] = useState(counts[0] ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const dated = timeColumn(report);
  const rows = rowsBetween(report, from, to);
  const charted = counts.includes(series) ? series : counts[0];
  const cell = (value: string | number | undefined) => (typeof value === 'number' ? value.toLocaleString('en-GB') : (value ?? ''));

  return (
    <article class="stack report" aria-labelledby="report-heading">
      <h2 id="report-heading" tabIndex={-1}>{name}</h2>
      <p>{report.title}</p>
      <p>
        <a href={`/v1/reports/${encodeURIComponent(report.report)}?format=csv`} download={`${report.report}.csv`}>Download all rows as CSV</a>
      </p>
      {dated && (
        <fieldset>
          <legend>Only the {dated === 'month' ? 'months' : 'weeks'} between two days</legend>
          <div class="filters">
            <Field id="report-from" label="From" hint="Empty: from the first.">
              <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
            </Field>
            <Field id="report-to" label="To" hint="Empty: to the last.">
              <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </Field>
          </div>
        </fieldset>
      )}
      {counts.length > 1 && (
        <Field id="report-series" label="Chart of">
          <select value={charted} onChange={(e) => setSeries(e.currentTarget.value)}>
            {counts.map((c) => <option value={c}>{columnWords(c)}</option>)}
          </select>
        </Field>
      )}
      {charted && <ReportsBarChart title={`${columnWords(charted)}: ${name}`} bars={rows.map((row) => ({ label: rowLabel(report, row), value: Number(row[charted]) }))} />}
      {rows.length === 0 ? (
        <p>No rows{from || to ? ' between those dates' : ' yet'}.</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="group" aria-label={`${name}: table (scrolls sideways)`}>
          <table class="report-table">
            <caption>
              {name}: {rows.length.toLocaleString('en-GB')} {rows.length === 1 ? 'row' : 'rows'}
            </caption>
            <thead>
              <tr>{report.columns.map((c) => <th scope="col" class={counts.includes(c) ? 'number' : undefined}>{columnWords(c)}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>{report.columns.map((c) => <td class={counts.includes(c) ? 'number' : undefined}>{cell(row[c])}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
