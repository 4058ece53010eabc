// "Does it apply now to an adult carer?" for the admin page (issue 10, point 3): the core's own offer rules
// (core/offers.ts) run on a valid passport of that kind at that moment, with no earlier uses, and the words staff see
// at the till (the English catalogue, src/i18n) for each offer that does not apply.

import { checkOffers, localTime, type Category, type OfferRefusal, type PartnerProfile, type Verdict } from '../../core/index.ts';
import { english } from '../../i18n/english.ts';
import { limitWords, refusalWords } from '../../i18n/offer-words.ts';

export type OfferPreview = {
  offerId: string;
  title: string;
  applies: boolean;
  /** Why not, as the core's code and the till's words. */
  code?: OfferRefusal['code'];
  why?: string;
  /** The offer's limit in words ("Once a day"): a first use is assumed. */
  limit: string;
};

export type PartnerPreview = { partnerId: string; cat: Category; at: string; localTime: string; offers: OfferPreview[] };

export function previewOffers(profile: PartnerProfile, cat: Category, atMs: number): PartnerPreview {
  const at = Math.floor(atMs / 1000);
  const verdict: Verdict = {
    result: 'valid',
    code: 'VALID',
    passport: { iss: 'preview', issuer: 'Preview', jti: 'PREVIEW', name: 'Preview', cat, nbf: at - 86_400, exp: at + 86_400 },
  };
  const local = localTime(atMs, profile.timeZone);
  return {
    partnerId: profile.id,
    cat,
    at: new Date(atMs).toISOString(),
    localTime: `${local.date} ${local.time} (${profile.timeZone})`,
    offers: checkOffers({ profile, verdict, records: [], now: atMs }).map((check) => ({
      offerId: check.offer.id,
      title: check.offer.title,
      applies: check.applies,
      ...(check.applies ? {} : { code: check.refusal.code, why: refusalWords(english, check.refusal) }),
      limit: limitWords(english, check.offer.limit),
    })),
  };
}
