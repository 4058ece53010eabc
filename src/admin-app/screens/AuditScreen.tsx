// Recent changes (the audit log): who did what, and to which passport, partner or device. Each account sees its own
// share (a coordinator everything). Ids only: the log holds no names.

import { getJson } from '../api.ts';
import { Loaded } from '../components/Loaded.tsx';
import { useRequest } from '../use-request.ts';

type AuditRow = { at: string; actor: string; action: string; iss: string | null; jti: string | null; partnerId: string | null; deviceId: string | null };

export function AuditScreen() {
  const entries = useRequest(() => getJson<{ entries: AuditRow[] }>('/admin/api/audit').then((r) => r.entries), []);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>Recent changes</h1>
      <p>The latest 100 entries of the audit log, newest first. Times are UTC.</p>
      <button type="button" onClick={entries.reload}>Refresh</button>
      <Loaded request={entries}>
        {(rows) =>
          rows.length === 0 ? (
            <p>No changes yet.</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">Audit log, newest first</caption>
                <thead>
                  <tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Passport, partner or device</th></tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={`${row.at}-${i}`}>
                      <td>{row.at.replace('T', ' ').replace('Z', '')}</td>
                      <td>{row.actor}</td>
                      <td>{row.action}</td>
                      <td>{[row.iss && `${row.iss} ${row.jti ?? ''}`.trim(), row.partnerId, row.deviceId].filter(Boolean).join(' / ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
