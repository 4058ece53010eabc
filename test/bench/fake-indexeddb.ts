// Installs fake-indexeddb's indexedDB (and its IDB* classes) on globalThis, so the app's storage adapter runs in
// Node. A module of its own so a benchmark can load it lazily, only when it is chosen (see run.ts).

import 'fake-indexeddb/auto';
