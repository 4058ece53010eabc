// Settings (behind the staff PIN): enrolment with the scheme service, trust data "Update now", the upload state
// and the records the scheme refused (issue 4). A handheld scanner types the enrolment QR into the box like a paste.

import { useState } from 'preact/hooks';
import { CameraView } from './CameraView.tsx';
import { useModels } from '../models/context.ts';
import type { SyncModel } from '../models/sync-model.ts';
import { agoWords, LOCALE } from '../messages.ts';
import { SYNC_M } from '../messages.ts';

export function EnrolmentPanel() {
  const { sync } = useModels();
  return sync ? <SchemeSection sync={sync} /> : null;
}

function SchemeSection({ sync }: { sync: SyncModel }) {
  const { redemptions } = useModels();
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
  const when = (iso: string) => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section class="settings__section" aria-labelledby="scheme-heading">
      <h2 id="scheme-heading">{SYNC_M.sectionHeading}</h2>
      {held ? (
        <p id="enrolment-state">
          <strong>{SYNC_M.enrolled(held.schemeId, held.partnerName)}</strong> {SYNC_M.enrolledAt(when(held.enrolledAt))}
        </p>
      ) : (
        <p id="enrolment-state">{SYNC_M.notEnrolled}</p>
      )}
      {held?.revoked && (
        <p class="error" role="alert">
          {SYNC_M.deviceRevoked}
        </p>
      )}

      {held && (
        <>
          <p role="status">
            {sync.checking.value ? SYNC_M.trustChecking : check ? `${SYNC_M.trustCheckedAgo(agoWords((nowMs - check.at) / 1000))} ${check.message}` : SYNC_M.trustNeverChecked}
          </p>
          <button type="button" disabled={sync.checking.value} onClick={() => void sync.refreshTrust()}>
            {SYNC_M.trustUpdateNow}
          </button>
        </>
      )}

      <p id="upload-state">
        {SYNC_M.waiting(waiting.value)}
        {lastUploadedAt.value !== undefined && ` ${SYNC_M.uploadedAgo(agoWords((nowMs - lastUploadedAt.value) / 1000))}`}
        {status.value === 'waiting-to-retry' && retryAt.value !== undefined && ` ${SYNC_M.retryIn(Math.max(1, Math.ceil((retryAt.value - nowMs) / 1000)))}`}
        {!held && waiting.value > 0 && ` ${SYNC_M.notUploading}`}
      </p>
      {held && !held.revoked && (
        <button type="button" disabled={status.value === 'uploading'} onClick={() => void sync.upload('manual')}>
          {SYNC_M.uploadNow}
        </button>
      )}

      {rejected.value.length > 0 && (
        <details class="settings__offer">
          <summary>{SYNC_M.rejectedHeading(rejected.value.length)}</summary>
          <p class="hint">{SYNC_M.rejectedHint}</p>
          <ul>
            {rejected.value.map((r) => {
              const record = records.get(r.id);
              return (
                <li key={r.id}>
                  {record ? `${when(record.redeemedAt)}, ${record.jti}: ` : ''}
                  {SYNC_M.rejectedReason(r.reason)}
                </li>
              );
            })}
          </ul>
        </details>
      )}

      <form class="offer-editor" onSubmit={submit}>
        <h3>{held ? SYNC_M.enrolAgainHeading : SYNC_M.enrolHeading}</h3>
        <label for="device-name">{SYNC_M.deviceNameLabel}</label>
        <input id="device-name" type="text" maxLength={64} autocomplete="off" value={deviceName} onInput={(e) => setDeviceName(e.currentTarget.value)} />
        <label for="enrolment-code">{SYNC_M.enrolCodeLabel}</label>
        <p id="enrolment-code-hint" class="hint">
          {SYNC_M.enrolHint}
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
            {sync.enrolling.value ? SYNC_M.enrolling : SYNC_M.enrolButton}
          </button>
          <button type="button" aria-pressed={camera} onClick={() => setCamera(!camera)}>
            {camera ? SYNC_M.enrolCameraStop : SYNC_M.enrolCamera}
          </button>
        </div>
        {camera && <CameraView kiosk={false} onScan={scanned} />}
        <div role="status" id="enrolment-message">
          {message && <p class={message.ok ? undefined : 'error'}>{message.text}</p>}
        </div>
      </form>
    </section>
  );
}
