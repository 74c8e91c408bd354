"""A decision tree as typed objects, read from the plain data of one rule file (format: CONTRIBUTING.md).

`parse_tree` checks the shape of every field and reports every problem it finds, naming the file,
line and node; the graph checks (targets, reachability, cycles, conditions) are in decision.trees.validate.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from decision.fields import FieldReader
from decision.iso_dates import is_date
from decision.problems import Problem, RuleError, ShapeError, line_of
from decision.trees.conditions import Condition, parse_condition

KINDS = ("choice", "yes_no_not_sure", "date", "multi")
URGENCIES = (
    "immediately",
    "within-hours",
    "within-working-days",
    "keep-under-review",
    "no-action",
    "professional-judgement",
)
AUTHORITIES = ("Kent", "Surrey", "Rutland", "Surrey or Rutland")
YES_NO_NOT_SURE = ("yes", "no", "not-sure")
TODAY = "today"  # `not_after: today`: a date that cannot be later than the day the aid is used


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    cites: tuple[str, ...]
    exclusive: bool  # multi only: cannot be combined with other options
    line: int | None


@dataclass(frozen=True)
class Branch:
    when: Condition | None  # None on the last branch only
    go: str
    line: int | None


@dataclass(frozen=True)
class DateCheck:
    not_before: str | None  # an earlier date question this date cannot be before
    not_after: str | None  # an earlier date question this date cannot be after, or TODAY
    message: str
    line: int | None


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    help: str | None
    options: tuple[Option, ...]
    cites: tuple[str, ...]
    checks: tuple[DateCheck, ...]
    next: tuple[Branch, ...]
    line: int | None

    def option(self, value: object) -> Option | None:
        return next((option for option in self.options if option.value == value), None)


@dataclass(frozen=True)
class Action:
    who: str
    does: str
    clock: str | None
    cites: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Consider:
    text: str
    tree: str | None
    cites: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Outcome:
    id: str
    decision: str
    urgency: str
    explanation: str | None
    actions: tuple[Action, ...]
    consider: tuple[Consider, ...]
    cites: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class NotModelled:
    text: str
    cites: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Tree:
    id: str
    title: str
    summary: str
    authority: str
    guidance: str
    reviewed: str
    not_modelled: tuple[NotModelled, ...]
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]
    origin: str  # where the data came from, for messages: "decision/rules/alert.yaml"
    lines: Mapping[str, int]  # line of each top-level key in the rule file; empty for compiled data

    def node(self, node_id: str) -> str:
        """How messages name a node: "question 'x'" or "outcome 'y'"."""
        return f"outcome '{node_id}'" if node_id in self.outcomes else f"question '{node_id}'"


def reading_order(tree: Tree) -> list[Question]:
    """The questions in the order a reader meets them: breadth first from the start question."""
    order: list[str] = []
    waiting = [tree.start]
    while waiting:
        node = waiting.pop(0)
        if node in tree.questions and node not in order:
            order.append(node)
            waiting += [branch.go for branch in tree.questions[node].next]
    return [tree.questions[node] for node in order]


_Node = TypeVar("_Node", Question, Outcome)
_TREE_REQUIRED = (
    "id",
    "title",
    "summary",
    "authority",
    "guidance",
    "reviewed",
    "start",
    "questions",
    "outcomes",
)
_QUESTION_KEYS = ("id", "kind", "text", "next"), ("help", "options", "cites", "checks")
_OPTION_KEYS = ("value", "label", "cites"), ("exclusive",)
_OUTCOME_KEYS = ("id", "decision", "urgency", "cites"), ("explanation", "actions", "consider")


def parse_tree(raw: object, origin: str) -> Tree:
    """The Tree in `raw` (plain data from a rule file or compiled bundle); RuleError lists every problem."""
    reader = FieldReader(origin)
    if not reader.mapping(raw, "", _TREE_REQUIRED, ("not_modelled",)):
        raise RuleError(reader.problems)
    assert isinstance(raw, Mapping)
    tree_id = reader.ident(raw, "id", "")
    node = f"tree '{tree_id}'"
    reviewed = reader.text(raw, "reviewed", node)
    if reviewed and not is_date(reviewed):
        reader.problem(raw, node, f"'reviewed' {reviewed!r} must be a date written YYYY-MM-DD", "reviewed")
    guidance = reader.text(raw, "guidance", node)
    if guidance and not guidance.endswith(".md"):
        reader.problem(
            raw, node, f"'guidance' {guidance!r} must be a docs-relative page ending .md", "guidance"
        )
    tree = Tree(
        id=tree_id,
        title=reader.text(raw, "title", node),
        summary=reader.text(raw, "summary", node),
        authority=reader.choice(raw, "authority", node, AUTHORITIES),
        guidance=guidance,
        reviewed=reviewed,
        not_modelled=tuple(
            _not_modelled(reader, item, node) for item in reader.items(raw, "not_modelled", node, False)
        ),
        start=reader.ident(raw, "start", node),
        questions=_by_id(
            reader, [_question(reader, item) for item in reader.items(raw, "questions", node, True)]
        ),
        outcomes=_by_id(
            reader, [_outcome(reader, item) for item in reader.items(raw, "outcomes", node, True)]
        ),
        origin=origin,
        lines=dict(getattr(raw, "key_lines", {})),
    )
    duplicated = set(tree.questions) & set(tree.outcomes)
    for node_id in sorted(duplicated):
        reader.problem(raw, node, f"'{node_id}' is both a question and an outcome; ids must be unique")
    if reader.problems:
        raise RuleError(reader.problems)
    return tree


def _by_id(reader: FieldReader, nodes: list[_Node | None]) -> dict[str, _Node]:
    by_id: dict[str, _Node] = {}
    for node in nodes:
        if node is None:
            continue
        if node.id in by_id:
            kind = "question" if isinstance(node, Question) else "outcome"
            reader.problems.append(Problem(reader.origin, node.line, f"{kind} '{node.id}'", "id used twice"))
        by_id[node.id] = node
    return by_id


def _node_name(kind: str, raw: object) -> str:
    """ "question 'x'" when the raw mapping has a usable id, else just "question"."""
    node_id = raw.get("id") if isinstance(raw, Mapping) else None
    return f"{kind} '{node_id}'" if isinstance(node_id, str) and node_id else kind


def _question(reader: FieldReader, raw: object) -> Question | None:
    node = _node_name("question", raw)
    if not reader.mapping(raw, node, *_QUESTION_KEYS):
        return None
    assert isinstance(raw, Mapping)
    question_id = reader.ident(raw, "id", node)
    kind = reader.choice(raw, "kind", node, KINDS)
    options = tuple(
        _option(reader, item, node, kind) for item in reader.items(raw, "options", node, kind != "date")
    )
    if kind == "date" and "options" in raw:
        reader.problem(raw, node, "a date question has no 'options'")
    if kind != "date" and "checks" in raw:
        reader.problem(raw, node, "only date questions have 'checks'")
    _check_option_values(reader, raw, node, kind, options)
    return Question(
        id=question_id,
        kind=kind,
        text=reader.text(raw, "text", node),
        help=reader.optional_text(raw, "help", node),
        options=options,
        cites=reader.cites(raw, node, required=kind == "date"),
        checks=tuple(_date_check(reader, item, node) for item in reader.items(raw, "checks", node, False)),
        next=_branches(reader, raw, node),
        line=line_of(raw),
    )


def _option(reader: FieldReader, raw: object, node: str, kind: str) -> Option:
    if not reader.mapping(raw, node, *_OPTION_KEYS):
        return Option("", "", (), False, line_of(raw))
    assert isinstance(raw, Mapping)
    exclusive = raw.get("exclusive", False)
    if not isinstance(exclusive, bool):
        reader.problem(raw, node, f"'exclusive' must be true or false, not {exclusive!r}")
    if "exclusive" in raw and kind != "multi":
        reader.problem(raw, node, "only options of a multi question can be 'exclusive'")
    return Option(
        value=reader.ident(raw, "value", node),
        label=reader.text(raw, "label", node),
        cites=reader.cites(raw, node, required=True),
        exclusive=exclusive is True,
        line=line_of(raw),
    )


def _check_option_values(
    reader: FieldReader, raw: Mapping, node: str, kind: str, options: tuple[Option, ...]
) -> None:
    values = [option.value for option in options]
    for value in sorted({value for value in values if values.count(value) > 1}):
        reader.problem(raw, node, f"option {value!r} is listed twice", "options")
    if kind == "yes_no_not_sure" and sorted(values) != sorted(YES_NO_NOT_SURE):
        reader.problem(
            raw,
            node,
            f"options must be exactly {', '.join(YES_NO_NOT_SURE)}, not {', '.join(values)}",
            "options",
        )
    if kind in ("choice", "multi") and len(options) == 1:
        reader.problem(raw, node, f"a {kind} question needs at least two options", "options")


def _branches(reader: FieldReader, raw: Mapping, node: str) -> tuple[Branch, ...]:
    items = reader.items(raw, "next", node, True)
    branches = tuple(_branch(reader, item, node) for item in items)
    for index, item in enumerate(items):
        has_when = isinstance(item, Mapping) and "when" in item
        is_last = index == len(items) - 1
        if is_last and has_when:
            reader.problem(
                item,
                node,
                "the last branch of 'next' must have no 'when', so every answer goes somewhere",
            )
        if not is_last and not has_when:
            reader.problem(
                item,
                node,
                "only the last branch of 'next' may have no 'when'; later ones could never be taken",
            )
    return branches


def _branch(reader: FieldReader, raw: object, node: str) -> Branch:
    if not reader.mapping(raw, node, ("go",), ("when",)):
        return Branch(None, "", line_of(raw))
    assert isinstance(raw, Mapping)
    when = None
    if "when" in raw:
        try:
            when = parse_condition(raw["when"])
        except ShapeError as error:
            reader.problem(raw, node, str(error))
    return Branch(when, reader.ident(raw, "go", node), line_of(raw))


def _date_check(reader: FieldReader, raw: object, node: str) -> DateCheck:
    if not reader.mapping(raw, node, ("message",), ("not_before", "not_after")):
        return DateCheck(None, None, "", line_of(raw))
    assert isinstance(raw, Mapping)
    if ("not_before" in raw) == ("not_after" in raw):
        reader.problem(
            raw, node, "a check needs one of 'not_before' or 'not_after' (an earlier date question, or today)"
        )
    not_before = reader.ident(raw, "not_before", node) if "not_before" in raw else None
    not_after = reader.ident(raw, "not_after", node) if "not_after" in raw else None
    return DateCheck(not_before, not_after, reader.text(raw, "message", node), line_of(raw))


def _outcome(reader: FieldReader, raw: object) -> Outcome | None:
    node = _node_name("outcome", raw)
    if not reader.mapping(raw, node, *_OUTCOME_KEYS):
        return None
    assert isinstance(raw, Mapping)
    outcome_id = reader.ident(raw, "id", node)
    return Outcome(
        id=outcome_id,
        decision=reader.text(raw, "decision", node),
        urgency=reader.choice(raw, "urgency", node, URGENCIES),
        explanation=reader.optional_text(raw, "explanation", node),
        actions=tuple(_action(reader, item, node) for item in reader.items(raw, "actions", node, False)),
        consider=tuple(_consider(reader, item, node) for item in reader.items(raw, "consider", node, False)),
        cites=reader.cites(raw, node, required=True),
        line=line_of(raw),
    )


def _action(reader: FieldReader, raw: object, node: str) -> Action:
    if not reader.mapping(raw, node, ("who", "does", "cites"), ("clock",)):
        return Action("", "", None, (), line_of(raw))
    assert isinstance(raw, Mapping)
    clock = reader.ident(raw, "clock", node) if "clock" in raw else None
    return Action(
        reader.text(raw, "who", node),
        reader.text(raw, "does", node),
        clock,
        reader.cites(raw, node, True),
        line_of(raw),
    )


def _consider(reader: FieldReader, raw: object, node: str) -> Consider:
    if not reader.mapping(raw, node, ("text", "cites"), ("tree",)):
        return Consider("", None, (), line_of(raw))
    assert isinstance(raw, Mapping)
    tree = reader.ident(raw, "tree", node) if "tree" in raw else None
    return Consider(reader.text(raw, "text", node), tree, reader.cites(raw, node, True), line_of(raw))


def _not_modelled(reader: FieldReader, raw: object, node: str) -> NotModelled:
    if not reader.mapping(raw, f"{node} not_modelled", ("text", "cites"), ()):
        return NotModelled("", (), line_of(raw))
    assert isinstance(raw, Mapping)
    return NotModelled(reader.text(raw, "text", node), reader.cites(raw, node, True), line_of(raw))
