// Sync with the scheme service (issue 4): enrolment with a code signed by a pinned root, trust data refresh (at
// start, every 15 minutes while online, on demand) and the outbox uploader. Adapters come in as arguments, so a
// test builds it with fake-indexeddb and msw and no DOM.
// What screens show (enrolment, counts, the partner's shared records) is here from the start; the work of syncing
// (sync-work.ts: the calls, enrolment, the uploader) is loaded when it first runs, after the first verdict
// (issues 12 and 13: the first verdict does not wait for code it does not use).

import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import type { PartnerProfile, PinnedRoot, SharedRedemption, StayEvent, TrustState } from '../../core/index.ts';
import type { SettingKey } from '../adapters/settings-schema.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { SyncClient } from '../adapters/sync-client.ts';
import type { UploadTrigger } from './outbox-uploader.ts';
import { createUploaderState, type UploaderState } from './uploader-state.ts';
import type { SyncWork } from './sync-work.ts';

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
export const TRUST_CHECKED_KEY = 'sync-trust-checked' satisfies SettingKey;
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

/** The signals sync-work.ts writes and screens read. */
export type SyncState = ReturnType<typeof createSyncState>;

function createSyncState() {
  return {
    enrolment: signal<Enrolment | undefined>(undefined),
    deviceId: signal(''),
    enrolling: signal(false),
    enrolMessage: signal<EnrolNotice | undefined>(undefined),
    checking: signal(false),
    lastCheck: signal<TrustCheck | undefined>(undefined),
    /** Service time minus device time (ms) from the last call to the service; undefined when it did not answer. */
    serviceClockOffset: signal<number | undefined>(undefined),
    /** The partner's recent records of limited offers, from every device (this one's included). */
    shared: signal<readonly SharedRedemption[]>([]),
    /** The stay events of the partner's group (issue 11 point 2), every ward's. */
    sharedStays: signal<readonly StayEvent[]>([]),
    /** The profile answer's ETag: a 304 when nothing changed. */
    sharedEtag: undefined as string | undefined,
  };
}

/**
 * A refresh nobody waits for (start-up, timers, back online): its failure (storage closed as the tab goes away,
 * a network error the client did not foresee) is shown by the next check, never an unhandled rejection.
 */
export const inBackground = (run: () => Promise<unknown>): void =>
  void run().catch((error: unknown) => console.warn('background sync step failed', (error as Error)?.name));

export const SyncModel = createModel((deps: SyncDeps) => {
  const isOnline = deps.isOnline ?? (() => true);
  const state = createSyncState();
  const uploaderState: UploaderState = createUploaderState(deps.storage);
  const timers: ReturnType<typeof setInterval>[] = [];
  // one instance, however many actions ask for it at once
  let loading: Promise<SyncWork> | undefined;
  let loaded: SyncWork | undefined;
  const withWork = async <T,>(use: (w: SyncWork) => Promise<T>): Promise<T> => {
    loading ??= import('./sync-work.ts').then((m) => (loaded = m.createSyncWork(deps, state, uploaderState)));
    return use(loaded ?? (await loading));
  };
  const refreshTrust = () => withWork((w) => w.refreshTrust());
  const refreshProfile = () => withWork((w) => w.refreshProfile());
  const upload = (trigger: UploadTrigger) => withWork((w) => w.upload(trigger));

  return {
    enrolment: state.enrolment,
    deviceId: state.deviceId,
    revoked: computed(() => state.enrolment.value?.revoked === true),
    serviceClockOffset: state.serviceClockOffset,
    shared: state.shared,
    sharedStays: state.sharedStays,
    enrolling: state.enrolling,
    enrolMessage: state.enrolMessage,
    checking: state.checking,
    lastCheck: state.lastCheck,
    uploader: {
      ...uploaderState,
      upload: (trigger: UploadTrigger) => withWork((w) => w.uploader.upload(trigger)),
      stop: () => loaded?.uploader.stop(),
    },
    sendStays: () => withWork((w) => w.sendStays()),

    async load() {
      const [held, checked, id, heldShared] = await Promise.all([
        deps.storage.loadSetting(ENROLMENT_KEY),
        deps.storage.loadSetting(TRUST_CHECKED_KEY),
        deps.storage.deviceId(),
        deps.storage.loadSetting(SHARED_KEY),
      ]);
      if (held && heldShared) {
        state.shared.value = heldShared.recent;
        state.sharedStays.value = heldShared.stays ?? [];
        state.sharedEtag = heldShared.etag;
      }
      state.enrolment.value = held;
      state.lastCheck.value = checked;
      state.deviceId.value = id;
      if (held?.revoked) uploaderState.status.value = 'revoked';
      await uploaderState.refreshCounts();
    },

    /** Checks the code against the pinned roots first: a code signed by anything else never reaches the network. */
    enrol: (text: string, deviceName?: string): Promise<boolean> => withWork((w) => w.enrol(text, deviceName)),

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
          void uploaderState.refreshCounts();
          void upload('redemption');
        }),
      ];
      return () => {
        for (const timer of timers.splice(0)) clearInterval(timer);
        for (const unsubscribe of unsubscribers) unsubscribe?.();
        loaded?.uploader.stop();
      };
    },
  };
});
export type SyncModel = InstanceType<typeof SyncModel>;
