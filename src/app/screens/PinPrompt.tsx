// Asks for the staff PIN before Settings, or before leaving kiosk mode. Both doors share the staff PIN model, so
// after too many wrong PINs both show the same live countdown and refuse tries until it ends.

import { useEffect, useRef, useState } from 'preact/hooks';
import { useModels } from '../models/context.ts';
import { isAcceptablePin } from '../models/staff-pin-model.ts';
import { useT } from '../words.ts';

export type PinPromptProps = {
  heading?: string;
  /** Resolves true when the PIN is right. */
  onSubmit: (pin: string) => Promise<boolean>;
  onCancel?: () => void;
};

export function PinPrompt({ heading, onSubmit, onCancel }: PinPromptProps) {
  const { t } = useT();
  const { settings } = useModels();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const [, setTick] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const lockedUntil = settings.pin.lockedUntil.value; // read to render again when a wait starts or ends
  const wait = settings.pin.secondsToWait();
  useEffect(() => input.current?.focus(), []);

  // the countdown: render once a second while waiting, then give the field back its focus
  useEffect(() => {
    if (wait === 0) return undefined;
    const timer = setInterval(() => {
      setTick((n) => n + 1);
      if (settings.pin.secondsToWait() === 0) {
        clearInterval(timer);
        setWrong(false);
        requestAnimationFrame(() => input.current?.focus());
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [lockedUntil, wait > 0]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    // a PIN that could not be checked (its code failed to load) counts as not accepted, and the form stays usable
    const ok = await onSubmit(pin).catch(() => false);
    setBusy(false);
    setPin('');
    setWrong(!ok);
    if (!ok) input.current?.focus();
  };

  const waiting = wait > 0;
  const problem = waiting ? 'pin-wait' : wrong ? 'pin-wrong' : undefined;
  return (
    <form class="pin-prompt" onSubmit={submit}>
      <h2 id="pin-heading">{heading ?? t('pin.heading')}</h2>
      <label for="staff-pin">{t('pin.label')}</label>
      <input
        ref={input}
        id="staff-pin"
        type="password"
        inputMode="numeric"
        autocomplete="off"
        value={pin}
        disabled={waiting}
        aria-invalid={wrong}
        aria-describedby={problem}
        onInput={(e) => setPin(e.currentTarget.value)}
      />
      {waiting ? (
        <p id="pin-wait" class="error" role="timer">
          {t('pin.wait', { wait: minutesAndSeconds(wait) })}
        </p>
      ) : (
        wrong && (
          <p id="pin-wrong" class="error" role="alert">
            {t('pin.wrong')}
          </p>
        )
      )}
      <PinButtons submit={t('pin.submit')} disabled={busy || waiting} onCancel={onCancel} />
    </form>
  );
}

/** The first staff PIN, on a device that has none yet (any build but the demo): chosen twice, then Settings open. */
export function ChoosePin({ onCancel }: { onCancel?: () => void }) {
  const { t } = useT();
  const { settings } = useModels();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trouble = !isAcceptablePin(first) ? t('pin.tooShort') : first !== again ? t('pin.choose.mismatch') : undefined;
    if (!trouble) {
      setBusy(true);
      const ok = await settings.choosePin(first).catch(() => false);
      setBusy(false);
      if (ok) return;
    }
    setFirst('');
    setAgain('');
    setProblem(trouble ?? t('pin.tooShort'));
    input.current?.focus();
  };

  return (
    <form class="pin-prompt" onSubmit={submit}>
      <h2 id="pin-heading">{t('pin.choose.heading')}</h2>
      <p id="pin-choose-hint">{t('pin.choose.hint')}</p>
      <label for="new-staff-pin">{t('pin.new')}</label>
      <input
        ref={input}
        id="new-staff-pin"
        type="password"
        inputMode="numeric"
        autocomplete="new-password"
        value={first}
        aria-describedby={problem ? 'pin-choose-problem' : 'pin-choose-hint'}
        aria-invalid={problem !== undefined}
        onInput={(e) => setFirst(e.currentTarget.value)}
      />
      <label for="new-staff-pin-again">{t('pin.choose.again')}</label>
      <input
        id="new-staff-pin-again"
        type="password"
        inputMode="numeric"
        autocomplete="new-password"
        value={again}
        onInput={(e) => setAgain(e.currentTarget.value)}
      />
      {problem && (
        <p id="pin-choose-problem" class="error" role="alert">
          {problem}
        </p>
      )}
      <PinButtons submit={t('pin.choose.submit')} disabled={busy} onCancel={onCancel} />
    </form>
  );
}

/** The form's own button, and Cancel where the screen has somewhere to go back to. */
function PinButtons({ submit, disabled, onCancel }: { submit: string; disabled: boolean; onCancel: (() => void) | undefined }) {
  const { t } = useT();
  return (
    <div class="row">
      <button type="submit" class="primary" disabled={disabled}>
        {submit}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('pin.cancel')}
        </button>
      )}
    </div>
  );
}

/** A wait as the countdown shows it: 28 -> "0:28", 900 -> "15:00". */
export function minutesAndSeconds(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
