"""Training scenarios: read decision/scenarios/*.yaml strictly (format: CONTRIBUTING.md).

`read_scenarios` checks the shape of every field and that every tree, clock and clause it names
exists, and reports every problem as `file:line: scenario 'id': message`. Whether the answers reach
the expected outcome and deadlines is checked by build_tools.training.worked.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from decision.errors import InputError
from decision.fields import KEBAB, FieldReader
from decision.iso_dates import is_date, is_moment
from decision.problems import Problem, line_of
from decision.project.clauses import read_clauses
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, tree_ids
from decision.project.source import read_yaml

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
    reader, node = FieldReader(origin), f"scenario '{raw.get('id', file_id)}'"
    reader.mapping(raw, node, _KEYS, _OPTIONAL_KEYS)
    scenario_id = reader.ident(raw, "id", node)
    if scenario_id and scenario_id != file_id:
        reader.problem(raw, node, f"id {scenario_id!r} must match the file name '{file_id}'", "id")
    if scenario_id.upper() in known.clauses:  # the answer sheet anchors each scenario by its id
        reader.problem(raw, node, f"id {scenario_id!r} is a clause's anchor; choose another", "id")
    scenario = Scenario(
        id=scenario_id,
        title=_title(reader, raw, node),
        tree=reader.choice(raw, "tree", node, tuple(sorted(known.trees))),
        role=reader.choice(raw, "role", node, tuple(sorted(ROLES))),
        boundary=reader.text(raw, "boundary", node),
        vignette=_vignette(reader, raw, node),
        answers=_answers(reader, raw, node),
        outcome=reader.text(raw, "outcome", node),
        event=_event(reader, raw, node),
        deadlines=(),
        teaching=_teaching(reader, raw, node, known),
        why=_why(reader, raw, node),
        origin=origin,
        lines=dict(getattr(raw, "key_lines", {})),
    )
    scenario = _with_deadlines(reader, raw, node, scenario, known)
    return (None if reader.problems else scenario), reader.problems


def _title(reader: FieldReader, raw: Mapping, node: str) -> str:
    title = reader.text(raw, "title", node)
    if title and (not title.endswith(".") or "\n" in title or re.search(r"[.!?] ", title)):
        reader.problem(raw, node, f"title {title!r} must be one sentence ending in a full stop", "title")
    return title


def _vignette(reader: FieldReader, raw: Mapping, node: str) -> str:
    vignette = reader.text(raw, "vignette", node)
    words = len(vignette.split())
    low, high = VIGNETTE_WORDS
    if vignette and not low <= words <= high:
        reader.problem(raw, node, f"the vignette has {words} words; write {low} to {high}", "vignette")
    return vignette


def _answers(reader: FieldReader, raw: Mapping, node: str) -> dict[str, object]:
    answers = raw.get("answers")
    if "answers" not in raw:
        return {}
    if not isinstance(answers, Mapping) or not answers:
        message = f"'answers' must be a mapping of question id to answer, not {answers!r}"
        reader.problem(raw, node, message, "answers")
        return {}
    for question, value in answers.items():
        if not KEBAB.match(question):
            message = f"answers: {question!r} is not a question id (kebab-case)"
            reader.problem(answers, node, message, question)
        is_list = isinstance(value, list) and value and all(isinstance(item, str) for item in value)
        if not (isinstance(value, str) and value) and not is_list:
            message = f"answers: '{question}' must be an option value or a list of them, not {value!r}"
            reader.problem(answers, node, message, question)
    return {
        str(question): (list(value) if isinstance(value, list) else value)
        for question, value in answers.items()
    }


def _event(reader: FieldReader, raw: Mapping, node: str) -> Event:
    event = raw.get("event")
    if not isinstance(event, Mapping):
        if "event" in raw:
            message = f"'event' must be a mapping with what, date and time, not {event!r}"
            reader.problem(raw, node, message, "event")
        return Event("", "", None)
    node = f"{node}: event"
    reader.mapping(event, node, ("what", "date"), ("time",))
    day = reader.text(event, "date", node)
    if day and not is_date(day):
        reader.problem(event, node, f"date {day!r} must be a real date written YYYY-MM-DD", "date")
    time = reader.optional_text(event, "time", node)
    if time and not _TIME.match(time):
        message = f"time {time!r} must be written HH:MM (24-hour clock), in quotes"
        reader.problem(event, node, message, "time")
    return Event(reader.text(event, "what", node), day, time or None)


def _with_deadlines(
    reader: FieldReader, raw: Mapping, node: str, scenario: Scenario, known: Known
) -> Scenario:
    deadlines = raw.get("deadlines")
    if deadlines is None or deadlines == {}:
        if "deadlines" in raw and deadlines is None:
            message = "'deadlines' must be a mapping of clock id to due date; write {} for none"
            reader.problem(raw, node, message, "deadlines")
        return scenario
    if not isinstance(deadlines, Mapping):
        message = f"'deadlines' must be a mapping of clock id to due date, not {deadlines!r}"
        reader.problem(raw, node, message, "deadlines")
        return scenario
    found = []
    for clock, value in deadlines.items():
        where = f"{node}: deadlines"
        if clock not in known.clocks:
            reader.problem(deadlines, where, f"clock '{clock}' is not in decision/clocks.yaml", clock)
        start, due = scenario.event.start, value
        if isinstance(value, Mapping):
            reader.mapping(value, f"{where}: {clock}", ("from", "due"))
            start, due = value.get("from"), value.get("due")
            if not is_moment(start):
                message = f"'from' {start!r} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM"
                reader.problem(value, f"{where}: {clock}", message, "from")
        if not is_moment(due):
            message = f"due {due!r} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            reader.problem(deadlines, f"{where}: {clock}", message, clock)
        found.append(Deadline(str(clock), str(start), str(due), line_of(deadlines, clock)))
    return replace(scenario, deadlines=tuple(found))


def _teaching(reader: FieldReader, raw: Mapping, node: str, known: Known) -> tuple[TeachingPoint, ...]:
    points = raw.get("teaching")
    low, high = TEACHING_POINTS
    if "teaching" not in raw:
        return ()
    if not isinstance(points, list) or not low <= len(points) <= high:
        message = f"'teaching' must be a list of {low} to {high} points with text and cites"
        reader.problem(raw, node, message, "teaching")
        return ()
    found = []
    for number, point in enumerate(points, start=1):
        where = f"{node}: teaching point {number}"
        if not reader.mapping(point, where, ("text", "cites")):
            continue
        found.append(
            TeachingPoint(reader.text(point, "text", where), reader.cites(point, where, True, known.clauses))
        )
    return tuple(found)


def _why(reader: FieldReader, raw: Mapping, node: str) -> dict[str, str]:
    """Optional: for a question on the route, why the expected answer is right for this case."""
    why = raw.get("why")
    if "why" not in raw:
        return {}
    if not isinstance(why, Mapping) or not why:
        message = f"'why' must be a mapping of question id to explanation, not {why!r}"
        reader.problem(raw, node, message, "why")
        return {}
    for question in why:
        if not KEBAB.match(str(question)):
            reader.problem(why, node, f"why: {question!r} is not a question id (kebab-case)", str(question))
    return {str(question): reader.text(why, question, f"{node}: why") for question in why}
