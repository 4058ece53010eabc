// The first thing the staff app's page does (issue 13): a few bytes of script in the page's head ask for the camera
// while the boot script is still on its way, since opening a camera takes the longest of anything before the first
// verdict (150 to 300 ms on a slow tablet). The build puts HEAD_CAMERA_SCRIPT into index.html
// (src/build/head-camera-plugin.ts), the service allows exactly that script by its hash (security-headers.ts), and
// boot.ts takes the request with takeHeadCameraRequest. The same constraints as openCamera, from one place.

import { cameraConstraints } from './adapters/camera.ts';

const GLOBAL = '__cpHeadCamera';

/** Plain ES5 in one line: it runs before any module, in any browser; a refusal is left for boot.ts to read. */
export const HEAD_CAMERA_SCRIPT =
  `(function(){try{var m=navigator.mediaDevices;if(document.visibilityState==='hidden'||!m||!m.getUserMedia)return;` +
  `var p=m.getUserMedia(${JSON.stringify(cameraConstraints())});p.catch(function(){});window.${GLOBAL}=p}catch(e){}})()`;

/** The head's camera request, taken once (undefined without one: the dev server's page, a hidden page, no camera API). */
export function takeHeadCameraRequest(): Promise<MediaStream> | undefined {
  const holder = globalThis as { [GLOBAL]?: Promise<MediaStream> };
  const request = holder[GLOBAL];
  delete holder[GLOBAL];
  return request;
}
