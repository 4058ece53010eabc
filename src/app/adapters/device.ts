// Browser features the app uses, each feature-detected: persistent storage, downloads, and a kiosk's full screen and
// wake lock (kiosk-screen.ts, loaded when a kiosk starts: issues 12 and 13).

import type * as KioskScreen from './kiosk-screen.ts';

let loading: Promise<typeof KioskScreen> | undefined;
const kioskScreen = () => (loading ??= import('./kiosk-screen.ts'));

/** Full screen and the wake lock for the kiosk, through kiosk-screen.ts loaded on first use. */
export const kioskDisplay = {
  enterFullscreen: (): Promise<void> => kioskScreen().then((screen) => screen.enterFullscreen()),
  exitFullscreen: (): Promise<void> => kioskScreen().then((screen) => screen.exitFullscreen()),
  /** Keeps the screen awake until the returned function is called. */
  keepAwake(): () => void {
    let release: (() => void) | undefined;
    let stopped = false;
    void kioskScreen().then((screen) => {
      if (!stopped) release = screen.keepAwake();
    });
    return () => {
      stopped = true;
      release?.();
    };
  },
};


export type PersistState = 'granted' | 'not-granted' | 'unsupported';

export async function persistedState(): Promise<PersistState> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted()) ? 'granted' : 'not-granted';
}

export async function requestPersistence(): Promise<PersistState> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    return (await navigator.storage.persist()) ? 'granted' : 'not-granted';
  } catch {
    return 'not-granted';
  }
}

/** Offers a text file to the user as a download. */
export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
