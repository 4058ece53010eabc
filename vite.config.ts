/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { adminPagePlugin } from './src/build/admin-page-plugin.ts';
import { cardPagePlugin } from './src/build/card-page-plugin.ts';
import { compressPlugin } from './src/build/compress-plugin.ts';
import { firstVerdictChunks } from './src/build/first-verdict-chunk.ts';
import { demoDataPlugin } from './src/build/demo-data-plugin.ts';
import { headCameraPlugin } from './src/build/head-camera-plugin.ts';
import { i18nPlugin } from './src/build/i18n-plugin.ts';
import { preloadAppPlugin } from './src/build/preload-plugin.ts';
import { pwaPlugin } from './src/build/pwa-plugin.ts';

export default defineConfig({
  // cardPagePlugin builds the carer's page, My Carers Passport, into dist/card/ after the staff app, adminPagePlugin
  // the admin UI into dist/admin/; compressPlugin runs last and compresses all three
  plugins: [preact(), i18nPlugin(['staff', 'staff-later', 'staff-extra']), ...demoDataPlugin(), ...pwaPlugin(), preloadAppPlugin(), headCameraPlugin(), cardPagePlugin(), adminPagePlugin(), compressPlugin()],
  build: {
    target: 'es2022',
    sourcemap: true,
    // every browser the app runs in preloads modules itself (Chromium 66, Safari 17, Firefox 115); elsewhere the
    // page only loses the head start, so the first verdict's scripts skip the polyfill
    modulePreload: { polyfill: false },
    rolldownOptions: { output: { codeSplitting: { groups: firstVerdictChunks(import.meta.dirname) } } },
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/cards/**/*.test.ts', 'test/server/**/*.test.ts', 'test/build/**/*.test.ts', 'test/i18n/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/app/**/*.test.{ts,tsx}', 'test/card-app/**/*.test.{ts,tsx}', 'test/admin-app/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/dom.ts'],
          environmentOptions: { happyDOM: { url: 'http://localhost:5173/' } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
