// What a screen shows while its data loads, when it could not be loaded, and then the data itself.

import type { ComponentChildren } from 'preact';
import type { Requested } from '../use-request.ts';

export function Loaded<T>({ request, children }: { request: Requested<T>; children: (data: T) => ComponentChildren }) {
  return (
    <>
      {request.problem && (
        <div class="notice notice--problem" role="alert">
          <p>{request.problem}</p>
          <button type="button" onClick={request.reload}>Try again</button>
        </div>
      )}
      {request.data === undefined ? request.loading && <p role="status">Loading…</p> : children(request.data)}
    </>
  );
}
