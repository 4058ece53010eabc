// The page's first script, a few KB: it starts what the first verdict waits on longest, the decoder worker (its
// script and the .wasm compile) and the camera, whose frames it reads as soon as they come; then it loads the app,
// which opens storage, builds the models and renders while those work (issue 13: measured with `npm run bench -- app-lowend`).

import { openCameraEarly, scanEarly } from './adapters/camera-early.ts';
import { sharedDecoder } from './adapters/decoder-bridge.ts';

performance.mark('cp:boot');
const decoder = sharedDecoder();
openCameraEarly();
// frames are read while the app loads: a passport already in view is decoded by the time the models exist
scanEarly((image, tweaks) => decoder.decode(image, tweaks));
void import('./main.tsx');
