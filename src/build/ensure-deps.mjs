#!/usr/bin/env node
// Installs the dependencies (`npm ci`) when node_modules is missing or older than package-lock.json, so a fresh
// clone needs only `npm start` or `npm test`. Runs before anything from node_modules can: Node's own modules only.

import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why the dependencies need installing, or undefined when node_modules matches package-lock.json. */
export function installReason(root = ROOT) {
  const installed = mtime(join(root, 'node_modules', '.package-lock.json')); // npm writes it at the end of every install
  const lock = mtime(join(root, 'package-lock.json'));
  if (installed === undefined) return 'node_modules is missing';
  if (lock !== undefined && installed < lock) return 'package-lock.json is newer than node_modules';
  return undefined;
}

export function ensureDependencies(root = ROOT) {
  const reason = installReason(root);
  if (!reason) return;
  process.stderr.write(`[deps] ${reason}: running npm ci (once; a minute or two)\n`);
  // under `npm start`/`npm test`, npm_execpath is the npm that runs us: use it rather than whichever is on PATH
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli, 'ci']] : ['npm', ['ci']];
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.status !== 0) {
    process.stderr.write('[deps] npm ci failed: see its output above.\n');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureDependencies();
