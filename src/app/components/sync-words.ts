// The sync model's codes in words (issue 12: models expose codes and values; components make words).

import type { Translator } from '../../i18n/translator.ts';
import type { EnrolNotice, TrustCheck } from '../models/sync-model.ts';
import { FAILED_EVERY_TIME } from '../models/uploader-state.ts';

export function trustCheckWords({ t }: Translator, check: TrustCheck): string {
  switch (check.outcome) {
    case 'failed':
      return t('sync.trust.failed');
    case 'bundle-refused':
      return t('sync.trust.bundleRefused');
    case 'up-to-date':
      return t('sync.trust.upToDate');
    case 'updated':
      return [check.bundleReplaced ? t('sync.trust.bundleAdopted') : '', check.listsUpdated > 0 ? t('sync.trust.listsUpdated', { count: check.listsUpdated }) : '']
        .filter((s) => s !== '')
        .join(' ');
  }
}

export function enrolNoticeWords({ t }: Translator, notice: EnrolNotice): string {
  switch (notice.code) {
    case 'ENROLLED':
      return t('sync.enrol.done', { partner: notice.partner });
    case 'EMPTY':
      return t('sync.enrol.empty');
    case 'CODE_MALFORMED':
      return t('sync.enrol.code.malformed');
    case 'CODE_BAD_SIGNATURE':
      return t('sync.enrol.code.bad-signature');
    case 'CODE_EXPIRED':
      return t('sync.enrol.code.expired');
    case 'OFFLINE':
      return t('sync.failure.offline');
    case 'TIMEOUT':
      return t('sync.failure.timeout');
    case 'DEVICE_REVOKED':
      return t('sync.failure.revoked');
    case 'SERVICE_MALFORMED':
      return t('sync.failure.malformed');
    case 'SERVICE_FAILED':
      return t('sync.failure.server');
    case 'REFUSED':
      // the service's own explanation, when it gave one, says more than ours
      return notice.detail || t('sync.enrol.refused');
  }
}

/** Why the scheme refused a record: the service's reason codes in words; any other reason as the service wrote it. */
export function rejectedReasonWords({ t }: Translator, reason: string): string {
  if (reason === 'not your device' || reason === 'not your partner') return t('sync.upload.rejected.otherDevice');
  if (reason === 'id already used') return t('sync.upload.rejected.idUsed');
  if (reason === FAILED_EVERY_TIME) return t('sync.upload.rejected.serviceFailed');
  return reason || t('sync.upload.rejected.noReason');
}
