// The pages built beside the staff app (the carer's page, the admin page): each is a Vite build of its own, started
// when the staff app's build has written its index.html, into the same dist/ folder. Their own builds, so they share
// no chunk with the staff app (preact, signals, core): each page loads only its own files.

import type { PluginOption, Plugin, ResolvedConfig } from 'vite';
import { build } from 'vite';

/** A plugin of the staff app's build that builds another page once the staff app is written. */
export function buildAfterStaffApp(name: string, buildPage: (outer: ResolvedConfig) => Promise<void>): Plugin {
  let outer: ResolvedConfig;
  let wroteStaffPage = false;
  return {
    name,
    configResolved(config) {
      outer = config;
    },
    // vite-plugin-pwa builds the staff service worker with these plugins too: only the build that wrote the staff
    // app's index.html goes on to build the page
    writeBundle(_options, bundle) {
      if ('index.html' in bundle) wroteStaffPage = true;
    },
    closeBundle: {
      sequential: true,
      async handler() {
        if (outer.command !== 'build' || outer.build.ssr || !wroteStaffPage) return;
        wroteStaffPage = false;
        await buildPage(outer);
      },
    },
  };
}

/** Builds one HTML entry into the staff app's outDir, its files under `dir` (card/, admin/). */
export async function buildEntry(outer: ResolvedConfig, entry: { name: string; input: string; dir: string; plugins: PluginOption[] }): Promise<void> {
  await build({
    configFile: false,
    root: outer.root,
    mode: outer.mode,
    logLevel: outer.logLevel === 'info' ? 'warn' : (outer.logLevel ?? 'warn'),
    plugins: entry.plugins,
    build: {
      outDir: outer.build.outDir,
      emptyOutDir: false, // the staff app is already there
      assetsDir: `${entry.dir}assets`,
      copyPublicDir: false, // the staff build copied public/
      target: outer.build.target,
      sourcemap: outer.build.sourcemap,
      rolldownOptions: { input: { [entry.name]: entry.input } },
    },
  });
}
