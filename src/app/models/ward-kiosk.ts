// Issue 11 point 2: a carer who scans their passport at a ward's kiosk is counted as identified (the scheme's
// "carers identified"): one recognition record, no name, through the same outbox as staff's records, so the
// service's recognitions-in-hospitals report counts it. Once a passport a day: re-scans do not inflate the count.

import { effect, untracked, type ReadonlySignal } from '@preact/signals';
import type { Offer, PartnerProfile } from '../../core/index.ts';
import type { ShownVerdict } from './verdict-model.ts';

/**
 * The offer a ward kiosk records against: the profile's first recognition offer. A ward without one records
 * nothing: a record needs an offer the scheme knows, and a benefit (parking, a meal) is given by staff, not a kiosk.
 */
export function wardKioskOffer(profile: PartnerProfile): Offer | undefined {
  if (profile.kind !== 'hospital-ward') return undefined;
  return profile.offers.find((offer) => offer.kind === 'recognition');
}

export type WardKioskDeps = {
  shown: ReadonlySignal<ShownVerdict | undefined>;
  kioskActive: ReadonlySignal<boolean>;
  profile: ReadonlySignal<PartnerProfile>;
  /** Records the recognition for the verdict on screen (RedemptionsModel.recordRecognition). */
  recordRecognition: (offerId: string) => Promise<unknown>;
};

/** Records each verdict shown while a ward's kiosk runs; returns the stop. */
export function recordWardKioskRecognitions(deps: WardKioskDeps): () => void {
  return effect(() => {
    // only a new scan triggers it: entering kiosk mode with a staff verdict still on screen records nothing
    if (!deps.shown.value) return;
    untracked(() => {
      if (!deps.kioskActive.value) return; // staff on a ward record recognitions themselves (OffersPanel)
      const offer = wardKioskOffer(deps.profile.value);
      if (offer) void deps.recordRecognition(offer.id);
    });
  });
}
