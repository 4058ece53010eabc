// A password or token the service shows once: selectable text, a copy button, and the words that it will not be
// shown again. It takes focus when it appears, so a screen reader reads it at once.

import { useEffect, useRef, useState } from 'preact/hooks';

export function AccountsSecret({ label, value, note }: { label: string; value: string; note: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => box.current?.focus(), [value]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied.');
    } catch {
      setCopied('Select the text and copy it yourself: this browser did not allow copying.');
    }
  };
  return (
    <div class="secret" ref={box} tabIndex={-1} role="group" aria-label={label}>
      <p>
        <strong>{label}:</strong> <code data-secret>{value}</code>
      </p>
      <p>{note}</p>
      <button type="button" onClick={copy}>Copy</button> <span role="status">{copied}</span>
    </div>
  );
}
