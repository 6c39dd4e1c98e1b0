// Service worker: keeps the app shell in the browser so that a participant whose network drops can
// reload the page and keep working on what IndexedDB holds. The board itself syncs over the
// WebSocket, which service workers never see; API answers the page needs offline are kept by the
// page itself (offline/offlineCopies.ts).
//
// Built by offlinePlugin.ts, which replaces the two placeholders with the build's file list and a
// version derived from it, so every deploy gets a fresh cache and drops the old one.
const PRECACHE = __PRECACHE_FILES__;
const CACHE = `vermeboard-${__PRECACHE_VERSION__}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })));
  } else if (url.pathname.startsWith('/assets/')) {
    // Hashed file names: a cached copy is always right.
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
  }
});
