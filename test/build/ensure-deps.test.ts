// Issue 8, point 14: `npm start` and `npm test` on a fresh clone install the dependencies themselves (`npm ci`) when
// node_modules is missing or older than package-lock.json, and leave a current install alone.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installReason } from '../../src/build/ensure-deps.mjs';

const SCRIPT = resolve('src/build/ensure-deps.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with a lock file written at `lockTime` and, if given, an install finished at `installedTime`. */
function project(lockTime: number, installedTime?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-deps-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package-lock.json'), '{}');
  utimesSync(join(dir, 'package-lock.json'), lockTime, lockTime);
  if (installedTime !== undefined) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{}');
    utimesSync(join(dir, 'node_modules', '.package-lock.json'), installedTime, installedTime);
  }
  return dir;
}

/** Runs the script as `npm start` would, with a stand-in npm that records what it was asked and "installs". */
function runAsNpmScript(dir: string) {
  const fakeNpm = join(dir, 'fake-npm.mjs');
  writeFileSync(
    fakeNpm,
    `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
appendFileSync('npm-calls.txt', process.argv.slice(2).join(' ') + '\\n');
mkdirSync('node_modules', { recursive: true });
writeFileSync('node_modules/.package-lock.json', '{}');`,
  );
  const copy = join(dir, 'src', 'build');
  mkdirSync(copy, { recursive: true });
  writeFileSync(join(copy, 'ensure-deps.mjs'), readFileSync(SCRIPT));
  const result = spawnSync(process.execPath, [join(copy, 'ensure-deps.mjs')], { cwd: dir, env: { ...process.env, npm_execpath: fakeNpm }, encoding: 'utf8' });
  const calls = (() => {
    try {
      return readFileSync(join(dir, 'npm-calls.txt'), 'utf8').trim().split('\n');
    } catch {
      return [];
    }
  })();
  return { status: result.status, calls, stderr: result.stderr };
}

describe('installing the dependencies on a fresh clone', () => {
  it('says why an install is needed: node_modules missing, or older than the lock file', () => {
    expect(installReason(project(1_000))).toBe('node_modules is missing');
    expect(installReason(project(2_000, 1_000))).toBe('package-lock.json is newer than node_modules');
    expect(installReason(project(1_000, 2_000))).toBeUndefined();
  });

  it('runs npm ci once on a fresh clone, and not again once installed', () => {
    const dir = project(1_000);
    const first = runAsNpmScript(dir);
    expect(first.status).toBe(0);
    expect(first.calls).toEqual(['ci']);
    expect(first.stderr).toContain('node_modules is missing');
    expect(runAsNpmScript(dir).calls).toEqual(['ci']); // nothing more: the install is newer than the lock file
  });

  it('installs again after a pull that changed the lock file', () => {
    const dir = project(2_000, 1_000);
    expect(runAsNpmScript(dir).calls).toEqual(['ci']);
  });

  it('runs first in npm start and in npm test', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toMatch(/^node src\/build\/ensure-deps\.mjs && /);
    expect(scripts.test).toBe('node test/setup/run-all.mjs');
    const runAll = readFileSync('test/setup/run-all.mjs', 'utf8');
    expect(runAll.indexOf('ensureDependencies();')).toBeGreaterThan(-1);
    expect(runAll.indexOf('ensureDependencies();')).toBeLessThan(runAll.indexOf('ensureChromium();'));
  });
});
