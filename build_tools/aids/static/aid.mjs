// The decision aids on a page (build_tools/aids): every step after the first is drawn by Python in
// the engine worker (decision/aid/browser.py); this script only carries forms and links to it and puts
// back the HTML it returns.
//
// The aid's state lives only in the URL fragment (after #), which browsers never send to a server:
// no cookies, no storage, nothing sent anywhere. Each step is a history entry, so Back works and a
// link can be shared. A fragment without "=" (a clause anchor such as #kn-s16c) is not aid state and
// is left alone. The first question is in the page already, so it can be answered before the engine
// has loaded; that answer waits and is applied as soon as it has.
import {
  focusFirst,
  followedErrorLink,
  formFields,
  onEachPage,
  onHistory,
  say as sayOn,
  sayFailed,
  startEngine,
  stateFragment,
} from "./page.mjs";

let active = []; // the aids on the current page; instant navigation replaces the page under us

// Pages without an aid load nothing more: the engine's script is imported only when there is one.
// The forms listen at once, so an answer given while the engine loads is kept.
function setUpPage() {
  const elements = [...document.querySelectorAll(".aid:not([data-aid-ready])")];
  active = active.filter((aid) => aid.element.isConnected);
  if (!elements.length) return;
  const engine = startEngine();
  active = active.concat(elements.map((element) => setUpAid(element, engine)));
}

function setUpAid(element, starting) {
  element.dataset.aidReady = "";
  const aid = {
    element,
    path: location.pathname,
    engine: null,
    step: element.querySelector(".aid-step"),
    status: element.querySelector(".aid-status"),
    text: element.querySelector(".aid-text"),
    ready: false,
    failed: false,
    current: stateFragment(), // the state on screen; the address may since show a plain anchor (#kn-s16c)
    pending: null, // an answer given before the engine was ready: {fragment, submit}
    queue: Promise.resolve(), // steps run one after another, in the order they were asked for
    madeAt: null,
  };
  aid.text.open = false; // the aid works, so the text version waits behind its summary
  const linked = aid.current !== "";
  if (linked) aid.step.hidden = true; // the first question is not where this link leads
  say(aid, linked ? "statusLoadingLink" : "statusLoading");
  element.addEventListener("submit", (event) => onSubmit(aid, event));
  element.addEventListener("click", (event) => onClick(aid, event));
  element.addEventListener("change", (event) => onChange(event));
  starting
    .then((engine) => {
      aid.engine = engine;
      return engine.ready;
    })
    .then(
      () => {
        aid.ready = true;
        say(aid, null);
        if (aid.pending) {
          const { fragment: from, submit } = aid.pending;
          aid.pending = null;
          run(aid, from, submit, "push-if-changed", true);
        } else if (linked || aid.current !== "") {
          run(aid, aid.current, null, "none", false);
        }
      },
      (error) => fail(aid, error.message),
    );
  return aid;
}

// --- events ------------------------------------------------------------------------------

function onSubmit(aid, event) {
  const form = event.target;
  if (!form.matches("form[data-form]")) return;
  event.preventDefault();
  const submit = { form: form.dataset.form, fields: formFields(form) };
  if (submit.form === "question") submit.question = form.dataset.question;
  if (aid.failed) return;
  if (!aid.ready) {
    aid.pending = { fragment: aid.current, submit };
    say(aid, "statusQueued");
    return;
  }
  run(aid, aid.current, submit, "push-if-changed", true);
}

function onClick(aid, event) {
  if (followedErrorLink(aid.element, event)) return;
  const target = event.target.closest("a, button");
  if (!target || !aid.element.contains(target)) return;
  if (target.matches("[data-aid-nav]")) {
    event.preventDefault();
    event.stopPropagation(); // not for the theme's instant navigation: the page stays the same
    if (!aid.ready) return;
    const href = target.getAttribute("href") ?? target.dataset.aidNav;
    run(aid, href.replace(/^#/, ""), null, "push", true);
  } else if (target.matches("[data-aid-copy]")) {
    copyRecord(aid);
  } else if (target.matches("[data-aid-print]")) {
    printRecord();
  }
}

// "None of these" cannot be combined with other answers: choosing one clears the others.
function onChange(event) {
  const box = event.target;
  if (box.type !== "checkbox" || !box.checked) return;
  for (const other of box.form.querySelectorAll('input[type="checkbox"]')) {
    if (other !== box && (box.dataset.exclusive || other.dataset.exclusive)) other.checked = false;
  }
}

onHistory((fragment) => {
  for (const aid of active) {
    if (!aid.element.isConnected || aid.path !== location.pathname) continue;
    aid.current = fragment;
    if (aid.ready) run(aid, aid.current, null, "none", true);
  }
});

// --- steps -------------------------------------------------------------------------------

function run(aid, from, submit, historyMode, moveFocus) {
  aid.queue = aid.queue.then(() => step(aid, from, submit, historyMode, moveFocus));
  return aid.queue;
}

async function step(aid, from, submit, historyMode, moveFocus) {
  const request = {
    op: "step",
    tree: aid.element.dataset.tree,
    fragment: from,
    base: aid.element.dataset.base,
    level: Number(aid.element.dataset.level),
    made_at: ukNow(),
  };
  if (submit) request.submit = submit;
  let response;
  try {
    response = await aid.engine.call(request);
  } catch (error) {
    fail(aid, error.message);
    return;
  }
  if (!("html" in response)) {
    say(aid, null, response.error.message); // a request the engine could not use at all
    return;
  }
  if (historyMode === "push" || (historyMode === "push-if-changed" && response.fragment !== from)) {
    // The entry left behind shows the question just answered with its answer, for the Back button.
    if (response.answered) history.replaceState(null, "", `#${response.answered}`);
    const url = response.fragment ? `#${response.fragment}` : location.pathname + location.search;
    history.pushState(null, "", url);
  }
  show(aid, response, request.made_at, moveFocus);
}

function show(aid, response, madeAt, moveFocus) {
  const { step } = aid;
  step.innerHTML = response.html;
  step.dataset.status = response.status;
  setData(step, "question", response.question_id);
  setData(step, "outcome", response.outcome_id);
  step.hidden = false;
  // A printed record shows the address that reopens it: the link's own, made absolute.
  for (const link of step.querySelectorAll("a[data-aid-address]")) link.textContent = link.href;
  aid.current = response.fragment;
  aid.madeAt = madeAt;
  if (moveFocus) focusFirst(step, [".aid-error-summary", ".aid-heading[tabindex]"]);
}

function setData(element, key, value) {
  if (value) element.dataset[key] = value;
  else delete element.dataset[key];
}

function fail(aid, reason) {
  aid.failed = true;
  aid.step.hidden = true;
  aid.text.open = true;
  sayFailed(aid.element, aid.status, reason);
}

function say(aid, key, text) {
  sayOn(aid.element, aid.status, key, text);
}

// --- the decision record -------------------------------------------------------------------

async function copyRecord(aid) {
  const status = aid.step.querySelector(".aid-copy-status");
  let text;
  try {
    ({ text } = await aid.engine.call({
      op: "record",
      tree: aid.element.dataset.tree,
      fragment: aid.current,
      base: aid.element.dataset.base,
      made_at: aid.madeAt,
      link: `${location.href.split("#")[0]}#${aid.current}`,
    }));
  } catch (error) {
    status.textContent = error.message;
    return;
  }
  if (text === undefined) return;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = aid.step.querySelector("[data-aid-copy]").dataset.copied;
  } catch {
    showForCopying(aid, status, text);
  }
}

// Where the clipboard is not allowed, put the record where it can be selected and copied by hand.
function showForCopying(aid, status, text) {
  let area = aid.step.querySelector(".aid-record-text");
  if (!area) {
    area = document.createElement("textarea");
    area.className = "aid-record-text";
    area.readOnly = true;
    area.rows = 12;
    area.id = `${aid.element.dataset.tree}-record-text`;
    area.setAttribute("aria-label", aid.step.querySelector("[data-aid-copy]").textContent);
    status.after(area);
  }
  area.value = text;
  status.textContent = aid.step.querySelector("[data-aid-copy]").dataset.fallback;
  area.focus();
  area.select();
}

function printRecord() {
  const root = document.documentElement;
  root.classList.add("aid-printing");
  window.addEventListener("afterprint", () => root.classList.remove("aid-printing"), { once: true });
  window.print();
}

// --- small things ----------------------------------------------------------------------------

// The time now in the UK, where the procedures apply, whatever zone this computer is set to.
function ukNow() {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const part = Object.fromEntries(format.formatToParts(new Date()).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

onEachPage(setUpPage);
