// Every way a passport reaches the app: the camera, a handheld scanner (keyboard wedge), pasted or typed text, and
// a photo or screenshot. Staff mode offers all four; kiosk mode only the camera and the wedge, in large type.
// The screen renders the scanner model, which takes each text to the verdict model (and hears the handheld scanner).

import type { ComponentChildren } from 'preact';
import { CameraView } from '../components/CameraView.tsx';
import { PasteBox } from '../components/PasteBox.tsx';
import { PhotoPicker } from '../components/PhotoPicker.tsx';
import { useModels } from '../models/context.ts';
import { useT } from '../words.ts';
import './scan-screen.css';

export type ScanScreenProps = {
  mode: 'staff' | 'kiosk';
  /** The trust data's age or a warning, shown above the camera (rendered by the caller). */
  freshness?: ComponentChildren;
};

export function ScanScreen({ mode, freshness }: ScanScreenProps) {
  const { scanner } = useModels();
  const { t } = useT();
  const kiosk = mode === 'kiosk';

  if (kiosk) {
    return (
      <main class="scan-screen scan-screen--kiosk">
        <h1 class="scan-screen__instruction">{t('scan.kiosk.instruction')}</h1>
        {freshness}
        <CameraView kiosk />
        <p class="scan-screen__hint">{t('scan.kiosk.hint')}</p>
      </main>
    );
  }

  return (
    <main class="scan-screen">
      <h1>{t('scan.heading')}</h1>
      {freshness}
      <CameraView kiosk={false} />
      <p class="hint">{t('scan.wedge.hint')}</p>
      <section class="scan-screen__other" aria-labelledby="other-ways">
        <h2 id="other-ways" class="visually-hidden">
          {t('scan.other.heading')}
        </h2>
        {/* a new box after a handheld scan: it drops what the scanner typed into it, if it had focus */}
        <PasteBox key={scanner.wedgeScans.value} onScan={(text) => void scanner.submit(text)} />
        <PhotoPicker />
      </section>
    </main>
  );
}
