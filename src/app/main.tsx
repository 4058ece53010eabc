// Wires the adapters into the models and renders the shell. The only file that knows the real browser adapters.

import { computed } from '@preact/signals';
import { render } from 'preact';
import pinnedRoots from 'virtual:carers-passport/pinned-roots';
import { pinRoot, verifyPassport, type PinnedRoot } from '../core/index.ts';
import { downloadText, enterFullscreen, exitFullscreen, keepAwake, persistedState, requestPersistence } from './adapters/device.ts';
import { beep, vibrate } from './adapters/feedback.ts';
import { openStorage } from './adapters/storage.ts';
import { createSyncClient } from './adapters/sync-client.ts';
import { registerServiceWorker } from './adapters/sw-bridge.ts';
import { App } from './App.tsx';
import { OtherTabNotice } from './components/OtherTabNotice.tsx';
import { ModelsContext, type Models } from './models/context.ts';
import { KioskModel } from './models/kiosk-model.ts';
import { NavigationModel } from './models/navigation-model.ts';
import { RedemptionsModel } from './models/redemptions-model.ts';
import { resultFeedback } from './models/result-feedback.ts';
import { SettingsModel } from './models/settings-model.ts';
import { SyncModel } from './models/sync-model.ts';
import { TrustModel } from './models/trust-model.ts';
import { VerdictModel } from './models/verdict-model.ts';
import { fetchShippedTrust } from './trust-data.ts';
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  // another tab opened a newer version and this tab has let go of its data: reload at once unless a verification is
  // on screen, then staff choose the moment (set once the verdict model exists)
  let verificationShowing = () => false;
  const storage = await openStorage(undefined, {
    onBlocked: () => render(<OtherTabNotice kind="waiting" />, root),
    onVersionChange: () => (verificationShowing() ? render(<OtherTabNotice kind="updated" />, root) : location.reload()),
  });
  const roots = (await Promise.all(pinnedRoots.map(pinRoot))).filter((r): r is PinnedRoot => r !== undefined);

  const settings = new SettingsModel(storage);
  await settings.load();

  const trust = new TrustModel({ storage, roots, fetchShipped: () => fetchShippedTrust(document.baseURI) });
  void trust.start();

  // sync with the scheme service (issue 4): enrolment, trust refresh, upload
  const sync = new SyncModel({
    storage,
    client: createSyncClient(),
    roots,
    trust,
    adoptProfile: (profile) => settings.adoptProfile(profile),
    onRecordsChanged: () => void redemptions.load(settings.settings.peek().retentionDays),
    isOnline: () => navigator.onLine,
    publicTrustSource: new URL('.', document.baseURI).href,
  });
  await sync.load(); // also reads this device's id

  const kiosk = new KioskModel({
    enterFullscreen,
    exitFullscreen,
    keepAwake,
    remember: (active) => settings.update({ kiosk: active }),
    checkPin: (pin) => settings.checkPin(pin),
  });

  const verdict = new VerdictModel({
    async verify(text) {
      const state = await trust.whenReady();
      if (!state) return undefined;
      return verifyPassport(text, { bundle: state.bundle, statusLists: state.statusLists, now: Math.floor(Date.now() / 1000) });
    },
    clearAfter: computed(() => (kiosk.active.value ? settings.settings.value.kioskResetSeconds : settings.settings.value.clearAfterSeconds)),
    onResult: resultFeedback(settings.settings, { beep, vibrate }),
  });
  verificationShowing = () => verdict.shown.peek() !== undefined;

  const redemptions = new RedemptionsModel({
    storage,
    shown: verdict.shown,
    profile: computed(() => settings.settings.value.profile),
    // read at each redemption: enrolment gives the device the id the scheme knows it by
    get deviceId() {
      return sync.deviceId.peek();
    },
    onActivity: () => verdict.extend(),
  });
  await redemptions.load(settings.settings.peek().retentionDays);

  // a kiosk that restarts comes back as a kiosk (full screen needs a tap, so not here)
  if (settings.settings.peek().kiosk) kiosk.enter(false);
  void requestPersistence();

  const models: Models = {
    settings,
    trust,
    verdict,
    redemptions,
    kiosk,
    navigation: new NavigationModel(),
    sync,
    download: (filename, text) => downloadText(filename, text),
    persistence: { state: persistedState, request: requestPersistence },
  };
  render(
    <ModelsContext.Provider value={models}>
      <App />
    </ModelsContext.Provider>,
    root,
  );
  void registerServiceWorker();
  sync.start((listener) => {
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  }, storage.onRedemptionAdded);
}

void start();
