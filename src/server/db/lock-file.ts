// PGlite is one process per data folder and has no lock of its own (toolchain notes; pglite issues 892, 1106):
// a second process on the same folder can corrupt it, so the folder is guarded by a lock file holding our pid.

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderLocked extends Error {
  constructor(readonly folder: string, readonly pid: number) {
    super(
      `The database folder ${folder} is in use by another process (pid ${pid}). ` +
        'Stop the running scheme service first, or use its admin page.',
    );
    this.name = 'DataFolderLocked';
  }
}

export type LockRelease = () => void;

export function lockDataFolder(folder: string): LockRelease {
  const path = join(folder, 'carers-passport.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readSafely(path), 10);
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataFolderLocked(folder, holder);
      rmSync(path, { force: true }); // left by a process that died: take it over
    }
  }
  throw new Error(`could not take the lock ${path}`);
}

function readSafely(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
