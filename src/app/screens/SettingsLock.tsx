// Settings ask for the staff PIN first, or ask staff to choose one where there is none yet (issue 8 point 10).
// Loaded when Settings are first opened, with the PIN forms.

import { useModels } from '../models/context.ts';
import { ChoosePin, PinPrompt } from './PinPrompt.tsx';

export function SettingsLock() {
  const { navigation, settings } = useModels();
  return (
    <main class="page" aria-labelledby="pin-heading">
      {settings.pin.hasPin.value === false ? (
        <ChoosePin onCancel={() => navigation.go('scan')} />
      ) : (
        <PinPrompt onSubmit={(pin) => settings.unlock(pin)} onCancel={() => navigation.go('scan')} />
      )}
    </main>
  );
}
