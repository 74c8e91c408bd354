// The comparison panel of a training scenario page (build_tools/training). When the aid on the page
// reaches an outcome, the answers in the URL fragment are compared with the scenario's expected
// route: where they first differ, the expected answer and why it fits the case (in words the build chose),
// the teaching points and the deadlines.
//
// Nothing is stored or sent anywhere: the answers are only in the fragment (which browsers never
// send), and the score is only written into this page.
import { element, onEachPage } from "../aid/page.mjs";

// The aid's fragment keys that are not questions (decision/aid/fragment.py).
const NOT_QUESTIONS = (key) => key === "show" || key.startsWith("when.");

function setUpPage() {
  const panel = document.querySelector(".training-compare:not([data-training-ready])");
  const step = document.querySelector(".aid .aid-step");
  if (!panel || !step) return;
  panel.dataset.trainingReady = "";
  const scenario = JSON.parse(panel.dataset.scenario);
  const status = document.querySelector(".training-compare-status");
  const update = () => show(panel, status, scenario, step.dataset.outcome);
  // The aid marks its step with data-outcome once the learner has reached and accepted an outcome.
  new MutationObserver(update).observe(step, { attributes: true, attributeFilter: ["data-outcome"] });
  update();
}

function show(panel, status, scenario, reached) {
  const body = panel.querySelector(".training-compare__body");
  if (!reached) {
    panel.hidden = true;
    body.replaceChildren();
    status.textContent = "";
    return;
  }
  const words = scenario.wording;
  const answers = fragmentAnswers();
  const rows = scenario.route.map((entry) => ({ entry, given: answers.get(entry.question) }));
  for (const row of rows) row.same = row.given !== undefined && same(row.entry, row.given);
  const count = rows.filter((row) => row.same).length;
  const first = rows.find((row) => !row.same);
  const summary = !first
    ? words.matched
    : reached === scenario.outcome
      ? words.same_outcome
      : words.other_outcome;
  const score = words.score.replace("{count}", count).replace("{total}", rows.length);
  body.replaceChildren(
    element("p", { class: `training-result training-result--${first ? "differs" : "matches"}` }, [
      element("strong", {}, [summary]),
      ` ${score}`,
    ]),
    definitions([
      [words.your_outcome, scenario.decisions[reached] ?? reached],
      [words.expected_outcome, scenario.decisions[scenario.outcome]],
    ]),
    ...(first ? divergence(words, first) : []),
    element("h3", {}, [words.route_heading]),
    element("ol", { class: "training-route" }, rows.map((row) => routeItem(words, row))),
    element("h3", {}, [words.teaching_heading]),
    element("ol", {}, scenario.teaching.map((point) => element("li", {}, [point.text, " ", cited(point.cites)]))),
    ...deadlines(words, scenario.deadlines),
  );
  panel.hidden = false;
  status.textContent = `${summary} ${score}`;
}

function divergence(words, row) {
  const { entry, given } = row;
  return [
    element("h3", {}, [words.diverged_heading]),
    element("p", { class: "training-question" }, [entry.text]),
    definitions([
      [words.you_answered, given === undefined ? words.not_answered : labels(entry, given)],
      [words.expected_answer, entry.expected_labels.join("; ")],
      ...(entry.why.length ? [[words.why, ...entry.why.map((text) => element("p", {}, [text]))]] : []),
      [words.guidance, cited(entry.cites)],
    ]),
  ];
}

function routeItem(words, { entry, given, same: matched }) {
  const note = matched
    ? words.as_expected
    : given === undefined
      ? words.not_reached
      : words.you_said.replace("{answer}", labels(entry, given));
  return element("li", { class: matched ? "training-route__same" : "training-route__differs" }, [
    `${entry.text} `,
    element("strong", {}, [entry.expected_labels.join("; ")]),
    ` ${note} `,
    cited(entry.cites),
  ]);
}

function deadlines(words, items) {
  if (!items.length) return [];
  return [
    element("h3", {}, [words.deadlines_heading]),
    element("ul", {}, items.map((item) => element("li", {}, [`${item.name}: `, element("strong", {}, [item.due])]))),
  ];
}

// --- small things ----------------------------------------------------------------------------

function fragmentAnswers() {
  const answers = new Map();
  for (const part of location.hash.slice(1).split("&")) {
    const [key, value = ""] = part.split("=").map(decoded);
    if (key && !NOT_QUESTIONS(key)) answers.set(key, value);
  }
  return answers;
}

function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a hand-edited fragment: compare it as written
  }
}

function same(entry, given) {
  if (!entry.multi) return given === entry.expected;
  return [...given.split(",")].sort().join(",") === [...entry.expected].sort().join(",");
}

function labels(entry, given) {
  const values = entry.multi ? given.split(",") : [given];
  return values.map((value) => entry.labels[value] ?? value).join("; ");
}

function cited(cites) {
  const span = element("span", { class: "training-cites" }, ["("]);
  cites.forEach((cite, index) => {
    if (index) span.append(", ");
    span.append(element("a", { href: cite.href }, [cite.id]));
  });
  span.append(")");
  return span;
}

function definitions(pairs) {
  return element(
    "dl",
    { class: "training-facts" },
    pairs.flatMap(([term, ...details]) => [element("dt", {}, [term]), element("dd", {}, details)]),
  );
}

onEachPage(setUpPage);
