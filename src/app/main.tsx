// Wires the adapters into the models and renders the shell. The only file that knows the real browser adapters.

import { render, type VNode } from 'preact';
import pinnedRoots, { demo as demoBuild } from 'virtual:carers-passport/pinned-roots';
import { pinRoot, type PinnedRoot } from '../core/index.ts';
import { downloadText, kioskDisplay, persistedState, requestPersistence } from './adapters/device.ts';
import { openStorage } from './adapters/storage.ts';
import { onEarlyScan } from './adapters/camera-early.ts';
import { sharedDecoder } from './adapters/decoder-bridge.ts';
import { browserScanner } from './adapters/scanner-browser.ts';
import { createSyncClient } from './adapters/sync-client.ts';
import { registerServiceWorker, serviceWorkerUpdates } from './adapters/sw-bridge.ts';
import { App, KioskScreen } from './App.tsx';
import { preloadVerdictPanels } from './screens/VerdictScreen.tsx';
import { OtherTabNotice } from './components/OtherTabNotice.tsx';
import { ModelsContext } from './models/context.ts';
import { createModels } from './models/create-models.ts';
import { pinHashing } from './models/staff-pin-model.ts';
import { followLanguage, loadLanguage } from './words.ts';
import { DEFAULT_LOCALE } from '../i18n/languages.ts';
import './lang.css';
import './styles.css';

const feedbackOutputs = () => import('./adapters/feedback.ts');

async function start(): Promise<void> {
  performance.mark('cp:main'); // the app's script has been fetched, parsed and evaluated
  const root = document.getElementById('app')!;
  // the bar index.html painted before any script ran goes as the app first renders
  const show = (app: VNode) => {
    root.querySelector(':scope > .topbar--starting')?.remove();
    render(app, root);
  };
  // another tab opened a newer version and this tab has let go of its data: reload at once unless a verification is
  // on screen, then staff choose the moment (set once the verdict model exists)
  let verificationShowing = () => false;
  // the pinned roots' thumbprints are worked out while storage opens (issue 13)
  const pinning = Promise.all(pinnedRoots.map(pinRoot));
  const storage = await openStorage(undefined, {
    onBlocked: () => void loadLanguage(DEFAULT_LOCALE, ['staff']).then(() => show(<OtherTabNotice kind="waiting" />)),
    onVersionChange: () => (verificationShowing() ? show(<OtherTabNotice kind="updated" />) : location.reload()),
  });
  performance.mark('cp:storage-open');
  // only the chosen language's words are fetched, beside the models' loading
  const words = storage.loadSetting('app').then((app) => loadLanguage(app?.language ?? DEFAULT_LOCALE, ['staff']));
  const roots = (await pinning).filter((r): r is PinnedRoot => r !== undefined);
  // one client for both sources of trust data: the files shipped beside the app and the scheme service
  const client = createSyncClient();
  // an installed app holds its trust data: the shipped files are then an update check, made just after the first
  // verdict (below), so their fetches and checks take nothing from it (issue 13)
  const installed = 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
  let shippedCheckTime = () => {};
  const shippedCheck = new Promise<void>((resolve) => (shippedCheckTime = resolve));

  const models = await createModels({
    storage,
    roots,
    // offline with nothing cached, or a broken file: the held copy stands
    fetchShipped: async () => {
      const shipped = await client.fetchShipped(document.baseURI);
      return shipped.ok ? shipped : undefined;
    },
    ...(installed ? { shippedCheckWhen: () => shippedCheck } : {}),
    screen: kioskDisplay,
    // sound and vibration are for staff who turn them on: their code loads with the first result that asks for them
    feedback: {
      beep: (result) => void feedbackOutputs().then((outputs) => outputs.beep(result), () => undefined),
      vibrate: (result) => void feedbackOutputs().then((outputs) => outputs.vibrate(result), () => undefined),
    },
    download: (filename, text) => downloadText(filename, text),
    persistence: { state: persistedState, request: requestPersistence },
    scanner: browserScanner(),
    updates: serviceWorkerUpdates,
    demoBuild,
    // sync with the scheme service (issue 4): enrolment, trust refresh, upload
    sync: { client, isOnline: () => navigator.onLine, publicTrustSource: new URL('.', document.baseURI).href },
  });
  performance.mark('cp:models-ready');
  const { settings, kiosk, verdict } = models;
  verificationShowing = () => verdict.shown.peek() !== undefined;

  // what this device shows on its first screen and verdict, loaded before the first render (a moment, beside the words)
  const parts = Promise.all([preloadVerdictPanels(settings.settings.peek().profile), models.stays.whenReady()]).catch(() => undefined);
  // a kiosk that restarts comes back as a kiosk (full screen needs a tap, so not here)
  if (settings.settings.peek().kiosk) {
    kiosk.enter(false);
    await KioskScreen.preload().catch(() => undefined); // otherwise its first render says "Loading" and then the kiosk
  }
  // before the first render, which may be a verdict: a browser that asks the user (Firefox) does not ask over it
  void requestPersistence();

  // a passport read by boot.ts's early scan while the app loaded is checked before the first render, so the first
  // screen is its verdict rather than a camera view that would close again at once (issue 13); never held long
  let earlyScan: Promise<void> | undefined;
  onEarlyScan((text) => void (earlyScan = models.scanner.submit(text)));
  await Promise.all([words, parts]);
  // a kiosk speaks its visitor's language (their choice lasts for their visit), the staff screens the staff app's
  followLanguage(() => (kiosk.active.value ? models.kioskLanguage.current.value : settings.settings.value.language));
  if (earlyScan) await Promise.race([earlyScan, new Promise((resolve) => setTimeout(resolve, 1_000))]);

  show(
    <ModelsContext.Provider value={models}>
      <App />
    </ModelsContext.Provider>,
  );
  performance.mark('cp:rendered');
  // what the first verdict does not need waits for it (issue 13): sync's code, refreshes and uploads start a moment
  // after the first verdict, so they take neither the link nor the CPU from it, or three seconds after the decoder and
  // the trust data are ready on a till where no passport is shown yet (the held trust data applies meanwhile)
  const verdictShown = new Promise<void>((resolve) => verdict.shown.subscribe((shown) => shown !== undefined && resolve()));
  const ready = Promise.allSettled([sharedDecoder().ready, models.trust.whenUsable()]);
  const after = (ms: number) => () => new Promise((resolve) => setTimeout(resolve, ms));
  const firstScanDone = Promise.race([verdictShown.then(after(1_000)), ready.then(after(3_000))]);
  // an installed app's update check is one small request, and it must be listening early for a new version that
  // arrives while a verdict is on screen: at the first verdict, or half a second after the decoder and the trust data
  // are ready; a first install downloads the whole app again, so it waits as sync does. The shipped trust files (a few
  // fetches and signature checks) are looked at just after that first verdict is painted.
  const updateCheck = installed ? Promise.race([verdictShown, ready.then(after(500))]) : firstScanDone;
  void updateCheck.then(() => registerServiceWorker());
  // the shipped trust check: 100 ms after the first verdict, half a second after ready, five seconds at most
  void Promise.race([verdictShown.then(after(100)), ready.then(after(500)), after(5_000)()]).then(() => shippedCheckTime());
  // the PIN forms' hashing, loaded while the link is there (a kiosk that goes offline can still be left)
  void firstScanDone.then(() => pinHashing().catch(() => undefined));
  void firstScanDone.then(() =>
    models.sync?.start((listener) => {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    }, storage.onRedemptionAdded),
  );
}

void start();
