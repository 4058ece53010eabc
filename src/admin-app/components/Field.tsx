// A labelled form field with its hint and its own error message, tied together for screen readers
// (aria-describedby, aria-invalid). The control itself is the child: an input, a select or a textarea.

import { cloneElement, type VNode } from 'preact';

type FieldProps = { id: string; label: string; hint?: string; error?: string | undefined; children: VNode<Record<string, unknown>> };

export function Field({ id, label, hint, error, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {cloneElement(children, { id, 'aria-describedby': described || undefined, 'aria-invalid': error ? 'true' : undefined })}
    </div>
  );
}
