// Served by src/build/demo-data-plugin.ts: the public root key(s) this build pins (spec section 3).
declare module 'virtual:carers-passport/pinned-roots' {
  const roots: unknown[];
  export default roots;
  /** True in the demo build (no CP_APP_ROOTS_FILE at build time): the staff PIN starts as the demo PIN. */
  export const demo: boolean;
}

// Served by src/build/i18n-plugin.ts: a loader for each part of each catalogue present in src/i18n/catalogues,
// precompiled.
declare module 'virtual:carers-passport/catalogues' {
  import type { CompiledCatalogue } from '../i18n/catalogue.ts';
  import type { Part } from '../i18n/parts.ts';
  const catalogues: Readonly<Record<string, Readonly<Record<Part, () => Promise<CompiledCatalogue>>>>>;
  export default catalogues;
}
