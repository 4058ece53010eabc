// Asks for the staff PIN before Settings, or before leaving kiosk mode.

import { useEffect, useRef, useState } from 'preact/hooks';
import { M } from '../messages.ts';

export type PinPromptProps = {
  heading?: string;
  /** Resolves true when the PIN is right. */
  onSubmit: (pin: string) => Promise<boolean>;
  onCancel?: () => void;
};

export function PinPrompt({ heading = M.pinHeading, onSubmit, onCancel }: PinPromptProps) {
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const ok = await onSubmit(pin);
    setBusy(false);
    setPin('');
    setWrong(!ok);
    if (!ok) input.current?.focus();
  };

  return (
    <form class="pin-prompt" onSubmit={submit}>
      <h2 id="pin-heading">{heading}</h2>
      <label for="staff-pin">{M.pinLabel}</label>
      <input
        ref={input}
        id="staff-pin"
        type="password"
        inputMode="numeric"
        autocomplete="off"
        value={pin}
        aria-invalid={wrong}
        aria-describedby={wrong ? 'pin-wrong' : undefined}
        onInput={(e) => setPin(e.currentTarget.value)}
      />
      {wrong && (
        <p id="pin-wrong" class="error" role="alert">
          {M.pinWrong}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {M.pinSubmit}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {M.pinCancel}
          </button>
        )}
      </div>
    </form>
  );
}
