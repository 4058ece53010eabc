// The verdict model on its own, with a stub verifier: races between scans and the countdown.

import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../src/core/index.ts';
import { VerdictModel } from '../../src/app/models/verdict-model.ts';

const passport = { iss: 'uk.test', issuer: 'Test', jti: 'TST-1', name: 'A Carer', cat: 'adult' as const, nbf: 0, exp: 2_000_000_000 };
const valid: Verdict = { result: 'valid', code: 'VALID', passport };
const revoked: Verdict = { result: 'invalid', code: 'REVOKED' };

afterEach(() => vi.useRealTimers());

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the verdict model', () => {
  it('keeps the later scan when an earlier, slower check finishes last', async () => {
    const slow = deferred<Verdict>();
    const answers = [slow.promise, Promise.resolve(valid)];
    const model = new VerdictModel({ verify: () => answers.shift()!, clearAfter: signal(30) });
    const first = model.scan('first');
    await model.scan('second');
    slow.resolve(revoked);
    await first;
    expect(model.shown.value?.verdict).toBe(valid);
  });

  it('the same code read again while it is being checked (the early scan, then the camera view) is checked once', async () => {
    const slow = deferred<Verdict>();
    const verify = vi.fn(() => slow.promise);
    const model = new VerdictModel({ verify, clearAfter: signal(30) });
    const first = model.scan('CP1:/0102');
    const again = model.scan('CP1:/0102');
    slow.resolve(valid);
    await Promise.all([first, again]);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(model.shown.value?.verdict).toBe(valid);
    await model.scan('CP1:/0102'); // checked and shown: a new read of it is a new scan
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('says there is no trust data instead of a verdict when none is held', async () => {
    const model = new VerdictModel({ verify: async () => undefined, clearAfter: signal(30) });
    await model.scan('anything');
    expect(model.shown.value).toBeUndefined();
    expect(model.noTrust.value).toBe(true);
  });

  it('when the check itself breaks, stops "checking" and says so; the next scan clears it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let broken = true;
    const model = new VerdictModel({ verify: async () => { if (broken) throw new Error('quota exceeded'); return valid; }, clearAfter: signal(30) });
    await model.scan('CP1:/00');
    expect(model.checking.value).toBe(false);
    expect(model.failed.value).toBe(true);
    expect(model.shown.value).toBeUndefined();
    broken = false;
    await model.scan('CP1:/00');
    expect(model.failed.value).toBe(false);
    expect(model.shown.value?.verdict.code).toBe('VALID');
    model[Symbol.dispose]();
    errors.mockRestore();
  });

  it('counts down each second and clears at zero; extend() starts the count again', async () => {
    vi.useFakeTimers();
    const onResult = vi.fn();
    const model = new VerdictModel({ verify: async () => valid, clearAfter: signal(5), onResult });
    await model.scan('x');
    expect(onResult).toHaveBeenCalledWith(valid);
    expect(model.secondsLeft.value).toBe(5);
    vi.advanceTimersByTime(3000);
    expect(model.secondsLeft.value).toBe(2);
    model.extend();
    expect(model.secondsLeft.value).toBe(5);
    vi.advanceTimersByTime(4000);
    expect(model.shown.value).toBeDefined();
    vi.advanceTimersByTime(1000);
    expect(model.shown.value).toBeUndefined();
  });

  it('stops its timer when disposed', async () => {
    vi.useFakeTimers();
    const model = new VerdictModel({ verify: async () => valid, clearAfter: signal(5) });
    await model.scan('x');
    model[Symbol.dispose]();
    vi.advanceTimersByTime(10_000);
    expect(model.secondsLeft.value).toBe(5);
  });
});
