// Sound and vibration follow the settings, with a different pattern per result (never the only signal).

import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../src/core/index.ts';
import { vibrate } from '../../src/app/adapters/feedback.ts';
import { resultFeedback } from '../../src/app/models/result-feedback.ts';

const revoked: Verdict = { result: 'invalid', code: 'REVOKED' };

afterEach(() => vi.restoreAllMocks());

describe('result feedback', () => {
  it('beeps and vibrates only when turned on', () => {
    const settings = signal({ sound: false, vibration: false });
    const outputs = { beep: vi.fn(), vibrate: vi.fn() };
    const feedback = resultFeedback(settings, outputs);
    feedback(revoked);
    expect(outputs.beep).not.toHaveBeenCalled();
    expect(outputs.vibrate).not.toHaveBeenCalled();
    settings.value = { sound: true, vibration: true };
    feedback(revoked);
    expect(outputs.beep).toHaveBeenCalledWith('invalid');
    expect(outputs.vibrate).toHaveBeenCalledWith('invalid');
  });

  it('vibrates once for valid and two long pulses for not valid', () => {
    const calls: unknown[] = [];
    Object.defineProperty(navigator, 'vibrate', { value: (pattern: unknown) => (calls.push(pattern), true), configurable: true });
    vibrate('valid');
    vibrate('invalid');
    expect(calls).toEqual([[120], [300, 100, 300]]);
  });
});
