// Is this device's clock right? Watches the newest signed time held and the service's clock (issue 11 point 4), and
// gives the time passports are judged at. Ticks every 30 s, so a clock put right (or wrong) shows within a minute.

import { computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import { checkDeviceClock, verificationTime, type ClockCheck, type NumericDate } from '../../core/index.ts';

export type ClockDeps = {
  /** The device's clock, ms since the epoch. */
  now: () => number;
  /** The newest bundle or list `iat` held; undefined before any trust data. */
  newestSignedAt: ReadonlySignal<NumericDate | undefined>;
  /** Service time minus device time (ms) from the last answer of the scheme service; undefined offline. */
  serviceOffsetMs: ReadonlySignal<number | undefined>;
  tickMs?: number;
};

export const ClockModel = createModel((deps: ClockDeps) => {
  const deviceNow = signal(deps.now());
  const evidence = () => ({ deviceNowMs: deviceNow.value, newestSignedAt: deps.newestSignedAt.value, serviceOffsetMs: deps.serviceOffsetMs.value });
  const check = computed((): ClockCheck => checkDeviceClock(evidence()));
  const wrong = computed(() => !check.value.ok);

  effect(() => {
    const timer = setInterval(() => (deviceNow.value = deps.now()), deps.tickMs ?? 30_000);
    return () => clearInterval(timer);
  });

  return {
    check,
    wrong,
    /** Reads the clock again now (after a scan, so a verdict and the banner agree). */
    tick() {
      deviceNow.value = deps.now();
    },
    /** The time to judge a passport at (NumericDate): never earlier than any witness of the real time. */
    verificationNow(): NumericDate {
      return verificationTime({ deviceNowMs: deps.now(), newestSignedAt: deps.newestSignedAt.peek(), serviceOffsetMs: deps.serviceOffsetMs.peek() });
    },
  };
});
export type ClockModel = InstanceType<typeof ClockModel>;
