// Offers for the verdict on screen and the redemptions this device recorded. A record is committed to IndexedDB
// before its confirmation shows; one tap, one record, however many times the button is pressed.

import { computed, createModel, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import {
  buildRedemptionRecord,
  checkOffer,
  checkOffers,
  localTime,
  redemptionsToCsv,
  selectPurgeable,
  type PartnerProfile,
  type SharedRedemption,
  type StoredRedemption,
} from '../../core/index.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { ShownVerdict } from './verdict-model.ts';

/** Why an offer was not given when staff tapped it: a code (and the value its words need), never words. */
export type RedeemProblem =
  | { code: 'CONFIRM_WARNING_FIRST' }
  | { code: 'REFERENCE_NEEDED'; label: string }
  | { code: 'PHOTO_ID_NEEDED' }
  | { code: 'RECORD_FAILED' };

export type RedemptionsDeps = {
  storage: AppStorage;
  shown: ReadonlySignal<ShownVerdict | undefined>;
  profile: ReadonlySignal<PartnerProfile>;
  deviceId: string;
  now?: () => number;
  /** Called when staff act on the result, so it does not clear under their hands. */
  onActivity?: () => void;
  /** The partner's recent records from every till (issue 11 point 1), counted with this device's own for limits. */
  shared?: ReadonlySignal<readonly SharedRedemption[]>;
  /** The carer on screen is on a hospital stay in the partner's group (issue 11 point 2). */
  onStay?: ReadonlySignal<boolean>;
};

export const RedemptionsModel = createModel((deps: RedemptionsDeps) => {
  const now = deps.now ?? (() => Date.now());
  const records = signal<StoredRedemption[]>([]);
  const clock = signal(now());
  const warningConfirmed = signal(false);
  const references = signal<Readonly<Record<string, string>>>({});
  /** Offers whose "photo ID seen" box staff ticked for the verdict on screen (issue 11 point 5). */
  const photoIdSeen = signal<ReadonlySet<string>>(new Set());
  const recorded = signal<Readonly<Record<string, StoredRedemption>>>({});
  const problems = signal<Readonly<Record<string, RedeemProblem>>>({});
  const pending = signal<ReadonlySet<string>>(new Set());
  const purged = signal(0);
  let loads = 0; // loads in progress
  const addedWhileLoading: StoredRedemption[] = [];
  /** Recognitions being written (passport, offer and day), so two quick scans of one passport record it once. */
  const recognising = new Set<string>();

  // a new verdict (or none) starts clean: no confirmation, references or receipts carry over
  effect(() => {
    deps.shown.value;
    untracked(() => {
      warningConfirmed.value = false;
      references.value = {};
      photoIdSeen.value = new Set();
      recorded.value = {};
      problems.value = {};
      clock.value = now();
    });
  });

  // this device's records and the other tills', each record once (the service also sends back this device's own)
  const counted = computed(() => {
    const own = records.value;
    const shared = deps.shared?.value ?? [];
    if (shared.length === 0) return own;
    const ids = new Set(own.map((r) => r.id.toLowerCase()));
    return [...own, ...shared.filter((r) => !ids.has(r.id))];
  });
  /** Ids of records the scheme flagged as given beyond the limit (two tills offline at once). */
  const overLimit = computed(() => new Set((deps.shared?.value ?? []).filter((r) => r.overLimit).map((r) => r.id)));
  const checks = computed(() => {
    const shown = deps.shown.value;
    if (!shown) return [];
    return checkOffers({ profile: deps.profile.value, verdict: shown.verdict, records: counted.value, now: clock.value, onStay: deps.onStay?.value ?? false });
  });
  const waiting = computed(() => records.value.filter((r) => r.uploaded === 0).length);
  const today = computed(() => {
    const zone = deps.profile.value.timeZone;
    const date = localTime(clock.value, zone).date;
    return records.value.filter((r) => localTime(Date.parse(r.redeemedAt), zone).date === date);
  });

  /** Commits the record, then counts it (a load reading meanwhile keeps it too). */
  const store = async (stored: StoredRedemption) => {
    await deps.storage.addRedemption(stored);
    if (loads > 0) addedWhileLoading.push(stored);
    records.value = [stored, ...records.peek()];
  };

  const setProblem = (offerId: string, problem: RedeemProblem | undefined) => {
    const next = { ...problems.peek() };
    if (problem === undefined) delete next[offerId];
    else next[offerId] = problem;
    problems.value = next;
  };

  return {
    records,
    overLimit,
    checks,
    waiting,
    today,
    warningConfirmed,
    references,
    photoIdSeen,
    recorded,
    problems,
    pending,
    purged,
    /** Loads every record and purges uploaded and refused ones past the retention period. */
    async load(retentionDays: number) {
      loads++;
      try {
        const [all, rejected] = await Promise.all([deps.storage.listRedemptions(), deps.storage.listRejected()]);
        const purge = selectPurgeable(all, now(), retentionDays, new Set(rejected.map((r) => r.id)));
        if (purge.length > 0) await deps.storage.deleteRedemptions(purge);
        const gone = new Set(purge);
        // a record written while this load was reading is not in `all`: keep it, or a daily limit could be missed
        const read = new Set(all.map((r) => r.id));
        const meanwhile = addedWhileLoading.filter((r) => !read.has(r.id));
        records.value = [...meanwhile, ...all.filter((r) => !gone.has(r.id))];
        purged.value = purge.length;
        clock.value = now();
      } finally {
        if (--loads === 0) addedWhileLoading.length = 0;
      }
    },
    confirmWarning(confirmed: boolean) {
      warningConfirmed.value = confirmed;
      deps.onActivity?.();
    },
    setReference(offerId: string, text: string) {
      references.value = { ...references.peek(), [offerId]: text };
      deps.onActivity?.();
    },
    setPhotoIdSeen(offerId: string, seen: boolean) {
      const next = new Set(photoIdSeen.peek());
      if (seen) next.add(offerId);
      else next.delete(offerId);
      photoIdSeen.value = next;
      if (seen) setProblem(offerId, undefined);
      deps.onActivity?.();
    },
    async redeem(offerId: string): Promise<StoredRedemption | undefined> {
      const shown = deps.shown.peek();
      if (deps.profile.peek().kind === 'emergency') return undefined; // issue 11 point 3: nothing kept on the device
      if (!shown || pending.peek().has(offerId) || recorded.peek()[offerId]) return recorded.peek()[offerId];
      const check = checks.peek().find((c) => c.offer.id === offerId);
      if (!check?.applies) return undefined; // invalid verdicts and refused offers cannot redeem
      if (shown.verdict.result === 'warning' && !warningConfirmed.peek()) return setProblem(offerId, { code: 'CONFIRM_WARNING_FIRST' }), undefined;
      const reference = references.peek()[offerId]?.trim() ?? '';
      const ask = check.offer.reference;
      if (ask?.required && reference === '') return setProblem(offerId, { code: 'REFERENCE_NEEDED', label: ask.label }), undefined;
      const seen = photoIdSeen.peek().has(offerId);
      if (check.offer.requiresPhotoId && !seen) return setProblem(offerId, { code: 'PHOTO_ID_NEEDED' }), undefined;
      const record = buildRedemptionRecord({
        verdict: shown.verdict,
        offerId,
        partnerId: deps.profile.peek().id,
        deviceId: deps.deviceId,
        now: now(),
        photoIdSeen: check.offer.requiresPhotoId === true && seen,
      });
      if (!record) return undefined;
      const stored: StoredRedemption = { ...record, uploaded: 0, ...(ask && reference !== '' ? { reference } : {}) };
      pending.value = new Set([...pending.peek(), offerId]); // set before the first await: a double tap finds it
      setProblem(offerId, undefined);
      deps.onActivity?.();
      try {
        await store(stored);
        // the world may have moved on (a new scan): only confirm on the verdict it was for
        if (deps.shown.peek()?.id === shown.id) recorded.value = { ...recorded.peek(), [offerId]: stored };
        return stored;
      } catch {
        setProblem(offerId, { code: 'RECORD_FAILED' });
        return undefined;
      } finally {
        const next = new Set(pending.peek());
        next.delete(offerId);
        pending.value = next;
      }
    },
    /**
     * Records a recognition nobody at the device confirms (a ward kiosk, issue 11 point 2): a VALID verdict only (a
     * warning needs staff to confirm it), only where the offer applies, and once a passport a day however often it
     * is scanned (this device's records and the partner's shared ones count).
     */
    async recordRecognition(offerId: string): Promise<StoredRedemption | undefined> {
      const shown = deps.shown.peek();
      const profile = deps.profile.peek();
      const offer = profile.offers.find((o) => o.id === offerId && o.kind === 'recognition');
      if (!shown || !offer || profile.kind === 'emergency') return undefined;
      const { verdict } = shown;
      if (verdict.code !== 'VALID') return undefined;
      const at = now();
      const known = counted.peek();
      const check = checkOffer(offer, { profile, verdict, records: known, now: at, onStay: deps.onStay?.peek() ?? false });
      if (!check.applies) return undefined;
      const { iss, jti } = verdict.passport;
      const day = localTime(at, profile.timeZone).date;
      const key = JSON.stringify([iss, jti, offerId, day]);
      const sameDay = (r: { redeemedAt: string }) => localTime(Date.parse(r.redeemedAt), profile.timeZone).date === day;
      if (recognising.has(key) || known.some((r) => r.offerId === offerId && r.iss === iss && r.jti === jti && sameDay(r))) return undefined;
      const record = buildRedemptionRecord({ verdict, offerId, partnerId: profile.id, deviceId: deps.deviceId, now: at });
      if (!record) return undefined;
      recognising.add(key); // before the first await: a second scan finds it
      try {
        const stored: StoredRedemption = { ...record, uploaded: 0 };
        await store(stored);
        return stored;
      } catch {
        return undefined; // storage failed: the next scan of the passport tries again
      } finally {
        recognising.delete(key);
      }
    },
    exportCsv(): string {
      const titles = new Map(deps.profile.peek().offers.map((o) => [o.id, o.title]));
      return redemptionsToCsv(records.peek(), { includeReference: true, offerTitles: titles });
    },
    tick() {
      clock.value = now();
    },
  };
});
export type RedemptionsModel = InstanceType<typeof RedemptionsModel>;
