// Retention Lab's service worker: keeps the app's files so that the page loads and works with
// no network after one visit.
//
// The build writes BUILD_ID and APP_FILES in front of this text (scripts/service-worker.sh):
// every file of the build, and an id that changes whenever any of them does. A new build is
// therefore a new worker, which caches the new files and drops the old ones.
//
// Files whose names carry Trunk's content hash never change, so they are served from the
// cache. Everything else (index.html, the import worker's files, the language files, the
// manifest) is asked of the network first and only taken from the cache when the network
// fails, so a new page never runs with an old worker or old strings.

/* global BUILD_ID, APP_FILES */
const CACHE = "retention-lab-" + BUILD_ID;
// Trunk writes the hash in hex without leading zeros, so its length varies.
const HASHED = /-[0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // "reload": straight from the server, never an older copy from the HTTP cache.
      .then((cache) => cache.addAll(APP_FILES.map((f) => new Request(f, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("retention-lab-") && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  return cached || fetch(request);
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (offline) {
    const cached =
      (await caches.match(request, { ignoreSearch: true })) ||
      (request.mode === "navigate" ? await caches.match("./index.html") : undefined);
    if (cached) {
      return cached;
    }
    throw offline;
  }
}
