// Self-service kiosk: one instruction, the camera, the result in large type, then ready for the next person.
// No staff controls except the way out, which needs the staff PIN.

import { useState } from 'preact/hooks';
import { CheckFailed } from '../components/CheckFailed.tsx';
import { ClockWarning } from '../components/ClockWarning.tsx';
import { TrustFreshness } from '../components/TrustFreshness.tsx';
import { useModels } from '../models/context.ts';
import './kiosk.css';
import { PinPrompt } from './PinPrompt.tsx';
import { ScanScreen } from './ScanScreen.tsx';
import { VerdictScreen } from './VerdictScreen.tsx';
import { useT } from '../words.ts';

export function KioskScreen() {
  const { t } = useT();
  const { verdict, kiosk } = useModels();
  const [leaving, setLeaving] = useState(false);

  if (leaving) {
    return (
      <main class="page kiosk kiosk--leaving" aria-labelledby="pin-heading">
        <PinPrompt
          heading={t('kiosk.leaveHeading')}
          onSubmit={async (pin) => {
            const ok = await kiosk.leave(pin);
            if (ok) setLeaving(false);
            return ok;
          }}
          onCancel={() => setLeaving(false)}
        />
      </main>
    );
  }
  return (
    <div class="kiosk">
      <header class="kiosk__header">
        <ClockWarning />
        <div class="kiosk__bar">
          {/* the place kept for the kiosk's language picker (issue 12 point 3) */}
          <div class="kiosk__language" />
          <div class="kiosk__staff">
            <button type="button" onClick={() => setLeaving(true)}>
              {t('kiosk.leave')}
            </button>
          </div>
        </div>
      </header>
      {verdict.shown.value ? (
        <VerdictScreen mode="kiosk" />
      ) : (
        <ScanScreen mode="kiosk" freshness={verdict.noTrust.value ? <TrustFreshness /> : <CheckFailed />} />
      )}
    </div>
  );
}
