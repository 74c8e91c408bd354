// Loaded from the <head> of pages with an aid (overrides/main.html) to start the engine's worker
// early, but not before the frame that paints the aid's first question: the worker's downloads and
// WebAssembly compiling would compete with the page for the network and the processor and delay it.
// aid.mjs attaches to this same engine, and starts it itself if this has not (instant navigation).
import { startEngine } from "./engine.mjs";

// Each animation frame until the question is in the page; that frame paints it. Starting the worker
// costs the page little, and a task queued for after the paint could wait long behind the page's own.
function startWithTheQuestionsFrame() {
  if (document.querySelector(".aid .aid-text") || document.readyState !== "loading") startEngine();
  else requestAnimationFrame(startWithTheQuestionsFrame);
}

requestAnimationFrame(startWithTheQuestionsFrame);
