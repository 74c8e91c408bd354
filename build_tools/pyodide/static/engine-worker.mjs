// The decision engine in a module worker: boots Pyodide, loads the code bundle and then the rules
// file (decision.aid.browser.load), answers requests.
//
// In:  {painted: true}      the page has painted what it shows first: a plain boot may begin
//      {id, request}        request: any JSON value, passed as text to decision.aid.browser.handle
// Out: {id, response}       the JSON value handle returned
//      {id, error}          why that request got no response
//      {type: "ready", boot: "snapshot" | "plain", ms, version, fallback?}
//                           fallback: why a cached snapshot could not be used
//      {type: "failed", reason}
//      {type: "snapshot-saved"}     after a plain boot: the snapshot is saved for the next visit
//      {type: "snapshot-failed", reason}   or why it could not be (later visits then boot plainly)
//
// No Pyodide package is ever loaded: only the boot files, the snapshot, the bundle and the rules file
// are fetched. The snapshot is made from the code bundle alone (make-snapshot.mjs), so a release that
// changes only the rules keeps it.
const MANIFEST = new URL("engine.json", import.meta.url);
const SNAPSHOT_CACHE = "decision-aid-snapshot";
const BUNDLE_DIR = "/app";
// A snapshot (make-snapshot.mjs) has the bundle's directory on the path and decision.aid.browser
// imported already; after restoring one, `random` would repeat the build's sequence.
const PREPARE = `
import importlib, sys
if "${BUNDLE_DIR}" not in sys.path:
    sys.path.insert(0, "${BUNDLE_DIR}")
importlib.invalidate_caches()
if "random" in sys.modules:
    sys.modules["random"].seed()
`;

const startedAt = performance.now();
const ownFetch = self.fetch.bind(self);
const failedLoad = watchPyodideFetches();
let paint;
const painted = new Promise((resolve) => (paint = resolve));
const engine = boot();

engine.then(
  ({ info }) => postMessage({ type: "ready", ...info, ms: Math.round(performance.now() - startedAt) }),
  (error) => postMessage({ type: "failed", reason: error.message }),
);

self.onmessage = async ({ data: { painted, id, request } }) => {
  if (painted) return paint();
  let handle;
  try {
    ({ handle } = await engine);
  } catch (error) {
    postMessage({ id, error: error.message });
    return;
  }
  try {
    postMessage({ id, response: JSON.parse(handle(JSON.stringify(request))) });
  } catch (error) {
    postMessage({ id, error: summary(error) });
  }
};

async function boot() {
  const manifest = await fetchJson(MANIFEST);
  const snapshotUrl = manifest.snapshot ? new URL(manifest.snapshot, MANIFEST) : null;
  const saved = snapshotUrl && savedSnapshot(snapshotUrl); // looked up while pyodide.mjs loads
  const indexURL = new URL(manifest.pyodide, MANIFEST).href;
  const pyodideModule = new URL("pyodide.mjs", indexURL).href;
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(pyodideModule));
  } catch (error) {
    throw new Error(`Could not load ${pyodideModule}: ${error.message}`);
  }
  const info = { version: manifest.version };
  const cached = await saved;
  // A plain boot downloads and compiles megabytes: not before the page has painted its first question.
  if (!cached) await painted;
  const bundle = fetchBytes(new URL(manifest.bundle, MANIFEST));
  bundle.catch(() => {}); // start() reports it; boot may fail before it gets there
  const rulesUrl = new URL(manifest.rules, MANIFEST);
  const rules = fetchText(rulesUrl);
  rules.catch(() => {}); // loadRules() reports it
  let browser;
  if (cached) {
    try {
      browser = await start(loadPyodide, { indexURL, _loadSnapshot: cached.memory }, bundle);
      info.boot = "snapshot";
    } catch (error) {
      info.fallback = `The saved snapshot ${snapshotUrl} could not be used: ${summary(error)}`;
    }
  }
  if (!browser) {
    await painted; // a snapshot that failed to restore falls back here
    browser = await start(loadPyodide, { indexURL }, bundle);
    info.boot = "plain";
    if (snapshotUrl) {
      saveSnapshot(snapshotUrl); // also replaces a saved copy that failed
    }
  }
  return { handle: await loadRules(browser, rules, rulesUrl), info };
}

async function start(loadPyodide, options, bundle) {
  const pyodide = await Promise.race([loadPyodide(options), failedLoad]);
  pyodide.unpackArchive(await bundle, "zip", { extractDir: BUNDLE_DIR });
  try {
    pyodide.runPython(PREPARE);
    return pyodide.pyimport("decision.aid.browser");
  } catch (error) {
    throw new Error(`The decision package could not be loaded: ${summary(error)}`);
  }
}

// After either boot, the one step that gives the package its rules; gives decision.aid.browser.handle.
async function loadRules(browser, rules, url) {
  const text = await rules; // a failed fetch names the file
  try {
    browser.load(text);
  } catch (error) {
    throw new Error(`The rules ${url} could not be loaded: ${summary(error)}`);
  }
  return browser.handle;
}

// Pyodide waits forever when the wasm file cannot be fetched or compiled: fail at once instead,
// naming the file.
function watchPyodideFetches() {
  let fail;
  const failed = new Promise((_, reject) => (fail = reject));
  self.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    let response;
    try {
      response = await ownFetch(input, init);
    } catch (error) {
      fail(new Error(`Could not load ${url}: ${error.message}`));
      throw error;
    }
    const type = response.headers.get("Content-Type") || "none";
    if (!response.ok) {
      fail(new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim()));
    } else if (url.endsWith(".wasm") && !type.startsWith("application/wasm")) {
      fail(new Error(`${url} was sent as ${type}; the server must send .wasm files as application/wasm`));
    }
    return response;
  };
  failed.catch(() => {}); // only start() listens, and only while it boots
  return failed;
}

async function fetchOk(url, init) {
  let response;
  try {
    response = await ownFetch(url, init);
  } catch (error) {
    throw new Error(`Could not load ${url}: ${error.message}`);
  }
  if (!response.ok) {
    throw new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  return response;
}

async function fetchJson(url) {
  const response = await fetchOk(url, { cache: "no-cache" });
  try {
    return await response.json();
  } catch (error) {
    throw new Error(`${url} is not valid JSON: ${error.message}`);
  }
}

async function fetchBytes(url) {
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}

async function fetchText(url) {
  return (await fetchOk(url)).text();
}

// The snapshot is used only when an earlier visit saved it: a first visit should not wait for (or
// pay for) megabytes it can do without. It is kept with the Cache API rather than left to the HTTP
// cache, which drops or refuses files this large (always, in a private window), and kept inflated,
// so a later visit reads it without inflating 30-odd megabytes again.
// Gives {memory: a promise of its bytes}, or null when there is none.
async function savedSnapshot(url) {
  try {
    const cache = await caches.open(SNAPSHOT_CACHE);
    const response = await cache.match(url);
    return response ? { memory: response.arrayBuffer().then((buffer) => new Uint8Array(buffer)) } : null;
  } catch {
    return null; // no Cache API here (not a secure context, or storage is blocked): boot plainly
  }
}

async function saveSnapshot(url) {
  try {
    const response = await fetchOk(url, { cache: "no-store", priority: "low" });
    const inflated = new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
    const cache = await caches.open(SNAPSHOT_CACHE);
    await cache.put(url, inflated); // a file that does not inflate is not saved
    for (const request of await cache.keys()) {
      if (request.url !== url.href) await cache.delete(request); // an older build's snapshot
    }
    postMessage({ type: "snapshot-saved" });
  } catch (error) {
    postMessage({ type: "snapshot-failed", reason: `${url}: ${summary(error)}` });
  }
}

// A Python error's message is its traceback, whose last line says what went wrong; a JavaScript
// error says it on its first line.
function summary(error) {
  const lines = String(error.message).trim().split("\n");
  return error.type ? lines.pop() : lines[0];
}
