// The card page's own service worker (scope /card/): precaches the page, its scripts, styles, manifest and icons so a
// carer's passport opens with the network off. No library: it only caches a fixed list and answers from it.
// The build (src/build/card-page-plugin.ts) strips the types and writes the list in place of self.__CARD_PRECACHE.
// It never touches POSTs (collect, refresh) nor /offers.json: the page keeps its own copy of that in IndexedDB.

type PrecacheEntry = { url: string; revision: string | null };
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type WorkerScope = {
  __CARD_PRECACHE: PrecacheEntry[];
  location: Location;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};
declare const self: WorkerScope;

const PRECACHE: PrecacheEntry[] = self.__CARD_PRECACHE;
const PREFIX = 'my-carers-passport-';
const CACHE = `${PREFIX}${versionOf(PRECACHE)}`;
const PAGE = '/card/';
const CACHED_PATHS = new Set(PRECACHE.map((entry) => new URL(entry.url, self.location.href).pathname));

self.addEventListener('install', (event) => {
  // the card page holds no work a new version could break mid-way: take over at once
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((entry) => new Request(entry.url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // every navigation inside /card/ opens the page (the fragment with a collection code never reaches here)
  const path = request.mode === 'navigate' && url.pathname.startsWith(PAGE) ? PAGE : url.pathname;
  if (!CACHED_PATHS.has(path)) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => (await cache.match(path)) ?? fetch(request)),
  );
});

/** A short name for this list of files: a new build gets a new cache, and the old one is deleted. */
function versionOf(entries: PrecacheEntry[]): string {
  let hash = 5381;
  for (const char of JSON.stringify(entries)) hash = ((hash * 33) ^ char.charCodeAt(0)) >>> 0;
  return hash.toString(36);
}

// a module for the type checker; the build removes this line, since a classic service worker has no exports
export {};
