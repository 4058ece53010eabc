// Import the existing register from a CSV file (issue 10, point 1): choose the file, check it with a dry run (each
// refused row with its line number and why), then import. The same file twice adds nothing. The file is read and
// sent as it is: the service reads the rows, so a 10,000-row file never holds up the page.

import { useRef, useState } from 'preact/hooks';
import { sendJson } from '../api.ts';
import { DownloadText } from '../components/DownloadText.tsx';
import { Field } from '../components/Field.tsx';
import { fileProblem, LISTED_REFUSALS, refusedCsv, summaryWords, type ImportSummary } from '../models/register-import.ts';
import { session } from '../session.ts';
import { wordsFor } from '../use-request.ts';

type Step = { kind: 'idle' } | { kind: 'busy'; doing: string } | { kind: 'checked' | 'imported'; summary: ImportSummary } | { kind: 'problem'; text: string };

export function ImportScreen() {
  const [file, setFile] = useState<File | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const asked = useRef(0);
  const ownIssuer = session.value?.account.iss;

  const send = async (dryRun: boolean) => {
    if (!file) return setFileError('Choose the CSV file of the register first.');
    const problem = fileProblem(file);
    setFileError(problem);
    if (problem) return;
    const ticket = ++asked.current;
    setStep({ kind: 'busy', doing: dryRun ? `Checking ${file.name}…` : `Importing ${file.name}…` });
    try {
      const csv = await file.text();
      const summary = await sendJson<ImportSummary>('POST', `/admin/api/passports/import?dryRun=${dryRun ? 1 : 0}`, { csv });
      if (ticket === asked.current) setStep({ kind: dryRun ? 'checked' : 'imported', summary });
    } catch (error) {
      if (ticket === asked.current) setStep({ kind: 'problem', text: wordsFor(error) });
    }
  };

  const summary = step.kind === 'checked' || step.kind === 'imported' ? step.summary : undefined;
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Import the register</h1>
      <p>
        A CSV file with the columns <code>name, kind, number, issued, expires, issuer, email</code> (UTF-8, as Excel's "CSV UTF-8" writes it;
        <code>number</code> and <code>email</code> may be empty). Kinds are <code>adult</code>, <code>young</code>, <code>young-adult</code> and{' '}
        <code>parent</code>; dates are <code>YYYY-MM-DD</code>.
        {ownIssuer ? <> Only rows of <code>{ownIssuer}</code> go in.</> : null} A passport already in the register (same issuer and number) is
        left as it is, so the same file can be sent again.
      </p>
      <form class="stack" onSubmit={(event) => { event.preventDefault(); void send(true); }} noValidate>
        <Field id="import-file" label="Register file (CSV)" error={fileError}>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0]);
              setFileError(undefined);
              setStep({ kind: 'idle' });
            }}
          />
        </Field>
        <div class="actions">
          <button class="primary" disabled={step.kind === 'busy'}>Check the file (dry run)</button>
          {step.kind === 'checked' && step.summary.imported > 0 && (
            <button type="button" class="primary" onClick={() => void send(false)}>
              Import {step.summary.imported.toLocaleString('en-GB')} {step.summary.imported === 1 ? 'passport' : 'passports'}
            </button>
          )}
        </div>
      </form>

      <div role="status">
        {step.kind === 'busy' && <p>{step.doing}</p>}
        {summary && <p class="summary">{summaryWords(summary)}</p>}
      </div>
      {step.kind === 'problem' && <div class="notice notice--problem" role="alert"><p>{step.text}</p></div>}
      {summary?.emailsIgnored && <p>The file has an email column; this scheme keeps no email addresses, so they were left out.</p>}
      {summary && summary.refused.length > 0 && <Refusals summary={summary} />}
      {step.kind === 'imported' && <p><a href="#/passports">See the passports</a></p>}
    </section>
  );
}

function Refusals({ summary }: { summary: ImportSummary }) {
  const listed = summary.refused.slice(0, LISTED_REFUSALS);
  const more = summary.refused.length - listed.length;
  return (
    <section aria-labelledby="refused-heading">
      <h2 id="refused-heading">Refused rows ({summary.refused.length.toLocaleString('en-GB')})</h2>
      <p>
        A refused row goes in whole or not at all: correct it in the file and send the file again.{' '}
        <DownloadText text={refusedCsv(summary.refused)} fileName="refused-rows.csv">Download the refused rows (CSV)</DownloadText>
      </p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Refused rows, by line of the file</caption>
          <thead><tr><th scope="col" class="number">Line</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {listed.map((row) => (
              <tr key={row.line}><td class="number">{row.line}</td><td>{row.reason}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p>And {more.toLocaleString('en-GB')} more in the CSV download.</p>}
    </section>
  );
}
