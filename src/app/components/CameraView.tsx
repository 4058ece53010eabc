// The live camera with its scan frame, camera picker and torch. It owns the camera for as long as it is mounted
// and visible: hidden page, a decoded code, or unmounting (a verdict shown, leaving the scan screen) all stop
// every track, so the camera light goes out.

import { useEffect, useRef, useState } from 'preact/hooks';
import { listCameras, openCamera, setTorch, stopStream, watchVisibility, type CameraInfo, type CameraProblem } from '../adapters/camera.ts';
import { rememberCamera, rememberedCamera, takeEarlyCamera } from '../adapters/camera-early.ts';
import { sharedDecoder } from '../adapters/decoder-bridge.ts';
import { SCAN_FRAME_SHARE, startScanLoop, type ScanAdvice } from '../adapters/scan-loop.ts';
import { useT } from '../words.ts';

type Props = { onScan: (text: string) => void; kiosk: boolean };

type CameraState =
  | { kind: 'starting' }
  | { kind: 'running'; torch: boolean }
  | { kind: 'paused' }
  | { kind: 'scanned' }
  | { kind: 'problem'; problem: CameraProblem };

export function CameraView({ onScan, kiosk }: Props) {
  const { t } = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const [cameras, setCameras] = useState<CameraInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string | undefined>(() => (kiosk ? undefined : rememberedCamera()));
  const [torchOn, setTorchOn] = useState(false);
  const [aspect, setAspect] = useState<[number, number]>([4, 3]);
  const [attempt, setAttempt] = useState(0); // bumped to restart the camera
  const [decoderBroken, setDecoderBroken] = useState(false);
  const [advice, setAdvice] = useState<ScanAdvice | undefined>(undefined);
  const track = useRef<MediaStreamTrack | undefined>(undefined);
  const latestOnScan = useRef(onScan);
  latestOnScan.current = onScan;

  useEffect(() => {
    let mounted = true;
    void sharedDecoder().ready.then((engine) => mounted && setDecoderBroken(engine === undefined));
    return () => {
      mounted = false;
    };
  }, []);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopLoop = () => {};
    let cancelled = false;
    // bumped by every stop: a start still waiting for the camera sees it is stale and lets its stream go
    let generation = 0;
    const decoder = sharedDecoder();

    const stop = () => {
      generation++;
      stopLoop();
      stopLoop = () => {};
      stopStream(stream);
      stream = undefined;
      track.current = undefined;
      setTorchOn(false);
      setAdvice(undefined);
    };
    const start = async () => {
      stop(); // never two cameras at once (a "visible" without a "hidden" before it, a retry)
      const mine = generation;
      setState({ kind: 'starting' });
      // boot.ts may have started opening it before the app loaded (issue 13)
      const opened = await (takeEarlyCamera(deviceId) ?? openCamera(deviceId));
      performance.mark('cp:camera-open');
      if (cancelled || mine !== generation || document.visibilityState === 'hidden') {
        if (opened.ok) stopStream(opened.stream);
        return;
      }
      if (!opened.ok) {
        // a remembered camera that is gone (unplugged): fall back to the default one
        if (deviceId && opened.problem === 'no-camera') return setDeviceId(undefined);
        return setState({ kind: 'problem', problem: opened.problem });
      }
      stream = opened.stream;
      track.current = opened.track;
      setState({ kind: 'running', torch: opened.torch });
      if (!kiosk) void listCameras().then((found) => !cancelled && setCameras(found));
      const element = video.current;
      if (!element) return;
      element.srcObject = opened.stream;
      element.onloadedmetadata = () => element.videoWidth > 0 && setAspect([element.videoWidth, element.videoHeight]);
      element.onplaying = () => performance.mark('cp:camera-playing');
      await element.play().catch(() => undefined);
      if (cancelled || mine !== generation) return;
      stopLoop = startScanLoop({
        video: element,
        decode: (image, tweaks) => decoder.decode(image, tweaks),
        onAdvice: setAdvice,
        onText: (text) => {
          performance.mark('cp:qr-decoded');
          stop();
          setState({ kind: 'scanned' });
          latestOnScan.current(text);
        },
      });
    };

    void start();
    const unwatch = watchVisibility(
      () => {
        stop();
        setState({ kind: 'paused' });
      },
      () => void start(),
    );
    return () => {
      cancelled = true;
      unwatch();
      stop();
    };
  }, [deviceId, attempt, kiosk]);

  const chooseCamera = (id: string) => {
    rememberCamera(id);
    setDeviceId(id);
  };

  const toggleTorch = async () => {
    if (track.current && (await setTorch(track.current, !torchOn))) setTorchOn(!torchOn);
  };

  const running = state.kind === 'running';
  // "turn on the torch" only where there is one and it is off (issue 14)
  const adviceKey = advice === 'dark' && !(running && state.torch && !torchOn) ? 'dark-no-torch' : advice;
  const [w, h] = aspect;
  const side = SCAN_FRAME_SHARE * Math.min(w, h); // the same square the scan loop crops (scanFrameRegion)
  const frameStyle = { width: `${(100 * side) / w}%`, height: `${(100 * side) / h}%` };

  return (
    <section class={`camera${kiosk ? ' camera--kiosk' : ''}`} aria-label={t('camera.region')}>
      {state.kind === 'problem' ? (
        <div class="camera__problem" role="alert">
          <p>{kiosk ? t('scan.kiosk.cameraProblem') : t(`camera.problem.${state.problem}`)}</p>
          {!kiosk && <p>{t('camera.problem.otherWays')}</p>}
          {!kiosk && (
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('camera.retry')}
            </button>
          )}
        </div>
      ) : (
        // capped by width, never by height, so the box keeps the video's shape and the frame marks the real crop
        <div class="camera__view" style={{ aspectRatio: `${w} / ${h}`, maxWidth: `calc(70vh * ${w} / ${h})` }}>
          <video ref={video} class="camera__video" muted playsInline autoPlay aria-hidden="true" />
          <div class="camera__frame" style={frameStyle} aria-hidden="true" />
          <p class="camera__status" role="status">
            {state.kind === 'starting'
              ? t('camera.starting')
              : state.kind === 'paused'
                ? t('camera.paused')
                : t(running && adviceKey ? `camera.advice.${adviceKey}` : 'camera.frame')}
          </p>
        </div>
      )}
      {decoderBroken && (
        <p class="camera__problem" role="alert">
          {kiosk ? t('scan.kiosk.cameraProblem') : t('decoder.broken')}
        </p>
      )}
      {state.kind === 'scanned' && !kiosk && (
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('camera.retry')}
        </button>
      )}
      {!kiosk && (cameras.length > 1 || (state.kind === 'running' && state.torch)) && (
        <div class="camera__controls">
          {cameras.length > 1 && (
            <label>
              {t('camera.picker')}{' '}
              <select value={deviceId ?? track.current?.getSettings().deviceId ?? ''} onChange={(e) => chooseCamera(e.currentTarget.value)}>
                {cameras.map((c) => (
                  <option key={c.deviceId} value={c.deviceId}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {state.kind === 'running' && state.torch && (
            <button type="button" aria-pressed={torchOn} onClick={() => void toggleTorch()}>
              {t(torchOn ? 'camera.torch.off' : 'camera.torch.on')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
