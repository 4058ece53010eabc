// #/reports: the service's reports (GET /v1/reports), each opened as a chart, a table and a CSV (ReportsView).

import './partners-reports-accounts.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson } from '../api.ts';
import { Notice } from '../components/Notice.tsx';
import { wordsFor } from '../use-request.ts';
import { session } from '../session.ts';
import { ReportsView } from './ReportsView.tsx';
import { REPORT_NAMES, type Report } from './reports-table.ts';

export function ReportsScreen() {
  const [names, setNames] = useState<string[] | undefined>(undefined);
  const [open, setOpen] = useState<{ name: string; report: Report } | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const view = useRef<HTMLDivElement>(null);
  const partnerOnly = session.value?.account.role === 'partner';

  useEffect(() => {
    getJson<{ reports: { name: string }[] }>('/v1/reports')
      .then((answer) => setNames(answer.reports.map((r) => r.name)))
      .catch((error: unknown) => setProblem(wordsFor(error)));
  }, []);
  useEffect(() => {
    view.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [open?.name]);

  const show = async (name: string) => {
    setProblem('');
    try {
      setOpen({ name, report: await getJson<Report>(`/v1/reports/${encodeURIComponent(name)}`) });
    } catch (error) {
      setProblem(wordsFor(error));
    }
  };

  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Reports</h1>
      {partnerOnly && <p>Reports by partner show your own partner's rows; the others are the scheme's totals.</p>}
      <Notice notice={problem ? { kind: 'problem', text: problem } : undefined} />
      {names && (
        <ul class="report-list">
          {names.map((name) => (
            <li>
              <button type="button" aria-pressed={open?.report.report === name} onClick={() => show(name)}>
                {REPORT_NAMES[name] ?? name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="screen-detail" ref={view}>{open && <ReportsView key={open.report.report} report={open.report} name={REPORT_NAMES[open.name] ?? open.name} />}</div>
    </section>
  );
}
