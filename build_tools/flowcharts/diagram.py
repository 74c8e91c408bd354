"""D2 source for a flowchart of one tree, or of one part of it when the chart is split for printing.

Tree nodes keep their ids as D2 keys (kebab-case); the title, footer and connector stubs use
upper-case keys, which no tree id can be, so the two never collide.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from build_tools.flowcharts import d2
from build_tools.flowcharts.labels import (
    ARROW_WIDTH,
    BoxText,
    arrow_labels,
    continued_label,
    outcome_box,
    question_box,
)
from decision.project.wording import Wording
from decision.trees.tree import Tree

TITLE_KEY = "TITLE"
FOOTER_KEY = "FOOTER"
CONTINUES_PREFIX = "CONTINUES_"
CONTINUED_PREFIX = "CONTINUED_"

# Urgency shows three ways: the tag in words, the border (weight, double or dashed) and the fill.
QUESTION_STYLE = {"fill": '"#E8EAF6"', "stroke": '"#1A237E"', "stroke-width": "3", "font-color": '"#111111"'}
URGENCY_STYLES = {
    "immediately": {"fill": '"#FDE7E7"', "stroke": '"#9B1C1C"', "stroke-width": "4", "double-border": "true"},
    "within-hours": {"fill": '"#FFF0E0"', "stroke": '"#8A3B00"', "stroke-width": "5"},
    "within-working-days": {"fill": '"#FFFBE0"', "stroke": '"#5C4A00"', "stroke-width": "2"},
    "keep-under-review": {
        "fill": '"#E6F2EA"',
        "stroke": '"#005A30"',
        "stroke-width": "3",
        "stroke-dash": "9",
    },
    "no-action": {"fill": '"#F2F2F2"', "stroke": '"#404040"', "stroke-width": "2", "stroke-dash": "5"},
    "professional-judgement": {
        "fill": '"#F1E8F7"',
        "stroke": '"#4A148C"',
        "stroke-width": "3",
        "stroke-dash": "2",
        "border-radius": "18",
    },
}


@dataclass(frozen=True)
class Split:
    """How a tree's nodes are shared out among the parts of its chart, in reading order."""

    parts: tuple[tuple[str, ...], ...]

    def part_of(self, node_id: str) -> int:
        return next(number for number, nodes in enumerate(self.parts, start=1) if node_id in nodes)

    def entries(self, tree: Tree) -> dict[str, str]:
        """A connector letter for each node that an arrow from another part leads to."""
        targets = [
            branch.go
            for nodes in self.parts
            for node_id in nodes
            if node_id in tree.questions
            for branch in tree.questions[node_id].next
            if branch.go not in nodes
        ]
        ordered = sorted(
            set(targets), key=lambda node_id: (self.part_of(node_id), _index(self.parts, node_id))
        )
        return {node_id: d2.letter(index) for index, node_id in enumerate(ordered)}


@dataclass(frozen=True)
class ChartHeading:
    title: str
    footer: str


@dataclass(frozen=True)
class D2Chart:
    source: str
    small_lines: dict[str, int]  # D2 key as it shows in the SVG -> how many last lines are small type


def d2_source(
    tree: Tree,
    split: Split,
    part: int,
    heading: ChartHeading,
    wording: Wording,
    direction: str,
) -> D2Chart:
    """The D2 source of one part (1-based) of the tree's chart; `direction`: down or right."""
    nodes = split.parts[part - 1]
    entries = split.entries(tree)
    lines = [
        f"direction: {direction}",
        d2.free_text(TITLE_KEY, heading.title, "top-center", 24, bold=True),
        d2.free_text(FOOTER_KEY, heading.footer, "bottom-center", 16, bold=False),
    ]
    small_lines = {}
    for node_id in nodes:
        if node_id in tree.questions:
            box = question_box(tree, tree.questions[node_id], wording)
            lines.append(d2.box(node_id, box, "rectangle", QUESTION_STYLE))
        else:
            box = outcome_box(tree, node_id, wording)
            lines.append(d2.box(node_id, box, "rectangle", URGENCY_STYLES[tree.outcomes[node_id].urgency]))
        small_lines[node_id] = len(box.small)
    lines += list(_incoming(tree, split, part, entries, wording))
    for key, line, box in _arrows(tree, split, part, entries, wording, ARROW_WIDTH[direction]):
        lines.append(line)
        small_lines[key] = len(box.small)
    return D2Chart("\n".join(lines) + "\n", small_lines)


def _incoming(
    tree: Tree, split: Split, part: int, entries: dict[str, str], wording: Wording
) -> Iterator[str]:
    """A "continued from" stub above each node of this part that arrows from other parts lead to."""
    nodes = split.parts[part - 1]
    for node_id, letter in entries.items():
        if node_id not in nodes:
            continue
        sources = sorted(
            {
                split.part_of(question.id)
                for question in tree.questions.values()
                if any(branch.go == node_id for branch in question.next) and question.id not in nodes
            }
        )
        text = continued_label(wording, sources, letter)
        yield d2.box(CONTINUED_PREFIX + letter, BoxText((text,), ()), "rectangle", d2.CONNECTOR_STYLE)
        yield d2.arrow(CONTINUED_PREFIX + letter, node_id, None)


def _arrows(
    tree: Tree,
    split: Split,
    part: int,
    entries: dict[str, str],
    wording: Wording,
    arrow_width: int,
) -> Iterator[tuple[str, str, BoxText]]:
    """(SVG key, D2 line, label) of each arrow out of this part's questions, and each stub it needs;
    `arrow_width`: characters a line in arrow labels.

    An arrow that leaves the part ends at a "continues" stub.
    """
    nodes = split.parts[part - 1]
    drawn: dict[tuple[str, str], int] = {}  # D2 numbers repeated arrows between the same two boxes
    for node_id in nodes:
        if node_id not in tree.questions:
            continue
        question = tree.questions[node_id]
        for branch, label in zip(
            question.next, arrow_labels(tree, question, wording, arrow_width), strict=True
        ):
            target = branch.go
            if target not in nodes:
                letter = entries[target]
                target = CONTINUES_PREFIX + letter
                if not any(pair[1] == target for pair in drawn):
                    text = wording("continues", part=split.part_of(branch.go), letter=letter)
                    yield (
                        target,
                        d2.box(target, BoxText((text,), ()), "rectangle", d2.CONNECTOR_STYLE),
                        BoxText((), ()),
                    )
            index = drawn.get((node_id, target), 0)
            drawn[(node_id, target)] = index + 1
            line = d2.arrow(node_id, target, label)
            yield f"({node_id} -&gt; {target})[{index}]", line, label


def _index(parts: tuple[tuple[str, ...], ...], node_id: str) -> int:
    return next(nodes.index(node_id) for nodes in parts if node_id in nodes)
