// The three demo partner profiles shipped with the app (the next issue brings the profile from the scheme).

import { readPartnerProfile, type PartnerProfile } from '../core/index.ts';
import emergency from '../demo/partners/emergency.json';
import hospitalWard from '../demo/partners/hospital-ward.json';
import pharmacy from '../demo/partners/pharmacy.json';
import shop from '../demo/partners/shop.json';

function read(value: unknown): PartnerProfile {
  const result = readPartnerProfile(value);
  if (!result.ok) throw new Error(`a shipped demo profile is broken: ${result.problem}`); // a bug, caught by tests
  return result.profile;
}

export const DEMO_PROFILES: readonly PartnerProfile[] = [read(shop), read(pharmacy), read(hospitalWard), read(emergency)];

export function demoProfile(id: string): PartnerProfile | undefined {
  return DEMO_PROFILES.find((p) => p.id === id);
}
