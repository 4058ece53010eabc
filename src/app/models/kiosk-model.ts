// Kiosk mode: full screen, screen kept awake, no staff controls; leaving it needs the staff PIN.

import { createModel, effect, signal } from '@preact/signals';

export type KioskDeps = {
  enterFullscreen: () => Promise<void>;
  exitFullscreen: () => Promise<void>;
  /** Keeps the screen awake; returns the release. */
  keepAwake: () => () => void;
  /** Remembers the mode, so a kiosk that restarts comes back as a kiosk. */
  remember: (active: boolean) => Promise<void>;
  checkPin: (pin: string) => Promise<boolean>;
};

export const KioskModel = createModel((deps: KioskDeps) => {
  const active = signal(false);
  let release: (() => void) | undefined;
  effect(() => () => release?.()); // disposed with the model

  return {
    active,
    enter(fullscreen = true) {
      if (active.peek()) return;
      active.value = true;
      release = deps.keepAwake();
      if (fullscreen) void deps.enterFullscreen();
      void deps.remember(true);
    },
    async leave(pin: string): Promise<boolean> {
      if (!(await deps.checkPin(pin))) return false;
      active.value = false;
      release?.();
      release = undefined;
      void deps.exitFullscreen();
      await deps.remember(false);
      return true;
    },
  };
});
export type KioskModel = InstanceType<typeof KioskModel>;
