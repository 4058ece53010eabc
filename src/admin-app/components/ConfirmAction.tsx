// A change that needs a second thought (cancel, suspend, renew): the button asks, in words, before it acts. The
// question takes the focus, so a keyboard or screen reader user lands on it; "No" puts the focus back.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

type ConfirmProps = {
  /** The button's words ("Cancel"), and its accessible name when the row needs more ("Cancel passport LLR-1"). */
  label: string;
  accessibleLabel?: string;
  question: ComponentChildren;
  yes: string;
  no: string;
  onConfirm: () => Promise<void> | void;
};

export function ConfirmAction({ label, accessibleLabel, question, yes, no, onConfirm }: ConfirmProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) box.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={opener} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={accessibleLabel ?? label} tabIndex={-1} ref={box}>
      <p>{question}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {yes}
        </button>
        <button type="button" onClick={() => setAsking(false)}>{no}</button>
      </div>
    </div>
  );
}
