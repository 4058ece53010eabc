// The device's own calls to the scheme service (issue 4): enrolment, the partner's profile, and uploads of records
// and stay events. Loaded by sync-client.ts when the first is made (after the first verdict), with its transport, so
// these get the same timeout, clock reading and failures as the trust data.

import { isRecordStatus, readPartnerProfile, readSharedRedemptions, readStayEvent, type RecordResult } from '../../core/index.ts';
import { endpoint, parseJson, type SyncClient, type SyncFailure, type UploadAnswer } from './sync-client.ts';

/** sync-client.ts's own request functions. */
export type Transport = {
  call(url: string, init?: RequestInit): Promise<{ ok: true; status: number; text: string; headers: Headers } | SyncFailure>;
  getJson(url: string, init?: RequestInit): Promise<{ ok: true; value: unknown } | SyncFailure>;
  failure(status: number, text: string, headers: Headers): SyncFailure;
};

export type DeviceCalls = Required<Pick<SyncClient, 'enrol' | 'profile' | 'upload' | 'uploadStays'>>;

export function deviceCalls({ call, getJson, failure }: Transport): DeviceCalls {
  return {
    async enrol(serviceUrl, code, deviceName) {
      const answer = await getJson(endpoint(serviceUrl, 'v1/enrol'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(deviceName === undefined ? { code } : { code, deviceName }),
      });
      if (!answer.ok) return answer;
      const { deviceId, deviceToken, profile } = (answer.value ?? {}) as Record<string, unknown>;
      if (typeof deviceId !== 'string' || deviceId === '' || typeof deviceToken !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(deviceToken)) {
        return { ok: false, kind: 'malformed', detail: 'the enrolment answer has no device id or token' };
      }
      const read = readPartnerProfile(profile);
      if (!read.ok) return { ok: false, kind: 'malformed', detail: read.problem };
      return { ok: true, deviceId, deviceToken, profile: read.profile };
    },

    async profile(serviceUrl, token, etag) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(etag === undefined ? {} : { 'if-none-match': etag }) };
      const answer = await call(endpoint(serviceUrl, 'v1/profile'), { headers });
      if (!answer.ok) return answer;
      if (answer.status === 304 && etag !== undefined) return { ok: true, notModified: true };
      if (answer.status < 200 || answer.status > 299) return failure(answer.status, answer.text, answer.headers);
      const { deviceId, profile, recent, stays } = (parseJson(answer.text) ?? {}) as Record<string, unknown>;
      if (typeof deviceId !== 'string') return { ok: false, kind: 'malformed', detail: 'the profile answer has no device id' };
      const read = readPartnerProfile(profile);
      if (!read.ok) return { ok: false, kind: 'malformed', detail: read.problem };
      const tag = answer.headers.get('etag');
      // events of the wrong shape are dropped at the edge, never trusted
      const stayEvents = Array.isArray(stays) ? stays.flatMap((e) => { const r = readStayEvent(e); return r.ok ? [r.event] : []; }) : [];
      return { ok: true, deviceId, profile: read.profile, recent: readSharedRedemptions(recent), stays: stayEvents, ...(tag === null ? {} : { etag: tag }) };
    },

    async uploadStays(serviceUrl, token, events) {
      const answer = await getJson(endpoint(serviceUrl, 'v1/stays'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events }),
      });
      if (!answer.ok) return answer;
      return readUploadResults(answer.value, events);
    },

    async upload(serviceUrl, token, records) {
      const answer = await getJson(endpoint(serviceUrl, 'v1/redemptions'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ records }),
      });
      if (!answer.ok) return answer;
      return readUploadResults(answer.value, records);
    },
  };
}

/**
 * The per-record answer, checked against what was sent: a result for a record that was not in the batch means the
 * answer cannot be trusted at all, so nothing is acknowledged (the records stay in the outbox, sending again is safe).
 */
export function readUploadResults(value: unknown, sent: readonly { id: string }[]): UploadAnswer | SyncFailure {
  const results = (value as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return { ok: false, kind: 'malformed', detail: 'the upload answer has no results' };
  const sentIds = new Set(sent.map((r) => r.id.toLowerCase()));
  const read: RecordResult[] = [];
  for (const entry of results as unknown[]) {
    const { id, status, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !isRecordStatus(status)) {
      return { ok: false, kind: 'malformed', detail: 'an upload result is not {id, status}' };
    }
    if (!sentIds.has(id.toLowerCase())) return { ok: false, kind: 'malformed', detail: 'an upload result names a record that was not sent' };
    read.push(typeof reason === 'string' ? { id, status, reason: reason.slice(0, 200) } : { id, status });
  }
  return { ok: true, results: read };
}

