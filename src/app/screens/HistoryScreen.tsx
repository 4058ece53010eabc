// Redemptions recorded on this device: today's and recent ones (never a name), counts per offer, what is
// waiting for upload, and a CSV export.

import type { StoredRedemption } from '../../core/index.ts';
import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';

const RECENT = 50;

export function HistoryScreen() {
  const { t } = useT();
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
      <h1 id="history-heading">{t('history.heading')}</h1>
      <p class="history__waiting" role="status">
        {waiting > 0 ? t('history.waiting', { count: waiting }) : t('history.allUploaded')}
      </p>
      {purged > 0 && <p>{t('history.purged', { count: purged })}</p>}
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('history.counts')}</h2>
        {counts.size === 0 ? (
          <p>{t('history.empty')}</p>
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
      <RecordTable heading={t('history.today')} id="today" records={today} titles={titles} refused={refused} overLimit={overLimit} timeZone={profile.timeZone} timeOnly />
      <RecordTable heading={t('history.recent')} id="recent" records={recent} titles={titles} refused={refused} overLimit={overLimit} timeZone={profile.timeZone} />
      <section aria-labelledby="export-heading">
        <h2 id="export-heading" class="visually-hidden">
          {t('history.export')}
        </h2>
        <button type="button" class="primary" onClick={exportCsv} disabled={redemptions.records.value.length === 0}>
          {t('history.export')}
        </button>
        <p class="hint">{t('history.exportHint')}</p>
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
  const { t, locale } = useT();
  const format = new Intl.DateTimeFormat(locale, timeOnly ? { timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {records.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-heading`}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('history.col.time')}</th>
                <th scope="col">{t('history.col.offer')}</th>
                <th scope="col">{t('history.col.passport')}</th>
                <th scope="col">{t('history.col.uploaded')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id}>
                  <td>{format.format(new Date(r.redeemedAt))}</td>
                  <td>
                    {titles.get(r.offerId) ?? r.offerId}
                    {r.photoIdSeen && <span class="history__note">{t('photoId.historyMark')}</span>}
                    {overLimit.has(r.id.toLowerCase()) && <span class="history__note history__note--over">{t('limits.overLimit')}</span>}
                  </td>
                  <td>{r.jti}</td>
                  <td>{r.uploaded === 1 ? t('history.yes') : refused.has(r.id) ? t('history.refused') : t('history.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
