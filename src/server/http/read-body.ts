// Reads a request body up to a limit: past it the answer is 413 and the rest is never buffered.

import type { IncomingMessage } from 'node:http';

export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true };

export const DEFAULT_BODY_LIMIT = 256 * 1024;

export function readBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain without keeping it
    return Promise.resolve({ ok: false, tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', (error) => {
      if (!done) reject(error);
    });
  });
}

/** Parses a JSON body; bad JSON is a value, not an exception. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
