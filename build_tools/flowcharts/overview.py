"""A tree's overview on one A4 landscape page: its first questions and the routes from them to each
group of outcomes, the outcomes grouped by urgency.

Everything comes from the rule data: questions in reading order, each route found from the tree's
enumerated paths. A question with only one way on is a link in a chain and is left out (routes run
through it). When the chart is too big to print at full size, the last questions in reading order
are left out too, until it fits; a route that passes a question left out is drawn dashed.
"""

from dataclasses import dataclass

from build_tools.flowcharts import d2
from build_tools.flowcharts.diagram import (
    FOOTER_KEY,
    QUESTION_STYLE,
    TITLE_KEY,
    URGENCY_STYLES,
    ChartHeading,
    Split,
)
from build_tools.flowcharts.labels import (
    ARROW_WIDTH,
    OUTCOME_WIDTH,
    BoxText,
    options_text,
    question_box,
    question_numbers,
    wrap,
    wrap_arrow_label,
)
from decision.aid.wording import say
from decision.project.wording import Wording
from decision.trees.paths import TreePath
from decision.trees.tree import URGENCIES, Question, Tree

GROUP_PREFIX = "GROUP_"  # upper case, so never a tree id
DASHED_ARROW = {**d2.ARROW_STYLE, "stroke-dash": "5"}


@dataclass
class Route:
    source: str  # a question shown
    target: str  # the next question shown on the way, or an outcome group's key
    answers: list[object]  # the answers to the source question on the paths that take it
    direct: bool  # False when some path along it passes questions the overview leaves out


def candidate_questions(tree: Tree) -> list[str]:
    """The questions an overview may show, in reading order: the start, and every one with a choice."""
    return [
        question_id
        for question_id in question_numbers(tree)
        if question_id == tree.start or len(tree.questions[question_id].next) > 1
    ]


def group_key(urgency: str) -> str:
    return GROUP_PREFIX + urgency


def routes(tree: Tree, shown: list[str], paths: list[TreePath]) -> list[Route]:
    """Each route between the nodes shown, one per source and target."""
    found: dict[tuple[str, str], Route] = {}
    for path in paths:
        asked = [question_id for question_id, _ in path.answers]
        answers = dict(path.answers)
        group = group_key(tree.outcomes[path.outcome].urgency)
        for index, question_id in enumerate(asked):
            if question_id not in shown:
                continue
            later = [q for q in asked[index + 1 :] if q in shown]
            target = later[0] if later else group
            step = asked[index + 1] if index + 1 < len(asked) else group
            route = found.setdefault((question_id, target), Route(question_id, target, [], direct=True))
            route.answers.append(answers[question_id])
            route.direct = route.direct and step == target
    return list(found.values())


def overview_source(
    tree: Tree,
    shown: list[str],
    paths: list[TreePath],
    split: Split,
    heading: ChartHeading,
    wording: Wording,
    direction: str,
) -> str:
    """The D2 source of the overview showing the questions `shown`; `split`: the detailed chart's parts."""
    lines = [
        f"direction: {direction}",
        d2.free_text(TITLE_KEY, heading.title, "top-center", 24, bold=True),
        d2.free_text(FOOTER_KEY, heading.footer, "bottom-center", 16, bold=False),
    ]
    for question_id in shown:
        box = question_box(tree, tree.questions[question_id], wording, cites=False)
        lines.append(d2.box(question_id, box, "rectangle", QUESTION_STYLE))
    for urgency in URGENCIES:
        outcomes = [outcome_id for outcome_id, outcome in tree.outcomes.items() if outcome.urgency == urgency]
        if outcomes:
            box = _group_box(urgency, outcomes, split, wording)
            lines.append(d2.box(group_key(urgency), box, "rectangle", URGENCY_STYLES[urgency]))
    found = routes(tree, shown, paths)
    for route in found:
        others = [other.answers for other in found if other.source == route.source and other is not route]
        label = _answers_text(tree.questions[route.source], route.answers, others, wording)
        text = BoxText(wrap_arrow_label(label, ARROW_WIDTH[direction]), ()) if label else None
        style = d2.ARROW_STYLE if route.direct else DASHED_ARROW
        lines.append(d2.arrow(route.source, route.target, text, style))
    return "\n".join(lines) + "\n"


def _group_box(urgency: str, outcomes: list[str], split: Split, wording: Wording) -> BoxText:
    """The urgency tag, how many outcomes have it and where the detailed chart shows them."""
    count = wording["group_outcomes"][len(outcomes) != 1].format(count=len(outcomes))
    parts = sorted({split.part_of(outcome_id) for outcome_id in outcomes})
    if len(split.parts) > 1:
        where = (
            ", ".join(map(str, parts[:-1])) + wording["all_of"] + str(parts[-1])
            if len(parts) > 1
            else str(parts[0])
        )
        count += " " + wording["group_parts"][len(parts) != 1].format(parts=where)
    return BoxText((say("urgency")[urgency], *wrap(count, OUTCOME_WIDTH)), ())


def _answers_text(
    question: Question, answers: list[object], others: list[list[object]], wording: Wording
) -> str:
    """The options that can take a route, in the question's order (an option may take more than one
    when later answers decide). Where each option takes one route only, the route with the most
    options is "any other answer". No words where every option can take it, nor for dates and
    multiple choices, whose routes depend on combinations: the detailed chart spells those out."""
    if question.kind not in ("choice", "yes_no_not_sure"):
        return ""
    values = set(answers)
    if len(values) == len(question.options):
        return ""
    elsewhere = [set(taken) for taken in others]
    disjoint = not any(values & taken for taken in elsewhere)
    if disjoint and len(values) > 1 and all(len(values) > len(taken) for taken in elsewhere):
        return wording("other_answers")
    in_order = tuple(option.value for option in question.options if option.value in values)
    return options_text(question, in_order, wording, quoted=len(values) > 1)
