// `npm run bench` runs every test/bench/*.bench.ts in sequence; `npm run bench -- <name> [<name> ...]` runs the named
// ones (a module's exported `name` or its file name without `.bench.ts`). A module that cannot run here throws
// BenchSkipped and is reported as skipped; a module that crashes is reported as failed and the others still run.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchSkipped, machineFacts, printTable, type BenchModule } from './report.ts';

const benchDir = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

type Outcome = { name: string; status: 'ok' | 'skipped' | 'failed'; seconds: number; note: string };

async function loadModule(file: string): Promise<BenchModule | string> {
  const loaded = (await import(pathToFileURL(join(benchDir, file)).href)) as Partial<BenchModule>;
  if (typeof loaded.name !== 'string' || typeof loaded.run !== 'function') {
    return `${file} does not export \`name\` (string) and \`run()\``;
  }
  return loaded as BenchModule;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
  const files = readdirSync(benchDir).filter((f) => f.endsWith(SUFFIX)).sort();

  console.log('Carers Passport Check benchmarks');
  printTable('machine', machineFacts());

  // Modules only declare things when imported (the work happens in run()), so all are loaded and then chosen.
  const loaded = await Promise.all(
    files.map(async (file) => {
      const stem = file.slice(0, -SUFFIX.length);
      try {
        return { stem, module: await loadModule(file) };
      } catch (error) {
        return { stem, module: `could not load ${file}: ${describe(error)}` };
      }
    }),
  );
  const chosen = loaded.filter(
    ({ stem, module }) => wanted.length === 0 || wanted.includes(stem) || (typeof module !== 'string' && wanted.includes(module.name)),
  );
  const matched = new Set(chosen.flatMap(({ stem, module }) => (typeof module === 'string' ? [stem] : [stem, module.name])));

  const outcomes: Outcome[] = [];
  for (const { stem, module } of chosen) {
    if (typeof module === 'string') {
      console.log(`\n== ${stem}: failed: ${module}`);
      outcomes.push({ name: stem, status: 'failed', seconds: 0, note: module });
      continue;
    }
    console.log(`\n== ${module.name}${module.description ? `: ${module.description}` : ''}`);
    const started = performance.now();
    try {
      await module.run();
      outcomes.push({ name: module.name, status: 'ok', seconds: seconds(started), note: '' });
    } catch (error) {
      // by name too, in case a module reached report.ts through another path
      const skipped = error instanceof BenchSkipped || (error instanceof Error && error.name === 'BenchSkipped');
      const note = describe(error);
      console.log(`   ${skipped ? 'skipped' : 'failed'}: ${note}`);
      if (!skipped && error instanceof Error && error.stack) console.log(indent(error.stack));
      outcomes.push({ name: module.name, status: skipped ? 'skipped' : 'failed', seconds: seconds(started), note });
    }
  }

  const unknown = wanted.filter((w) => !matched.has(w));
  for (const name of unknown) outcomes.push({ name, status: 'failed', seconds: 0, note: 'no benchmark has this name' });

  printTable(
    'summary',
    outcomes.map((o) => ({ figure: o.name, value: o.status === 'ok' ? Math.round(o.seconds * 10) / 10 : o.status, unit: o.status === 'ok' ? 's' : o.note })),
  );
  if (unknown.length > 0) {
    const names = files.map((f) => f.slice(0, -SUFFIX.length)).join(', ');
    console.log(`\nUnknown benchmark name(s): ${unknown.join(', ')}. Available: ${names}.`);
  }
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `     ${line}`)
    .join('\n');
}

process.exitCode = await main();
