// The build decides which root(s) the app pins and whether it is the demo build (the demo staff PIN 1234 comes
// only with the demo root): CP_APP_ROOTS_FILE names a real scheme's root public key(s).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRoots } from '../../src/build/app-roots.ts';
import { generateSigningKey } from '../../src/core/index.ts';
import { DEMO_ROOT_PUBLIC } from '../../src/demo/demo-scheme.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function file(contents: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-roots-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'roots.json'), contents);
  return join(dir, 'roots.json');
}

describe('the roots a build pins', () => {
  it('without CP_APP_ROOTS_FILE: the demo root, and the demo build', () => {
    expect(appRoots({})).toEqual({ roots: [DEMO_ROOT_PUBLIC], demo: true });
  });

  it('next to a real scheme (CP_ROOT_KEY_FILE, as `npm start` runs): that root\'s public part, not the demo build', async () => {
    const root = await generateSigningKey('ES256');
    const built = appRoots({ CP_ROOT_KEY_FILE: file(JSON.stringify(root.privateJwk)) });
    expect(built.demo).toBe(false);
    expect(built.roots).toEqual([expect.objectContaining({ x: root.publicJwk.x })]);
    expect(built.roots[0]).not.toHaveProperty('d');
    // a file named for the app wins: a scheme moving to a new root pins both
    const other = await generateSigningKey('ES256');
    expect(appRoots({ CP_ROOT_KEY_FILE: file(JSON.stringify(root.privateJwk)), CP_APP_ROOTS_FILE: file(JSON.stringify([other.publicJwk])) }).roots[0]).toMatchObject({ x: other.publicJwk.x });
  });

  it('refuses to pin the demo root in a build that is not the demo (its private key is published)', () => {
    expect(() => appRoots({ CP_APP_ROOTS_FILE: file(JSON.stringify(DEMO_ROOT_PUBLIC)) })).toThrow(/DEMO root/);
  });

  it('with it: the scheme\'s root, not the demo build, and never a private member', async () => {
    const key = await generateSigningKey('ES256');
    const built = appRoots({ CP_APP_ROOTS_FILE: file(JSON.stringify(key.privateJwk)) });
    expect(built.demo).toBe(false);
    expect(built.roots).toHaveLength(1);
    expect(built.roots[0]).not.toHaveProperty('d');
    const { kid: _kid, ...publicMembers } = key.publicJwk;
    expect(built.roots[0]).toMatchObject(publicMembers);
  });

  it('a file that is not JSON stops the build naming the file, never quoting it', () => {
    const path = file('{"d": "c2VjcmV0LXByaXZhdGUta2V5"');
    expect(() => appRoots({ CP_APP_ROOTS_FILE: path })).toThrow(`CP_APP_ROOTS_FILE: cannot read ${path} (not JSON)`);
    expect(() => appRoots({ CP_APP_ROOTS_FILE: file('[]') })).toThrow(/names no key/);
  });
});
