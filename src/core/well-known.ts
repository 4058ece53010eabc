// Where a scheme service publishes its trust data (spec section 7), declared once for the service that serves it
// and the app that fetches it. The demo files shipped beside the app use the same file names.

/** The folder, from the service's base address. */
export const WELL_KNOWN_PATH = '/.well-known/carers-passport';

/** The files in it: the signed trust bundle, the index of status lists (each with its `href`) and the root keys. */
export const TRUST_FILES = {
  bundle: 'trust-bundle.jwt',
  statusLists: 'status-lists.json',
  roots: 'roots.json',
} as const;
