// Warrant Check service worker: the checker works offline after one visit. This is a template;
// tools/finish-dist.mjs fills in PRECACHE (the built app's files) and VERSION (their hash).
// It stores only the app's own files: nothing about any card is ever stored (cards are read
// in the page, and deep-link #fragments never reach a service worker). The signed lists are
// kept by the page itself, and only once it has verified them (src/trust_store.rs): this
// worker cannot check a signature, so it never keeps a list it fetched (a Wi-Fi portal's
// login page or a replayed old list would otherwise become the "last good" one).
const PRECACHE = [];
// The officer page's and the desk's own files: only officers' phones and call-centre PCs
// need them, so they are kept when first used (and then work offline) rather than
// downloaded by every visitor.
const ON_USE = [];
// The files a page asks to have kept as soon as this worker runs (the desk's, on its first
// visit: see the message listener below), by page.
const PAGE_FILES = {};
const VERSION = 'dev';

const APP_CACHE = `warrant-check-app-${VERSION}`;
// Earlier versions kept fetched lists here, unverified: such a cache is deleted.
const LEGACY_LISTS_CACHE = 'warrant-check-lists';
// Relative to this script, so the checker can be hosted under any path of a force's site.
const BASE = new URL('./', self.location);
const PRECACHED = new Set(PRECACHE.map((u) => new URL(u, BASE).href));
const KEPT_ON_USE = new Set([...ON_USE, ...Object.values(PAGE_FILES).flat()].map((u) => new URL(u, BASE).href));
// One cached copy per URL, so the server's Vary: Accept-Encoding must not cause a miss.
const APP = { cacheName: APP_CACHE, ignoreVary: true };
// Files with a content hash in their name (Trunk writes its 64-bit hash in hex without
// leading zeros: 16 digits or fewer).
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
/// A request for an app file: hashed files cannot be stale, so they may come from the HTTP
/// cache (a phone on a poor signal must not fetch the Wasm twice); everything else is
/// revalidated, so a new version never keeps stale files.
const appRequest = (u) => new Request(u, { cache: HASHED.test(u) ? 'default' : 'no-cache' });

self.addEventListener('install', (event) => {
  // The hashed files were just downloaded by the page: taken from the HTTP cache (appRequest).
  event.waitUntil(caches.open(APP_CACHE)
    .then((cache) => cache.addAll(PRECACHE.map(appRequest)))
    .then(() => self.skipWaiting()));
});

// A page asks for its own files to be kept ({ keep: 'desk' }, on every load of the desk), so
// that it opens with no signal after its first visit, not only after a reload made once this
// worker controlled it. Only the files listed for that page, and only those not kept yet.
self.addEventListener('message', (event) => {
  const page = event.data?.keep;
  if (typeof page !== 'string' || !Object.hasOwn(PAGE_FILES, page)) return;
  event.waitUntil(caches.open(APP_CACHE).then(async (cache) => {
    for (const u of PAGE_FILES[page]) {
      if (!(await cache.match(u, { ignoreVary: true }))) await cache.add(appRequest(u));
    }
  }).catch(() => {}));
});

self.addEventListener('activate', (event) => {
  // Old versions' files go, and any unverified lists an earlier version kept.
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => (name.startsWith('warrant-check-app-') && name !== APP_CACHE) || name === LEGACY_LISTS_CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Other origins and methods go to the network as if there were no service worker.
  if (request.method !== 'GET' || url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return;
  const path = url.pathname.slice(BASE.pathname.length);

  // Pages: the query only picks settings such as the language (?lang=cy); the file is the same.
  const page = path === '' || path.endsWith('/') ? path + 'index.html' : path;
  const pageURL = new URL(page, BASE).href;
  if ((PRECACHED.has(pageURL) || KEPT_ON_USE.has(pageURL)) && (request.mode === 'navigate' || page.endsWith('.html'))) {
    event.respondWith(fromCache(pageURL, { ...APP, ignoreSearch: true }, request));
    return;
  }
  if (PRECACHED.has(url.href) || KEPT_ON_USE.has(url.href)) event.respondWith(fromCache(request, APP, request));
  // Anything else (the signed lists, sample cards, unknown paths) goes straight to the
  // network, never cached here.
});

// Cache first, then the network; an app file fetched for the first time (the officer
// page's) is kept for next time.
async function fromCache(key, options, request) {
  const cached = await caches.match(key, options);
  if (!cached) {
    const response = await fetch(request);
    const url = typeof key === 'string' ? key : key.url;
    if (response.ok && KEPT_ON_USE.has(url)) {
      const copy = response.clone();
      await caches.open(APP_CACHE).then((cache) => cache.put(url, copy));
    }
    return response;
  }
  // A navigation may not be answered with a redirected response (hosts that redirect
  // index.html to ./ would break the page), so hand back a plain copy.
  return cached.redirected ? new Response(cached.body, cached) : cached;
}
