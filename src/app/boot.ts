// The page's first script, a few KB: it starts what the first verdict waits on longest, the decoder worker (its
// script and the .wasm compile) and the camera, then loads the app, which opens storage, builds the models and renders
// while those warm up (issue 13: measured with `npm run bench -- app-lowend`).

import { openCameraEarly } from './adapters/camera-early.ts';
import { sharedDecoder } from './adapters/decoder-bridge.ts';

performance.mark('cp:boot');
sharedDecoder();
openCameraEarly();
void import('./main.tsx');
