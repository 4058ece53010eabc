// Settings (behind the staff PIN): enrolment with the scheme service, trust data "Update now", the upload state
// and the records the scheme refused (issue 4). A handheld scanner types the enrolment QR into the box like a paste.

import { useState } from 'preact/hooks';
import { CameraView } from './CameraView.tsx';
import { useModels } from '../models/context.ts';
import type { SyncModel } from '../models/sync-model.ts';
import { useT } from '../words.ts';
import { enrolNoticeWords, rejectedReasonWords, trustCheckWords } from './sync-words.ts';

export function EnrolmentPanel() {
  const { sync } = useModels();
  return sync ? <SchemeSection sync={sync} /> : null;
}

function SchemeSection({ sync }: { sync: SyncModel }) {
  const { redemptions } = useModels();
  const words = useT();
  const { t, ago } = words;
  const held = sync.enrolment.value;
  const { waiting, status, retryAt, lastUploadedAt, rejected } = sync.uploader;
  const check = sync.lastCheck.value;
  const message = sync.enrolMessage.value;
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);
  const [deviceName, setDeviceName] = useState('');
  const nowMs = Date.now();

  const enrol = async (text: string) => {
    if (await sync.enrol(text, deviceName)) setCode('');
  };
  const submit = (event: Event) => {
    event.preventDefault();
    void enrol(code);
  };
  // the camera stops as soon as it has read a code (CameraView unmounts), then the code is checked and used
  const scanned = (text: string) => {
    setCamera(false);
    setCode(text);
    void enrol(text);
  };

  const records = new Map(redemptions.records.value.map((r) => [r.id, r]));
  const when = (iso: string) => words.date(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section class="settings__section" aria-labelledby="scheme-heading">
      <h2 id="scheme-heading">{t('sync.section')}</h2>
      {held ? (
        <p id="enrolment-state">
          <strong>{t('sync.enrolled', { scheme: held.schemeId, partner: held.partnerName })}</strong> {t('sync.enrolledAt', { when: when(held.enrolledAt) })}
        </p>
      ) : (
        <p id="enrolment-state">{t('sync.notEnrolled')}</p>
      )}
      {held?.revoked && (
        <p class="error" role="alert">
          {t('sync.failure.revoked')}
        </p>
      )}

      {held && (
        <>
          <p role="status">
            {sync.checking.value
              ? t('sync.trust.checking')
              : check
                ? `${t('sync.trust.checkedAgo', { ago: ago((nowMs - check.at) / 1000) })} ${trustCheckWords(words, check)}`
                : t('sync.trust.neverChecked')}
          </p>
          <button type="button" disabled={sync.checking.value} onClick={() => void sync.refreshTrust()}>
            {t('sync.trust.updateNow')}
          </button>
        </>
      )}

      <p id="upload-state">
        {t('sync.upload.waiting', { count: waiting.value })}
        {lastUploadedAt.value !== undefined && ` ${t('sync.upload.ago', { ago: ago((nowMs - lastUploadedAt.value) / 1000) })}`}
        {status.value === 'waiting-to-retry' && retryAt.value !== undefined && ` ${t('sync.upload.retryIn', { seconds: Math.max(1, Math.ceil((retryAt.value - nowMs) / 1000)) })}`}
        {!held && waiting.value > 0 && ` ${t('sync.upload.notEnrolled')}`}
      </p>
      {held && !held.revoked && (
        <button type="button" disabled={status.value === 'uploading'} onClick={() => void sync.upload('manual')}>
          {t('sync.upload.now')}
        </button>
      )}

      {rejected.value.length > 0 && (
        <details class="settings__offer">
          <summary>{t('sync.upload.rejectedHeading', { count: rejected.value.length })}</summary>
          <p class="hint">{t('sync.upload.rejectedHint')}</p>
          <ul>
            {rejected.value.map((r) => {
              const record = records.get(r.id);
              return (
                <li key={r.id}>
                  {record ? `${when(record.redeemedAt)}, ${record.jti}: ` : ''}
                  {rejectedReasonWords(words, r.reason)}
                </li>
              );
            })}
          </ul>
        </details>
      )}

      <form class="offer-editor" onSubmit={submit}>
        <h3>{held ? t('sync.enrol.againHeading') : t('sync.enrol.heading')}</h3>
        <label for="device-name">{t('sync.enrol.deviceNameLabel')}</label>
        <input id="device-name" type="text" maxLength={64} autocomplete="off" value={deviceName} onInput={(e) => setDeviceName(e.currentTarget.value)} />
        <label for="enrolment-code">{t('sync.enrol.codeLabel')}</label>
        <p id="enrolment-code-hint" class="hint">
          {t('sync.enrol.hint')}
        </p>
        <textarea
          id="enrolment-code"
          rows={3}
          cols={40}
          spellcheck={false}
          autocomplete="off"
          aria-describedby="enrolment-code-hint"
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          // a handheld scanner ends with Enter, and a code has no line breaks: Enter enrols
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        <div class="row">
          <button type="submit" disabled={sync.enrolling.value}>
            {sync.enrolling.value ? t('sync.enrol.enrolling') : t('sync.enrol.button')}
          </button>
          <button type="button" aria-pressed={camera} onClick={() => setCamera(!camera)}>
            {camera ? t('sync.enrol.cameraStop') : t('sync.enrol.camera')}
          </button>
        </div>
        {camera && <CameraView kiosk={false} onScan={scanned} />}
        <div role="status" id="enrolment-message">
          {message && <p class={message.ok ? undefined : 'error'}>{enrolNoticeWords(words, message)}</p>}
        </div>
      </form>
    </section>
  );
}
