// The embedded database folder holds carers' names in plain text (its WAL among them): only the service's own user
// may read it. Created 0700, checked at every start, fixed with a warning when looser; files inside made 0600
// (PGlite creates them 0666 whatever the umask).

import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Warn = (line: string) => void;

/** Creates the folder (and missing parents) 0700; a folder that is looser is made 0700, with a warning. */
export function ensurePrivateFolder(folder: string, warn: Warn): void {
  if (process.platform === 'win32') {
    mkdirSync(folder, { recursive: true });
    return;
  }
  const previous = process.umask(0o077); // parents made here are private too, whatever the umask
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } finally {
    process.umask(previous);
  }
  const mode = statSync(folder).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    chmodSync(folder, 0o700);
    warn(`The database folder ${folder} was readable by other users (mode ${octal(mode)}): it is now 0700.`);
  }
}

/** Takes group and other permissions off everything inside (files 0600, folders 0700); returns how many it changed. */
export function tightenInside(folder: string): number {
  if (process.platform === 'win32') return 0;
  let changed = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) continue;
      if ((stat.mode & 0o077) !== 0) {
        chmodSync(path, stat.mode & 0o700);
        changed++;
      }
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(folder);
  return changed;
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
