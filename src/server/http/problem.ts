// Every error the service answers: application/problem+json (RFC 9457) with a stable machine code beside plain
// words. `error` and `message` are what the app reads; `status` and `title` are RFC 9457's own; `field` names the
// part of the request that was refused, when one was.

import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';

export type Problem = { status: number; error: string; message: string; field?: string };

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export function problemBody({ status, error, message, field }: Problem): string {
  return JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, error, message, ...(field ? { field } : {}) });
}

/** Sends a problem; returns the reply so an async handler or hook can `return problem(...)`. */
export function problem(reply: FastifyReply, status: number, error: string, message: string, headers: Record<string, string> = {}, field?: string): FastifyReply {
  return reply
    .code(status)
    .headers({ ...headers, 'content-type': PROBLEM_TYPE, 'x-content-type-options': 'nosniff' })
    .send(problemBody({ status, error, message, ...(field ? { field } : {}) }));
}
