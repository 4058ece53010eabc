// The real CliIo: process streams and node:fs. Everything Node-specific in the CLI lives here and in bin.mjs.

import { constants } from 'node:fs';
import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { CliIo } from './io.ts';

export function nodeIo(cwd: string = process.cwd()): CliIo {
  const at = (path: string) => resolve(cwd, path);
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: readAllStdin,
    cwd,
    readText: (path) => readFile(at(path), 'utf8'),
    async writeFile(path, data, options) {
      const target = at(path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data, {
        flag: options.overwrite ? 'w' : 'wx',
        ...(options.mode === undefined ? {} : { mode: options.mode }),
      });
      // a mode only applies when a file is created: set it again when an existing file was replaced
      if (options.mode !== undefined) await chmod(target, options.mode);
    },
    exists: (path) => access(at(path), constants.F_OK).then(() => true, () => false),
    besideFile: (file, path) => (isAbsolute(path) ? path : join(dirname(file), path)),
    now: () => Math.floor(Date.now() / 1000),
  };
}

async function readAllStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Paste the QR text, then press Enter and Ctrl-D.\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
