// Registers the service worker with workbox-window, loaded by sw-bridge.ts once the first verdict is on screen (or
// the app is ready without one): neither is needed before it (issue 13).

import { Workbox } from 'workbox-window';

const HOUR = 3_600_000;

export type Registered = { messageSkipWaiting(): void };

export async function register(onWaiting: () => void): Promise<Registered> {
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  wb.addEventListener('waiting', onWaiting);
  // after the page allowed the update, the new worker takes over: reload into the new version
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  await wb.register();
  // tills stay open all day: look for a new version every hour and when the app comes back to the front
  setInterval(() => void wb.update().catch(() => undefined), HOUR);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void wb.update().catch(() => undefined);
  });
  return wb;
}
