// What a route handler answers: a plain value the server writes, so handlers stay easy to read and test.

export type Reply = {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
};

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

/** An error answer: `{ error: code, message }`, with a stable machine code beside plain words. */
export function problem(status: number, error: string, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { error, message }, headers);
}

export function html(body: string, status = 200): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // the admin and demo pages carry only inline script and style of our own
      'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

export function text(status: number, body: string, contentType = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': contentType, ...headers }, body };
}
