// The browser's side of the scanner model: the camera (and the stream boot.ts may have opened early), the decoder
// worker boot.ts started, the frame loop, the handheld scanner on the whole document, and the page's visibility.

import type { ScannerAdapters } from '../models/scanner-model.ts';
import { listCameras, openCamera, setTorch, stopStream, watchVisibility } from './camera.ts';
import { takeEarlyCamera, takeLegacyCameraChoice } from './camera-early.ts';
import { sharedDecoder } from './decoder-bridge.ts';
import { startScanLoop } from './scan-loop.ts';
import { listenForWedgeScans } from './wedge-scanner.ts';

export function browserScanner(): ScannerAdapters {
  const decoder = sharedDecoder(); // the one boot.ts started, already loading its engine
  return {
    camera: {
      open: (deviceId) => openCamera(deviceId),
      takeEarly: takeEarlyCamera,
      list: listCameras,
      setTorch,
      stop: stopStream,
      takeLegacyChoice: takeLegacyCameraChoice,
    },
    decoder: {
      ready: decoder.ready,
      decode: (image, tweaks) => decoder.decode(image, tweaks),
      decodeFile: (file) => decoder.decodeFile(file),
    },
    startScanLoop,
    wedge: { listen: (onScan) => listenForWedgeScans(document, onScan) },
    page: { hidden: () => document.visibilityState === 'hidden', watchVisibility },
    mark: (name) => void performance.mark(name),
  };
}
