// The service worker and web manifest (vite-plugin-pwa, injectManifest): src/app/sw.ts is built with the whole
// app's precache list injected. Registration is ours (src/app/adapters/sw-bridge.ts, workbox-window), in
// production builds only.

import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export const APP_NAME = 'Carers Passport Check';
export const THEME_COLOUR = '#1d4f91';
export const BACKGROUND_COLOUR = '#ffffff';

export function pwaPlugin(): PluginOption[] {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/app',
    filename: 'sw.ts',
    injectRegister: false,
    registerType: 'prompt',
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: false, // the glob below already takes every icon; listing them twice is noise
    injectManifest: {
      // everything the app needs with the network off: the shell, every chunk (the decoder worker and zxing's
      // .wasm included), icons and the demo trust data the build emits (the manifest is added by the plugin)
      globPatterns: ['**/*.{html,js,css,wasm,png,svg,ico,json,jwt,txt}'],
      // the carer's page (dist/card/, src/build/card-page-plugin.ts) has its own service worker: staff devices skip it;
      // the admin page (dist/admin/, src/build/admin-page-plugin.ts) is online-only and never a till's business
      globIgnores: ['**/*.map', 'card/**', 'admin/**'],
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    },
    manifest: {
      name: APP_NAME,
      short_name: 'Passport Check',
      description: 'Check a Carers Passport: genuine, current, and which offers apply. Works offline.',
      lang: 'en-GB',
      start_url: './',
      scope: './',
      id: './',
      display: 'standalone',
      orientation: 'any',
      theme_color: THEME_COLOUR,
      background_color: BACKGROUND_COLOUR,
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    devOptions: { enabled: false },
  });
}
