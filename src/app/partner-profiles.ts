// The four demo partner profiles shipped with the app; a device enrolled with a scheme gets its profile from it.

import type { PartnerProfile } from '../core/index.ts';
import emergency from '../demo/partners/emergency.json';
import hospitalWard from '../demo/partners/hospital-ward.json';
import pharmacy from '../demo/partners/pharmacy.json';
import { DEFAULT_PROFILE, readShippedProfile } from './default-profile.ts';

export const DEMO_PROFILES: readonly PartnerProfile[] = [DEFAULT_PROFILE, readShippedProfile(pharmacy), readShippedProfile(hospitalWard), readShippedProfile(emergency)];

export function demoProfile(id: string): PartnerProfile | undefined {
  return DEMO_PROFILES.find((p) => p.id === id);
}
