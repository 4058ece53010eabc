// The live camera with its scan frame, camera picker and torch: it renders the scanner model and calls its actions.
// While mounted the camera is wanted; unmounting (a verdict shown, leaving the scan screen) stops every track, so
// the camera light goes out. The model also stops it while the page is hidden or once a code is read.

import { useEffect, useRef, useState } from 'preact/hooks';
import { useModels } from '../models/context.ts';
import { SCAN_FRAME_SHARE, type CameraState } from '../models/scanner-model.ts';
import { useT } from '../words.ts';

type Props = {
  kiosk: boolean;
  /** Where a code read goes instead of the verdict (an enrolment code in Settings). */
  onScan?: (text: string) => void;
};

export function CameraView({ kiosk, onScan }: Props) {
  const { scanner } = useModels();
  const { t } = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [aspect, setAspect] = useState<[number, number]>([4, 3]);
  const state = scanner.state.value;
  const stream = state.kind === 'live' ? state.stream : undefined;

  const latestOnScan = useRef(onScan);
  latestOnScan.current = onScan;
  const reads = onScan !== undefined;

  // wanted while shown; the stop is this view's own, so a view that goes after the next one started stops nothing
  useEffect(
    () => scanner.start({ kiosk, ...(reads ? { onRead: (text: string) => latestOnScan.current?.(text) } : {}) }),
    [scanner, kiosk, reads],
  );

  // the model opened a camera: show it, and once it plays let the model read its frames
  useEffect(() => {
    const element = video.current;
    if (!element || !stream) return;
    let current = true;
    element.srcObject = stream;
    element.onloadedmetadata = () => element.videoWidth > 0 && setAspect([element.videoWidth, element.videoHeight]);
    element.onplaying = () => performance.mark('cp:camera-playing');
    void element
      .play()
      .catch(() => undefined)
      .then(() => current && scanner.framesFrom(element, stream));
    return () => {
      current = false;
    };
  }, [scanner, stream]);

  const live = state.kind === 'live';
  const torchOn = scanner.torchOn.value;
  const advice = scanner.advice.value;
  // "turn on the torch" only where there is one and it is off (issue 14)
  const adviceKey = advice === 'dark' && !(live && state.torch && !torchOn) ? 'dark-no-torch' : advice;
  const cameras = scanner.cameras.value;
  const problem = cameraProblem(state);
  const [w, h] = aspect;
  const side = SCAN_FRAME_SHARE * Math.min(w, h); // the same square the scan loop crops (scanFrameRegion)
  const frameStyle = { width: `${(100 * side) / w}%`, height: `${(100 * side) / h}%` };
  // capped by width, never by height, so the box keeps the video's shape and the frame marks the real crop; the
  // kiosk's box is sized by its container instead (kiosk.css)
  const viewStyle = { aspectRatio: `${w} / ${h}`, '--camera-aspect': `${w} / ${h}`, ...(kiosk ? {} : { maxWidth: `calc(70vh * ${w} / ${h})` }) };

  return (
    <section class={`camera${kiosk ? ' camera--kiosk' : ''}`} aria-label={t('camera.region')}>
      {problem ? (
        <div class="camera__problem" role="alert">
          <p>{kiosk ? t('scan.kiosk.cameraProblem') : t(`camera.problem.${problem}`)}</p>
          {!kiosk && <p>{t('camera.problem.otherWays')}</p>}
          {!kiosk && (
            <button type="button" onClick={() => scanner.retry()}>
              {t('camera.retry')}
            </button>
          )}
        </div>
      ) : (
        <div class="camera__view" style={viewStyle}>
          <video ref={video} class="camera__video" muted playsInline autoPlay aria-hidden="true" />
          <div class="camera__frame" style={frameStyle} aria-hidden="true" />
          <p class="camera__status" role="status">
            {state.kind === 'starting' || state.kind === 'idle'
              ? t('camera.starting')
              : state.kind === 'paused'
                ? t('camera.paused')
                : t(live && adviceKey ? `camera.advice.${adviceKey}` : 'camera.frame')}
          </p>
        </div>
      )}
      {scanner.decoder.value === 'broken' && (
        <p class="camera__problem" role="alert">
          {kiosk ? t('scan.kiosk.cameraProblem') : t('decoder.broken')}
        </p>
      )}
      {state.kind === 'scanned' && !kiosk && (
        <button type="button" onClick={() => scanner.retry()}>
          {t('camera.retry')}
        </button>
      )}
      {!kiosk && (cameras.length > 1 || (live && state.torch)) && (
        <div class="camera__controls">
          {cameras.length > 1 && (
            <label>
              {t('camera.picker')}{' '}
              <select
                value={scanner.chosenCamera.value ?? (live ? state.deviceId : undefined) ?? ''}
                onChange={(e) => void scanner.chooseCamera(e.currentTarget.value)}
              >
                {cameras.map((c) => (
                  <option key={c.deviceId} value={c.deviceId}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {live && state.torch && (
            <button type="button" aria-pressed={torchOn} onClick={() => void scanner.toggleTorch()}>
              {t(torchOn ? 'camera.torch.off' : 'camera.torch.on')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function cameraProblem(state: CameraState) {
  if (state.kind === 'denied') return 'refused' as const;
  return state.kind === 'unavailable' ? state.problem : undefined;
}
