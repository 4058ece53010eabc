// What a tab shows instead of the app when another tab holds the database at another version (an update that
// bumps the IndexedDB version, with a kiosk and a staff tab open): plain words rather than a blank page.

import { useT } from '../words.ts';

export type OtherTabNoticeProps = {
  /** `updated`: a newer version opened elsewhere and this tab let go of its data. `waiting`: this tab waits on an older one. */
  kind: 'updated' | 'waiting';
  reload?: () => void;
};

export function OtherTabNotice({ kind, reload = () => location.reload() }: OtherTabNoticeProps) {
  const { t } = useT();
  return (
    <main class="page">
      <p role="status">{kind === 'updated' ? t('otherTab.updatedElsewhere') : t('otherTab.waitingForOtherTab')}</p>
      {kind === 'updated' && (
        <p>
          <button type="button" class="primary" onClick={reload}>
            {t('otherTab.reload')}
          </button>
        </p>
      )}
    </main>
  );
}
