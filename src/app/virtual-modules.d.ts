// Served by src/build/demo-data-plugin.ts: the public root key(s) this build pins (spec section 3).
declare module 'virtual:carers-passport/pinned-roots' {
  const roots: unknown[];
  export default roots;
  /** True in the demo build (no CP_APP_ROOTS_FILE at build time): the staff PIN starts as the demo PIN. */
  export const demo: boolean;
}
