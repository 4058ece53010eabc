// Puts the head camera script (src/app/head-camera.ts) first in the staff app's index.html, inline, so the camera is
// asked for as the page starts to parse (issue 13). The service allows it by its hash (src/server/http/security-headers.ts
// reads the built page's inline scripts).

import type { Plugin } from 'vite';
import { HEAD_CAMERA_SCRIPT } from '../app/head-camera.ts';

export function headCameraPlugin(): Plugin {
  return {
    name: 'carers-passport:head-camera',
    transformIndexHtml: {
      order: 'pre',
      // right after the charset, before any stylesheet (a pending stylesheet holds back the inline scripts after it)
      handler: (html) => {
        const charset = /<meta charset="utf-8" \/>\n/i;
        if (!charset.test(html)) throw new Error('index.html has no <meta charset="utf-8" /> line to put the head camera script after');
        return html.replace(charset, (line) => `${line}    <script>${HEAD_CAMERA_SCRIPT}</script>\n`);
      },
    },
  };
}
