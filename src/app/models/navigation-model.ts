// Which staff screen is open. The verdict is not a screen of its own: it covers the scan screen while shown.

import { createModel, signal } from '@preact/signals';

export type ScreenName = 'scan' | 'history' | 'settings';

export const NavigationModel = createModel(() => {
  const screen = signal<ScreenName>('scan');
  return {
    screen,
    go(next: ScreenName) {
      screen.value = next;
    },
  };
});
export type NavigationModel = InstanceType<typeof NavigationModel>;
