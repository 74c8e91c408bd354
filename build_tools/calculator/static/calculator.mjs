// The deadline calculator (build_tools/calculator). The form and the tables are in the page already;
// this script carries the form, or the state in a link, to the engine worker, where
// decision/aid/calculator.py checks it, counts and draws the result or the problems, and puts back
// the HTML it returns. It also shows the boxes the chosen timescale needs.
//
// The state lives only in the URL fragment (decision/aid/calculator.py says how), which browsers
// never send to a server: nothing is stored or sent. Each result is a history entry, so Back works
// and a link can be shared.
import {
  focusFirst,
  followedErrorLink,
  formFields,
  onEachPage,
  onHistory,
  putHtml,
  say,
  sayFailed,
  startEngine,
  stateFragment,
} from "../aid/page.mjs";

const REVOKE_AFTER_MS = 60000; // a download has long started by then
const FOCUS = [".calc-errors .aid-error-summary", ".calc-heading"]; // after a calculation

let active = null; // the calculator on the current page; instant navigation replaces the page under us
// True from Back or Forward until the next click or key press. The theme may answer Back by loading
// the page afresh, and the calculator it brings should then take the focus as after a calculation.
let cameByHistory = false;

function setUpPage() {
  const root = document.querySelector(".calc:not([data-calc-ready])");
  if (!root) return;
  root.dataset.calcReady = "";
  const calc = create(root);
  active = calc;
  startEngine()
    .then((engine) => {
      calc.engine = engine;
      return engine.ready;
    })
    .then(
      () => ready(calc),
      (error) => fail(calc, error.message),
    );
}

function create(root) {
  const calc = {
    root,
    form: root.querySelector(".calc-form"),
    select: root.querySelector("#calc-what"),
    status: root.querySelector(".calc-status"),
    errors: root.querySelector(".calc-errors"),
    result: root.querySelector(".calc-result"),
    note: root.querySelector(".calc-needs-engine"),
    engine: null,
    ready: false,
    failed: false,
    waiting: null, // {question, moveFocus}: asked for before the engine was ready
    shown: "", // the state whose result is on the page, for its calendar file
    asked: 0, // numbers each request, so a slow answer to an older one is dropped
  };
  say(root, calc.status, stateFragment() ? "statusLoadingLink" : "statusLoading");
  calc.form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(calc, { fields: formFields(calc.form) }, true);
  });
  calc.select.addEventListener("change", () => showChoice(calc));
  root.addEventListener("click", (event) => onClick(calc, event));
  showChoice(calc);
  if (stateFragment()) ask(calc, { fragment: stateFragment() }, cameByHistory);
  return calc;
}

function ready(calc) {
  calc.ready = true;
  calc.note.hidden = true;
  say(calc.root, calc.status, null);
  if (calc.waiting) {
    const { question, moveFocus } = calc.waiting;
    calc.waiting = null;
    ask(calc, question, moveFocus);
  }
}

function fail(calc, reason) {
  calc.failed = true;
  calc.note.hidden = false;
  calc.result.hidden = true;
  sayFailed(calc.root, calc.status, reason);
}

// --- events ------------------------------------------------------------------------------------

function onClick(calc, event) {
  if (followedErrorLink(calc.root, event)) return;
  const button = event.target.closest(".calc-ics");
  if (button && calc.root.contains(button)) download(calc, button);
}

onHistory((fragment) => {
  cameByHistory = true;
  if (active?.root.isConnected) ask(active, { fragment }, true);
});

for (const type of ["click", "keydown"]) {
  window.addEventListener(type, () => (cameByHistory = false), true);
}

// The boxes the chosen timescale needs: the event's time, and a timeline's real dates.
function showChoice(calc) {
  const option = calc.select.selectedOptions[0];
  for (const group of calc.root.querySelectorAll(".calc-happened")) {
    group.hidden = group.dataset.for !== calc.select.value;
  }
  const starts = calc.root.querySelector("#calc-starts");
  starts.textContent = option?.value ? option.dataset.starts : "";
  starts.hidden = !starts.textContent;
  calc.root.querySelector("#calc-event-time-group").hidden = !option?.hasAttribute("data-needs-time");
}

// --- the engine --------------------------------------------------------------------------------

// `question` is {fields} (the form as submitted) or {fragment} (a link's state).
async function ask(calc, question, moveFocus) {
  if (calc.failed) return;
  if (!calc.ready) {
    if (moveFocus) say(calc.root, calc.status, "statusQueued"); // asked for now, not by the page's link
    calc.waiting = { question, moveFocus };
    return;
  }
  const asked = ++calc.asked;
  const { base, level } = calc.root.dataset;
  let response;
  try {
    response = await calc.engine.call({ op: "calculate", base, level: Number(level), ...question });
  } catch (error) {
    response = { error: { message: error.message } };
  }
  if (asked !== calc.asked) return;
  if (!("html" in response)) {
    say(calc.root, calc.status, null, response.error.message); // a request the engine could not use
    return;
  }
  say(calc.root, calc.status, null);
  if (question.fields && response.fragment && response.fragment !== stateFragment()) {
    history.pushState(null, "", `#${response.fragment}`);
  }
  show(calc, response, moveFocus);
}

function show(calc, response, moveFocus) {
  if (response.form) {
    for (const [name, value] of Object.entries(response.form)) calc.form.elements[name].value = value;
    showChoice(calc);
  }
  putHtml(calc.errors, response.errors);
  for (const slot of calc.form.querySelectorAll(".aid-error-message")) {
    putHtml(slot, response.messages[slot.id] ?? "");
    slot.closest(".calc-group").classList.toggle("aid-group--error", !slot.hidden);
  }
  putHtml(calc.result, response.html);
  calc.shown = response.fragment ?? "";
  if (moveFocus) focusFirst(calc.root, FOCUS);
}

async function download(calc, button) {
  const status = calc.result.querySelector(".calc-ics-status");
  status.textContent = "";
  let response;
  try {
    response = await calc.engine.call({ op: "calculator_ics", fragment: calc.shown });
  } catch (error) {
    response = { error: { message: error.message } };
  }
  if (response.error) {
    status.textContent = button.dataset.failed.replace("{message}", response.error.message);
    return;
  }
  const url = URL.createObjectURL(new Blob([response.text], { type: "text/calendar" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: response.file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

onEachPage(setUpPage);
