// Issue 13, benchmark: the built app served by the scheme service (as `npm start` serves it), in Chromium with the CPU
// slowed through DevTools (`Emulation.setCPUThrottlingRate`) and the fake camera showing a passport: navigation to
// the verdict on screen, for a first visit (fresh profile, 9 Mbps and 60 ms through `Network.emulateNetworkConditions`)
// and for later visits (the service worker answers), at 1x, 4x and 6x; and where the time goes, from the app's own
// performance marks (cp:*) and resource timing. Timings on a shared machine are noisy: every figure is a median.
//
// BENCH_LOWEND_FIRST (visits with a fresh profile a rate, default 3) and BENCH_LOWEND_LATER (later visits after each
// first one, default 3) trade time for steadiness; BENCH_LOWEND_RATES (default "1,4,6") picks the rates.
// BENCH_LOWEND_FPS (default 10) is the fake camera's frame rate: Chromium delivers the first frame a view can use one
// frame interval after the camera opens, so at 10 fps about 100 ms of every visit is the camera's own.
// BENCH_LOWEND_BASELINE=<folder of another build> (say `git stash; npx vite build --outDir /tmp/base`) serves that build
// beside this one and takes turns between them, visit for visit, so load from elsewhere on the machine falls on both.
// After each profile's later visits, one more later visit is traced (not counted in the medians) for CPU time by
// thread and kind of work. Last, BENCH_LOWEND_LIGHTHOUSE (default 3) first visits with Lighthouse's mobile profile in a
// browser with no camera, as Lighthouse runs it: paints, total blocking time, script bootup and uncompressed text files.

import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_PATH, launchChromium } from '../e2e/support/chromium.ts';
import { demoPassport } from '../e2e/support/scan-fixtures.ts';
import { writeQrY4m } from '../e2e/support/y4m.ts';
import { BenchSkipped, median, printTable, type Figure } from './report.ts';
import { cpuByThread, longTasks, navigationStart, startTrace } from './trace-cpu.ts';

export const name = 'app-lowend';
export const description = 'navigation to verdict with the CPU throttled (1x, 4x, 6x), first and later visits, and where the time goes (issue 13)';
export const timeoutSeconds = 900;

/** Issue 13's goals in ms: [first visit, later visits]; undefined where the issue sets none. */
const GOALS: Record<number, [number | undefined, number | undefined]> = { 1: [undefined, 200], 4: [1500, 400], 6: [2000, 600] };
/** The first visit's link (issue 13): 9 Mbps both ways, 60 ms latency. */
const LINK = { offline: false, latency: 60, downloadThroughput: (9_000_000 / 8), uploadThroughput: (9_000_000 / 8) };
/** Lighthouse's mobile "slow 4G": 150 ms round trips, 1.6 Mbps down, 750 kbps up (what its simulation assumes). */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1_638_400 / 8), uploadThroughput: (768_000 / 8) };
/** Visits made with Lighthouse's mobile profile (BENCH_LOWEND_LIGHTHOUSE, default 3; 0 leaves them out). */
const LIGHTHOUSE_VISITS = Number.parseInt(process.env.BENCH_LOWEND_LIGHTHOUSE ?? '3', 10) || 0;

const FIRST = positiveInt(process.env.BENCH_LOWEND_FIRST, 3);
const LATER = positiveInt(process.env.BENCH_LOWEND_LATER, 3);
const RATES = (process.env.BENCH_LOWEND_RATES ?? '1,4,6').split(',').map(Number).filter((r) => r >= 1);
const BASELINE = process.env.BENCH_LOWEND_BASELINE;
const FPS = positiveInt(process.env.BENCH_LOWEND_FPS, 10);

/** What one visit recorded: ms since navigation start, from the page's own clock. */
type Visit = { controlled: boolean; verdict: number; marks: Record<string, number>; frames: number; scripts: { name: string; fetched: number; bytes: number }[]; wasm?: { fetched: number; bytes: number } };

type Variant = { label: string; url: string };
/** CPU ms of one traced later visit: thread -> kind -> ms. */
type CpuTime = Map<string, Map<string, number>>;

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new BenchSkipped(`no Chromium at ${CHROMIUM_PATH}`);
  const outDir = mkdtempSync(join(tmpdir(), 'cp-bench-lowend-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const served = await serve(outDir);
  const baseline = BASELINE ? await serve(BASELINE) : undefined;
  const variants: Variant[] = [{ label: 'this build', url: served.url }, ...(baseline ? [{ label: `baseline ${BASELINE}`, url: baseline.url }] : [])];
  let browser: Browser | undefined;
  try {
    const passport = await demoPassport();
    browser = await launchChromium({ fakeCamera: writeQrY4m(passport.qrText, { moduleSize: 4, fps: FPS }) });
    const summary: Figure[] = [];
    const breakdowns: { title: string; visits: Visit[] }[] = [];
    const cpuTables: { title: string; traces: CpuTime[] }[] = [];
    for (const rate of RATES) {
      const firsts = variants.map((): Visit[] => []);
      const laters = variants.map((): Visit[] => []);
      const traces = variants.map((): CpuTime[] => []);
      for (let i = 0; i < FIRST; i++) {
        // the variants take turns, and which goes first alternates
        const order = variants.map((_, v) => v);
        if (i % 2 === 1) order.reverse();
        for (const v of order) {
          const context = await browser.newContext();
          try {
            await context.addInitScript({ content: verdictWatch(passport.name) });
            const page = await context.newPage();
            const cdp = await throttle(context, page, rate, true);
            firsts[v]!.push(await visit(page, variants[v]!.url));
            await waitForServiceWorker(page);
            await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
            for (let j = 0; j < LATER; j++) laters[v]!.push(await visit(page, variants[v]!.url));
            traces[v]!.push(await tracedVisit(browser, page, variants[v]!.url));
          } finally {
            await context.close();
          }
        }
      }
      const [goalFirst, goalLater] = GOALS[rate] ?? [undefined, undefined];
      variants.forEach((variant, v) => {
        const who = variants.length > 1 ? `${variant.label}: ` : '';
        summary.push(row(`${who}${rate}x CPU, first visit (9 Mbps, 60 ms), median of ${firsts[v]!.length}`, firsts[v]!, goalFirst));
        summary.push(row(`${who}${rate}x CPU, later visits (service worker), median of ${laters[v]!.length}`, laters[v]!, goalLater));
      });
      breakdowns.push({ title: `${rate}x CPU, first visit`, visits: firsts[0]! }, { title: `${rate}x CPU, later visits`, visits: laters[0]! });
      cpuTables.push({ title: `${rate}x CPU, later visits`, traces: traces[0]! });
      if (baseline) cpuTables.push({ title: `${rate}x CPU, later visits, baseline`, traces: traces[1]! });
    }
    printTable(`navigation to verdict on screen, built app served by the scheme service, fake camera at ${FPS} fps`, summary);
    printTable('issue 13: goals beside the medians above', goalTable(summary));
    for (const b of breakdowns) printTable(`where the time goes: ${b.title} (median ms since navigation start)`, breakdown(b.visits));
    for (const c of cpuTables) printTable(`CPU time by thread and kind of work, navigation to verdict: ${c.title} (median ms of ${c.traces.length} traced visits)`, cpuRows(c.traces));
    if (LIGHTHOUSE_VISITS > 0) {
      const noCamera = await launchChromium();
      try {
        const visits: LighthouseLike[] = [];
        for (let i = 0; i < LIGHTHOUSE_VISITS; i++) visits.push(await lighthouseLikeVisit(noCamera, served.url));
        printTable(`Lighthouse's mobile profile, measured here (4x CPU, slow 4G, fresh profile, no camera; median of ${visits.length})`, lighthouseRows(visits));
      } finally {
        await noCamera.close();
      }
    }
  } finally {
    await browser?.close();
    await served.close();
    await baseline?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** One more later visit with a performance trace from the browser (all threads): CPU time up to the verdict. */
async function tracedVisit(browser: Browser, page: Page, url: string): Promise<CpuTime> {
  const session: CDPSession = await browser.newBrowserCDPSession();
  try {
    const stop = await startTrace(session);
    const seen = await visit(page, url);
    const events = await stop();
    const from = navigationStart(events, url);
    return from === undefined ? new Map() : cpuByThread(events, from, seen.verdict);
  } finally {
    await session.detach();
  }
}

/** What Lighthouse's performance audits look at, from one first visit with its mobile profile, traced. */
type LighthouseLike = { fcp: number; lcp: number; blockingMs: number; longest: number; bootupMs: number; uncompressed: string[] };
/** How long a Lighthouse-like visit is traced: past the point where the idle app starts sync and installs itself. */
const LIGHTHOUSE_SPAN_MS = 8_000;

/**
 * A first visit as Lighthouse's mobile profile makes it (4x CPU, slow 4G) in a browser with no camera, as Lighthouse's
 * own Chrome has none: the app starts, finds no camera and says so. Traced for 8 s from navigation (sync starts and the
 * service worker installs in that time): first and largest contentful paint, total blocking time (each main-thread
 * task's time over 50 ms, after first contentful paint), script bootup (the page's script parse, compile and
 * evaluation) and each text file of 512 bytes or more sent without compression. Lighthouse itself cannot be installed.
 */
async function lighthouseLikeVisit(browser: Browser, url: string): Promise<LighthouseLike> {
  const context = await browser.newContext();
  const bodies: Promise<string | undefined>[] = [];
  context.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const text = /\.(html|js|mjs|css|json|svg|webmanifest|jwt)$/.test(path) || path.endsWith('/');
    if (!text || response.status() !== 200 || response.headers()['content-encoding'] || response.fromServiceWorker()) return;
    bodies.push(response.body().then((body) => (body.length >= 512 ? `${path} (${body.length} bytes)` : undefined), () => undefined));
  });
  const session: CDPSession = await browser.newBrowserCDPSession();
  try {
    await context.addInitScript({ content: PAINT_WATCH });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const stop = await startTrace(session, { toplevel: true });
    await page.goto(url);
    await new Promise((resolve) => setTimeout(resolve, LIGHTHOUSE_SPAN_MS));
    const paints = (await page.evaluate('({ fcp: window.__fcp, lcp: window.__lcp })')) as { fcp?: number; lcp?: number };
    const events = await stop();
    const from = navigationStart(events, url);
    const fcp = paints.fcp ?? NaN;
    const tasks = from ? longTasks(events, from, fcp, LIGHTHOUSE_SPAN_MS) : { blockingMs: NaN, longest: NaN, over50: NaN };
    const pageCpu = from ? cpuByThread(events, from, LIGHTHOUSE_SPAN_MS).get('page') : undefined;
    const bootupMs = (pageCpu?.get('script evaluation') ?? 0) + (pageCpu?.get('script parse and compile') ?? 0);
    const uncompressed = (await Promise.all(bodies)).filter((b): b is string => b !== undefined);
    return { fcp, lcp: paints.lcp ?? fcp, blockingMs: tasks.blockingMs, longest: tasks.longest, bootupMs, uncompressed };
  } finally {
    await session.detach();
    await context.close();
  }
}

/** First and largest contentful paint, as the page's own PerformanceObserver reports them. */
const PAINT_WATCH = `
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

function lighthouseRows(visits: LighthouseLike[]): Figure[] {
  const ms = (pick: (v: LighthouseLike) => number) => Math.round(median(visits.map(pick)));
  const uncompressed = [...new Set(visits.flatMap((v) => v.uncompressed))];
  return [
    { figure: 'first contentful paint', value: ms((v) => v.fcp), unit: 'ms' },
    { figure: 'largest contentful paint', value: ms((v) => v.lcp), unit: 'ms' },
    { figure: `total blocking time (tasks over 50 ms, first contentful paint to ${LIGHTHOUSE_SPAN_MS / 1000} s)`, value: ms((v) => v.blockingMs), unit: 'ms (goal at most 50)' },
    { figure: 'longest main-thread task after first contentful paint', value: ms((v) => v.longest), unit: 'ms' },
    { figure: `script bootup (the page's script parse, compile and evaluation, first ${LIGHTHOUSE_SPAN_MS / 1000} s)`, value: ms((v) => v.bootupMs), unit: 'ms (goal at most 500)' },
    { figure: 'text files of 512 bytes or more sent uncompressed', value: uncompressed.length, unit: uncompressed.length > 0 ? uncompressed.join(', ') : '(goal none)' },
  ];
}

function cpuRows(traces: CpuTime[]): Figure[] {
  const keys = new Set(traces.flatMap((t) => [...t].flatMap(([thread, kinds]) => [...kinds.keys()].map((kind) => `${thread}\t${kind}`))));
  const rows: Figure[] = [];
  for (const key of [...keys].sort()) {
    const [thread, kind] = key.split('\t') as [string, string];
    const ms = median(traces.map((t) => t.get(thread)?.get(kind) ?? 0));
    if (ms >= 1) rows.push({ figure: `${thread}: ${kind}`, value: Math.round(ms), unit: 'ms' });
  }
  for (const thread of new Set(traces.flatMap((t) => [...t.keys()]))) {
    const total = median(traces.map((t) => [...(t.get(thread)?.values() ?? [])].reduce((a, b) => a + b, 0)));
    rows.push({ figure: `${thread}: all`, value: Math.round(total), unit: 'ms' });
  }
  return rows;
}

/** Issue 13's table (first and later visits by CPU rate), the medians of this build beside the goals. */
function goalTable(summary: Figure[]): Figure[] {
  const ours = summary.filter((f) => !f.figure.startsWith('baseline'));
  return RATES.map((rate) => {
    const cell = (kind: string, goal: number | undefined) => {
      const found = ours.find((f) => f.figure.includes(`${rate}x CPU, ${kind}`));
      const value = typeof found?.value === 'number' ? `${found.value.toFixed(2)} s` : '-';
      return `${kind} ${value} (goal ${goal === undefined ? 'none' : `${(goal / 1000).toFixed(1)} s`})`;
    };
    const [goalFirst, goalLater] = GOALS[rate] ?? [undefined, undefined];
    return { figure: `${rate}x CPU`, value: cell('first visit', goalFirst), unit: cell('later visits', goalLater) };
  });
}

/** The scheme service in-process with its own PGlite folder, serving the build (test/e2e/support/served-app.ts). */
async function serve(staticDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const { openDatabase } = await import('../../src/server/db/open-database.ts');
  const { startService } = await import('../../src/server/service.ts');
  const folder = await mkdtemp(join(tmpdir(), 'cp-bench-lowend-db-'));
  const db = await openDatabase({ kind: 'pglite', folder });
  const service = await startService({ db, adminPassword: 'bench only, never a real password', staticDir, refreshEveryMs: 0 });
  return {
    url: `${service.localUrl}/`,
    async close() {
      await service.close();
      await db.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function throttle(context: BrowserContext, page: Page, rate: number, firstVisit: boolean) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (firstVisit) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK);
  }
  return cdp;
}

async function visit(page: Page, url: string): Promise<Visit> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __verdictAt?: number }).__verdictAt !== undefined, undefined, { timeout: 60_000 });
  // a string, not a function: tsx would wrap a function in helpers that do not exist in the page
  return (await page.evaluate(`(() => {
    const marks = {};
    let frames = 0;
    for (const m of performance.getEntriesByType('mark')) {
      if (!m.name.startsWith('cp:')) continue;
      if (m.name === 'cp:frame-decoded') { if (m.startTime <= window.__verdictAt) frames++; continue; }
      if (!(m.name in marks)) marks[m.name] = m.startTime;
    }
    const resources = performance.getEntriesByType('resource');
    const scripts = resources.filter((r) => /\\.m?js$/.test(new URL(r.name).pathname) && r.responseEnd <= window.__verdictAt)
      .map((r) => ({ name: new URL(r.name).pathname.split('/').pop(), fetched: r.responseEnd, bytes: r.transferSize }));
    for (const r of resources) {
      const file = new URL(r.name).pathname.split('/').pop().replace(/-[A-Za-z0-9_-]{8}\.(js|css|wasm)$/, '.$1');
      if (/\.(js|css)$/.test(file) && r.responseEnd <= window.__verdictAt) marks['received ' + file] = r.responseEnd;
    }
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) marks['html fetched'] = nav.responseEnd;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    if (fcp) marks['first contentful paint'] = fcp.startTime;
    return { verdict: window.__verdictAt, marks, frames, scripts, controlled: navigator.serviceWorker.controller !== null };
  })()`)) as Visit;
}

/** Records the moment the verdict's words first appear, from inside the page (as in app-scan.bench.ts). */
const verdictWatch = (carerName: string) => `
  (() => {
    const name = ${JSON.stringify(carerName)};
    const check = () => {
      if (window.__verdictAt === undefined && document.body && /\\bValid\\b/.test(document.body.innerText) && document.body.innerText.includes(name)) {
        window.__verdictAt = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  })();
`;

/** The service worker has precached everything and is active, so the next navigation is answered by it. */
async function waitForServiceWorker(page: Page): Promise<void> {
  // polled from here: page.waitForFunction would take the promise an expression returns as a truthy value
  const activated = `navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated' && navigator.serviceWorker.controller === null)`;
  for (let waited = 0; waited < 60_000; waited += 100) {
    if ((await page.evaluate(activated)) === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the service worker did not activate within 60 s');
}

function row(label: string, visits: Visit[], goal: number | undefined): Figure {
  const value = median(visits.map((v) => v.verdict)) / 1000;
  const verdictOnGoal = goal === undefined ? 'no goal set' : `goal ${(goal / 1000).toFixed(1)} s: ${value * 1000 <= goal ? 'met' : 'not met'}`;
  return { figure: label, value, unit: `s (${verdictOnGoal}; range ${range(visits)})` };
}

function range(visits: Visit[]): string {
  const values = visits.map((v) => v.verdict / 1000);
  return `${Math.min(...values).toFixed(2)} to ${Math.max(...values).toFixed(2)}`;
}

/** The app's marks, in the order the page reaches them: each is a moment, so a gap between two is where time went. */
const STEPS: [string, string][] = [
  ['html fetched', 'HTML received'],
  ['cp:boot', 'boot script running (starts decoder and camera)'],
  ['cp:main', 'app script fetched, parsed and evaluated (main.tsx starts)'],
  ['cp:storage-open', 'IndexedDB open'],
  ['cp:models-ready', 'models built (settings, sync, history read from IndexedDB)'],
  ['cp:rendered', 'shell rendered'],
  ['first contentful paint', 'first contentful paint'],
  ['cp:trust-held', 'held trust data read and verified'],
  ['cp:trust-ready', 'shipped trust data fetched and checked (trust ready)'],
  ['cp:early-camera-open', 'camera open for the early scan (boot.ts asked for it)'],
  ['cp:early-camera-playing', 'early scan video playing (frames read from here)'],
  ['cp:decoder-started', 'decoder worker script running'],
  ['cp:wasm-fetched', '.wasm response headers in (compile streams from here)'],
  ['cp:decoder-ready', '.wasm compiled, decoder ready'],
  ['cp:camera-open', 'camera view has the camera (the early stream, or its own)'],
  ['cp:camera-playing', 'camera playing'],
  ['cp:qr-decoded', 'passport QR decoded'],
];

function breakdown(visits: Visit[]): Figure[] {
  const rows: Figure[] = [];
  const labels = new Map(STEPS);
  const marks = new Set(visits.flatMap((v) => Object.keys(v.marks)));
  for (const mark of marks) {
    const times = visits.map((v) => v.marks[mark]).filter((t): t is number => t !== undefined);
    rows.push({ figure: labels.get(mark) ?? mark, value: Math.round(median(times)), unit: 'ms' });
  }
  rows.sort((a, b) => (a.value as number) - (b.value as number));
  const lastScript = visits.map((v) => Math.max(0, ...v.scripts.map((s) => s.fetched)));
  rows.push(
    { figure: 'last script before the verdict received', value: Math.round(median(lastScript)), unit: 'ms' },
    { figure: 'frames decoded before the verdict', value: median(visits.map((v) => v.frames)), unit: '' },
    { figure: 'verdict on screen', value: Math.round(median(visits.map((v) => v.verdict))), unit: 'ms' },
  );
  const transferred = visits.map((v) => v.scripts.reduce((sum, s) => sum + s.bytes, 0) / 1024);
  rows.push({ figure: 'visits answered by the service worker', value: `${visits.filter((v) => v.controlled).length} of ${visits.length}`, unit: '' });
  rows.push({ figure: 'script bytes over the wire before the verdict', value: median(transferred), unit: 'KiB (0 when from the service worker)' });
  return rows;
}

function positiveInt(text: string | undefined, fallback: number): number {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
