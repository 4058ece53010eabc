// The shared argument parser: every command reads its flags through it.

import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';

const SPECS = { root: 'values', trust: 'value', explain: 'switch' } as const;

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, repeated flags, switches and positionals', () => {
    const parsed = parseArgs(['--root', 'a.jwk', '--root=b.jwk', '--trust=t=1.jwt', '--explain', 'CP1:/00'], SPECS, { maxPositionals: 1 });
    expect(parsed).toEqual({
      ok: true,
      flags: { root: ['a.jwk', 'b.jwk'], trust: 't=1.jwt', explain: true },
      positionals: ['CP1:/00'],
      help: false,
    });
  });

  it('gives absent flags their empty values', () => {
    expect(parseArgs([], SPECS)).toEqual({ ok: true, flags: { root: [], trust: undefined, explain: false }, positionals: [], help: false });
  });

  it('takes everything after -- as positional, even what looks like a flag, and a lone - too', () => {
    expect(parseArgs(['--', '--trust', 'x'], SPECS, { maxPositionals: 2 })).toMatchObject({ ok: true, positionals: ['--trust', 'x'] });
    expect(parseArgs(['-'], SPECS, { maxPositionals: 1 })).toMatchObject({ ok: true, positionals: ['-'] });
  });

  it('takes a value that starts with one dash (a negative number is then refused by the command)', () => {
    expect(parseArgs(['--trust', '-5'], SPECS)).toMatchObject({ ok: true, flags: { trust: '-5' } });
  });

  it('notices --help and -h anywhere, even beside bad arguments', () => {
    expect(parseArgs(['x', 'y', '-h'], SPECS)).toMatchObject({ ok: true, help: true });
    expect(parseArgs(['--trust', 'a', '--help'], SPECS)).toMatchObject({ ok: true, help: true });
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-r'], 'unknown option -r'],
    [['--trust'], '--trust needs a value'],
    [['--trust', '--explain'], '--trust needs a value'],
    [['--trust', 'a', '--trust', 'b'], '--trust can be given only once'],
    [['--explain=1'], '--explain takes no value'],
    [['stray'], 'unexpected argument "stray"'],
  ])('refuses %j with one line: %s', (argv, message) => {
    expect(parseArgs(argv, SPECS)).toEqual({ ok: false, message });
  });

  it('counts positionals against the command\'s limit', () => {
    expect(parseArgs(['a', 'b'], SPECS, { maxPositionals: 1 })).toEqual({ ok: false, message: 'too many arguments (unexpected "b")' });
  });
});
