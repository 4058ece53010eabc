// Redemptions recorded on this device: today's and recent ones (never a name), counts per offer, what is
// waiting for upload, and a CSV export.

import type { StoredRedemption } from '../../core/index.ts';
import { useModels } from '../models/context.ts';
import { LIMITS_M, LOCALE, M, PHOTO_ID_M } from '../messages.ts';

const RECENT = 50;

export function HistoryScreen() {
  const { redemptions, settings, download, sync } = useModels();
  const profile = settings.settings.value.profile;
  const titles = new Map(profile.offers.map((o) => [o.id, o.title]));
  const today = redemptions.today.value;
  const todayIds = new Set(today.map((r) => r.id));
  const recent = redemptions.records.value.filter((r) => !todayIds.has(r.id)).slice(0, RECENT);
  // the uploader's count leaves out records the scheme refused (they are kept, but never sent again)
  const waiting = sync ? sync.uploader.waiting.value : redemptions.waiting.value;
  const counts = new Map<string, number>();
  for (const r of today) counts.set(r.offerId, (counts.get(r.offerId) ?? 0) + 1);
  const purged = redemptions.purged.value;
  // records the scheme refused (or the device gave up on): kept, shown as refused, never sent again
  const refused = new Set((sync?.uploader.rejected.value ?? []).map((r) => r.id));
  const overLimit = redemptions.overLimit.value;

  const exportCsv = () => {
    const date = new Date().toISOString().slice(0, 10);
    download(`redemptions-${profile.id}-${date}.csv`, redemptions.exportCsv());
  };

  return (
    <main class="page history" aria-labelledby="history-heading">
      <h1 id="history-heading">{M.historyHeading}</h1>
      <p class="history__waiting" role="status">
        {waiting > 0 ? M.historyWaiting(waiting) : M.historyAllUploaded}
      </p>
      {purged > 0 && <p>{M.historyPurged(purged)}</p>}
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{M.historyCounts}</h2>
        {counts.size === 0 ? (
          <p>{M.historyEmpty}</p>
        ) : (
          <ul class="history__counts">
            {[...counts].map(([offerId, count]) => (
              <li key={offerId}>
                <span>{titles.get(offerId) ?? offerId}</span>: <strong>{count}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <RecordTable heading={M.historyToday} id="today" records={today} titles={titles} refused={refused} overLimit={overLimit} timeZone={profile.timeZone} timeOnly />
      <RecordTable heading={M.historyRecent} id="recent" records={recent} titles={titles} refused={refused} overLimit={overLimit} timeZone={profile.timeZone} />
      <section aria-labelledby="export-heading">
        <h2 id="export-heading" class="visually-hidden">
          {M.historyExport}
        </h2>
        <button type="button" class="primary" onClick={exportCsv} disabled={redemptions.records.value.length === 0}>
          {M.historyExport}
        </button>
        <p class="hint">{M.historyExportHint}</p>
      </section>
    </main>
  );
}

type TableProps = {
  heading: string;
  id: string;
  records: StoredRedemption[];
  titles: Map<string, string>;
  refused: ReadonlySet<string>;
  /** Flagged by the scheme as given beyond the limit (issue 11 point 1). */
  overLimit: ReadonlySet<string>;
  timeZone: string;
  timeOnly?: boolean;
};

function RecordTable({ heading, id, records, titles, refused, overLimit, timeZone, timeOnly = false }: TableProps) {
  const format = new Intl.DateTimeFormat(LOCALE, timeOnly ? { timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {records.length === 0 ? (
        <p>{M.historyEmpty}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-heading`}>
          <table>
            <thead>
              <tr>
                <th scope="col">{M.colTime}</th>
                <th scope="col">{M.colOffer}</th>
                <th scope="col">{M.colPassport}</th>
                <th scope="col">{M.colUploaded}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td>{format.format(new Date(r.redeemedAt))}</td>
                  <td>
                    {titles.get(r.offerId) ?? r.offerId}
                    {r.photoIdSeen && <span class="history__note">{PHOTO_ID_M.historyMark}</span>}
                    {overLimit.has(r.id.toLowerCase()) && <span class="history__note history__note--over">{LIMITS_M.overLimit}</span>}
                  </td>
                  <td>
                    <bdi dir="ltr">{r.jti}</bdi>
                  </td>
                  <td>{r.uploaded === 1 ? M.yes : refused.has(r.id) ? M.refused : M.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
