// A message after an action: a problem (role=alert, read at once) or news (role=status, read when idle).

import type { ComponentChildren } from 'preact';

export type NoticeState = { kind: 'problem' | 'done'; text: string } | undefined;

export function Notice({ notice, children }: { notice: NoticeState; children?: ComponentChildren }) {
  if (!notice) return null;
  return (
    <div class={`notice notice--${notice.kind}`} role={notice.kind === 'problem' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {children}
    </div>
  );
}
