// An in-memory CliIo: runs commands in-process, fast, with files in a Map and a fixed clock.

import { posix } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export type MemoryFile = { data: string | Uint8Array; mode?: number };

export type MemoryIo = CliIo & { files: Map<string, MemoryFile>; out: string[]; err: string[] };

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

export function memoryIo(options: { now: number; stdin?: string; files?: Record<string, string> }): MemoryIo {
  const cwd = '/work';
  const at = (path: string) => posix.resolve(cwd, path);
  const files = new Map<string, MemoryFile>(Object.entries(options.files ?? {}).map(([path, data]) => [at(path), { data }]));
  const out: string[] = [];
  const err: string[] = [];
  return {
    files,
    out,
    err,
    cwd,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readStdin: async () => options.stdin ?? '',
    async readText(path) {
      const file = files.get(at(path));
      if (!file) throw fsError('ENOENT', path);
      return typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data);
    },
    async writeFile(path, data, write) {
      if (!write.overwrite && files.has(at(path))) throw fsError('EEXIST', path);
      files.set(at(path), { data, ...(write.mode === undefined ? {} : { mode: write.mode }) });
    },
    exists: async (path) => files.has(at(path)),
    besideFile: (file, path) => (posix.isAbsolute(path) ? path : posix.join(posix.dirname(file), path)),
    now: () => options.now,
  };
}

/** Runs a command line in-process; returns the exit status with everything written. */
export async function runInProcess(args: string[], io: MemoryIo): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = io.out.length;
  const err = io.err.length;
  const code = await main(args, io);
  return { code, stdout: io.out.slice(out).join(''), stderr: io.err.slice(err).join('') };
}

export function textOf(io: MemoryIo, path: string): string {
  const file = io.files.get(posix.resolve(io.cwd, path));
  if (!file) throw new Error(`no file ${path}`);
  return typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data);
}
