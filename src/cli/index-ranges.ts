// Index lists for `status --revoke 3,17,40-45`: single indices and inclusive ranges, comma separated.

import { usageError } from './errors.ts';

/** Every index named by the flag values, checked against the list size; a bad part is a UsageError. */
export function parseIndexRanges(values: readonly string[], flag: string, size: number): Set<number> {
  const indices = new Set<number>();
  for (const value of values) {
    for (const rawPart of value.split(',')) {
      const part = rawPart.trim();
      if (part === '') continue;
      const match = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!match) usageError(`${flag} takes indices and ranges like 3,17,40-45, not ${JSON.stringify(part)}`);
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (to < from) usageError(`${flag} range ${part} runs backwards`);
      if (to >= size) usageError(`${flag} index ${to} is outside the list (it has ${size} entries, 0 to ${size - 1})`);
      for (let i = from; i <= to; i++) indices.add(i);
    }
  }
  return indices;
}
