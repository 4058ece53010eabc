// Writing files: parent directories are created; a private key is never overwritten without --force.

import { usageError } from './errors.ts';
import type { CliIo } from './io.ts';

export type OutputKind = 'private-key' | 'public';

export async function writeOutput(
  io: CliIo,
  path: string,
  data: string | Uint8Array,
  options: { kind: OutputKind; force: boolean },
): Promise<void> {
  const isPrivate = options.kind === 'private-key';
  try {
    await io.writeFile(path, data, {
      overwrite: !isPrivate || options.force,
      ...(isPrivate ? { mode: 0o600 } : {}),
    });
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (code === 'EEXIST') return usageError(`${path} already exists: a private key is never overwritten (use --force to replace it)`);
    if (code === 'EACCES' || code === 'EPERM') return usageError(`cannot write ${path}: permission denied`);
    if (code === 'EISDIR') return usageError(`cannot write ${path}: it is a directory`);
    if (code === 'ENOTDIR') return usageError(`cannot write ${path}: a part of its path is a file, not a directory`);
    throw error;
  }
}

/** Refuses early, before any work, when a private key file would be overwritten. */
export async function refuseExisting(io: CliIo, paths: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  for (const path of paths) {
    if (await io.exists(path)) usageError(`${path} already exists: a key file is never overwritten (use --force to replace it)`);
  }
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
