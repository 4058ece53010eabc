// The app's models, handed to components through one context (no prop-drilling chains).

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ClockModel } from './clock-model.ts';
import type { KioskModel } from './kiosk-model.ts';
import type { NavigationModel } from './navigation-model.ts';
import type { RedemptionsModel } from './redemptions-model.ts';
import type { ScannerModel } from './scanner-model.ts';
import type { SettingsModel } from './settings-model.ts';
import type { StaysModel } from './stays-model.ts';
import type { SyncModel } from './sync-model.ts';
import type { TrustModel } from './trust-model.ts';
import type { UpdateModel } from './update-model.ts';
import type { VerdictModel } from './verdict-model.ts';

export type Models = {
  settings: SettingsModel;
  trust: TrustModel;
  verdict: VerdictModel;
  redemptions: RedemptionsModel;
  kiosk: KioskModel;
  /** Whether this device's clock can be trusted, and the time passports are judged at (issue 11 point 4). */
  clockCheck: ClockModel;
  /** Hospital stays of the partner's group (issue 11 point 2). */
  stays: StaysModel;
  navigation: NavigationModel;
  /** Camera, handheld scanner, photo and pasted text: the one route to the verdict (issue 12 point 1). */
  scanner: ScannerModel;
  /** A new version of the app waiting to take over. */
  update: UpdateModel;
  /** Enrolment, trust refresh and upload with the scheme service (issue 4); absent in tests that do not sync. */
  sync?: SyncModel;
  /** Offers a download (CSV export); a no-op in tests. */
  download: (filename: string, text: string) => void;
  persistence: { state: () => Promise<'granted' | 'not-granted' | 'unsupported'>; request: () => Promise<'granted' | 'not-granted' | 'unsupported'> };
};

export const ModelsContext = createContext<Models | undefined>(undefined);

export function useModels(): Models {
  const models = useContext(ModelsContext);
  if (!models) throw new Error('useModels outside ModelsContext'); // a wiring bug
  return models;
}
