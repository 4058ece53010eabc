// index.html loads boot.ts, which starts the camera and the decoder and then imports the app (main.tsx). Without a
// hint the browser would learn of the app's chunks only once boot.ts runs, one round trip later: this names them in
// the page's head (modulepreload, and the app's stylesheet) so they download beside boot.ts (issue 13).

import type { HtmlTagDescriptor, Plugin } from 'vite';

const APP_ENTRY = /\/src\/app\/main\.tsx$/;

export function preloadAppPlugin(): Plugin {
  let base = '/';
  return {
    name: 'carers-passport:preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const tags: HtmlTagDescriptor[] = [];
        // the app is imported by boot.ts, which is in the page's entry chunk or in a chunk that one imports
        const bootChunks = [chunk, ...chunk.imports.map((file) => bundle[file]).filter((c) => c?.type === 'chunk')];
        for (const file of bootChunks.flatMap((c) => c.dynamicImports)) {
          const app = bundle[file];
          if (app?.type !== 'chunk' || !app.moduleIds.some((id) => APP_ENTRY.test(id))) continue;
          for (const css of app.viteMetadata?.importedCss ?? []) {
            tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: base + css }, injectTo: 'head' });
          }
          for (const script of [app.fileName, ...app.imports.filter((f) => !bootChunks.some((c) => c.fileName === f))]) {
            tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: base + script }, injectTo: 'head' });
          }
        }
        return tags;
      },
    },
  };
}
