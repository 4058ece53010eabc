// Builds the app once for the whole e2e run and serves dist/ with Vite's preview server (a static server).

import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!process.env.E2E_SKIP_BUILD) await productionBuild();
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('appUrl', url);
  return async () => {
    await server?.close();
  };
}

/**
 * Vitest sets NODE_ENV=test, and Vite derives import.meta.env.PROD from NODE_ENV, not from the mode: without this
 * the e2e build is a development build (JSX dev runtime, preact devtools, no service worker registered).
 */
async function productionBuild(): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
