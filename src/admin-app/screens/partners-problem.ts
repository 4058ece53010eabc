// Where the core's one-line problem with a partner profile belongs on the editor: the core (readPartnerProfile)
// decides what is wrong and says it; this only finds the field it is about, so the words show beside that field.

import { readPartnerProfile, type PartnerProfile } from '../../core/index.ts';

export type ProfileField = 'id' | 'name' | 'kind' | 'timeZone' | 'address' | 'area';
export type OfferField = 'id' | 'title' | 'description' | 'kind' | 'categories' | 'limit' | 'hours' | 'startDate' | 'endDate' | 'reference' | 'requiresPhotoId';

/** The problem in the core's words (as a sentence), and where it goes: a partner field, an offer's field, or the form. */
export type ProfileProblem = { message: string; at: { profile: ProfileField } | { offer: number; field: OfferField } | { form: true } };

const PROFILE_FIELDS: [RegExp, ProfileField][] = [
  [/^the partner id/, 'id'],
  [/^the partner needs a name/, 'name'],
  [/^the partner kind/, 'kind'],
  [/time zone/, 'timeZone'],
  [/^the partner address/, 'address'],
  [/^the partner area/, 'area'],
];

const OFFER_FIELDS: [RegExp, OfferField][] = [
  [/^an offer id|appears twice/, 'id'],
  [/needs a title/, 'title'],
  [/description/, 'description'],
  [/benefit or a recognition/, 'kind'],
  [/needs categories/, 'categories'],
  [/limit/, 'limit'],
  [/hours/, 'hours'],
  [/startDate/, 'startDate'],
  [/endDate/, 'endDate'],
  [/reference/, 'reference'],
  [/requiresPhotoId/, 'requiresPhotoId'],
];

/** A sentence of the core's words: "offer coffee needs a title" -> "Offer coffee needs a title." */
export function sentence(problem: string): string {
  const text = problem.charAt(0).toUpperCase() + problem.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** What the core says is wrong with this draft, and where; undefined when the core accepts it. */
export function profileProblem(draft: PartnerProfile): ProfileProblem | undefined {
  const read = readPartnerProfile(draft);
  if (read.ok) return undefined;
  return { message: sentence(read.problem), at: placeOf(read.problem, draft) };
}

/** Places a problem the service sent back (the same core words) on the form as well. */
export function placeOf(problem: string, draft: PartnerProfile): ProfileProblem['at'] {
  const profileField = PROFILE_FIELDS.find(([pattern]) => pattern.test(problem))?.[1];
  if (profileField) return { profile: profileField };
  const offerField = OFFER_FIELDS.find(([pattern]) => pattern.test(problem))?.[1];
  const offer = offerAt(problem, draft);
  return offerField && offer !== undefined ? { offer, field: offerField } : { form: true };
}

/** The offer a problem is about: the first one the core refuses on its own, or the second of two with one id. */
function offerAt(problem: string, draft: PartnerProfile): number | undefined {
  const twice = /^offer (.+) appears twice$/.exec(problem)?.[1];
  if (twice !== undefined) {
    const first = draft.offers.findIndex((o) => o.id === twice);
    const second = draft.offers.findIndex((o, i) => i > first && o.id === twice);
    return second >= 0 ? second : undefined;
  }
  const alone = { id: 'x', name: 'x', kind: 'shop', timeZone: 'UTC' };
  const index = draft.offers.findIndex((offer) => !readPartnerProfile({ ...alone, offers: [offer] }).ok);
  return index >= 0 ? index : undefined;
}
