// A screen's read from the admin API: loading, the answer, or the service's words for what went wrong; `reload`
// asks again. An answer that arrives after the screen asked again (or closed) is dropped.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

export type Requested<T> = { loading: boolean; data: T | undefined; problem: string | undefined; reload: () => void };

export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[]): Requested<T> {
  const [state, setState] = useState<Omit<Requested<T>, 'reload'>>({ loading: true, data: undefined, problem: undefined });
  const asked = useRef(0);
  const run = useCallback(() => {
    const ticket = ++asked.current;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => ticket === asked.current && setState({ loading: false, data, problem: undefined }),
      (error: unknown) => ticket === asked.current && setState((previous) => ({ loading: false, data: previous.data, problem: wordsFor(error) })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the request depends on
  }, deps);
  useEffect(() => {
    run();
    return () => {
      asked.current++;
    };
  }, [run]);
  return { ...state, reload: run };
}

/** The service's message, or plain words for a failure that is not the service's. */
export function wordsFor(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong on this page. Reload it and try again.';
}
