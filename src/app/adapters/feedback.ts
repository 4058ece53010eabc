// Sound and vibration on a result, when staff turn them on. Different tones so the result is not colour alone.

import type { Verdict } from '../../core/index.ts';

let audio: AudioContext | undefined;

export function beep(result: Verdict['result']): void {
  try {
    audio ??= new AudioContext();
    const tones = result === 'valid' ? [880] : result === 'warning' ? [660, 660] : [220, 220, 220];
    tones.forEach((frequency, i) => {
      const oscillator = audio!.createOscillator();
      const gain = audio!.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(audio!.destination);
      const start = audio!.currentTime + i * 0.2;
      oscillator.start(start);
      oscillator.stop(start + 0.15);
    });
  } catch {
    // no audio on this device: the screen still says it
  }
}

export function vibrate(result: Verdict['result']): void {
  const pattern = result === 'valid' ? [120] : result === 'warning' ? [120, 80, 120] : [300, 100, 300];
  if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') navigator.vibrate(pattern);
}
