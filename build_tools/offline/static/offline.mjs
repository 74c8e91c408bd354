// Keeps the site for use with no network (sw.js at the site root; build_tools/offline) and, when a
// newer release has been saved, offers to reload. It never reloads by itself: a practitioner may be
// in the middle of an aid. Loaded by every page (overrides/main.html), once per full page load.
const ROOT = new URL("../../", import.meta.url);

if ("serviceWorker" in navigator) {
  afterThePageAndItsEngine().then(keepOffline);
}

// Saving the site downloads every page and the engine's files: after the page has loaded and, on a page
// with an aid or the calculator, once its engine is ready (or has failed), so as not to compete with either.
async function afterThePageAndItsEngine() {
  if (document.readyState !== "complete") await new Promise((loaded) => addEventListener("load", loaded, { once: true }));
  if (document.querySelector(".aid, .calc")) await marked(["engine-ready", "engine-failed"]);
}

function marked(names) {
  const seen = () => names.some((name) => performance.getEntriesByName(name, "mark").length);
  return new Promise((resolve) => {
    if (seen()) return resolve();
    const observer = new PerformanceObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: "mark" });
  });
}

async function keepOffline() {
  let registration;
  try {
    registration = await navigator.serviceWorker.register(new URL("sw.js", ROOT));
  } catch (error) {
    console.warn(`This site could not be saved for use offline: ${error.message}`);
    return;
  }
  if (!registration) return; // a browser that blocks service workers, as the tests' do
  if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration);
  if (registration.installing) follow(registration, registration.installing);
  registration.addEventListener("updatefound", () => follow(registration, registration.installing));
}

// A release being saved: once it is whole, and the page runs an older one, offer to switch.
function follow(registration, worker) {
  let saved = false;
  worker.addEventListener("statechange", () => {
    if (worker.state === "installed") {
      saved = true;
      if (navigator.serviceWorker.controller) offerReload(registration);
    } else if (worker.state === "redundant" && !saved) {
      // A file was missing, or not of this release: the browser tries again on a later visit.
      console.warn("This site could not be saved for use offline this time.");
    }
  });
}

// The banner's words are in the page (overrides/main.html); its status region announces them.
function offerReload(registration) {
  const status = document.querySelector("[data-offline-update]");
  if (status.childElementCount) return;
  status.append(document.querySelector("[data-offline-update-text]").content.cloneNode(true));
  status.querySelector("[data-offline-reload]").addEventListener("click", () => {
    const waiting = registration.waiting;
    if (!waiting) {
      location.reload(); // another tab has already switched to the newer release
      return;
    }
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    waiting.postMessage({ type: "activate" });
  });
}
