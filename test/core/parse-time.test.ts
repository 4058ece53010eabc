// Spec section 6: TIME is ISO 8601 (UTC when it has no offset) or a NumericDate. parseTime is the core's reader of it.

import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/core/index.ts';

const T = Date.UTC(2026, 10, 24, 20, 30, 15) / 1000; // 2026-11-24T20:30:15Z

describe('parseTime', () => {
  it.each([
    ['1795000000', 1_795_000_000],
    ['0', 0],
    ['  1795000000\n', 1_795_000_000],
    ['2026-11-24T20:30:15Z', T],
    ['2026-11-24t20:30:15z', T],
    ['2026-11-24T20:30:15', T],
    ['2026-11-24 20:30:15', T],
    ['2026-11-24T20:30:15.999Z', T],
    ['2026-11-24T21:30:15+01:00', T],
    ['2026-11-24T21:30:15+0100', T],
    ['2026-11-24T21:30:15+01', T],
    ['2026-11-24T15:00:15-05:30', T],
    ['2026-11-24T20:30Z', T - 15],
    ['2026-11-24', Date.UTC(2026, 10, 24) / 1000],
    ['20261124T203015Z', T],
    ['20261124T213015+0100', T],
    ['20261124T203015.25Z', T],
    ['20261124T2030Z', T - 15],
    ['2026-11-24T20:30:15,5Z', T],
  ])('%j is %i', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it.each(['', 'now', 'yesterday', '2026-02-30', '2026-13-01', '2026-11-24T25:00:00Z', '2026-11-24T20:61:00Z', '1795000000.5', '1e9', '24/11/2026', '20261124T256000Z', '2026-1124T203015Z'])(
    '%j is not a time',
    (text) => {
      expect(parseTime(text)).toBeUndefined();
    },
  );
});
