// Serves the built app from dist/: correct types, the SPA fallback to index.html for the app's own routes.

import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Reply } from './reply.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.jwt': 'application/jwt',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function serveStatic(root: string, pathname: string): Promise<Reply | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined; // no ../ escapes
  const file = await fileAt(path.endsWith(sep) ? join(path, 'index.html') : path);
  if (file) return file;
  // a path without an extension is one of the app's routes: the app decides what it shows
  if (extname(decoded) === '') return fileAt(join(root, 'index.html'), true);
  return undefined;
}

async function fileAt(path: string, fallback = false): Promise<Reply | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const body = await readFile(path);
    const hashed = /[.-][A-Za-z0-9_-]{8,}\.(js|css|wasm|svg|png)$/.test(path);
    const noCache = fallback || path.endsWith('index.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest');
    return {
      status: 200,
      headers: {
        'content-type': contentTypeOf(path),
        'cache-control': noCache ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      },
      body: new Uint8Array(body),
    };
  } catch {
    return undefined;
  }
}
