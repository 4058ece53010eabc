// The page's side of the service worker (workbox-window): the one module that registers it and talks to it.
// Production builds only: the dev server has no sw.js (toolchain notes).

import type { UpdateSource } from '../models/update-model.ts';
import type { Registered } from './sw-register.ts';

/** True once a new version has installed and is waiting for the page's go-ahead. */
let waiting = false;
const waitingListeners = new Set<() => void>();

let workbox: Registered | undefined;
let registering: Promise<void> | undefined;

/** Registers the service worker once; later calls return the same promise. Safe in any build. */
export function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve();
  registering ??= import('./sw-register.ts')
    .then(({ register }) =>
      register(() => {
        waiting = true;
        for (const listener of waitingListeners) listener();
      }),
    )
    .then(
      (registered) => void (workbox = registered),
      () => {
        // an app that cannot be installed still works online; nothing to tell staff
      },
    );
  return registering;
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
