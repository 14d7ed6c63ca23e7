// CalfCoach's service worker (served at /sw.js, scope "/", with CALFCOACH_VERSION prepended by AssetsApi).
//
// It keeps the runner's own pages for when the phone is offline: the home "today" page and the plan, each as last seen,
// and the scripts, styles and icons they use. Nothing else is kept: no API answer, no assessment or import page, no page
// of anyone else. Pages are fetched from the network first, so the copy kept is always the last plan the runner saw;
// offline, that copy is shown (offline.js says it is a saved copy and queues check-ins until the phone is back online).
//
// Sign-out hook (for a later server with accounts): post {type: 'clear'} to this worker (offline.js's
// CalfCoachOffline.clear() does, and also empties the check-in queue). It deletes the cache named CACHE below, then
// answers {type: 'cleared'} on the message's port if one was given. Sign-out must call it before leaving the page.
const CACHE = 'calfcoach-runner';
const PAGES = ['/', '/plan'];

const ASSET = /\/assets\/[^"'?\s]+\?v=[0-9a-f]+/g;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const page of PAGES) {
      const response = await fetch(page, { credentials: 'same-origin' });
      if (!keepable(response)) continue;
      const html = await response.clone().text();
      await cache.put(page, response);
      // The page's own scripts and styles, so the saved copy works offline; their URLs carry a content hash.
      await Promise.all([...new Set(html.match(ASSET) || [])].map(async (url) => {
        if (!(await cache.match(url))) await cache.add(url);
      }));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Assets no kept page refers to any more (an older build's) are dropped; the pages themselves stay until replaced.
    const cache = await caches.open(CACHE);
    const used = new Set();
    for (const page of PAGES) {
      const saved = await cache.match(page);
      if (saved) for (const url of (await saved.text()).match(ASSET) || []) used.add(url);
    }
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/assets/') && !used.has(url.pathname + url.search)) await cache.delete(request);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== 'clear') return;
  event.waitUntil(caches.delete(CACHE).then(() => {
    if (event.ports && event.ports[0]) event.ports[0].postMessage({ type: 'cleared' });
  }));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
  }
  // Everything else (the API, downloads) goes to the network untouched and is never kept.
});

/** A page: from the network, keeping a copy of the runner's own pages; offline, the kept copy. */
async function page(request, url) {
  const kept = PAGES.includes(url.pathname);
  try {
    const response = await fetch(request);
    if (kept && keepable(response)) {
      const cache = await caches.open(CACHE);
      await cache.put(url.pathname, response.clone());
    }
    return response;
  } catch (offline) {
    const saved = kept ? await caches.match(url.pathname, { cacheName: CACHE }) : undefined;
    return saved || offlinePage();
  }
}

/** An asset: its URL names its content, so a kept copy is always right; new ones are kept as they are fetched. */
async function asset(request) {
  const saved = await caches.match(request, { cacheName: CACHE });
  if (saved) return saved;
  const response = await fetch(request);
  if (keepable(response)) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

function keepable(response) {
  return response && response.ok && response.type === 'basic' && !response.redirected;
}

function offlinePage() {
  const html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    + '<title>Offline – CalfCoach</title></head><body style="font-family: system-ui, sans-serif; margin: 1.5rem; line-height: 1.5">'
    + '<h1>You are offline</h1><p>This page needs a connection to CalfCoach. Your plan for today works offline: '
    + '<a href="/">open today\'s plan</a>.</p></body></html>';
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
