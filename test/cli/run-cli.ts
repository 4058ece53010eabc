// Runs the real carers-passport command as a child process, the way a scheme's scripts would.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../src/cli/bin.mjs', import.meta.url));

export type CliRun = { code: number | null; stdout: string; stderr: string };

export type RunOptions = { cwd?: string; input?: string; via?: 'node' | 'npx' };

/** Standard input is always a pipe, closed after `input` (empty when not given), as in `cmd < /dev/null`. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const [file, argv] = options.via === 'npx' ? ['npx', ['--no-install', 'carers-passport', ...args]] : [process.execPath, [BIN, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, CARERS_PASSPORT_DEBUG: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** stderr without npm's own notices (npx may warn about the user's npm config). */
export function ownStderr(run: CliRun): string {
  return run.stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn') && !line.startsWith('npm notice'))
    .join('\n');
}

/** The property spec section 6 asks of a usage error: exit 2, nothing on stdout, one line on stderr, no stack. */
export function expectUsageFailure(run: CliRun): string {
  const lines = ownStderr(run).trimEnd().split('\n');
  if (run.code !== 2) throw new Error(`expected exit 2, got ${run.code}: ${run.stderr}`);
  if (run.stdout !== '') throw new Error(`expected nothing on stdout, got ${JSON.stringify(run.stdout)}`);
  if (lines.length !== 1 || lines[0] === '') throw new Error(`expected one line on stderr, got ${JSON.stringify(run.stderr)}`);
  if (/\n\s+at /.test(run.stderr)) throw new Error(`stack trace on stderr: ${run.stderr}`);
  return lines[0]!;
}
