// A new version of the app (issue 12 point 1): the service worker's waiting update as a signal, and the go-ahead.
// The prompt waits while a verification is in progress and never reloads on its own: staff choose the moment.

import { computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';

/** What the model needs of the service worker (sw-bridge.ts in the browser, a fake in tests). */
export type UpdateSource = {
  /** Calls `listener` when a new version has installed and waits (at once when one already does); returns the stop. */
  onUpdateWaiting(listener: () => void): () => void;
  /** Tells the waiting version to take over; the page reloads into it. */
  applyUpdate(): void;
};

export type UpdateDeps = {
  source: UpdateSource;
  /** A verdict on screen, a check or a redemption under way: no interruption now. */
  busy: ReadonlySignal<boolean>;
};

export const UpdateModel = createModel((deps: UpdateDeps) => {
  const available = signal(false);
  const later = signal(false);
  effect(() => deps.source.onUpdateWaiting(() => (available.value = true)));

  return {
    /** A new version has installed and waits for the go-ahead. */
    available,
    /** Whether to offer it now: waiting, nobody busy, and not put off for this session. */
    offered: computed(() => available.value && !deps.busy.value && !later.value),
    apply(): void {
      if (!available.peek()) return;
      available.value = false;
      deps.source.applyUpdate();
    },
    /** "Later": not offered again in this session. */
    putOff(): void {
      later.value = true;
    },
  };
});
export type UpdateModel = InstanceType<typeof UpdateModel>;
