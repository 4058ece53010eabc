// Timing helpers for the verify benchmark: sequential latencies, and floor and verify taking turns in blocks so that
// load from other processes on a shared machine falls on both alike.

import { median, quantile } from './report.ts';

export type Work = (i: number) => Promise<unknown>;
export type Timing = { perSecond: number; p50: number; p99: number };

/** One at a time, each awaited: the latency a single till sees. Returns each call's time in ms. */
export async function sequential(count: number, work: Work, from = 0): Promise<Float64Array> {
  const latencies = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await work(from + i);
    latencies[i] = performance.now() - t0;
  }
  return latencies;
}

/**
 * Floor and verify take turns in blocks of `block` items (which goes first alternates), `passes` times over all
 * items; the median of the per-block ratios shrugs off blocks that a spike of outside load hit.
 */
export async function interleaved(
  count: number,
  options: { passes: number; block: number },
  verifyWork: Work,
  floorWork: Work,
): Promise<{ verify: Timing; floor: Timing; blockRatio: number }> {
  const verifyTimes: number[] = [];
  const floorTimes: number[] = [];
  const ratios: number[] = [];
  for (let pass = 0; pass < options.passes; pass++) {
    for (let start = 0, block = 0; start < count; start += options.block, block++) {
      const size = Math.min(options.block, count - start);
      const floorFirst = (block + pass) % 2 === 0;
      const first = await sequential(size, floorFirst ? floorWork : verifyWork, start);
      const second = await sequential(size, floorFirst ? verifyWork : floorWork, start);
      const [f, v] = floorFirst ? [first, second] : [second, first];
      floorTimes.push(...f);
      verifyTimes.push(...v);
      ratios.push(sum(v) / sum(f));
    }
  }
  return { verify: summarise(verifyTimes), floor: summarise(floorTimes), blockRatio: median(ratios) };
}

/**
 * `width` calls in flight at once: throughput when a server or a worker takes a burst. Floor and verify take turns
 * in blocks of `block` items, as in the sequential measure.
 */
export async function concurrentInterleaved(
  count: number,
  options: { width: number; block: number },
  verifyWork: Work,
  floorWork: Work,
): Promise<{ verifyPerSecond: number; floorPerSecond: number; blockRatio: number }> {
  let verifyMs = 0;
  let floorMs = 0;
  const ratios: number[] = [];
  for (let start = 0, block = 0; start < count; start += options.block, block++) {
    const end = Math.min(count, start + options.block);
    const floorFirst = block % 2 === 0;
    const first = await burst(start, end, options.width, floorFirst ? floorWork : verifyWork);
    const second = await burst(start, end, options.width, floorFirst ? verifyWork : floorWork);
    const [f, v] = floorFirst ? [first, second] : [second, first];
    floorMs += f;
    verifyMs += v;
    ratios.push(v / f);
  }
  return { verifyPerSecond: (count * 1000) / verifyMs, floorPerSecond: (count * 1000) / floorMs, blockRatio: median(ratios) };
}

async function burst(start: number, end: number, width: number, work: Work): Promise<number> {
  let next = start;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < end) await work(next++);
    }),
  );
  return performance.now() - t0;
}

/** Mean microseconds per call over `count` calls, as the median of blocks of 500 (robust to outside load). */
export async function microsPerCall(count: number, work: (i: number) => unknown): Promise<number> {
  const means: number[] = [];
  for (let start = 0; start < count; start += 500) {
    const end = Math.min(count, start + 500);
    const t0 = performance.now();
    for (let i = start; i < end; i++) {
      const result = work(i);
      if (result instanceof Promise) await result; // sync stages are not charged a microtask
    }
    means.push(((performance.now() - t0) * 1000) / (end - start));
  }
  return median(means);
}

function summarise(latencies: number[]): Timing {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { perSecond: (latencies.length * 1000) / sum(latencies), p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
