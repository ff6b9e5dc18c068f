// The partner page's service worker (scope /partners/): the page opens and works offline.
// - the page and its files: cached when installed; the page and files are served from the
//   network when it answers (and the copy refreshed), from the cache otherwise;
// - GET /partners/api/state and /api/redemptions: network first, the last good answer
//   kept; offline that copy is served, marked with the header X-Partner-Offline: 1;
// - writes (POST) always go to the network: the page queues them in IndexedDB itself.
const VERSION = "__VERSION__";
const CACHE = "club-partner-" + VERSION;
const SHELL = ["/partners/", "/partners/static/app.js?v=" + VERSION, "/partners/static/app.css?v=" + VERSION,
  "/partners/static/verify.js", "/partners/static/store.js", "/partners/static/i18n.js",
  "/partners/static/qr-worker.js", "/partners/static/vendor/jsQR.js", "/partners/static/vendor/noble-ed25519.js",
  "/partners/static/icon.svg", "/partners/manifest.webmanifest"];
const KEPT = ["/partners/api/state", "/partners/api/redemptions"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("club-partner-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

async function networkFirst(request, marked) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const copy = await cache.match(request, { ignoreSearch: !marked });
    if (!copy) throw e;
    if (!marked) return copy;
    const headers = new Headers(copy.headers);
    headers.set("X-Partner-Offline", "1");
    return new Response(await copy.blob(), { status: copy.status, headers });
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (KEPT.includes(url.pathname)) {
    event.respondWith(networkFirst(event.request, true));
  } else if (url.pathname === "/partners/" || url.pathname.startsWith("/partners/static/")
             || url.pathname === "/partners/manifest.webmanifest") {
    event.respondWith(networkFirst(event.request, false));
  }
});
