// `npm run bench` runs every test/bench/*.bench.ts in sequence; `npm run bench -- <name> [<name> ...]` runs the named
// ones (a module's exported `name` or its file name without `.bench.ts`). A module that cannot run here throws
// BenchSkipped and is reported as skipped; a module that crashes or hangs is reported as failed and the others still run.
//
// Adding a module: test/bench/<name>.bench.ts exporting `name`, `run(): Promise<void>` and optionally `description` and
// `timeoutSeconds` (see BenchModule in report.ts). run() does its set-up, prints its figures with printTable, and throws
// `new BenchSkipped('<what is missing>')` when this machine lacks something it needs (Chromium, PostgreSQL, ...).
// Import nothing heavy at the top of a module: every module is imported before the chosen ones run.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchSkipped, machineFacts, printTable, type BenchModule } from './report.ts';

const benchDir = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';
const DEFAULT_TIMEOUT_SECONDS = 300;

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
      await withTimeout(module.run(), module.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
      outcomes.push({ name: module.name, status: 'ok', seconds: seconds(started), note: '' });
    } catch (error) {
      // by name too, in case a module reached report.ts through another path
      const skipped = error instanceof BenchSkipped || (error instanceof Error && error.name === 'BenchSkipped');
      const note = describe(error);
      console.log(`   ${skipped ? 'skipped' : 'failed'}: ${note}`);
      if (!skipped && error instanceof Error && error.name !== 'BenchTimeout' && error.stack) console.log(indent(error.stack));
      outcomes.push({ name: module.name, status: skipped ? 'skipped' : 'failed', seconds: seconds(started), note });
    }
  }

  const unknown = wanted.filter((w) => !matched.has(w));
  for (const name of unknown) outcomes.push({ name, status: 'failed', seconds: 0, note: 'no benchmark has this name' });

  console.log('\n  summary');
  for (const o of outcomes) {
    console.log(`    ${o.name}: ${o.status === 'ok' ? `done in ${o.seconds.toFixed(1)} s` : `${o.status}: ${o.note}`}`);
  }
  if (unknown.length > 0) {
    const names = loaded.map(({ stem, module }) => (typeof module === 'string' || module.name === stem ? stem : `${module.name} (${stem})`));
    console.log(`\nUnknown benchmark name(s): ${unknown.join(', ')}. Available: ${names.join(', ')}.`);
  }
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

/** A module that hangs (a server that never answers) is reported as failed, and the run goes on. */
function withTimeout(work: Promise<void>, limitSeconds: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`did not finish within ${limitSeconds} s`), { name: 'BenchTimeout' })), limitSeconds * 1000);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
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

// exit explicitly: a module that left a socket or a browser behind must not keep the run from ending
process.exit(await main());
