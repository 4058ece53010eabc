// The headers every answer carries (@fastify/helmet): a Content-Security-Policy that lets the app shell do exactly
// what it needs, no framing anywhere, no referrer, nosniff, and HSTS when the service is reached over https.

import type { FastifyHelmetOptions } from '@fastify/helmet';
import { createHash } from 'node:crypto';

type CspOptions = Exclude<NonNullable<FastifyHelmetOptions['contentSecurityPolicy']>, boolean>;

const ALWAYS = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  // http://192.168.x.y on a shop's network has no https to upgrade to: helmet's default would break every fetch
  'upgrade-insecure-requests': null,
};

/**
 * The app shell: its own scripts and worker; 'wasm-unsafe-eval' so the decoder's WebAssembly compiles; camera frames
 * and photos as blob: images; data: for inline icons; fetches to its own origin only (the trust data and the
 * service that serves it). The camera itself is governed by Permissions-Policy, set below.
 */
export const APP_CSP: CspOptions = {
  useDefaults: false,
  directives: {
    ...ALWAYS,
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'manifest-src': ["'self'"],
  },
};

/**
 * The admin UI (/admin/, dist/admin/): its own scripts and styles only, no inline script or style element, no worker,
 * no WebAssembly; QR codes as data: images; fetches to the admin API on its own origin.
 */
export const ADMIN_APP_CSP: CspOptions = {
  useDefaults: false,
  directives: {
    ...ALWAYS,
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'none'"],
    'manifest-src': ["'none'"],
  },
};

/** Server-rendered pages (classic admin, demo cards): their own inline style and script, nothing from elsewhere. */
export const PAGE_CSP: CspOptions = {
  useDefaults: false,
  directives: {
    ...ALWAYS,
    'script-src': ["'unsafe-inline'"],
    'style-src': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
  },
};

/** Server-rendered pages without any script (the public offers directory): their own inline style, forms to self. */
export const NO_SCRIPT_PAGE_CSP: CspOptions = {
  useDefaults: false,
  directives: {
    ...ALWAYS,
    'script-src': ["'none'"],
    'style-src': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'none'"],
  },
};

/**
 * The app shell's inline scripts, each allowed by its hash (CSP level 2): the built index.html holds one, the head
 * camera script (src/app/head-camera.ts). Read from the page the service serves, so the two never disagree.
 */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
}

export function helmetOptions(publicUrl: string, appScriptHashes: readonly string[] = []): FastifyHelmetOptions {
  const appCsp: CspOptions = { ...APP_CSP, directives: { ...APP_CSP.directives, 'script-src': ["'self'", "'wasm-unsafe-eval'", ...appScriptHashes] } };
  return {
    global: true,
    contentSecurityPolicy: appCsp,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // the published trust data is read by pages of other origins (spec section 7); nothing else is embeddable
    crossOriginResourcePolicy: { policy: 'same-site' },
    crossOriginEmbedderPolicy: false,
    // HSTS only where the service is reached over https: on http it is ignored, and on a LAN address it would lie
    strictTransportSecurity: publicUrl.startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
}

/** The camera for the app itself; nothing else a page could ask for. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';
