"""The decision aids' one entry point in the browser: `handle(request_json) -> response_json`.

The engine worker calls it for every message. A request is a JSON object with an "op":

  step      {tree, fragment, base, level, made_at, submit?}
            -> {status: "question" | "check" | "outcome" | "problem", html, fragment,
                question_id?, outcome_id?, answered?, error?: {question?, message}}
            fragment: the URL fragment without the # (decision/aid/fragment.py); base: the page's path to
            the site root ("../../"); level: the aid's heading level on the page; made_at: the time
            in the UK, YYYY-MM-DDTHH:MM (the outcome names GMT or BST beside it); submit: {form:
            "question", question, fields: {answer} or {day, month, year}} or {form: "dates", fields:
            {<start>-day, -month, -year, -time}}.
            The fragment given back is the state shown: push it onto the history when it differs.
            answered (after an accepted answer): the fragment that shows that question again with
            its answer, to put in place of the history entry left, so Back returns to it.
  record    {tree, fragment, base, made_at, link} -> {text}: the plain-text decision record
  calculate {fields or fragment, base, level} -> {html, errors, messages, fragment, form?, error?}:
            the deadline calculator (decision/aid/calculator.py). fields: the form as submitted
            (field name -> text); fragment: a link's state, without the #, answered as if its form
            were submitted, with form: the values to show in the form. html: the result, or "" when
            the form has problems; errors: the error summary; messages: {error slot id: its HTML};
            fragment: the state to keep in the address, or null when there is none; error: {field,
            message}, the first problem.
  calculator_ics {fragment} -> {text, file}: the calculator's result as an iCalendar file, and its name

Bad input of any kind gives {"error": {"message", "question"?}}, never an exception. Importing this
module reads no rules, so the Pyodide snapshot made from the code bundle holds none: after booting, the
worker calls `load(rules_json)` once with the build's rules file (build_tools.pyodide.decision_bundle),
and only then `handle`. `answer(bundle, request_json)` is the same with the data passed in.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from decision.aid import calculator, step
from decision.aid.fragment import parse
from decision.aid.made_at import parse_made_at
from decision.aid.view import Site
from decision.deadlines import deadline_data
from decision.errors import InputError
from decision.trees.compiled import trees_from_rulebook
from decision.trees.engine import AnswerError
from decision.trees.tree import Tree

RULES_KEYS = ("rulebook", "clocks", "aid_site")  # the rules file's object


@dataclass(frozen=True)
class Bundle:
    """Everything the aids need, loaded once: the trees, where the pages are, and the deadline data."""

    trees: Mapping[str, Tree]
    version: Mapping[str, str]  # the rules' content hash and date
    clause_pages: Mapping[str, str]  # clause id -> page URL from the site root
    aid_pages: Mapping[str, str]  # tree id -> its aid page's URL from the site root
    deadlines: deadline_data.DeadlineData

    def site(self, base: str, level: int) -> Site:
        return Site(
            base=base,
            clause_pages=self.clause_pages,
            aid_pages=self.aid_pages,
            tree_titles={tree_id: tree.title for tree_id, tree in self.trees.items()},
            clocks={clock.id: (clock.name, clock.counting) for clock in self.deadlines.book.clocks.values()},
            version=self.version,
            level=level,
        )


def bundle_from(rulebook: Mapping, aid_site: Mapping, data: deadline_data.DeadlineData) -> Bundle:
    """A bundle from the compiled rulebook, the build's page map (aid_site) and the deadline data."""
    trees = trees_from_rulebook(rulebook)
    return Bundle(trees, rulebook["version"], aid_site["clause_pages"], aid_site["aid_pages"], data)


def read_rules(rules_json: str) -> Bundle:
    """The bundle from the rules file's text and the calendar data in decision/data/."""
    document = json.loads(rules_json)
    if not isinstance(document, dict) or sorted(document) != sorted(RULES_KEYS):
        keys = sorted(document) if isinstance(document, dict) else type(document).__name__
        raise InputError(f"the rules file must be an object with {', '.join(RULES_KEYS)}, not {keys}")
    data = deadline_data.from_documents(
        document["clocks"],
        _read_json(deadline_data.HOLIDAYS_FILE),
        deadline_data.ZONE_FILE.read_bytes(),
    )
    return bundle_from(document["rulebook"], document["aid_site"], data)


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


_bundle: Bundle | None = None  # set once by load(), in the worker


def load(rules_json: str) -> None:
    """The worker's step after boot: read the rules file; an exception says why it cannot be used."""
    global _bundle
    _bundle = read_rules(rules_json)


def handle(request_json: str) -> str:
    """The worker's entry point: `answer` with the bundle load() read."""
    if _bundle is None:
        raise RuntimeError("decision.aid.browser: no rules loaded; call load(rules_json) before handle()")
    return answer(_bundle, request_json)


def answer(bundle: Bundle, request_json: str) -> str:
    """Answer one request (see the module docstring); always JSON, an error object for bad input."""
    try:
        request = json.loads(request_json)
        if not isinstance(request, dict) or request.get("op") not in _OPS:
            raise InputError(f"a request must be a JSON object with an 'op' (one of: {', '.join(_OPS)})")
        response = _OPS[request["op"]](bundle, request)
    except AnswerError as error:
        response = {"error": {"question": error.question, "message": error.reason}}
    except (InputError, ValueError) as error:
        response = {"error": {"message": str(error)}}
    return json.dumps(response, ensure_ascii=False)


def _step(bundle: Bundle, request: dict) -> dict:
    aid = _aid(bundle, request, _level(request))
    submit = request.get("submit")
    if submit is not None and not isinstance(submit, dict):
        raise InputError("submit must be an object with 'form' and 'fields'")
    return step.step(aid, parse(_text(request, "fragment"), aid.tree), submit)


def _record(bundle: Bundle, request: dict) -> dict:
    aid = _aid(bundle, request, 2)
    return {"text": step.record(aid, parse(_text(request, "fragment"), aid.tree), _text(request, "link"))}


def _calculate(bundle: Bundle, request: dict) -> dict:
    site = bundle.site(_text(request, "base"), _level(request))
    if "fragment" in request:
        return calculator.calculate_link(bundle.deadlines, site, _text(request, "fragment"))
    fields = request.get("fields")
    if not isinstance(fields, dict) or not all(isinstance(value, str) for value in fields.values()):
        raise InputError(f"'fields' must map the form's field names to text, not {json.dumps(fields)}")
    return calculator.calculate(bundle.deadlines, site, fields)


def _calculator_ics(bundle: Bundle, request: dict) -> dict:
    return calculator.calendar_file(bundle.deadlines, _text(request, "fragment"))


_OPS = {
    "step": _step,
    "record": _record,
    "calculate": _calculate,
    "calculator_ics": _calculator_ics,
}


def _aid(bundle: Bundle, request: dict, level: int) -> step.Aid:
    tree_id = request.get("tree")
    if tree_id not in bundle.trees:
        raise InputError(f"unknown tree {tree_id!r} (known: {', '.join(bundle.trees)})")
    site = bundle.site(_text(request, "base"), level)
    return step.Aid(bundle.trees[tree_id], site, bundle.deadlines, parse_made_at(request.get("made_at")))


def _text(request: dict, key: str) -> str:
    value = request.get(key)
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be text, not {json.dumps(value)}")
    return value


def _level(request: dict) -> int:
    level = request.get("level")
    if type(level) is not int or not 1 <= level <= 5:
        raise InputError(f"'level' must be a heading level from 1 to 5, not {json.dumps(level)}")
    return level
