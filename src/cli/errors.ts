// Bad input to the CLI ends the command with one line on stderr and exit 2 (spec section 6). Commands throw a
// UsageError from deep helpers (reading a file, parsing a flag) and main.ts's guard turns it into that line.

export const EXIT_VALID = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
export const EXIT_WARNING = 3;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function usageError(message: string): never {
  throw new UsageError(message);
}

/** A one-line reason from anything thrown, without a stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim() || 'unknown error';
}
