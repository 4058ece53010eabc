// The verdict on screen: one at a time, cleared (screen and memory) after a set time, on "Done" and on a new scan.

import { createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Verdict } from '../../core/index.ts';

/** A verdict as shown: `id` tells one scan from the next, even for the same passport. */
export type ShownVerdict = { id: number; verdict: Verdict; shownAt: number };

export type VerdictDeps = {
  /** Verifies with the trust data held; undefined when there is none yet. */
  verify: (text: string) => Promise<Verdict | undefined>;
  /** Seconds before the result clears itself. */
  clearAfter: ReadonlySignal<number>;
  onResult?: (verdict: Verdict) => void;
};

export const VerdictModel = createModel((deps: VerdictDeps) => {
  const shown = signal<ShownVerdict | undefined>(undefined);
  const secondsLeft = signal(0);
  const checking = signal(false);
  const noTrust = signal(false);
  const failed = signal(false);
  let scans = 0;
  /** The text being checked now: read again meanwhile (the early scan and the camera view both saw it), one scan. */
  let checkingText: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stopTimer = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const clear = () => {
    stopTimer();
    shown.value = undefined; // drops the passport (and the carer's name) from memory too
    secondsLeft.value = 0;
  };
  const startTimer = () => {
    stopTimer();
    secondsLeft.value = Math.max(1, Math.round(deps.clearAfter.peek()));
    timer = setInterval(() => {
      const next = secondsLeft.peek() - 1;
      if (next <= 0) clear();
      else secondsLeft.value = next;
    }, 1000);
  };
  effect(() => stopTimer); // disposed with the model

  return {
    shown,
    secondsLeft,
    checking,
    noTrust,
    /** The last check could not be done at all (not a verdict on the passport). */
    failed,
    async scan(text: string) {
      if (checking.peek() && text === checkingText) return;
      checkingText = text;
      const mine = ++scans;
      clear();
      noTrust.value = false;
      failed.value = false;
      checking.value = true;
      let verdict: Verdict | undefined;
      try {
        verdict = await deps.verify(text);
      } catch (error) {
        // a broken environment (storage full, crypto missing), not a bad passport: say so, never hang on "checking"
        if (mine === scans) (checking.value = false), (failed.value = true);
        console.error('verification failed', error);
        return;
      }
      if (mine !== scans) return; // a newer scan started while this one was verifying
      checking.value = false;
      if (!verdict) {
        noTrust.value = true;
        return;
      }
      shown.value = { id: mine, verdict, shownAt: Date.now() };
      startTimer();
      deps.onResult?.(verdict);
    },
    clear,
    /** Staff are busy with this result (redeeming, typing a reference): start the countdown again. */
    extend() {
      if (shown.peek()) startTimer();
    },
  };
});
export type VerdictModel = InstanceType<typeof VerdictModel>;
