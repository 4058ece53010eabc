// Hospital stays on a ward's device (issue 11 point 2): the stays of the partner's group (this device's own events
// and the group's from the service), the stay of the passport on screen, and Start / Change date / End. Events are
// kept in the settings store until the service has them (outbox, exactly once by event id), then kept as shared.

import { computed, createModel, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import { localTime, type PartnerProfile, type StayEvent, type StayStatus } from '../../core/index.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { SettingKey } from '../adapters/settings-schema.ts';
import type { ShownVerdict } from './verdict-model.ts';

export const STAY_EVENTS_KEY = 'stay-events' satisfies SettingKey;
/** This device's events: `uploaded` 0 until the service answered stored, duplicate or rejected. */
export type OwnStayEvent = StayEvent & { uploaded: 0 | 1 };

export type StaysDeps = {
  storage: AppStorage;
  profile: ReadonlySignal<PartnerProfile>;
  shown: ReadonlySignal<ShownVerdict | undefined>;
  /** The group's events from the service (the sync model); absent without sync. */
  shared?: ReadonlySignal<readonly StayEvent[]>;
  deviceId: () => string;
  now?: () => number;
  randomUUID?: () => string;
  /** A new event is waiting (the uploader wakes up). */
  onAdded?: () => void;
};

/** How stay events fold into stays: loaded only on a device whose partner is in a group (a ward), issues 12 and 13. */
type StayRules = typeof import('../../core/stay-rules.ts');

export const StaysModel = createModel((deps: StaysDeps) => {
  const now = deps.now ?? (() => Date.now());
  const uuid = deps.randomUUID ?? (() => crypto.randomUUID());
  const own = signal<OwnStayEvent[]>([]);
  const clock = signal(now());
  const rules = signal<StayRules | undefined>(undefined);
  let loadingRules: Promise<unknown> | undefined;
  const loadRules = () =>
    (loadingRules ??= import('../../core/stay-rules.ts').then(
      (loaded) => (rules.value = loaded),
      (error: unknown) => {
        loadingRules = undefined; // tried again at the next profile change or start
        console.warn('the stay rules did not load', (error as Error)?.name);
      },
    ));
  effect(() => {
    if (deps.profile.value.group) void loadRules();
  });

  effect(() => {
    deps.shown.value; // a new verdict: judge its stay at the time it shows
    untracked(() => (clock.value = now()));
  });

  const stays = computed(() => {
    const group = deps.profile.value.group;
    const fold = rules.value?.foldStays;
    if (!group || !fold) return [];
    const mine = new Set(own.value.map((e) => e.id));
    const events = [...own.value, ...(deps.shared?.value ?? []).filter((e) => !mine.has(e.id))];
    return fold(events.filter((e) => e.groupId === group.id));
  });

  /** The stay of the passport on screen; undefined for a partner outside any group or an invalid verdict. */
  const current = computed((): StayStatus | undefined => {
    const shown = deps.shown.value;
    const profile = deps.profile.value;
    const status = rules.value?.stayStatus;
    if (!shown || shown.verdict.result === 'invalid' || !profile.group || !status) return undefined;
    return status(stays.value, shown.verdict.passport, clock.value, profile.timeZone);
  });
  const onStay = computed(() => current.value?.kind === 'on-stay');

  const add = async (event: Omit<StayEvent, 'id' | 'at' | 'iss' | 'jti' | 'groupId' | 'partnerId' | 'deviceId'>): Promise<boolean> => {
    const shown = deps.shown.peek();
    const profile = deps.profile.peek();
    if (!shown || shown.verdict.result === 'invalid' || !profile.group) return false;
    const { iss, jti } = shown.verdict.passport;
    const full: OwnStayEvent = {
      id: uuid(), at: new Date(now()).toISOString(), iss, jti, groupId: profile.group.id, partnerId: profile.id, deviceId: deps.deviceId(),
      ...event, uploaded: 0,
    };
    const next = [...own.peek(), full];
    await deps.storage.saveSetting(STAY_EVENTS_KEY, next);
    own.value = next;
    clock.value = now();
    deps.onAdded?.();
    return true;
  };

  return {
    own,
    stays,
    current,
    onStay,
    async load() {
      own.value = (await deps.storage.loadSetting(STAY_EVENTS_KEY)) ?? [];
      clock.value = now();
    },
    /** Resolves once a ward's stay rules are loaded (main.tsx waits before the first render; nothing to load elsewhere). */
    whenReady: (): Promise<unknown> => (deps.profile.peek().group ? loadRules() : Promise.resolve()),
    /** Starts a stay for the passport on screen until `until` (YYYY-MM-DD, inclusive), with an optional note. */
    start(until: string, note?: string) {
      const text = note?.trim() ?? '';
      return add({ stayId: uuid(), type: 'start', until, ...(text === '' ? {} : { note: text }) });
    },
    change(until: string) {
      const status = current.peek();
      return status?.kind === 'on-stay' ? add({ stayId: status.stay.id, type: 'change', until }) : Promise.resolve(false);
    },
    end() {
      const status = current.peek();
      return status?.kind === 'on-stay' ? add({ stayId: status.stay.id, type: 'end' }) : Promise.resolve(false);
    },
    /** Events waiting for the service, oldest first. */
    waiting: () => own.peek().filter((e) => e.uploaded === 0),
    /** The service answered for these ids (stored, duplicate or refused): they leave the outbox. */
    async markSent(ids: readonly string[]) {
      const done = new Set(ids.map((id) => id.toLowerCase()));
      const next = own.peek().map((e) => (done.has(e.id.toLowerCase()) ? { ...e, uploaded: 1 as const } : e));
      await deps.storage.saveSetting(STAY_EVENTS_KEY, next);
      own.value = next;
    },
    /** Today in the partner's time, for the date picker's default and minimum. */
    today: () => localTime(now(), deps.profile.peek().timeZone).date,
    tick() {
      clock.value = now();
    },
  };
});
export type StaysModel = InstanceType<typeof StaysModel>;
