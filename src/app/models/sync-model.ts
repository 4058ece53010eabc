// Sync with the scheme service (issue 4): enrolment with a code signed by a pinned root, trust data refresh (at
// start, every 15 minutes while online, on demand) and the outbox uploader. Adapters come in as arguments, so a
// test builds it with fake-indexeddb and msw and no DOM.

import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import { verifyEnrolmentCode } from '../../core/enrolment-code.ts';
import { mergeFetchedTrust, type PartnerProfile, type PinnedRoot, type SharedRedemption, type StayEvent, type TrustState } from '../../core/index.ts';
import type { SettingKey } from '../adapters/settings-schema.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { SyncClient, SyncFailure } from '../adapters/sync-client.ts';
import { OutboxUploader, type UploadTrigger } from './outbox-uploader.ts';

/** What enrolment gave this device, kept in the settings store. The token is a secret: never logged or shown. */
export type Enrolment = {
  serviceUrl: string;
  deviceToken: string;
  deviceId: string;
  partnerId: string;
  partnerName: string;
  schemeId: string;
  enrolledAt: string;
  /** The service answered 401: the device was removed; nothing is uploaded until it is enrolled again. */
  revoked: boolean;
};

export type SyncDeps = {
  storage: AppStorage;
  client: SyncClient;
  roots: readonly PinnedRoot[];
  trust: { state: ReadonlySignal<TrustState | undefined>; whenReady(): Promise<unknown>; adopt(next: TrustState): Promise<void> };
  adoptProfile(profile: PartnerProfile): Promise<void>;
  /** The records changed state (the history reloads). */
  onRecordsChanged?: () => void;
  deviceName?: string;
  now?: () => number;
  random?: () => number;
  isOnline?: () => boolean;
  trustEveryMs?: number;
  uploadEveryMs?: number;
  profileEveryMs?: number;
  /** This device's stay events waiting for the service (issue 11 point 2); read when sending. */
  stayOutbox?: () => { waiting(): StayEvent[]; markSent(ids: readonly string[]): Promise<void> } | undefined;
  /**
   * Where to refresh the public trust data (spec section 7) before this device is enrolled: the app's own origin,
   * which is a scheme service when the service serves the app. Where it is not (a static host), nothing is said.
   */
  publicTrustSource?: string;
};

export const ENROLMENT_KEY = 'sync-enrolment' satisfies SettingKey;
const TRUST_CHECKED_KEY = 'sync-trust-checked' satisfies SettingKey;
/** The partner's recent records from the service, kept so an offline till still counts what the others gave. */
export const SHARED_KEY = 'sync-shared-redemptions' satisfies SettingKey;
/** Issue 11 point 1: a record given at another till is counted here within a minute. */
export const PROFILE_EVERY_MS = 60_000;
export type HeldShared = { etag?: string; recent: readonly SharedRedemption[]; stays?: readonly StayEvent[] };
export const TRUST_EVERY_MS = 15 * 60_000;
export const UPLOAD_EVERY_MS = 60_000;

/**
 * The last check of the trust data with the scheme, kept in the settings store: codes and counts, never words (a
 * store written before issue 12 held a sentence; storage.ts turns it back into these).
 */
export type TrustCheck = {
  at: number;
  outcome: 'updated' | 'up-to-date' | 'failed' | 'bundle-refused';
  /** When updated: how many cancellation lists were replaced, and whether a newer trust bundle was adopted. */
  listsUpdated: number;
  bundleReplaced: boolean;
};

/** What enrolment said, as a code (and the values its words need); the Settings panel turns it into words. */
export type EnrolNotice =
  | { ok: true; code: 'ENROLLED'; partner: string }
  | { ok: false; code: 'EMPTY' | 'CODE_MALFORMED' | 'CODE_BAD_SIGNATURE' | 'CODE_EXPIRED' }
  | { ok: false; code: 'OFFLINE' | 'TIMEOUT' | 'DEVICE_REVOKED' | 'SERVICE_MALFORMED' | 'SERVICE_FAILED' }
  /** The service refused the code; `detail` is the service's own explanation when it gave one. */
  | { ok: false; code: 'REFUSED'; detail: string };

const CODE_PROBLEMS = { malformed: 'CODE_MALFORMED', 'bad-signature': 'CODE_BAD_SIGNATURE', expired: 'CODE_EXPIRED' } as const;

export const SyncModel = createModel((deps: SyncDeps) => {
  const now = deps.now ?? (() => Date.now());
  const isOnline = deps.isOnline ?? (() => true);
  const enrolment = signal<Enrolment | undefined>(undefined);
  const deviceId = signal('');
  const enrolling = signal(false);
  const enrolMessage = signal<EnrolNotice | undefined>(undefined);
  const checking = signal(false);
  const lastCheck = signal<TrustCheck | undefined>(undefined);
  const timers: ReturnType<typeof setInterval>[] = [];
  /**
   * A refresh nobody waits for (start-up, timers, back online): its failure (storage closed as the tab goes away,
   * a network error the client did not foresee) is shown by the next check, never an unhandled rejection.
   */
  const inBackground = (work: () => Promise<unknown>) => void work().catch((error: unknown) => console.warn('background sync step failed', (error as Error)?.name));
  /** Service time minus device time (ms) from the last call to the service; undefined when it did not answer. */
  const serviceClockOffset = signal<number | undefined>(undefined);
  /** The partner's recent records of limited offers, from every device (this one's included). */
  const shared = signal<readonly SharedRedemption[]>([]);
  /** The stay events of the partner's group (issue 11 point 2), every ward's. */
  const sharedStays = signal<readonly StayEvent[]>([]);
  let sharedEtag: string | undefined;
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
  });

  const revoked = computed(() => enrolment.value?.revoked === true);

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
    const answer = await deps.client.profile(held.serviceUrl, held.deviceToken, sharedEtag);
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
    sharedEtag = answer.etag;
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
    enrolment,
    deviceId,
    revoked,
    serviceClockOffset,
    shared,
    sharedStays,
    sendStays,
    enrolling,
    enrolMessage,
    checking,
    lastCheck,
    uploader,
    async load() {
      const [held, checked, id, heldShared] = await Promise.all([
        deps.storage.loadSetting(ENROLMENT_KEY),
        deps.storage.loadSetting(TRUST_CHECKED_KEY),
        deps.storage.deviceId(),
        deps.storage.loadSetting(SHARED_KEY),
      ]);
      if (held && heldShared) {
        shared.value = heldShared.recent;
        sharedStays.value = heldShared.stays ?? [];
        sharedEtag = heldShared.etag;
      }
      enrolment.value = held;
      lastCheck.value = checked;
      deviceId.value = id;
      if (held?.revoked) uploader.status.value = 'revoked';
      await uploader.refreshCounts();
    },

    /** Checks the code against the pinned roots first: a code signed by anything else never reaches the network. */
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
        sharedEtag = undefined;
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

    refreshTrust,
    refreshProfile,
    upload,

    /** Start-up sync and the timers: trust every 15 minutes while online, upload every minute. */
    start(subscribeOnline?: (listener: () => void) => () => void, subscribeAdded?: (listener: () => void) => () => void) {
      inBackground(refreshTrust);
      inBackground(refreshProfile);
      void upload('start');
      timers.push(setInterval(() => isOnline() && inBackground(refreshTrust), deps.trustEveryMs ?? TRUST_EVERY_MS));
      timers.push(setInterval(() => void upload('interval'), deps.uploadEveryMs ?? UPLOAD_EVERY_MS));
      // issue 11 point 1: cheap (a 304 when nothing changed), so other tills' records count here within a minute
      timers.push(setInterval(() => isOnline() && inBackground(refreshProfile), deps.profileEveryMs ?? PROFILE_EVERY_MS));
      const unsubscribers = [
        subscribeOnline?.(() => {
          inBackground(refreshTrust);
          inBackground(refreshProfile);
          void upload('online');
        }),
        subscribeAdded?.(() => {
          void uploader.refreshCounts();
          void upload('redemption');
        }),
      ];
      return () => {
        for (const timer of timers.splice(0)) clearInterval(timer);
        for (const unsubscribe of unsubscribers) unsubscribe?.();
        uploader.stop();
      };
    },
  };
});
export type SyncModel = InstanceType<typeof SyncModel>;
