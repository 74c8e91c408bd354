// The deadline calculator (build_tools/calculator). The form and the tables are in the page already;
// this script checks the form, asks the deadlines engine (decision/aid/browser.py, in the aids' engine
// worker) and draws its answer with the working shown. Every sentence comes from the page's
// data-wording, and each clause's link from data-clauses.
//
// The state lives only in the URL fragment: #clock=ID&date=YYYY-MM-DD&time=HH:MM, or timeline=ID
// instead of clock, with real.STEP=YYYY-MM-DD for each real date given for a step of the timeline. Browsers never send the fragment to a server: nothing is stored or sent. Each
// result is a history entry, so Back works and a link can be shared. A fragment without "=" (a
// heading's anchor) is not calculator state and is left alone.
const GROUPS = ["what", "date", "time"]; // in the order of the form, which the error summary follows
const DATE_PARTS = ["day", "month", "year"];
const REVOKE_AFTER_MS = 60000; // a download has long started by then

let active = null; // the calculator on the current page; instant navigation replaces the page under us
// True from Back or Forward until the next click or key press. The theme may answer Back by loading
// the page afresh, and the calculator it brings should then take the focus as after a calculation.
let cameByHistory = false;

async function setUpPage() {
  const root = document.querySelector(".calc:not([data-calc-ready])");
  if (!root) return;
  root.dataset.calcReady = "";
  const calc = create(root, cameByHistory);
  active = calc;
  let startEngine;
  try {
    ({ startEngine } = await import(new URL(root.dataset.engine, location.href).href));
  } catch (error) {
    fail(calc, error.message);
    return;
  }
  calc.engine = startEngine();
  calc.engine.ready.then(
    () => ready(calc),
    (error) => fail(calc, error.message),
  );
}

function create(root, moveFocus) {
  const calc = {
    root,
    w: JSON.parse(root.dataset.wording),
    clauses: JSON.parse(root.dataset.clauses),
    level: Number(root.dataset.level),
    form: root.querySelector(".calc-form"),
    select: root.querySelector("#calc-what"),
    status: root.querySelector(".calc-status"),
    errors: root.querySelector(".calc-errors"),
    result: root.querySelector(".calc-result"),
    note: root.querySelector(".calc-needs-engine"),
    engine: null,
    ready: false,
    failed: false,
    waiting: null, // {state, moveFocus}: asked for before the engine was ready
    shown: null, // the state whose result is on the page, for its calendar file
    asked: 0, // numbers each request, so a slow answer to an older one is dropped
  };
  say(calc, fragment() ? calc.w.status_loading_link : calc.w.status_loading);
  calc.form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(calc);
  });
  calc.select.addEventListener("change", () => showChoice(calc));
  root.addEventListener("click", (event) => onClick(calc, event));
  if (fragment()) fromFragment(calc, moveFocus);
  else showChoice(calc);
  return calc;
}

function ready(calc) {
  calc.ready = true;
  calc.note.hidden = true;
  say(calc, "");
  if (calc.waiting) {
    const { state, moveFocus } = calc.waiting;
    calc.waiting = null;
    compute(calc, state, moveFocus);
  }
}

function fail(calc, reason) {
  calc.failed = true;
  calc.note.hidden = false;
  calc.result.hidden = true;
  calc.status.classList.add("aid-status--error");
  say(calc, fill(calc.w.status_failed, { reason: String(reason).replace(/\.$/, "") }));
}

function say(calc, text) {
  calc.status.textContent = text;
}

// --- events ------------------------------------------------------------------------------------

function onClick(calc, event) {
  const target = event.target.closest("a, button");
  if (!target || !calc.root.contains(target)) return;
  if (target.matches(".aid-error-summary a")) {
    // Go to the field without changing the fragment, which holds the state.
    event.preventDefault();
    event.stopPropagation(); // not for the theme's instant navigation: the page stays the same
    calc.root.querySelector(target.getAttribute("href"))?.focus();
  } else if (target.matches(".calc-ics")) {
    download(calc);
  }
}

window.addEventListener("popstate", () => {
  cameByHistory = true;
  const hash = location.hash.slice(1);
  if (hash && !hash.includes("=")) return; // an anchor on the page, not calculator state
  if (active?.root.isConnected) fromFragment(active, true);
});

for (const type of ["click", "keydown"]) {
  window.addEventListener(type, () => (cameByHistory = false), true);
}

function submit(calc) {
  const { state, problems } = read(calc);
  showProblems(calc, problems, true);
  if (problems.length) return;
  const hash = toFragment(state);
  if (fragment() !== hash) history.pushState(null, "", `#${hash}`);
  compute(calc, state, true);
}

function fromFragment(calc, moveFocus) {
  const params = new URLSearchParams(fragment());
  fillForm(calc, params);
  if (!fragment()) {
    showProblems(calc, [], false);
    calc.result.hidden = true;
    calc.result.replaceChildren();
    return;
  }
  const { state, problems } = read(calc);
  showProblems(calc, problems, moveFocus);
  if (!problems.length) compute(calc, state, moveFocus);
}

// --- the form ----------------------------------------------------------------------------------

function showChoice(calc) {
  const option = calc.select.selectedOptions[0];
  for (const group of happenedGroups(calc, false)) group.hidden = group.dataset.for !== calc.select.value;
  const starts = calc.root.querySelector("#calc-starts");
  starts.textContent = option?.value ? option.dataset.starts : "";
  starts.hidden = !starts.textContent;
  calc.root.querySelector("#calc-time-group").hidden = !option?.hasAttribute("data-needs-time");
}

function fillForm(calc, params) {
  const kind = params.has("timeline") ? "timeline" : "clock";
  const value = `${kind}:${params.get(kind) ?? ""}`;
  const known = [...calc.select.options].some((option) => option.value === value);
  calc.select.value = known ? value : "";
  const date = params.get("date") ?? "";
  const [year, month, day] = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.split("-") : ["", "", ""];
  const fields = calc.form.elements;
  fields.day.value = day && String(Number(day));
  fields.month.value = month && String(Number(month));
  fields.year.value = year;
  fields.time.value = params.get("time") ?? "";
  showChoice(calc);
  for (const group of happenedGroups(calc, true)) {
    const real = params.get(`real.${group.dataset.step}`) ?? "";
    const [realYear, realMonth, realDay] = /^\d{4}-\d{2}-\d{2}$/.test(real) ? real.split("-") : ["", "", ""];
    const values = { day: realDay && String(Number(realDay)), month: realMonth && String(Number(realMonth)), year: realYear };
    for (const part of DATE_PARTS) fields[`${group.dataset.group}-${part}`].value = values[part];
  }
}

// The state the form gives, and a problem ({group, field, message}) for each thing wrong with it.
function read(calc) {
  const { w } = calc;
  const fields = calc.form.elements;
  const problems = [];
  const option = calc.select.selectedOptions[0];
  const [kind, id] = calc.select.value.split(":");
  if (!calc.select.value) problems.push({ group: "what", field: "calc-what", message: w.choose_missing });
  const date = checkDate(w, Object.fromEntries(DATE_PARTS.map((part) => [part, fields[part].value.trim()])));
  if (date.message) problems.push({ group: "date", field: `calc-${date.part}`, message: date.message });
  const happened = {};
  for (const group of happenedGroups(calc, true)) {
    const key = group.dataset.group;
    const parts = Object.fromEntries(DATE_PARTS.map((part) => [part, fields[`${key}-${part}`].value.trim()]));
    if (DATE_PARTS.every((part) => !parts[part])) continue; // optional: not happened yet
    const label = group.querySelector("legend").textContent;
    const real = checkDate(realWords(w, label), parts);
    if (real.message) problems.push({ group: key, field: `calc-${key}-${real.part}`, message: real.message });
    else happened[group.dataset.step] = real.value;
  }
  let time = null;
  if (option?.hasAttribute("data-needs-time")) {
    const checked = checkTime(w, fields.time.value.trim());
    if (checked.message) problems.push({ group: "time", field: "calc-time", message: checked.message });
    time = checked.value;
  }
  return { state: { kind, id, date: date.value, time, happened }, problems };
}

// The real-date boxes of every timeline, or only those of the timeline chosen.
function happenedGroups(calc, chosenOnly) {
  const groups = [...calc.root.querySelectorAll(".calc-happened")];
  return chosenOnly ? groups.filter((group) => group.dataset.for === calc.select.value) : groups;
}

// The date messages for a real date, each naming the step it is for.
function realWords(w, label) {
  return {
    ...w,
    date_missing: fill(w.real_missing, { label }),
    date_real: fill(w.real_real, { label }),
    date_year: fill(w.real_year, { label }),
  };
}

// {value: "YYYY-MM-DD"}, or {message, part}: what is wrong and the part to fix.
function checkDate(w, parts) {
  const missing = DATE_PARTS.filter((part) => !parts[part]);
  if (missing.length === DATE_PARTS.length) return { message: w.date_enter, part: "day" };
  if (missing.length) {
    const names = missing.map((part) => w[part].toLowerCase()).join(w.date_and);
    return { message: fill(w.date_missing, { parts: names }), part: missing[0] };
  }
  const notNumber = DATE_PARTS.find((part) => !/^\d+$/.test(parts[part]));
  if (notNumber) return { message: w.date_real, part: notNumber };
  if (parts.year.length !== 4) return { message: w.date_year, part: "year" };
  const [day, month, year] = DATE_PARTS.map((part) => Number(parts[part]));
  if (month < 1 || month > 12) return { message: w.date_real, part: "month" };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return { message: w.date_real, part: "day" };
  return { value: `${parts.year}-${two(month)}-${two(day)}` };
}

// {value: "HH:MM"}, or {message}.
function checkTime(w, text) {
  if (!text) return { message: w.time_enter };
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { message: w.time_real };
  return { value: `${two(Number(match[1]))}:${match[2]}` };
}

// The GOV.UK error pattern: a summary linking to each field, and the message beside the field.
function showProblems(calc, problems, moveFocus) {
  const groups = [...GROUPS, ...happenedGroups(calc, false).map((group) => group.dataset.group)];
  for (const group of groups) {
    markGroup(calc, group, problems.find((problem) => problem.group === group)?.message);
  }
  if (!problems.length) {
    calc.errors.replaceChildren();
    return;
  }
  calc.result.hidden = true;
  const items = problems.map(({ field, message }) => el("li", {}, el("a", { href: `#${field}` }, message)));
  const summary = el(
    "div",
    { class: "aid-error-summary", tabindex: "-1" },
    el(
      "div",
      { role: "alert" },
      el(`h${calc.level}`, { class: "aid-error-summary__title" }, calc.w.error_title),
      el("ul", { class: "aid-error-summary__list" }, items),
    ),
  );
  calc.errors.replaceChildren(summary);
  if (moveFocus) summary.focus();
}

function markGroup(calc, group, message) {
  const box = calc.root.querySelector(`#calc-${group}-group`);
  const error = calc.root.querySelector(`#calc-${group}-error`);
  box.classList.toggle("aid-group--error", Boolean(message));
  error.hidden = !message;
  error.replaceChildren(...(message ? [el("span", { class: "aid-visually-hidden" }, `${calc.w.error_prefix} `), message] : []));
  const described = box.querySelector("[aria-describedby]");
  const ids = described.getAttribute("aria-describedby").split(" ").filter((id) => id !== error.id);
  described.setAttribute("aria-describedby", [...ids, ...(message ? [error.id] : [])].join(" "));
}

// --- the engine --------------------------------------------------------------------------------

async function compute(calc, state, moveFocus) {
  if (calc.failed) return;
  if (!calc.ready) {
    if (moveFocus) say(calc, calc.w.status_queued); // asked for now, not by the link the page opened with
    calc.waiting = { state, moveFocus };
    return;
  }
  const asked = ++calc.asked;
  let response;
  try {
    response = await calc.engine.call({ op: state.kind === "clock" ? "deadline" : "timeline", ...request(state) });
  } catch (error) {
    response = { error: { message: error.message } }; // this request failed, not the engine
  }
  if (asked !== calc.asked) return;
  if (response.error) {
    const message = fill(calc.w.engine_error, { message: response.error.message });
    showProblems(calc, [{ group: "date", field: "calc-day", message }], moveFocus);
    return;
  }
  calc.shown = state;
  const drawn = state.kind === "clock" ? clockResult(calc, response) : timelineResult(calc, response);
  calc.result.replaceChildren(...drawn, downloadBlock(calc));
  calc.result.hidden = false;
  if (moveFocus) calc.result.querySelector(".calc-heading").focus();
}

function request(state) {
  const start = state.time ? `${state.date}T${state.time}` : state.date;
  const real = Object.keys(state.happened).length ? { happened: state.happened } : {};
  return { [state.kind]: state.id, start, ...real };
}

async function download(calc) {
  const state = calc.shown;
  const status = calc.result.querySelector(".calc-ics-status");
  status.textContent = "";
  let response;
  try {
    response = await calc.engine.call({ op: "ics", ...request(state) });
  } catch (error) {
    response = { error: { message: error.message } };
  }
  if (response.error) {
    status.textContent = fill(calc.w.ics_failed, { message: response.error.message });
    return;
  }
  const url = URL.createObjectURL(new Blob([response.text], { type: "text/calendar" }));
  const link = el("a", { href: url, download: `${state.id}-${state.date}.ics`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

// --- results -----------------------------------------------------------------------------------

function clockResult(calc, result) {
  const { w } = calc;
  const rows = [
    [w.event, `${result.starts}: ${result.start_text}`],
    [w.rule, result.rule],
    result.day_zero && [w.day_zero, longDate(w, result.day_zero)],
    result.skipped.length && [w.skipped, list(result.skipped.map((day) => skippedText(w, day)))],
    result.notes.length && [w.notes, list(result.notes)],
    result.reading && [w.reading_label, result.reading],
    [w.guidance, links(calc, result.cites)],
  ].filter(Boolean);
  return [
    heading(calc, fill(w.result_heading, { name: result.name })),
    el("p", { class: "calc-due" }, result.due_text),
    result.latest && el("p", { class: "calc-work-to" }, result.work_to_text),
    result.latest && el("p", { class: "calc-latest" }, el("strong", {}, result.latest.latest_text)),
    el("dl", { class: "calc-working" }, rows.map(([key, value]) => el("div", { class: "calc-working__row" }, el("dt", {}, key), el("dd", {}, value)))),
    ...result.warnings.map((warning) => admonition(w.warning, [el("p", {}, warning)])),
    conflict(calc, result),
  ].filter(Boolean);
}

function conflict(calc, result) {
  if (!result.conflict) return null;
  const latest = result.latest;
  return admonition(calc.w.conflict_label, [
    el("p", {}, result.conflict),
    latest && el("p", {}, latest.rule, " ", links(calc, latest.cites)),
    ...(latest ? latest.notes.map((note) => el("p", {}, note)) : []),
  ].filter(Boolean));
}

function timelineResult(calc, result) {
  const { w } = calc;
  const caption = el("caption", { id: "calc-timeline-caption" }, result.name);
  const head = el("thead", {}, el("tr", {}, w.step_columns.map((column) => el("th", { scope: "col" }, column))));
  const rows = result.steps.map((step) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, step.label),
      el("td", {}, step.due ? dates(step) : w.no_timescale),
      el("td", { class: "calc-wide" }, step.due ? stepWorking(calc, step) : el("p", {}, step.note)),
      el("td", {}, links(calc, step.cites)),
    ),
  );
  return [
    heading(calc, fill(w.result_heading, { name: result.name })),
    el("p", {}, fill(w.timeline_event, { event: result.event, start: result.start_text })),
    result.note && el("p", {}, result.note, " ", links(calc, result.cites)),
    el(
      "div",
      { class: "calc-scroll", tabindex: "0", role: "region", "aria-labelledby": caption.id },
      el("table", { class: "calc-table" }, caption, head, el("tbody", {}, rows)),
    ),
  ].filter(Boolean);
}

function stepWorking(calc, step) {
  const { w } = calc;
  const skipped = step.skipped.map((day) => skippedText(w, day)).join("; ");
  return [
    el("p", {}, step.rule),
    step.day_zero && el("p", {}, `${w.day_zero}: ${longDate(w, step.day_zero)}`),
    skipped && el("p", {}, `${w.skipped}: ${skipped}`),
    ...step.notes.map((note) => el("p", {}, note)),
    ...step.warnings.map((warning) => el("p", {}, el("strong", {}, `${w.warning}: `), warning)),
    step.reading && el("p", {}, `${w.reading_label}: ${step.reading}`),
    step.latest && el("p", {}, step.work_to_text),
    step.latest && el("p", {}, step.latest.rule),
    ...(step.latest ? step.latest.notes.map((note) => el("p", {}, note)) : []),
    step.conflict && el("p", {}, `${w.conflict_label}: ${step.conflict}`),
  ].filter(Boolean);
}

// The date to work to is the headline; the latest date of a second reading sits under it, never above.
function dates(step) {
  if (!step.latest) return el("strong", {}, step.due_text);
  return [el("strong", {}, step.due_text), el("p", { class: "calc-latest" }, step.latest.latest_text)];
}

function downloadBlock(calc) {
  const { w } = calc;
  return el(
    "div",
    { class: "calc-download" },
    el("p", { class: "aid-hint", id: "calc-ics-hint" }, w.download_hint),
    el("button", { type: "button", class: "md-button calc-ics", "aria-describedby": "calc-ics-hint" }, w.download),
    el("p", { class: "calc-ics-status", role: "status" }),
  );
}

function heading(calc, text) {
  return el(`h${calc.level}`, { class: "calc-heading", tabindex: "-1" }, text);
}

function admonition(title, body) {
  return el("div", { class: "admonition warning" }, el("p", { class: "admonition-title" }, title), body);
}

function links(calc, cites) {
  const items = [];
  for (const cite of cites) {
    if (items.length) items.push(", ");
    items.push(el("a", { href: calc.clauses[cite] }, cite));
  }
  return el("span", { class: "calc-cites" }, items);
}

function list(items) {
  return el("ul", {}, items.map((item) => el("li", {}, item)));
}

function skippedText(w, day) {
  const weekend = [0, 6].includes(utcDate(day.date).getUTCDay());
  const key = day.holiday ? (weekend ? "skipped_weekend_holiday" : "skipped_holiday") : "skipped_weekend";
  return fill(w[key], { day: longDate(w, day.date), holiday: day.holiday ?? "" });
}

// --- small things ------------------------------------------------------------------------------

// Tuesday 5 January 2027, as the engine writes dates.
function longDate(w, iso) {
  const day = utcDate(iso);
  const weekday = w.weekdays[(day.getUTCDay() + 6) % 7];
  return `${weekday} ${day.getUTCDate()} ${w.months[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

function utcDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

// Ids are kebab-case and dates and times digits, so nothing needs escaping.
function toFragment(state) {
  const real = Object.entries(state.happened).map(([step, day]) => `&real.${step}=${day}`).join("");
  return `${state.kind}=${state.id}&date=${state.date}${state.time ? `&time=${state.time}` : ""}${real}`;
}

function fragment() {
  const hash = location.hash.slice(1);
  return hash.includes("=") ? hash : "";
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (text, key) => (key in values ? String(values[key]) : text));
}

function two(number) {
  return String(number).padStart(2, "0");
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value != null) node.setAttribute(name, value);
  }
  node.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false && child !== ""));
  return node;
}

if (window.document$) {
  window.document$.subscribe(setUpPage); // the theme's page-load event, instant navigation included
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setUpPage);
} else {
  setUpPage();
}
