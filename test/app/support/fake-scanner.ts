// Fakes of the scanner model's adapters (scanner-model.ts), handed to createModels by the harness: cameras that hand
// out tracks the test can inspect, a decoder and a frame loop the test drives, a handheld scanner it fires, and a page
// it hides and shows. No global `navigator` is replaced.

import type { CameraProblem, OpenCamera } from '../../../src/app/adapters/camera.ts';
import type { DecodeResult } from '../../../src/app/adapters/decoder-bridge.ts';
import type { ScanLoopOptions } from '../../../src/app/adapters/scan-loop.ts';
import type { ScannerAdapters } from '../../../src/app/models/scanner-model.ts';
import type { UpdateSource } from '../../../src/app/models/update-model.ts';

export type FakeTrack = { deviceId: string; live: boolean; torch: boolean | undefined };

export type FakeScannerOptions = {
  /** Device ids; the first is the default (rear) one. None: no camera. */
  cameras?: string[];
  torch?: boolean;
  /** Every open fails this way. */
  problem?: CameraProblem;
  /** A stream boot.ts opened early, of this camera. */
  early?: string;
  /** A choice an earlier version kept in localStorage. */
  legacyChoice?: string;
  /** Whether the decoder's engine loads (default true). */
  decoderLoads?: boolean;
};

export type FakeScanner = {
  adapters: ScannerAdapters;
  /** Every track handed out, oldest first. */
  tracks: FakeTrack[];
  /** The device asked for at each open (undefined: the default camera). */
  opens: (string | undefined)[];
  /** Whether the early stream was taken. */
  earlyTaken: () => boolean;
  /** How many listeners the handheld scanner has now. */
  wedgeListeners: () => number;
  /** A handheld scanner's burst, as the wedge adapter reports it. */
  wedgeScan: (text: string) => void;
  /** The frame loops started; `read` is what the loop reports once it decodes a passport. */
  loops: { running: boolean; read: (text: string) => void; advise: ScanLoopOptions['onAdvice'] }[];
  /** What a chosen picture decodes to, by the picture's own text. */
  photoText: (file: Blob) => Promise<string | undefined>;
  hide: () => void;
  show: () => void;
};

export function fakeScanner(options: FakeScannerOptions = {}): FakeScanner {
  const cameras = options.cameras ?? ['rear'];
  const tracks: FakeTrack[] = [];
  const opens: (string | undefined)[] = [];
  const wedge = new Set<(text: string) => void>();
  const visibility = new Set<{ onHidden: () => void; onVisible: () => void }>();
  const loops: FakeScanner['loops'] = [];
  let hidden = false;
  let legacy = options.legacyChoice;
  let early: string | undefined = options.early;
  let earlyTaken = false;

  const trackOf = new WeakMap<MediaStream, FakeTrack>();
  const streamOf = (deviceId: string): OpenCamera => {
    const track: FakeTrack = { deviceId, live: true, torch: undefined };
    tracks.push(track);
    // happy-dom's own (empty) MediaStream, so a video element takes it; a plain object where there is none (Node)
    const stream = typeof MediaStream === 'function' ? new MediaStream() : ({} as MediaStream);
    trackOf.set(stream, track);
    return { ok: true, stream, track: track as unknown as MediaStreamTrack, torch: options.torch ?? false, deviceId };
  };
  const open = async (deviceId: string | undefined): Promise<OpenCamera> => {
    opens.push(deviceId);
    if (options.problem) return { ok: false, problem: options.problem };
    const found = deviceId === undefined ? cameras[0] : cameras.find((c) => c === deviceId);
    return found === undefined ? { ok: false, problem: 'no-camera' } : streamOf(found);
  };
  const photoText = async (file: Blob) => {
    const text = await file.text();
    return text.startsWith('CP1:/') ? text : undefined;
  };
  const decoderLoads = options.decoderLoads ?? true;

  return {
    adapters: {
      camera: {
        open,
        async takeEarly(deviceId) {
          if (early === undefined) return undefined;
          const of = early;
          early = undefined;
          if (deviceId !== undefined && deviceId !== of) return undefined;
          earlyTaken = true;
          return streamOf(of);
        },
        list: async () => cameras.map((deviceId) => ({ deviceId, label: `Camera ${deviceId}` })),
        async setTorch(track, on) {
          (track as unknown as FakeTrack).torch = on;
          return true;
        },
        stop: (stream) => void (trackOf.get(stream)!.live = false),
        takeLegacyChoice() {
          const held = legacy;
          legacy = undefined;
          return held;
        },
      },
      decoder: {
        ready: Promise.resolve(decoderLoads ? 'zxing-wasm' : undefined),
        decode: async (): Promise<DecodeResult> => ({ text: undefined, ms: 1 }),
        decodeFile: async (file) => ({ text: await photoText(file), ms: 1 }),
      },
      startScanLoop(loop) {
        let running = true;
        const entry = {
          get running() {
            return running;
          },
          read: (text: string) => {
            if (!running) return;
            running = false;
            loop.onText(text);
          },
          advise: (advice: Parameters<NonNullable<ScanLoopOptions['onAdvice']>>[0]) => running && loop.onAdvice?.(advice),
        };
        loops.push(entry);
        return () => void (running = false);
      },
      wedge: {
        listen(onScan) {
          wedge.add(onScan);
          return () => wedge.delete(onScan);
        },
      },
      page: {
        hidden: () => hidden,
        watchVisibility(onHidden, onVisible) {
          const watcher = { onHidden, onVisible };
          visibility.add(watcher);
          return () => visibility.delete(watcher);
        },
      },
    },
    tracks,
    opens,
    earlyTaken: () => earlyTaken,
    wedgeListeners: () => wedge.size,
    wedgeScan: (text) => [...wedge].forEach((listener) => listener(text)),
    loops,
    photoText,
    hide() {
      hidden = true;
      for (const watcher of [...visibility]) watcher.onHidden();
    },
    show() {
      hidden = false;
      for (const watcher of [...visibility]) watcher.onVisible();
    },
  };
}

/** A service worker the test controls: `arrive` makes a new version wait; `applied` counts the go-aheads. */
export function fakeUpdates(): UpdateSource & { arrive: () => void; applied: number } {
  const listeners = new Set<() => void>();
  let waiting = false;
  return {
    applied: 0,
    onUpdateWaiting(listener) {
      listeners.add(listener);
      if (waiting) listener();
      return () => listeners.delete(listener);
    },
    applyUpdate() {
      waiting = false;
      this.applied++;
    },
    arrive() {
      waiting = true;
      for (const listener of listeners) listener();
    },
  };
}
