// The main thread's handle on the decision engine worker (engine-worker.mjs beside this file).
//
//   import { startEngine } from "./engine.mjs";
//   const engine = startEngine();     // starts the worker once per page load; later calls reuse it
//   startEngine(painted);             // the same, but a plain boot waits for the promise `painted`
//   const info = await engine.ready;  // {boot: "snapshot" | "plain", ms, version, fallback?}
//                                     // or rejects with an Error whose message says why, for people
//   const response = await engine.call(request);  // request and response are plain JSON values
//
// Marks "engine-start", "engine-ready" (or "engine-failed") and "engine-snapshot-saved" (or
// "engine-snapshot-failed") on the page's performance timeline, for the benchmark, the tests and
// the offline copy, which waits for the engine before it downloads the site.
const BOOT_TIMEOUT_SECONDS = 60;

let engine = null;

// `painted` (engine-start.mjs): a plain boot waits for it; a boot from a saved snapshot does not.
export function startEngine(painted = Promise.resolve()) {
  engine ??= createEngine(painted);
  return engine;
}

function createEngine(painted) {
  const workerUrl = new URL("engine-worker.mjs", import.meta.url);
  const pending = new Map();
  let nextId = 1;
  let failure = null;
  let settled = false;
  let timer;
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {}); // whoever awaits `ready` still sees the rejection

  performance.mark("engine-start");
  const worker = new Worker(workerUrl, { type: "module" });
  // The time limit runs from the paint: a tab opened in the background paints only when it is shown.
  painted.then(() => {
    worker.postMessage({ painted: true });
    if (settled) return;
    timer = setTimeout(
      () => fail(`The decision engine did not start within ${BOOT_TIMEOUT_SECONDS} seconds.`),
      BOOT_TIMEOUT_SECONDS * 1000,
    );
  });

  function fail(reason) {
    performance.mark("engine-failed");
    settled = true;
    clearTimeout(timer);
    worker.terminate();
    failure = new Error(reason);
    settle.reject(failure);
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  }

  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      settled = true;
      clearTimeout(timer);
      performance.mark("engine-ready");
      const { type, ...info } = data;
      settle.resolve(info);
    } else if (data.type === "failed") {
      fail(`The decision engine could not start. ${data.reason}`);
    } else if (data.type === "snapshot-saved") {
      performance.mark("engine-snapshot-saved");
    } else if (data.type === "snapshot-failed") {
      performance.mark("engine-snapshot-failed", { detail: data.reason });
    } else {
      const call = pending.get(data.id);
      pending.delete(data.id);
      if ("error" in data) call.reject(new Error(data.error));
      else call.resolve(data.response);
    }
  };
  // A module worker that cannot be fetched or parsed reports only a bare event.
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`The decision engine could not start: ${event.message || `${workerUrl} could not be loaded`}.`);
  };

  function call(request) {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, request });
    });
  }

  return { ready, call };
}
