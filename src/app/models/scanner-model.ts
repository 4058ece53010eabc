// Every way a passport reaches the app, as one model (issue 12 point 1): the camera's states and actions, the
// handheld scanner (one subscription), a photo, and pasted text, all taking the one route to `verdict.scan`. The
// camera chosen by staff is kept in the settings store. Screens render its signals and call its actions.

import { createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { CameraInfo, CameraProblem, OpenCamera } from '../adapters/camera.ts';
import type { DecodeResult } from '../adapters/decoder-bridge.ts';
import type { ScanAdvice, ScanLoopOptions } from '../adapters/scan-loop.ts';
import type { AppStorage } from '../adapters/storage.ts';
import type { DecoderEngine, ReaderTweaks } from '../workers/decoder-protocol.ts';

export { SCAN_FRAME_SHARE } from '../adapters/decode-cascade.ts';
export type { CameraInfo, CameraProblem, ScanAdvice };

/** What the scanner model needs of the browser; main.tsx passes the real ones (scanner-browser.ts), tests fakes. */
export type ScannerAdapters = {
  camera: {
    open(deviceId: string | undefined): Promise<OpenCamera>;
    /** The stream boot.ts started opening before the app loaded, when it is of `deviceId` (issue 13). */
    takeEarly(deviceId: string | undefined): Promise<OpenCamera | undefined>;
    /** Video inputs; labels are only known once the camera was opened. */
    list(): Promise<CameraInfo[]>;
    setTorch(track: MediaStreamTrack, on: boolean): Promise<boolean>;
    stop(stream: MediaStream): void;
    /** The choice an earlier version kept in localStorage, handed over once and then forgotten there. */
    takeLegacyChoice(): string | undefined;
  };
  decoder: {
    /** The engine once loaded, undefined when none could be (the decoder started by boot.ts). */
    ready: Promise<DecoderEngine | undefined>;
    decode(image: ImageData, tweaks?: ReaderTweaks): Promise<DecodeResult>;
    decodeFile(file: Blob): Promise<DecodeResult>;
  };
  /** Decodes the video's frames until a passport is read (scan-loop.ts); returns the stop. */
  startScanLoop(options: ScanLoopOptions): () => void;
  /** Listens for a handheld scanner's bursts wherever the focus is; returns the stop. */
  wedge: { listen(onScan: (text: string) => void): () => void };
  page: { hidden(): boolean; watchVisibility(onHidden: () => void, onVisible: () => void): () => void };
  /** Marks a step on the performance timeline (read by `npm run bench -- app-lowend`). */
  mark?: (name: string) => void;
};

export type ScannerDeps = {
  adapters: ScannerAdapters;
  storage: Pick<AppStorage, 'loadSetting' | 'saveSetting'>;
  /** The one route a scanned text takes: the verdict model's scan. */
  scan: (text: string) => Promise<void>;
  /** Whether a scanner's burst is a passport to check now (the scan screen or the kiosk is showing). */
  wedgeWanted: ReadonlySignal<boolean>;
};

export type CameraState =
  /** Not wanted: no scan screen is showing. */
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'live'; stream: MediaStream; torch: boolean; deviceId: string | undefined }
  /** The page is hidden (another app, the screen locked): the camera and its light are off. */
  | { kind: 'paused' }
  /** A passport was read; the camera is off until the scan screen shows again or staff try again. */
  | { kind: 'scanned' }
  /** The person or the browser's settings refused camera access. */
  | { kind: 'denied' }
  | { kind: 'unavailable'; problem: Exclude<CameraProblem, 'refused'> };

export type PhotoState = 'idle' | 'reading' | 'not-found';

export const ScannerModel = createModel((deps: ScannerDeps) => {
  const { camera, decoder, page } = deps.adapters;
  const mark = deps.adapters.mark ?? (() => {});
  const state = signal<CameraState>({ kind: 'idle' });
  const cameras = signal<CameraInfo[]>([]);
  const chosenCamera = signal<string | undefined>(undefined);
  const torchOn = signal(false);
  const advice = signal<ScanAdvice | undefined>(undefined);
  const decoderState = signal<'loading' | 'ready' | 'broken'>('loading');
  const photo = signal<PhotoState>('idle');
  /** Bumped by each handheld-scanner scan, so the paste box drops what the scanner typed into it. */
  const wedgeScans = signal(0);

  let session: { kiosk: boolean; onRead: ((text: string) => void) | undefined } | undefined;
  let unwatch = () => {};
  // bumped by every release: an open still waiting for the camera sees it is stale and lets its stream go
  let generation = 0;
  let stream: MediaStream | undefined;
  let track: MediaStreamTrack | undefined;
  let stopLoop = () => {};
  // the chosen camera is gone (unplugged): this session uses the default one
  let chosenGone = false;
  let photos = 0;

  void decoder.ready.then((engine) => (decoderState.value = engine === undefined ? 'broken' : 'ready'));

  const submit = (text: string): Promise<void> => {
    const trimmed = text.trim();
    return trimmed === '' ? Promise.resolve() : deps.scan(trimmed);
  };

  const release = () => {
    generation++;
    stopLoop();
    stopLoop = () => {};
    if (stream) camera.stop(stream);
    stream = undefined;
    track = undefined;
    torchOn.value = false;
    advice.value = undefined;
  };

  const open = async (): Promise<void> => {
    if (!session) return;
    release(); // never two cameras at once (a "visible" without a "hidden" before it, a retry)
    const mine = generation;
    const { kiosk } = session;
    state.value = { kind: 'starting' };
    const wanted = kiosk || chosenGone ? undefined : chosenCamera.peek();
    const opened = (await camera.takeEarly(wanted)) ?? (await camera.open(wanted));
    mark('cp:camera-open');
    if (!session || mine !== generation || page.hidden()) {
      if (opened.ok) camera.stop(opened.stream);
      return;
    }
    if (!opened.ok) {
      if (wanted !== undefined && opened.problem === 'no-camera') {
        chosenGone = true;
        return open();
      }
      const { problem } = opened;
      state.value = problem === 'refused' ? { kind: 'denied' } : { kind: 'unavailable', problem };
      return;
    }
    stream = opened.stream;
    track = opened.track;
    state.value = { kind: 'live', stream: opened.stream, torch: opened.torch, deviceId: opened.deviceId };
    if (!kiosk) void camera.list().then((found) => mine === generation && (cameras.value = found));
  };

  const stop = (): void => {
    session = undefined;
    unwatch();
    unwatch = () => {};
    release();
    state.value = { kind: 'idle' };
  };

  // the handheld scanner: one subscription, held while a scan screen or the kiosk shows, whatever has focus
  effect(() => {
    if (!deps.wedgeWanted.value) return;
    return deps.adapters.wedge.listen((text) => {
      wedgeScans.value++;
      void submit(text);
    });
  });
  effect(() => () => {
    // disposed with the model
    session = undefined;
    unwatch();
    release();
  });

  return {
    state,
    /** The cameras staff can choose between (staff mode only; labels known once one was opened). */
    cameras,
    /** The camera staff chose on this device, kept in the settings store; undefined: the rear one. */
    chosenCamera,
    torchOn,
    /** What staff are told while nothing is read (too dark, move closer, not a passport). */
    advice,
    decoder: decoderState,
    photo,
    wedgeScans,

    /** Reads the chosen camera; an earlier version's choice in localStorage is moved to the settings store once. */
    async load(): Promise<void> {
      const [stored, legacy] = [await deps.storage.loadSetting('chosen-camera'), camera.takeLegacyChoice()];
      if (stored !== undefined) chosenCamera.value = stored;
      else if (legacy !== undefined) {
        chosenCamera.value = legacy;
        await deps.storage.saveSetting('chosen-camera', legacy);
      }
    },

    /**
     * The scan screen is showing: open the camera (the kiosk's is always the default one) and keep it while visible.
     * `onRead`: where a code read goes instead of the verdict (Settings reads an enrolment code with the camera).
     * Returns this session's stop, which does nothing once another screen has started its own.
     */
    start({ kiosk, onRead }: { kiosk: boolean; onRead?: (text: string) => void }): () => void {
      const mine = { kiosk, onRead };
      session = mine;
      chosenGone = false;
      if (kiosk) cameras.value = []; // a kiosk offers no camera picker
      unwatch();
      unwatch = page.watchVisibility(
        () => {
          release();
          state.value = { kind: 'paused' };
        },
        () => void open(),
      );
      void open();
      return () => session === mine && stop();
    },

    /** The scan screen has gone (a verdict, another screen): every track stops, so the camera light goes out. */
    stop,

    /** Opens the camera again (after a problem, or after a read when staff want another go). */
    retry(): void {
      chosenGone = false;
      void open();
    },

    /** Staff picked a camera: it is kept on this device and opened now. */
    async chooseCamera(deviceId: string): Promise<void> {
      chosenCamera.value = deviceId;
      chosenGone = false;
      if (session) void open();
      await deps.storage.saveSetting('chosen-camera', deviceId);
    },

    async toggleTorch(): Promise<void> {
      const mine = track;
      const next = !torchOn.peek();
      if (!mine || !(await camera.setTorch(mine, next))) return;
      if (track === mine) torchOn.value = next; // the camera may have been switched meanwhile
    },

    /** The view shows `forStream` in `video`: decode its frames until a passport is read. */
    framesFrom(video: HTMLVideoElement, forStream: MediaStream): void {
      const current = state.peek();
      if (current.kind !== 'live' || current.stream !== forStream) return;
      stopLoop();
      const mine = generation;
      stopLoop = deps.adapters.startScanLoop({
        video,
        decode: (image, tweaks) => decoder.decode(image, tweaks),
        onAdvice: (next) => mine === generation && (advice.value = next),
        onText: (text) => {
          if (mine !== generation) return;
          const onRead = session?.onRead;
          mark('cp:qr-decoded');
          release();
          state.value = { kind: 'scanned' };
          if (onRead) onRead(text);
          else void submit(text);
        },
      });
    },

    /** A photo or screenshot staff chose, read by the same decoder as the camera. */
    async decodePhoto(file: Blob): Promise<void> {
      const mine = ++photos;
      photo.value = 'reading';
      const { text } = await decoder.decodeFile(file);
      if (mine !== photos) return; // another picture was chosen meanwhile
      if (text === undefined || text.trim() === '') {
        photo.value = 'not-found';
        return;
      }
      photo.value = 'idle';
      await submit(text);
    },

    /** Pasted or typed text: checked with the white space around it trimmed. */
    submit,
  };
});
export type ScannerModel = InstanceType<typeof ScannerModel>;
