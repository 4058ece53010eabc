// How stay events fold into hospital stays (issue 11 point 2), and the stay of one passport. Not in the core's index:
// only a ward's device needs it, and the staff app loads it there on demand (src/app/models/stays-model.ts).

import { localTime } from './local-time.ts';
import type { Stay, StayEvent, StayEventType, StayStatus } from './stays.ts';

const TYPE_ORDER: Record<StayEventType, number> = { start: 0, change: 1, end: 2 };

/** The stays the events describe, each event applied once, in time order. */
export function foldStays(events: readonly StayEvent[]): Stay[] {
  const seen = new Set<string>();
  const ordered = [...events]
    .filter((e) => (seen.has(e.id.toLowerCase()) ? false : (seen.add(e.id.toLowerCase()), true)))
    // at the same instant a start comes before a change, and a change before an end; then by id, so all agree
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stays = new Map<string, Stay>();
  for (const e of ordered) {
    const key = e.stayId.toLowerCase();
    const stay = stays.get(key);
    if (e.type === 'start' && !stay && e.until !== undefined) {
      stays.set(key, { id: key, iss: e.iss, jti: e.jti, groupId: e.groupId, startedBy: e.partnerId, startedAt: e.at, until: e.until, ...(e.note ? { note: e.note } : {}) });
    } else if (stay && !stay.endedAt) {
      if (e.type === 'change' && e.until !== undefined) stay.until = e.until;
      else if (e.type === 'end') stay.endedAt = e.at;
    }
  }
  return [...stays.values()];
}

/** The passport's latest stay in the group, and whether it still runs at `now` (its last day is inclusive). */
export function stayStatus(stays: readonly Stay[], passport: { iss: string; jti: string }, now: number, timeZone: string): StayStatus {
  const own = stays.filter((s) => s.iss === passport.iss && s.jti === passport.jti).sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const latest = own.find((s) => !s.endedAt && localTime(now, timeZone).date <= s.until) ?? own[0];
  if (!latest) return { kind: 'none' };
  const running = !latest.endedAt && localTime(now, timeZone).date <= latest.until;
  return running ? { kind: 'on-stay', stay: latest } : { kind: 'ended', stay: latest };
}
