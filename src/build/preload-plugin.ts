// index.html loads boot.ts, which starts the camera and the decoder and then imports the app (main.tsx). Without a
// hint the browser would learn of the app's chunks only once boot.ts runs, one round trip later: this names them in
// the page's head (modulepreload, and the app's stylesheet) so they download beside boot.ts (issue 13). The decoder
// worker's script, zxing's JavaScript and the .wasm are fetched by the worker, each a round trip after the one before
// on a first visit; plain preloads (fetched into the HTTP cache, not run in the page) start them with the page, the
// .wasm at low priority so it never delays the app's own scripts.

import type { HtmlTagDescriptor, Plugin } from 'vite';

const APP_ENTRY = /\/src\/app\/main\.tsx$/;
/** What the decoder worker fetches before it can read a frame: its own script, zxing's reader and its .wasm. */
const DECODER_FILES = /(^|\/)(decoder\.worker-[^/]*\.js|reader-[^/]*\.js|zxing_reader-[^/]*\.wasm)$/;

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
        for (const file of chunk.dynamicImports) {
          const app = bundle[file];
          if (app?.type !== 'chunk' || !app.facadeModuleId || !APP_ENTRY.test(app.facadeModuleId)) continue;
          for (const css of app.viteMetadata?.importedCss ?? []) {
            tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: base + css }, injectTo: 'head' });
          }
          for (const script of [app.fileName, ...app.imports.filter((f) => f !== chunk.fileName)]) {
            tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: base + script }, injectTo: 'head' });
          }
        }
        for (const file of Object.keys(bundle).filter((f) => DECODER_FILES.test(f)).sort()) {
          const wasm = file.endsWith('.wasm');
          tags.push({
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: base + file, ...(wasm ? { fetchpriority: 'low' } : {}) },
            injectTo: 'head',
          });
        }
        return tags;
      },
    },
  };
}
