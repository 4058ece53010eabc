// CPU time by kind of work and by thread, from a Chromium performance trace (CDP Tracing), for app-lowend's "where
// the time goes": each thread's events are nested by time and every event is charged its self time only, so a
// script's evaluation and the compile or garbage collection inside it are counted once each.

import type { CDPSession } from 'playwright-core';

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { documentLoaderURL?: string } } };

const OTHER = 'other (task scheduling, IPC, media, storage)';
const CATEGORIES = ['blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', '__metadata'];

/** What an event is, by its name; undefined: charged to the task around it (scheduling, IPC, idle bookkeeping). */
function kindOf(name: string): string | undefined {
  if (/^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.parseOnBackground|V8\.ScriptCompiler|CacheScript|v8\.produceCache|v8\.consumeCache)/.test(name)) return 'script parse and compile';
  if (/wasm/i.test(name)) return '.wasm compile and instantiate';
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC|ThreadState::)/.test(name)) return 'garbage collection';
  if (/^(EvaluateScript|v8\.evaluateModule|v8\.run|V8\.Execute|FunctionCall|RunMicrotasks|EventDispatch|TimerFire|FireAnimationFrame|v8\.callFunction|XHRReadyStateChange|V8\.RunMicrotasks)/.test(name)) return 'script evaluation';
  if (/^(ParseHTML|ParseAuthorStyleSheet)/.test(name)) return 'HTML and CSS parse';
  if (/^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|RecalculateStyles|UpdateLayer|CompositeLayers|HitTest|IntersectionObserverController)/.test(name)) return 'style, layout and paint';
  if (/^(ResourceSendRequest|ResourceReceiveResponse|ResourceFinish|ResourceReceivedData)/.test(name)) return undefined;
  return undefined;
}

/** Records a trace from `start()` until the returned `stop()`; `toplevel` adds each task of each thread (longTasks). */
export async function startTrace(cdp: CDPSession, options: { toplevel?: boolean } = {}): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }) => void events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const includedCategories = options.toplevel ? [...CATEGORIES, 'toplevel'] : CATEGORIES;
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories } });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/**
 * The page's navigation start: the trace's clock (us) and the renderer process, from the last navigationStart mark (of
 * `url` when given: a fresh profile's trace also holds blank pages' and other processes' marks).
 */
export function navigationStart(events: TraceEvent[], url?: string): { ts: number; pid: number } | undefined {
  const starts = events.filter((e) => e.name === 'navigationStart' && (url === undefined || e.args?.data?.documentLoaderURL === url));
  const last = starts.sort((a, b) => a.ts - b.ts).at(-1);
  return last && { ts: last.ts, pid: last.pid };
}

/** Milliseconds of CPU by thread ("page", "decoder worker", "service worker") and kind, up to `untilMs` after `fromTs`. */
export function cpuByThread(
  events: TraceEvent[],
  start: { ts: number; pid: number },
  untilMs: number,
  classify: (name: string) => string | undefined = kindOf,
): Map<string, Map<string, number>> {
  const fromTs = start.ts;
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const until = fromTs + untilMs * 1000;
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    // the page's renderer only (its workers and, same site, its service worker run there too)
    if (e.ph !== 'X' || e.dur === undefined || e.pid !== start.pid || e.ts < fromTs || e.ts > until) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  const result = new Map<string, Map<string, number>>();
  for (const [key, list] of byThread) {
    const label = threadLabel(threadNames.get(key) ?? '');
    if (!label) continue;
    const kinds = result.get(label) ?? new Map<string, number>();
    result.set(label, kinds);
    // outermost first at equal start; an event's self time goes to its kind, or to the nearest enclosing known kind
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; kind: string; child: number; dur: number }[] = [];
    const close = (frame: (typeof stack)[number]) => {
      kinds.set(frame.kind, (kinds.get(frame.kind) ?? 0) + Math.max(0, frame.dur - frame.child) / 1000);
      const parent = stack.at(-1);
      if (parent) parent.child += frame.dur;
    };
    for (const e of list) {
      while (stack.length > 0 && stack.at(-1)!.end <= e.ts) close(stack.pop()!);
      const parent = stack.at(-1);
      const end = Math.min(e.ts + e.dur!, parent?.end ?? until);
      stack.push({ end, kind: classify(e.name) ?? parent?.kind ?? OTHER, child: 0, dur: Math.max(0, end - e.ts) });
    }
    while (stack.length > 0) close(stack.pop()!);
  }
  return result;
}

function threadLabel(name: string): string | undefined {
  if (name === 'CrRendererMain') return 'page';
  if (/DedicatedWorker/i.test(name)) return 'decoder worker';
  if (/ServiceWorker/i.test(name)) return 'service worker';
  return undefined;
}

/**
 * The page's main-thread tasks between `fromMs` and `untilMs` after navigation start (a trace made with `toplevel`),
 * as Lighthouse counts them: total blocking time is each task's time over 50 ms, summed, a task that starts before
 * `fromMs` (first contentful paint) counted from there.
 */
export function longTasks(events: TraceEvent[], start: { ts: number; pid: number }, fromMs: number, untilMs: number): { blockingMs: number; longest: number; over50: number } {
  // no first paint recorded: nothing to count from, and 0 would read as the goal met
  if (!Number.isFinite(fromMs)) return { blockingMs: Number.NaN, longest: Number.NaN, over50: Number.NaN };
  const main = new Set<number>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.pid === start.pid && e.args?.name === 'CrRendererMain') main.add(e.tid);
  const tasks = events
    .filter((e) => e.ph === 'X' && e.pid === start.pid && main.has(e.tid) && e.name === 'ThreadControllerImpl::RunTask' && e.dur !== undefined)
    .map((e) => {
      const at = (e.ts - start.ts) / 1000;
      const clipped = Math.max(at, fromMs);
      return { at: clipped, ms: Math.min(at + e.dur! / 1000, untilMs) - clipped };
    })
    .filter((t) => t.ms > 0 && t.at <= untilMs);
  return {
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.ms - 50), 0),
    longest: Math.max(0, ...tasks.map((t) => t.ms)),
    over50: tasks.filter((t) => t.ms > 50).length,
  };
}
