// Loaded from the <head> of pages with an aid (overrides/main.html) to start the engine's worker at
// once. aid.mjs attaches to this same engine, and starts it itself if this has not (instant
// navigation).
//
// When an earlier visit saved a snapshot, the worker boots from it straight away: that downloads
// nothing and compiles nothing, so it barely slows the page's first paint, and any wait would delay
// the engine. Otherwise the worker waits for the frame that paints the aid's first question before it
// boots plainly: its downloads and WebAssembly compiling would compete with the page for the network
// and the processor and delay that paint.
import { startEngine } from "./engine.mjs";

// Resolved in each animation frame until the question is in the page; that frame paints it. A task
// queued for after the paint could wait long behind the page's own.
const questionPainted = new Promise((resolve) => {
  const look = () => {
    if (document.querySelector(".aid .aid-text") || document.readyState !== "loading") resolve();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
});

startEngine(questionPainted);
