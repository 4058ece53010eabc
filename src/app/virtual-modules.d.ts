// Served by src/build/demo-data-plugin.ts: the public root key(s) this build pins (spec section 3).
declare module 'virtual:carers-passport/pinned-roots' {
  const roots: unknown[];
  export default roots;
}
