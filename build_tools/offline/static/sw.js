// The site's service worker: keeps one whole release of the site in the browser, so every page, the
// search and the decision aids work with no network after the first visit.
//
// The procedures-offline plugin writes RELEASE above this line (build_tools/offline/release.py):
//   {cache, files: {site-relative URL: sha256 hex}, pages: [site-relative URLs], wording: {...}}
// Its cache name holds the rules version, the Pyodide version and a hash of every file, so a new
// release is a new worker that fills a new cache while the old one keeps serving. Every file is
// checked against its hash as it is saved: a cache never holds files of two releases.
//
// Pages come from the network first; the saved copy serves them when the network fails, and also
// when the server already has a newer release (its page would not match this release's engine and
// styles): the browser then installs the newer worker and the page offers to reload.
// Every other file of the release comes from the cache. The engine keeps its own Pyodide snapshot
// with the Cache API (engine-worker.mjs), named after the bundle it holds, so it is not in the list.
const SCOPE = self.registration.scope;
const FILES = new Map(Object.entries(RELEASE.files).map(([url, hash]) => [new URL(url, SCOPE).href, hash]));
const PAGES = new Set(RELEASE.pages.map((url) => new URL(url, SCOPE).href));
const NOT_FOUND = new URL("404.html", SCOPE).href;
const SAVED_ON = new URL("offline-copy-saved-on", SCOPE).href; // not a file: when this copy was saved
const CACHE_PREFIX = "procedures-";
const PARALLEL = 4; // downloads at once while saving a release
// The empty slot every page has (overrides/main.html); a page from the saved copy says so in it.
const NOTICE_SLOT = '<div class="offline-notice" data-offline-notice></div>';

self.addEventListener("install", (event) => event.waitUntil(saveRelease()));

self.addEventListener("activate", (event) => event.waitUntil(dropOtherReleases().then(() => self.clients.claim())));

// Only the reader's click on the page's Reload button makes a waiting release take over.
self.addEventListener("message", (event) => {
  if (event.data?.type === "activate") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin || !url.href.startsWith(SCOPE)) return;
  const key = keyOf(url);
  if (PAGES.has(key) || request.mode === "navigate") event.respondWith(page(request, key));
  else if (FILES.has(key)) event.respondWith(fromRelease(request, key));
  // Anything else goes to the network as if there were no worker.
});

// The URL a file is saved under: no query or fragment, and a folder's index.html as the folder.
function keyOf(url) {
  return url.origin + url.pathname.replace(/\/index\.html$/, "/");
}

async function saveRelease() {
  const cache = await caches.open(RELEASE.cache);
  const queue = [...FILES];
  const download = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await save(cache, ...next);
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, download));
    await cache.put(SAVED_ON, new Response(new Date().toISOString()));
  } catch (error) {
    await caches.delete(RELEASE.cache); // never a partial copy; the browser tries again on a later visit
    throw error;
  }
}

async function save(cache, url, expected) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const actual = await sha256(body);
  if (actual !== expected) throw new Error(`${url} is not the file of this release (sha256 ${actual})`);
  // Only the type: the body is stored decoded, so the network's encoding and length no longer apply.
  const headers = { "Content-Type": response.headers.get("Content-Type") ?? "application/octet-stream" };
  await cache.put(url, new Response(body, { status: 200, headers }));
}

async function dropOtherReleases() {
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== RELEASE.cache) await caches.delete(name);
  }
}

async function page(request, key) {
  const known = FILES.has(key);
  let response;
  try {
    // A page of this release is asked for by its own URL, which never redirects, and always from
    // the server: a copy in the HTTP cache could be of any release.
    response = await (known ? fetch(key, { cache: "no-cache" }) : fetch(request));
  } catch {
    return fromCopy(key, RELEASE.wording.offline);
  }
  if (!known || !response.ok) return response; // not a page of this release: as the server sends it
  if ((await sha256(await response.clone().arrayBuffer())) === FILES.get(key)) return response;
  // Another page than this release's: either the server has a newer release, whose worker the browser
  // now saves beside this one, or a host that alters pages, whose page is all there is.
  await self.registration.update().catch(() => {});
  if (!self.registration.installing && !self.registration.waiting) return response;
  return fromCopy(key, RELEASE.wording.newer);
}

// A page of this release from the cache, saying so and when it was saved; the site's 404 page for a
// page the release does not have.
async function fromCopy(key, wording) {
  const cache = await caches.open(RELEASE.cache);
  const saved = await cache.match(key);
  const response = saved ?? (await cache.match(NOT_FOUND));
  if (!response) return Response.error();
  const savedOn = await (await cache.match(SAVED_ON))?.text();
  const notice = `<div class="offline-notice" data-offline-notice role="note"><p>${wording.replace(
    "{date}",
    longDate(savedOn),
  )}</p></div>`;
  const html = (await response.text()).replace(NOTICE_SLOT, notice);
  return new Response(html, { status: saved ? 200 : 404, headers: response.headers });
}

async function fromRelease(request, key) {
  const saved = await (await caches.open(RELEASE.cache)).match(key);
  return saved ?? fetch(request);
}

function longDate(iso) {
  const options = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" };
  return new Date(iso).toLocaleDateString("en-GB", options);
}

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
