// The page's side of the service worker (workbox-window): the one module that registers it and talks to it.
// Production builds only: the dev server has no sw.js (toolchain notes).

import type { UpdateSource } from '../models/update-model.ts';

/** True once a new version has installed and is waiting for the page's go-ahead. */
let waiting = false;
const waitingListeners = new Set<() => void>();

type WaitingWorkbox = { messageSkipWaiting(): void; update(): Promise<unknown> };

let workbox: WaitingWorkbox | undefined;
let registering: Promise<void> | undefined;

const HOUR = 3_600_000;

/** Registers the service worker once; later calls return the same promise. Safe in any build. */
export function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve();
  registering ??= register().catch(() => {
    // an app that cannot be installed still works online; nothing to tell staff
  });
  return registering;
}

async function register(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  wb.addEventListener('waiting', () => {
    waiting = true;
    for (const listener of waitingListeners) listener();
  });
  // after the page allowed the update, the new worker takes over: reload into the new version
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  await wb.register();
  workbox = wb;
  // tills stay open all day: look for a new version every hour and when the app comes back to the front
  setInterval(() => void wb.update().catch(() => undefined), HOUR);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update().catch(() => undefined);
  });
}

/** The service worker as the update model sees it (update-model.ts). */
export const serviceWorkerUpdates: UpdateSource = {
  onUpdateWaiting(listener) {
    waitingListeners.add(listener);
    if (waiting) listener();
    return () => waitingListeners.delete(listener);
  },
  // the waiting version takes over; the page reloads when it does (see `controlling` above)
  applyUpdate() {
    if (!workbox || !waiting) return;
    waiting = false;
    workbox.messageSkipWaiting();
  },
};
