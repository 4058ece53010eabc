// Reading flags and files into typed values; anything unusable is a UsageError with a plain one-line reason.

import { parseTime, readPrivateJwk, type NumericDate, type PrivateJwk } from '../core/index.ts';
import { parseArgs, type FlagSpecs, type ParsedArgs, type ParseOptions } from './args.ts';
import { usageError } from './errors.ts';
import type { CliIo } from './io.ts';

/** Parses a command's arguments; undefined when --help was asked for (its usage is then printed on stdout). */
export function readArgs<S extends FlagSpecs>(
  argv: readonly string[],
  specs: S,
  usage: string,
  io: CliIo,
  options: ParseOptions = {},
): ParsedArgs<S> | undefined {
  const parsed = parseArgs(argv, specs, options);
  if (!parsed.ok) return usageError(parsed.message);
  if (parsed.help) {
    io.stdout(usage.endsWith('\n') ? usage : `${usage}\n`);
    return undefined;
  }
  return parsed;
}

export function required(value: string | undefined, flag: string, hint: string): string {
  if (value === undefined) return usageError(`${flag} ${hint} is required`);
  return value;
}

export async function readInputFile(io: CliIo, path: string, flag: string): Promise<string> {
  try {
    return await io.readText(path);
  } catch (error) {
    return usageError(`cannot read ${flag} file ${path}: ${fileProblem(error)}`);
  }
}

export async function readJsonFile(io: CliIo, path: string, flag: string): Promise<unknown> {
  const text = await readInputFile(io, path, flag);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown; // editors on Windows save a byte order mark
  } catch {
    return usageError(`${flag} file ${path} is not JSON`);
  }
}

export async function readPrivateKeyFile(io: CliIo, path: string, flag: string): Promise<PrivateJwk> {
  const key = await readPrivateJwk(await readJsonFile(io, path, flag));
  if (!key) return usageError(`${flag} file ${path} is not a private P-256 or Ed25519 JWK (made by "carers-passport keygen")`);
  return key;
}

export function wholeNumber(text: string, flag: string, range: { min: number; max?: number }): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < range.min || value > max) {
    const bounds = range.max === undefined ? `${range.min} or more` : `from ${range.min} to ${range.max}`;
    return usageError(`${flag} must be a whole number ${bounds}, not ${JSON.stringify(text)}`);
  }
  return value;
}

/** spec section 6: ISO 8601 (UTC when it has no offset) or a NumericDate. */
export function timeFlag(text: string, flag: string): NumericDate {
  const value = parseTime(text);
  if (value === undefined) {
    return usageError(`${flag} must be an ISO 8601 time (2026-05-01T12:00:00Z) or seconds since 1970, not ${JSON.stringify(text)}`);
  }
  return value;
}

export function oneOf<T extends string>(text: string, flag: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    return usageError(`${flag} must be one of ${allowed.join(', ')}, not ${JSON.stringify(text)}`);
  }
  return text as T;
}

function fileProblem(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
