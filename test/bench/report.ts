// Shared pieces of the benchmark modules: the module shape the runner expects, a way to say "skipped", tables and
// small statistics. Benchmarks print figures; they are not timed tests and assert nothing.

import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** What every `*.bench.ts` file exports. `run` prints its own figures with `printTable`. */
export type BenchModule = {
  name: string;
  /** One line saying what the module measures, printed above its figures. */
  description?: string;
  run(): Promise<void>;
  /** How long run() may take before the runner gives up on it (default 300 s). */
  timeoutSeconds?: number;
};

/**
 * Thrown by a module that cannot run here (no Chromium, no PostgreSQL, ...). The runner prints
 * "skipped: <reason>" and carries on with the next module; a skip is not a failure.
 */
export class BenchSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BenchSkipped';
  }
}

export type Figure = { figure: string; value: number | string; unit: string };

/** Prints one table of figures: figure, value, unit, with numbers right-aligned. */
export function printTable(title: string, rows: readonly Figure[]): void {
  const cells = rows.map((row) => [row.figure, formatValue(row.value), row.unit] as const);
  const width = (column: 0 | 1 | 2, header: string) => Math.max(header.length, ...cells.map((c) => c[column].length));
  const [w0, w1, w2] = [width(0, 'figure'), width(1, 'value'), width(2, 'unit')];
  const line = `+-${'-'.repeat(w0)}-+-${'-'.repeat(w1)}-+-${'-'.repeat(w2)}-+`;
  console.log(`\n  ${title}`);
  console.log(line);
  console.log(`| ${'figure'.padEnd(w0)} | ${'value'.padStart(w1)} | ${'unit'.padEnd(w2)} |`);
  console.log(line);
  for (const [figure, value, unit] of cells) console.log(`| ${figure.padEnd(w0)} | ${value.padStart(w1)} | ${unit.padEnd(w2)} |`);
  console.log(line);
}

function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-GB');
  const digits = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 2 : 4;
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The q-quantile (0..1) of already sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

/** Machine facts printed at the top of every run, so figures from two machines are never compared blindly. */
export function machineFacts(): Figure[] {
  const cpuList = cpus();
  return [
    { figure: 'node', value: process.version, unit: '' },
    { figure: 'V8', value: process.versions.v8, unit: '' },
    { figure: 'CPU model', value: cpuList[0]?.model.trim() ?? 'unknown', unit: '' },
    { figure: 'cores', value: cpuList.length, unit: 'logical' },
    { figure: 'platform', value: `${process.platform} ${process.arch}`, unit: '' },
  ];
}

/** A small seeded PRNG (mulberry32), so "random" indices are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Memory figures need a full collection before each reading; V8 can hand out its gc function at run time, so the
// figures are the same whether or not node was started with --expose-gc.
setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;

/** A full garbage collection, twice, so memory readings show what is still held rather than what is not yet freed. */
export function collectGarbage(): void {
  fullGc();
  fullGc();
}
