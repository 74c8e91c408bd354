"""Training scenarios: read decision/scenarios/*.yaml strictly (format: CONTRIBUTING.md).

`read_scenarios` checks the shape of every field and that every tree, clock and clause it names
exists, and reports every problem as `file:line: scenario 'id': message`. Whether the answers reach
the expected outcome and deadlines is checked by build_tools.training.worked.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from decision.deadlines.dates import ISO_DATE, ISO_MINUTE
from decision.errors import InputError
from decision.problems import Problem, line_of
from decision.project.clauses import read_clauses
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, tree_ids
from decision.project.source import read_yaml
from decision.trees.tree import CLAUSE_ID, KEBAB

ROLES = (
    "Social worker",
    "Team Manager",
    "Service Manager",
    "Social Work Standards Officer",
    "Principal Social Worker",
    "Independent Chair",
)
VIGNETTE_WORDS = (60, 150)
TEACHING_POINTS = (2, 4)
_KEYS = (
    "id", "title", "tree", "role", "boundary", "vignette", "answers", "outcome", "event", "deadlines",
    "teaching",
)  # fmt: skip
_OPTIONAL_KEYS = ("why",)
SCENARIOS = "decision/scenarios"  # relative to the project root
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


@dataclass(frozen=True)
class Known:
    """What scenarios may name: tree ids, clock ids and clause ids."""

    trees: frozenset[str]
    clocks: frozenset[str]
    clauses: frozenset[str]


@dataclass(frozen=True)
class Event:
    what: str
    date: str  # YYYY-MM-DD
    time: str | None  # HH:MM, UK local time

    @property
    def start(self) -> str:
        """As the deadlines engine takes it: YYYY-MM-DD, or YYYY-MM-DDTHH:MM when the time is given."""
        return f"{self.date}T{self.time}" if self.time else self.date


@dataclass(frozen=True)
class Deadline:
    clock: str
    start: str  # the event's start, or the `from` given for this clock
    due: str  # YYYY-MM-DD, or YYYY-MM-DDTHH:MM for an hour clock
    line: int | None


@dataclass(frozen=True)
class TeachingPoint:
    text: str
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    tree: str
    role: str
    boundary: str
    vignette: str
    answers: dict[str, object]
    outcome: str
    event: Event
    deadlines: tuple[Deadline, ...]
    teaching: tuple[TeachingPoint, ...]
    why: Mapping[str, str]  # question id -> why the expected answer is right for this case
    origin: str  # the file as messages name it: decision/scenarios/<id>.yaml
    lines: Mapping[str, int]  # line of each top-level key

    def problem(self, key: str | None, message: str) -> Problem:
        """A problem with this scenario, at the line of `key` (or of the file's start)."""
        return Problem(self.origin, self.lines.get(key or "") or 1, f"scenario '{self.id}'", message)


def project_known(project: Project) -> Known:
    """The trees, clocks and clauses of `project`; InputError if a file cannot be read."""
    clauses = read_clauses(project.clauses_file, project.shown(project.clauses_file))
    return Known(
        trees=frozenset(tree_ids(project)),
        clocks=frozenset(load_deadlines(project).book.clocks),
        clauses=frozenset(clause.id for clause in clauses),
    )


def scenario_files(project: Project) -> list[Path]:
    return sorted((project.root / SCENARIOS).glob("*.yaml"))


class ScenarioError(InputError):
    """Scenario files that cannot be used; the message lists every problem, one a line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def read_scenarios(project: Project, known: Known) -> list[Scenario]:
    """Every scenario of `project`, in file-name order; ScenarioError lists every problem in every file."""
    scenarios, problems = [], []
    for path in scenario_files(project):
        try:
            scenarios.append(read_scenario(project, path, known))
        except ScenarioError as error:
            problems += error.problems
    if problems:
        raise ScenarioError(problems)
    return scenarios


def read_scenario(project: Project, path: Path, known: Known) -> Scenario:
    """One scenario file; ScenarioError lists every problem in it."""
    origin = project.shown(path)
    try:
        raw = read_yaml(path, origin)
    except InputError as error:
        raise ScenarioError([str(error)]) from None  # read_yaml already names the file and line
    scenario, problems = parse_scenario(raw, origin, path.stem, known)
    if scenario is None:
        raise ScenarioError([str(problem) for problem in problems])
    return scenario


def parse_scenario(
    raw: object, origin: str, file_id: str, known: Known
) -> tuple[Scenario | None, list[Problem]]:
    """The scenario in `raw`, or None, with every problem in it."""
    if not isinstance(raw, Mapping):
        return None, [Problem(origin, line_of(raw), "", "must be a mapping with " + ", ".join(_KEYS))]
    reader = _Reader(origin, str(raw.get("id", file_id)))
    reader.keys(raw, _KEYS, _OPTIONAL_KEYS)
    scenario_id = reader.text(raw, "id")
    if scenario_id and scenario_id != file_id:
        reader.problem(raw, "id", f"id {scenario_id!r} must match the file name '{file_id}'")
    if scenario_id and not KEBAB.match(scenario_id):
        reader.problem(raw, "id", f"id {scenario_id!r} must be kebab-case (a-z, 0-9 and single hyphens)")
    if scenario_id.upper() in known.clauses:  # the answer sheet anchors each scenario by its id
        reader.problem(raw, "id", f"id {scenario_id!r} is a clause's anchor; choose another")
    scenario = Scenario(
        id=scenario_id,
        title=_title(reader, raw),
        tree=reader.member(raw, "tree", known.trees, "tree"),
        role=reader.member(raw, "role", frozenset(ROLES), "role"),
        boundary=reader.text(raw, "boundary"),
        vignette=_vignette(reader, raw),
        answers=_answers(reader, raw),
        outcome=reader.text(raw, "outcome"),
        event=_event(reader, raw),
        deadlines=(),
        teaching=_teaching(reader, raw, known),
        why=_why(reader, raw),
        origin=origin,
        lines=dict(getattr(raw, "key_lines", {})),
    )
    scenario = _with_deadlines(reader, raw, scenario, known)
    return (None if reader.problems else scenario), reader.problems


class _Reader:
    """Reads fields, collecting a Problem for each wrong one instead of stopping at the first."""

    def __init__(self, origin: str, scenario_id: str) -> None:
        self.origin = origin
        self.node = f"scenario '{scenario_id}'"
        self.problems: list[Problem] = []

    def problem(self, raw: object, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.origin, line_of(raw, key), self.node, message))

    def keys(
        self, raw: Mapping, required: tuple[str, ...], optional: tuple[str, ...], where: str = ""
    ) -> None:
        for key in required:
            if key not in raw:
                self.problem(raw, None, f"{where}'{key}' is missing")
        for key in raw:
            if key not in required + optional:
                allowed = ", ".join(required + optional)
                self.problem(raw, str(key), f"{where}'{key}' is not a field here (allowed: {allowed})")

    def text(self, raw: Mapping, key: str, where: str = "") -> str:
        value = raw.get(key)
        if key in raw and (not isinstance(value, str) or not value.strip()):
            self.problem(raw, key, f"{where}'{key}' must be non-empty text, not {value!r}")
        return value.strip() if isinstance(value, str) else ""

    def member(self, raw: Mapping, key: str, allowed: frozenset[str], what: str) -> str:
        value = self.text(raw, key)
        if value and value not in allowed:
            self.problem(raw, key, f"{what} {value!r} is not one of: {', '.join(sorted(allowed))}")
        return value

    def cites(self, raw: Mapping, known: frozenset[str], where: str) -> tuple[str, ...]:
        value = raw.get("cites")
        if not isinstance(value, list) or not value:
            self.problem(
                raw, "cites", f"{where}'cites' must be a non-empty list of clause ids, not {value!r}"
            )
            return ()
        for item in value:
            if not isinstance(item, str) or not CLAUSE_ID.match(item):
                self.problem(value, None, f"{where}cites {item!r}, which is not written like a clause id")
            elif item not in known:
                self.problem(value, None, f"{where}cites {item}, which is not in the clause inventory")
        return tuple(item for item in value if isinstance(item, str))


def _title(reader: _Reader, raw: Mapping) -> str:
    title = reader.text(raw, "title")
    if title and (not title.endswith(".") or "\n" in title or re.search(r"[.!?] ", title)):
        reader.problem(raw, "title", f"title {title!r} must be one sentence ending in a full stop")
    return title


def _vignette(reader: _Reader, raw: Mapping) -> str:
    vignette = reader.text(raw, "vignette")
    words = len(vignette.split())
    low, high = VIGNETTE_WORDS
    if vignette and not low <= words <= high:
        reader.problem(raw, "vignette", f"the vignette has {words} words; write {low} to {high}")
    return vignette


def _answers(reader: _Reader, raw: Mapping) -> dict[str, object]:
    answers = raw.get("answers")
    if "answers" not in raw:
        return {}
    if not isinstance(answers, Mapping) or not answers:
        reader.problem(
            raw, "answers", f"'answers' must be a mapping of question id to answer, not {answers!r}"
        )
        return {}
    for question, value in answers.items():
        if not KEBAB.match(question):
            reader.problem(answers, question, f"answers: {question!r} is not a question id (kebab-case)")
        is_list = isinstance(value, list) and value and all(isinstance(item, str) for item in value)
        if not (isinstance(value, str) and value) and not is_list:
            message = f"answers: '{question}' must be an option value or a list of them, not {value!r}"
            reader.problem(answers, question, message)
    return {
        str(question): (list(value) if isinstance(value, list) else value)
        for question, value in answers.items()
    }


def _event(reader: _Reader, raw: Mapping) -> Event:
    event = raw.get("event")
    if not isinstance(event, Mapping):
        if "event" in raw:
            reader.problem(raw, "event", f"'event' must be a mapping with what, date and time, not {event!r}")
        return Event("", "", None)
    reader.keys(event, ("what", "date"), ("time",), "event: ")
    day = reader.text(event, "date", "event: ")
    if day and not _is_date(day):
        reader.problem(event, "date", f"event: date {day!r} must be a real date written YYYY-MM-DD")
    time = reader.text(event, "time", "event: ") if "time" in event else None
    if time and not _TIME.match(time):
        reader.problem(
            event, "time", f"event: time {time!r} must be written HH:MM (24-hour clock), in quotes"
        )
    return Event(reader.text(event, "what", "event: "), day, time or None)


def _with_deadlines(reader: _Reader, raw: Mapping, scenario: Scenario, known: Known) -> Scenario:
    deadlines = raw.get("deadlines")
    if deadlines is None or deadlines == {}:
        if "deadlines" in raw and deadlines is None:
            reader.problem(
                raw, "deadlines", "'deadlines' must be a mapping of clock id to due date; write {} for none"
            )
        return scenario
    if not isinstance(deadlines, Mapping):
        reader.problem(
            raw, "deadlines", f"'deadlines' must be a mapping of clock id to due date, not {deadlines!r}"
        )
        return scenario
    found = []
    for clock, value in deadlines.items():
        if clock not in known.clocks:
            reader.problem(deadlines, clock, f"deadlines: clock '{clock}' is not in decision/clocks.yaml")
        start, due = scenario.event.start, value
        if isinstance(value, Mapping):
            reader.keys(value, ("from", "due"), (), f"deadlines: {clock}: ")
            start, due = value.get("from"), value.get("due")
            if not _is_moment(start):
                reader.problem(
                    value,
                    "from",
                    f"deadlines: {clock}: 'from' {start!r} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM",
                )
        if not _is_moment(due):
            reader.problem(
                deadlines, clock, f"deadlines: {clock}: due {due!r} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            )
        found.append(Deadline(str(clock), str(start), str(due), line_of(deadlines, clock)))
    return replace(scenario, deadlines=tuple(found))


def _teaching(reader: _Reader, raw: Mapping, known: Known) -> tuple[TeachingPoint, ...]:
    points = raw.get("teaching")
    low, high = TEACHING_POINTS
    if "teaching" not in raw:
        return ()
    if not isinstance(points, list) or not low <= len(points) <= high:
        reader.problem(
            raw, "teaching", f"'teaching' must be a list of {low} to {high} points with text and cites"
        )
        return ()
    found = []
    for number, point in enumerate(points, start=1):
        where = f"teaching point {number}: "
        if not isinstance(point, Mapping):
            reader.problem(points, None, f"{where}must be a mapping with text and cites")
            continue
        reader.keys(point, ("text", "cites"), (), where)
        found.append(
            TeachingPoint(reader.text(point, "text", where), reader.cites(point, known.clauses, where))
        )
    return tuple(found)


def _why(reader: _Reader, raw: Mapping) -> dict[str, str]:
    """Optional: for a question on the route, why the expected answer is right for this case."""
    why = raw.get("why")
    if "why" not in raw:
        return {}
    if not isinstance(why, Mapping) or not why:
        reader.problem(raw, "why", f"'why' must be a mapping of question id to explanation, not {why!r}")
        return {}
    for question in why:
        if not KEBAB.match(str(question)):
            reader.problem(why, str(question), f"why: {question!r} is not a question id (kebab-case)")
    return {str(question): reader.text(why, question, "why: ") for question in why}


def _is_date(text: str) -> bool:
    return _is_moment(text) and bool(ISO_DATE.match(text))


def _is_moment(text: object) -> bool:
    """A real date written YYYY-MM-DD, or a real UK local date and time written YYYY-MM-DDTHH:MM."""
    if not isinstance(text, str) or not (ISO_DATE.match(text) or ISO_MINUTE.match(text)):
        return False
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
