import { afterEach, describe, expect, test, vi } from 'vitest';
import { WedgeDetector, listenForWedgeScans, type WedgeKey } from '../../src/app/adapters/wedge-scanner.ts';

const CODE = 'CP1:/2410303821450236012244';

/** Key events for `text` then Enter, `gapMs` apart, starting at `start`. */
function keys(text: string, gapMs: number | ((i: number) => number), start = 1000): WedgeKey[] {
  const gapAt = typeof gapMs === 'number' ? () => gapMs : gapMs;
  const events: WedgeKey[] = [];
  let t = start;
  for (const [i, key] of [...text, 'Enter'].entries()) {
    events.push({ key, timeStamp: t });
    t += gapAt(i);
  }
  return events;
}

function feed(detector: WedgeDetector, events: WedgeKey[]) {
  return events.map((e) => detector.handle(e));
}

describe('the wedge detector', () => {
  test('a fast burst of keystrokes ending in Enter is a scan of exactly what was typed', () => {
    const outcomes = feed(new WedgeDetector(), keys(CODE, 8));
    expect(outcomes.at(-1)).toEqual({ kind: 'scan', text: CODE });
    expect(outcomes.slice(0, -1).every((o) => o.kind === 'pass')).toBe(true);
  });

  test('a person typing the same code at a human pace is not a scan', () => {
    const outcomes = feed(new WedgeDetector(), keys(CODE, 120));
    expect(outcomes.at(-1)).toEqual({ kind: 'pass' });
  });

  test('a quick burst shorter than twenty characters is ordinary typing', () => {
    const outcomes = feed(new WedgeDetector(), keys('LLR-1001', 5));
    expect(outcomes.at(-1)).toEqual({ kind: 'pass' });
  });

  test('one hiccup in a long burst (a Bluetooth stall) still gives the scan', () => {
    const long = CODE.repeat(4);
    const outcomes = feed(new WedgeDetector(), keys(long, (i) => (i === 40 ? 180 : 6)));
    expect(outcomes.at(-1)).toEqual({ kind: 'scan', text: long });
  });

  test('a long pause starts afresh, so slow typing before a burst is not glued onto the scan', () => {
    const detector = new WedgeDetector();
    feed(detector, keys('hello', 150).slice(0, -1));
    const outcomes = feed(detector, keys(CODE, 7, 10_000));
    expect(outcomes.at(-1)).toEqual({ kind: 'scan', text: CODE });
  });

  test('Shift between capitals does not break a burst, and a Ctrl shortcut does', () => {
    const withShift = keys(CODE, 4).flatMap((e, i) => (i % 3 === 0 ? [{ key: 'Shift', timeStamp: e.timeStamp - 1 }, e] : [e]));
    expect(feed(new WedgeDetector(), withShift).at(-1)).toEqual({ kind: 'scan', text: CODE });

    const broken = keys(CODE, 4);
    broken.splice(10, 0, { key: 'v', ctrlKey: true, timeStamp: broken[9]!.timeStamp + 1 });
    expect(feed(new WedgeDetector(), broken).at(-1)).toEqual({ kind: 'pass' });
  });

  test('an Enter long after a fast burst is a person pressing Enter, not the scanner', () => {
    const events = keys(CODE, 5);
    events.at(-1)!.timeStamp += 2000;
    expect(feed(new WedgeDetector(), events).at(-1)).toEqual({ kind: 'pass' });
  });

  test('two scans in a row are two scans', () => {
    const detector = new WedgeDetector();
    expect(feed(detector, keys(CODE, 5)).at(-1)).toEqual({ kind: 'scan', text: CODE });
    const second = `${CODE}99`;
    expect(feed(detector, keys(second, 5, 5000)).at(-1)).toEqual({ kind: 'scan', text: second });
  });
});

describe('listening on the page', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  function typeInto(target: EventTarget, events: WedgeKey[]): KeyboardEvent[] {
    return events.map((e) => {
      const event = new KeyboardEvent('keydown', { key: e.key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: e.timeStamp });
      target.dispatchEvent(event);
      return event;
    });
  }

  test('a burst typed into the paste box is taken as a scan and its Enter adds no newline', () => {
    const box = document.createElement('textarea');
    document.body.append(box);
    const scans: string[] = [];
    stop = listenForWedgeScans(document, (text) => scans.push(text));
    const sent = typeInto(box, keys(CODE, 5));
    expect(scans).toEqual([CODE]);
    expect(sent.at(-1)!.defaultPrevented).toBe(true);
    expect(sent.slice(0, -1).some((e) => e.defaultPrevented)).toBe(false);
  });

  test('slow typing in the paste box is left alone, Enter included', () => {
    const box = document.createElement('textarea');
    document.body.append(box);
    const scans: string[] = [];
    stop = listenForWedgeScans(document, (text) => scans.push(text));
    const sent = typeInto(box, keys(CODE, 140));
    expect(scans).toEqual([]);
    expect(sent.every((e) => !e.defaultPrevented)).toBe(true);
  });

  test('after stopping, bursts are no longer taken', () => {
    const scans: string[] = [];
    stop = listenForWedgeScans(document, (text) => scans.push(text));
    stop();
    typeInto(document.body, keys(CODE, 5));
    expect(scans).toEqual([]);
  });
});
