// The work of syncing (issue 4), loaded when the app first syncs (sync-model.ts holds what screens show): enrolment
// with a code signed by a pinned root, refreshing the trust data and the partner's profile, sending stay events, and
// the outbox uploader.

import { verifyEnrolmentCode } from '../../core/enrolment-code.ts';
import { mergeFetchedTrust, type StayEvent } from '../../core/index.ts';
import type { SyncFailure } from '../adapters/sync-client.ts';
import { OutboxUploader, type UploadTrigger } from './outbox-uploader.ts';
import { ENROLMENT_KEY, inBackground, SHARED_KEY, TRUST_CHECKED_KEY, type EnrolNotice, type Enrolment, type HeldShared, type SyncDeps, type SyncState, type TrustCheck } from './sync-model.ts';
import type { UploaderState } from './uploader-state.ts';

const CODE_PROBLEMS = { malformed: 'CODE_MALFORMED', 'bad-signature': 'CODE_BAD_SIGNATURE', expired: 'CODE_EXPIRED' } as const;

export function createSyncWork(deps: SyncDeps, state: SyncState, uploaderState: UploaderState) {
  const now = deps.now ?? (() => Date.now());
  const isOnline = deps.isOnline ?? (() => true);
  const { enrolment, deviceId, enrolling, enrolMessage, checking, lastCheck, serviceClockOffset, shared, sharedStays } = state;
  const readClock = () => {
    serviceClockOffset.value = isOnline() ? deps.client.clockOffsetMs?.() : undefined;
  };

  const uploader = new OutboxUploader({
    storage: deps.storage,
    client: deps.client,
    session: () => {
      const held = enrolment.peek();
      return held && !held.revoked ? { serviceUrl: held.serviceUrl, token: held.deviceToken } : undefined;
    },
    onUnauthorised: () => void markRevoked(),
    ...(deps.onRecordsChanged ? { onChanged: deps.onRecordsChanged } : {}),
    ...(deps.random ? { random: deps.random } : {}),
    now,
    state: uploaderState,
  });

  const saveEnrolment = async (next: Enrolment) => {
    enrolment.value = next;
    await deps.storage.saveSetting(ENROLMENT_KEY, next);
  };

  const markRevoked = async () => {
    const held = enrolment.peek();
    if (held && !held.revoked) await saveEnrolment({ ...held, revoked: true });
  };

  const failureNotice = (failure: SyncFailure): EnrolNotice => {
    switch (failure.kind) {
      case 'offline':
        return { ok: false, code: 'OFFLINE' };
      case 'timeout':
        return { ok: false, code: 'TIMEOUT' };
      case 'unauthorised':
        return { ok: false, code: 'DEVICE_REVOKED' };
      case 'refused':
        return { ok: false, code: 'REFUSED', detail: failure.message };
      case 'malformed':
        return { ok: false, code: 'SERVICE_MALFORMED' };
      default:
        return { ok: false, code: 'SERVICE_FAILED' };
    }
  };

  const refreshProfile = async (): Promise<void> => {
    const held = enrolment.peek();
    if (!held || held.revoked) return;
    const answer = await deps.client.profile(held.serviceUrl, held.deviceToken, state.sharedEtag);
    readClock();
    if (!answer.ok) {
      if (answer.kind === 'unauthorised') await markRevoked();
      return; // the profile held keeps working
    }
    if (answer.notModified) return;
    // the world may have moved on while we waited (enrolled again elsewhere): only adopt for the same token
    if (enrolment.peek()?.deviceToken !== held.deviceToken) return;
    shared.value = answer.recent ?? [];
    sharedStays.value = answer.stays ?? [];
    state.sharedEtag = answer.etag;
    await deps.storage.saveSetting(SHARED_KEY, {
      ...(answer.etag === undefined ? {} : { etag: answer.etag }),
      recent: shared.peek(),
      stays: sharedStays.peek(),
    } satisfies HeldShared);
    await deps.adoptProfile(answer.profile);
    if (answer.profile.name !== held.partnerName) await saveEnrolment({ ...held, partnerName: answer.profile.name });
  };

  const refreshTrust = async (): Promise<TrustCheck | undefined> => {
    const held = enrolment.peek();
    const source = held?.serviceUrl ?? deps.publicTrustSource;
    if (source === undefined || checking.peek()) return undefined;
    checking.value = true;
    try {
      await deps.trust.whenReady(); // merge with what is held, not with nothing
      const fetched = await deps.client.fetchTrust(source);
      if (!fetched.ok) readClock(); // offline: the service's clock no longer speaks
      if (!fetched.ok && !held) return undefined; // not enrolled, and the app's origin publishes nothing
      const checked = (outcome: TrustCheck['outcome'], listsUpdated = 0, bundleReplaced = false): TrustCheck => ({ at: now(), outcome, listsUpdated, bundleReplaced });
      let check: TrustCheck;
      if (!fetched.ok) check = checked('failed');
      else {
        const merge = await mergeFetchedTrust(deps.trust.state.peek(), fetched, deps.roots);
        if (merge.next) await deps.trust.adopt(merge.next);
        if (merge.bundle === 'rejected') check = checked('bundle-refused');
        else if (merge.next) check = checked('updated', merge.listsUpdated, merge.bundle === 'replaced');
        else check = checked('up-to-date');
      }
      lastCheck.value = check;
      await deps.storage.saveSetting(TRUST_CHECKED_KEY, check);
      return check;
    } finally {
      checking.value = false;
    }
  };

  /** Sends this device's waiting stay events; each answered event (stored, duplicate, refused) leaves the outbox. */
  const sendStays = async (): Promise<void> => {
    const held = enrolment.peek();
    const outbox = deps.stayOutbox?.();
    const waiting = outbox?.waiting() ?? [];
    if (!held || held.revoked || !outbox || waiting.length === 0 || !deps.client.uploadStays) return;
    const events = waiting.map(({ uploaded: _local, ...event }: StayEvent & { uploaded?: unknown }) => event);
    const answer = await deps.client.uploadStays(held.serviceUrl, held.deviceToken, events);
    if (!answer.ok) {
      if (answer.kind === 'unauthorised') await markRevoked();
      return; // they wait for the next try
    }
    await outbox.markSent(answer.results.map((r) => r.id));
    inBackground(refreshProfile); // every ward of the group, this one included, sees the stay as the service holds it
  };

  const upload = async (trigger: UploadTrigger) => {
    await sendStays().catch((error: unknown) => console.error('sending stays failed', error)); // never stops the records
    return uploader.upload(trigger);
  };

  return {
    uploader,
    refreshProfile,
    refreshTrust,
    sendStays,
    upload,
    async enrol(text: string, deviceName?: string): Promise<boolean> {
      if (enrolling.peek()) return false;
      const code = text.trim();
      if (code === '') return (enrolMessage.value = { ok: false, code: 'EMPTY' }), false;
      enrolling.value = true;
      enrolMessage.value = undefined;
      try {
        const check = await verifyEnrolmentCode(code, { roots: deps.roots, now: Math.floor(now() / 1000) });
        if (!check.ok) return (enrolMessage.value = { ok: false, code: CODE_PROBLEMS[check.problem] }), false;
        const name = deviceName?.trim() || deps.deviceName;
        const answer = await deps.client.enrol(check.claims.svc, code, name);
        readClock();
        if (!answer.ok) return (enrolMessage.value = failureNotice(answer)), false;
        // from now on every record carries the id the scheme knows this device by
        await deps.storage.setDeviceId(answer.deviceId);
        deviceId.value = answer.deviceId;
        await saveEnrolment({
          serviceUrl: check.claims.svc,
          deviceToken: answer.deviceToken,
          deviceId: answer.deviceId,
          partnerId: answer.profile.id,
          partnerName: answer.profile.name,
          schemeId: check.claims.iss,
          enrolledAt: new Date(now()).toISOString(),
          revoked: false,
        });
        await deps.adoptProfile(answer.profile);
        shared.value = []; // another partner's records never count here
        sharedStays.value = [];
        state.sharedEtag = undefined;
        await deps.storage.saveSetting(SHARED_KEY, { recent: [] } satisfies HeldShared);
        uploader.reset();
        enrolMessage.value = { ok: true, code: 'ENROLLED', partner: answer.profile.name };
        inBackground(refreshProfile);
        inBackground(refreshTrust);
        void upload('manual');
        return true;
      } finally {
        enrolling.value = false;
      }
    },
  };
}
export type SyncWork = ReturnType<typeof createSyncWork>;
