// The result's icon: a tick, a warning sign or a cross, so the result never rests on colour alone.

import type { Verdict } from '../../core/index.ts';

export function ResultIcon({ result }: { result: Verdict['result'] }) {
  return (
    <svg class="result-icon" viewBox="0 0 48 48" width="64" height="64" aria-hidden="true" focusable="false" data-icon={result}>
      <circle cx="24" cy="24" r="22" fill="currentColor" opacity="0.15" />
      {result === 'valid' && <path d="M13 25l7 7 15-16" fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" />}
      {result === 'warning' && (
        <g fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">
          <path d="M24 8L42 39H6z" />
          <path d="M24 20v9M24 34v0.5" />
        </g>
      )}
      {result === 'invalid' && <path d="M15 15l18 18M33 15L15 33" fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" />}
    </svg>
  );
}
