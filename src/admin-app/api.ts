// The admin page's one door to the scheme service: JSON to and from /admin/api, the session's CSRF token on every
// change, the service's plain-English problem as an ApiError, and a 401 ending the session (the login shows again).

import { endSession, session } from './session.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** The HTTP status; 0 when the service could not be reached. */
    readonly status: number,
    /** The service's stable code (`refused`, `bad-request`, `forbidden`, ...). */
    readonly error: string,
    message: string,
    /** The part of the request the service refused, when it named one (`name`, `password`, `body.cat`). */
    readonly field?: string,
  ) {
    super(message);
  }
}

const UNREACHABLE = 'The scheme service cannot be reached. Check the connection and try again.';

export function getJson<T>(path: string): Promise<T> {
  return call<T>('GET', path);
}

export function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return call<T>(method, path, body ?? {});
}

/** An address under the admin API with its query (empty values left out): for links to CSV and PDF downloads. */
export function downloadUrl(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    const csrf = session.peek()?.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new ApiError(0, 'unreachable', UNREACHABLE);
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return data as T;
  const problem = (typeof data === 'object' && data !== null ? data : {}) as { error?: unknown; message?: unknown; field?: unknown };
  const message = typeof problem.message === 'string' ? problem.message : `The scheme service answered ${res.status}. Try again later.`;
  const error = new ApiError(res.status, typeof problem.error === 'string' ? problem.error : 'http-' + res.status, message, typeof problem.field === 'string' ? problem.field : undefined);
  // a 401 on a logged-in page: the session ended (30 minutes idle, the account disabled, logged out elsewhere)
  if (res.status === 401 && session.peek() !== undefined) endSession('ended');
  throw error;
}
