// The staff app's first verdict loads one chunk of app code (beside boot.ts's own, the words and the decoder), not
// three: by default the bundler splits what main.tsx shares with screens loaded later (History, Settings, the kiosk)
// into chunks of their own, which compress worse and cost a request each. This group puts every module main.tsx
// imports statically, except boot.ts's, into main.tsx's chunk; later screens import from it (issues 12 and 13).

import { resolve } from 'node:path';
import type { Rolldown } from 'vite';

type Group = NonNullable<Exclude<Rolldown.OutputOptions['codeSplitting'], boolean | undefined>['groups']>[number];
type Context = Parameters<Extract<Group['name'], (...args: never[]) => unknown>>[1];

export function firstVerdictChunks(root: string): Group[] {
  const appEntry = resolve(root, 'src/app/main.tsx');
  const bootEntry = resolve(root, 'src/app/boot.ts');
  let chunks: { boot: Set<string>; main: Set<string> } | undefined;
  // the name functions see the module graph: boot.ts's static imports stay in its chunk (left to itself, the bundler
  // would move what main.tsx shares with it into main.tsx's chunk, and run the app before the boot script)
  const chunkOf = (id: string, context: Context) => {
    if (!context.getModuleInfo(appEntry)) return undefined; // another build (the service worker's)
    if (!chunks) {
      const boot = staticImports(bootEntry, context);
      chunks = { boot, main: difference(staticImports(appEntry, context), boot) };
    }
    return chunks.boot.has(id) ? 'boot' : chunks.main.has(id) ? 'main' : undefined;
  };
  return [
    { debugName: 'boot', name: (id, context) => (chunkOf(id, context) === 'boot' ? 'boot' : null), priority: 2 },
    { debugName: 'main', name: (id, context) => (chunkOf(id, context) === 'main' ? 'main' : null), priority: 1 },
  ];
}

function staticImports(entry: string, context: Context): Set<string> {
  const seen = new Set<string>();
  const waiting = [entry];
  for (let id = waiting.pop(); id !== undefined; id = waiting.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    waiting.push(...(context.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

function difference(all: Set<string>, less: Set<string>): Set<string> {
  return new Set([...all].filter((id) => !less.has(id)));
}
