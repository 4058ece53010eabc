// Hospital stays (issue 11 point 2): ward staff start a stay for a verified carer until a date (the expected
// discharge), change the date, or end it; every device of the partner's group shows it. A stay is the fold of its
// events, which are append-only so they sync like redemptions (outbox, exactly once by event id). Never a name.

import { UNPRINTABLE } from './printable-text.ts';

export type StayEventType = 'start' | 'change' | 'end';

export type StayEvent = {
  /** Random UUID of this event: re-sending it is harmless. */
  id: string;
  /** Random UUID of the stay, made by the start event. */
  stayId: string;
  type: StayEventType;
  /** ISO 8601 UTC. */
  at: string;
  iss: string;
  jti: string;
  /** The partner group (a hospital trust) whose devices all see the stay. */
  groupId: string;
  partnerId: string;
  deviceId: string;
  /** start and change: the last day of the stay (the expected discharge), YYYY-MM-DD in the group's time. */
  until?: string;
  /** start only: where, without names ("Ward 7, bay 3"). */
  note?: string;
};

export type Stay = {
  id: string;
  iss: string;
  jti: string;
  groupId: string;
  /** The partner (ward) that started it. */
  startedBy: string;
  startedAt: string;
  until: string;
  note?: string;
  endedAt?: string;
};

export type StayStatus =
  | { kind: 'none' }
  | { kind: 'on-stay'; stay: Stay }
  /** The latest stay is over: ended by staff, or past its date. */
  | { kind: 'ended'; stay: Stay };

export const STAY_NOTE_MAX = 40;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PASSPORT_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const FIELDS = ['id', 'stayId', 'type', 'at', 'iss', 'jti', 'groupId', 'partnerId', 'deviceId', 'until', 'note'];

/** Validates an event from a device or the service; extra fields are refused, so no name slips in. */
export function readStayEvent(value: unknown): { ok: true; event: StayEvent } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not an object' };
  const e = value as Record<string, unknown>;
  const extra = Object.keys(e).filter((k) => !FIELDS.includes(k));
  if (extra.length > 0) return { ok: false, problem: `unexpected fields: ${extra.join(', ')}` };
  if (typeof e.id !== 'string' || !UUID.test(e.id) || typeof e.stayId !== 'string' || !UUID.test(e.stayId)) return { ok: false, problem: 'id or stayId is not a UUID' };
  if (e.type !== 'start' && e.type !== 'change' && e.type !== 'end') return { ok: false, problem: 'type is not start, change or end' };
  if (typeof e.at !== 'string' || !ISO_UTC.test(e.at) || !isRealInstant(e.at)) return { ok: false, problem: 'at is not a real ISO 8601 UTC time' };
  if (typeof e.iss !== 'string' || e.iss.length === 0 || [...e.iss].length > 64 || UNPRINTABLE.test(e.iss)) return { ok: false, problem: 'iss is missing, too long or not printable' };
  if (typeof e.jti !== 'string' || !PASSPORT_NUMBER.test(e.jti)) return { ok: false, problem: 'jti is not a passport number' };
  for (const field of ['groupId', 'partnerId', 'deviceId'] as const) {
    if (typeof e[field] !== 'string' || !ID.test(e[field])) return { ok: false, problem: `${field} is missing or not an id` };
  }
  if (e.type === 'end' ? e.until !== undefined : typeof e.until !== 'string' || !DATE.test(e.until) || !isRealDate(e.until)) {
    return { ok: false, problem: 'until is a YYYY-MM-DD date on start and change, and absent on end' };
  }
  if (e.note !== undefined) {
    if (e.type !== 'start' || typeof e.note !== 'string' || [...e.note].length > STAY_NOTE_MAX || UNPRINTABLE.test(e.note)) {
      return { ok: false, problem: `note is short text (at most ${STAY_NOTE_MAX} characters) on a start only` };
    }
  }
  return { ok: true, event: e as StayEvent };
}

/** 2026-02-30T07:00:00Z parses (to 2 March) but names no real time: the text must come back from Date unchanged. */
function isRealInstant(text: string): boolean {
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return false;
  const [whole, fraction = ''] = text.slice(0, -1).split('.');
  return new Date(at).toISOString() === `${whole}.${fraction.padEnd(3, '0')}Z`;
}

function isRealDate(text: string): boolean {
  const at = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === text;
}
