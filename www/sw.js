// Offline copy of the page: after the first visit every file the page needs comes from this cache.
// The page itself (a navigation) is asked of the network first, so a new build shows up as soon as it is online;
// every other same-origin file is cache-first (Trunk names them by their content, so a cached file never goes
// stale). Requests to other origins are never made by the page and are left alone here.
// A new version of this file (bump VERSION) starts a new cache and deletes the old ones.
const VERSION = 'v2';
const CACHE = `reward-playground-${VERSION}`;
const SCOPE = new URL('./', self.location).href;

// The page and every file its index.html links to (icon, JS glue and wasm: the loader names those two in quotes),
// found in the page itself.
async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch(SCOPE, { cache: 'no-cache' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put(SCOPE, page);
  const urls = new Set();
  for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"|'(\.\/[^'#?]+\.(?:js|wasm))'/g)) {
    const url = new URL(m[1] || m[2], SCOPE);
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  await Promise.all([...urls].map(async (url) => {
    const res = await fetch(url, { cache: 'no-cache' });
    if (res.ok) await cache.put(url, res);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('reward-playground-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(SCOPE, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(SCOPE);
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === 'navigate' ? networkFirst(request) : cacheFirst(request));
});
