// A kiosk's screen (and the carer's page's): full screen and the wake lock, each feature-detected.

export async function enterFullscreen(): Promise<void> {
  try {
    if (!document.fullscreenElement && document.documentElement.requestFullscreen) await document.documentElement.requestFullscreen();
  } catch {
    // not allowed here (no user gesture, or an iframe): kiosk still works in the window
  }
}

export async function exitFullscreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
  } catch {
    // already left
  }
}

type Sentinel = { release(): Promise<void>; released: boolean };

/** Keeps the screen awake until the returned function is called; re-acquires when the page becomes visible again. */
export function keepAwake(): () => void {
  let sentinel: Sentinel | undefined;
  let stopped = false;
  const acquire = async () => {
    const lock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<Sentinel> } }).wakeLock;
    if (!lock || stopped || document.visibilityState !== 'visible') return;
    try {
      sentinel = await lock.request('screen');
      if (stopped) void sentinel.release();
    } catch {
      // refused (battery saver): the kiosk still works, the screen may dim
    }
  };
  // the browser releases the lock when the page is hidden; take it again on return
  const onVisibility = () => {
    if (document.visibilityState === 'visible' && (!sentinel || sentinel.released)) void acquire();
  };
  document.addEventListener('visibilitychange', onVisibility);
  void acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisibility);
    void sentinel?.release().catch(() => undefined);
  };
}
