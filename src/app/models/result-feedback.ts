// Sound and vibration on a result, as staff set them in Settings (both off by default: tills are busy places).

import type { ReadonlySignal } from '@preact/signals';
import type { Verdict } from '../../core/index.ts';

export type FeedbackOutputs = {
  beep: (result: Verdict['result']) => void;
  vibrate: (result: Verdict['result']) => void;
};

export function resultFeedback(settings: ReadonlySignal<{ sound: boolean; vibration: boolean }>, outputs: FeedbackOutputs): (verdict: Verdict) => void {
  return (verdict) => {
    const { sound, vibration } = settings.peek();
    if (sound) outputs.beep(verdict.result);
    if (vibration) outputs.vibrate(verdict.result);
  };
}
