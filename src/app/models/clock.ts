// The injected clock as a signal, so ages computed from it move on screen ("3 minutes ago" becomes "4 minutes ago")
// and a test that moves the clock sees them change. It ticks only while something reads it through a subscription.

import { signal, type Signal } from '@preact/signals';

export const CLOCK_TICK_MS = 30_000;

/** Milliseconds since the epoch from `now`, read again every `everyMs` while watched; the owner may set it too. */
export function tickingClock(now: () => number, everyMs = CLOCK_TICK_MS): Signal<number> {
  let timer: ReturnType<typeof setInterval> | undefined;
  const clock: Signal<number> = signal(now(), {
    watched() {
      // not written here (this may run inside a computed): a moment later, then every tick
      queueMicrotask(() => (clock.value = now()));
      timer = setInterval(() => (clock.value = now()), everyMs);
    },
    unwatched() {
      clearInterval(timer);
      timer = undefined;
    },
  });
  return clock;
}
