// Every way a passport reaches the app: the camera, a handheld scanner (keyboard wedge), pasted or typed text, and
// a photo or screenshot. Staff mode offers all four; kiosk mode only the camera and the wedge, in large type.
// The screen only yields text (`onScan`); verifying it is the verdict model's job.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { listenForWedgeScans } from '../adapters/wedge-scanner.ts';
import { CameraView } from '../components/CameraView.tsx';
import { PasteBox } from '../components/PasteBox.tsx';
import { PhotoPicker } from '../components/PhotoPicker.tsx';
import { useT } from '../words.ts';
import './scan-screen.css';

export type ScanScreenProps = {
  onScan: (text: string) => void;
  mode: 'staff' | 'kiosk';
  /** The trust data's age or a warning, shown above the camera (rendered by the caller). */
  freshness?: ComponentChildren;
};

export function ScanScreen({ onScan, mode, freshness }: ScanScreenProps) {
  const { t } = useT();
  const kiosk = mode === 'kiosk';
  const latestOnScan = useRef(onScan);
  latestOnScan.current = onScan;

  // bumped on a wedge scan so the paste box drops the characters the scanner typed into it, if it had focus
  const [wedgeScans, setWedgeScans] = useState(0);

  // the wedge listens on the whole document while this screen is shown, whatever has focus
  useEffect(
    () =>
      listenForWedgeScans(document, (text) => {
        setWedgeScans((n) => n + 1);
        latestOnScan.current(text.trim());
      }),
    [],
  );

  const scan = (text: string) => latestOnScan.current(text.trim());

  if (kiosk) {
    return (
      <main class="scan-screen scan-screen--kiosk">
        <h1 class="scan-screen__instruction">{t('scan.kiosk.instruction')}</h1>
        {freshness}
        <CameraView onScan={scan} kiosk />
        <p class="scan-screen__hint">{t('scan.kiosk.hint')}</p>
      </main>
    );
  }

  return (
    <main class="scan-screen">
      <h1>{t('scan.heading')}</h1>
      {freshness}
      <CameraView onScan={scan} kiosk={false} />
      <p class="hint">{t('scan.wedge.hint')}</p>
      <section class="scan-screen__other" aria-labelledby="other-ways">
        <h2 id="other-ways" class="visually-hidden">
          {t('scan.other.heading')}
        </h2>
        <PasteBox key={wedgeScans} onScan={scan} />
        <PhotoPicker onScan={scan} />
      </section>
    </main>
  );
}
