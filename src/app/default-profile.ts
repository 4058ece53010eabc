// The partner a new device starts as: the demo shop, until staff choose another demo partner or the device is
// enrolled (issue 4). Apart from the other demo profiles (partner-profiles.ts), which Settings load when opened.

import { readPartnerProfile, type PartnerProfile } from '../core/index.ts';
import shop from '../demo/partners/shop.json';

export function readShippedProfile(value: unknown): PartnerProfile {
  const result = readPartnerProfile(value);
  if (!result.ok) throw new Error(`a shipped demo profile is broken: ${result.problem}`); // a bug, caught by tests
  return result.profile;
}

export const DEFAULT_PROFILE: PartnerProfile = readShippedProfile(shop);
