// Builds every model of the app from its adapters: main.tsx passes the browser's, tests pass fakes, and both get
// the same wiring (how a scan is verified, which clear-after time applies, where a record's device id comes from).

import { computed, signal } from '@preact/signals';
import { isLocale } from '../../i18n/languages.ts';
import { newestSignedTime, verifyPassport, type PinnedRoot } from '../../core/index.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { SyncClient } from '../adapters/sync-client.ts';
import type { TrustTokens } from '../trust-data.ts';
import { ClockModel } from './clock-model.ts';
import type { Models } from './context.ts';
import { KioskLanguageModel } from './kiosk-language-model.ts';
import { KioskModel, type KioskDeps } from './kiosk-model.ts';
import { NavigationModel } from './navigation-model.ts';
import { RedemptionsModel } from './redemptions-model.ts';
import { ScannerModel, type ScannerAdapters } from './scanner-model.ts';
import { resultFeedback, type FeedbackOutputs } from './result-feedback.ts';
import { SettingsModel } from './settings-model.ts';
import { StaysModel } from './stays-model.ts';
import { SyncModel } from './sync-model.ts';
import { TrustModel } from './trust-model.ts';
import { UpdateModel, type UpdateSource } from './update-model.ts';
import { VerdictModel } from './verdict-model.ts';
import { recordWardKioskRecognitions } from './ward-kiosk.ts';

export type AppAdapters = {
  storage: AppStorage;
  roots: readonly PinnedRoot[];
  fetchShipped: () => Promise<TrustTokens | undefined>;
  /** With trust data held, when the shipped files are checked (TrustDeps.shippedCheckWhen); unset: at once. */
  shippedCheckWhen?: () => Promise<unknown>;
  screen: Pick<KioskDeps, 'enterFullscreen' | 'exitFullscreen' | 'keepAwake'>;
  feedback: FeedbackOutputs;
  download: Models['download'];
  persistence: Models['persistence'];
  /** Camera, decoder (started early by boot.ts), handheld scanner and page visibility (issue 12 point 1). */
  scanner: ScannerAdapters;
  /** The service worker's new versions. */
  updates: UpdateSource;
  /** Sync with a scheme service (issue 4); without it the app works alone with the data it holds. */
  sync?: { client: SyncClient; isOnline: () => boolean; publicTrustSource?: string };
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
  /** The demo build (it pins the demo root, src/build/app-roots.ts): the staff PIN starts as the demo PIN. */
  demoBuild?: boolean;
};

export async function createModels(adapters: AppAdapters): Promise<Models> {
  const { storage, roots } = adapters;
  const now = adapters.now ?? (() => Date.now());

  // trust first: reading and checking it is the longest step, and the first verdict waits on it (issue 13)
  const { fetchShipped, shippedCheckWhen } = adapters;
  const trust = new TrustModel({ storage, roots, fetchShipped, now, ...(shippedCheckWhen ? { shippedCheckWhen } : {}) });
  void trust.start();

  const settings = new SettingsModel(storage, { now, demoBuild: adapters.demoBuild ?? false });

  let reloadRecords = () => {};
  let stays: StaysModel | undefined; // made once the verdict model exists; the sync model reads its outbox lazily
  const sync = adapters.sync
    ? new SyncModel({
        storage,
        client: adapters.sync.client,
        roots,
        trust,
        adoptProfile: (profile) => settings.adoptProfile(profile),
        onRecordsChanged: () => reloadRecords(),
        isOnline: adapters.sync.isOnline,
        stayOutbox: () => stays,
        now,
        ...(adapters.sync.publicTrustSource === undefined ? {} : { publicTrustSource: adapters.sync.publicTrustSource }),
      })
    : undefined;
  // independent reads, side by side (the sync model's load also reads this device's id)
  const [, , storedDeviceId] = await Promise.all([settings.load(), sync?.load(), sync ? '' : storage.deviceId()]);

  const clockCheck = new ClockModel({
    now,
    newestSignedAt: computed(() => {
      const held = trust.state.value;
      return held ? newestSignedTime(held) : undefined;
    }),
    serviceOffsetMs: sync ? sync.serviceClockOffset : signal(undefined),
  });

  const navigation = new NavigationModel();
  const kiosk = new KioskModel({
    ...adapters.screen,
    remember: (active) => settings.update({ kiosk: active }),
    checkPin: (pin) => settings.checkPin(pin),
  });

  const verdict = new VerdictModel({
    async verify(text) {
      const state = await trust.whenUsable();
      if (!state) return undefined;
      clockCheck.tick(); // the banner and the verdict judge the same clock
      // a slow device clock cannot bring an expired passport back (issue 11 point 4)
      return verifyPassport(text, { bundle: state.bundle, statusLists: state.statusLists, now: clockCheck.verificationNow() });
    },
    clearAfter: computed(() => (kiosk.active.value ? settings.settings.value.kioskResetSeconds : settings.settings.value.clearAfterSeconds)),
    onResult: resultFeedback(settings.settings, adapters.feedback),
  });

  // every way a passport reaches the app takes this one route to the verdict (issue 12 point 1)
  const scanner = new ScannerModel({
    adapters: adapters.scanner,
    storage,
    scan: (text) => verdict.scan(text),
    // a scanner's burst is a passport to check on the scan screen (or its verdict) and in the kiosk, not in Settings
    wedgeWanted: computed(() => kiosk.active.value || navigation.screen.value === 'scan'),
  });

  // issue 11 point 2: hospital stays of the partner's group
  stays = new StaysModel({
    storage,
    profile: computed(() => settings.settings.value.profile),
    shown: verdict.shown,
    ...(sync ? { shared: sync.sharedStays } : {}),
    deviceId: () => (sync ? sync.deviceId.peek() : storedDeviceId),
    now,
    onAdded: () => void sync?.sendStays(),
  });

  const redemptions = new RedemptionsModel({
    storage,
    shown: verdict.shown,
    profile: computed(() => settings.settings.value.profile),
    // read at each redemption: enrolment gives the device the id the scheme knows it by
    get deviceId() {
      return sync ? sync.deviceId.peek() : storedDeviceId;
    },
    now,
    onActivity: () => verdict.extend(),
    ...(sync ? { shared: sync.shared } : {}),
    onStay: stays.onStay,
  });
  reloadRecords = () => void redemptions.load(settings.settings.peek().retentionDays);
  // side by side: two independent reads (issue 13)
  await Promise.all([stays.load(), scanner.load(), redemptions.load(settings.settings.peek().retentionDays)]);

  const update = new UpdateModel({
    source: adapters.updates,
    busy: computed(() => verdict.shown.value !== undefined || verdict.checking.value || redemptions.pending.value.size > 0),
  });

  // issue 11 point 2: a ward's kiosk counts the carers it identifies, through the same outbox as staff's records
  recordWardKioskRecognitions({
    shown: verdict.shown,
    kioskActive: kiosk.active,
    profile: computed(() => settings.settings.value.profile),
    recordRecognition: (offerId) => redemptions.recordRecognition(offerId),
  });

  // issue 12 point 3: a kiosk visitor's language lasts for their visit; between visits, the staff app's language
  const kioskLanguage = new KioskLanguageModel({
    home: computed(() => settings.settings.value.language),
    active: kiosk.active,
    verdictShown: computed(() => verdict.shown.value !== undefined),
    known: isLocale,
    // only a device that was a kiosk when it stopped comes back in its visitor's language
    load: async () => (settings.settings.peek().kiosk ? (await storage.loadSetting('kiosk-language')) || undefined : undefined),
    save: (locale) => storage.saveSetting('kiosk-language', locale ?? ''),
  });
  await kioskLanguage.load();

  return {
    settings,
    trust,
    verdict,
    redemptions,
    kiosk,
    kioskLanguage,
    clockCheck,
    stays,
    navigation,
    scanner,
    update,
    ...(sync ? { sync } : {}),
    download: adapters.download,
    persistence: adapters.persistence,
  };
}
