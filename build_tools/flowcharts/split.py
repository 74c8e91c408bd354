"""Share a tree's chart out over parts that each print readably on one A4 landscape page.

The chart is cut along a spanning tree (each node under the question that first leads to it,
breadth first in branch order), in pieces: each question with the outcomes under it. Taken in
breadth-first order, each piece joins the latest part it fits into, or starts a new part; a piece
too big even alone sends its last outcomes on as pieces of their own.
"""

from collections.abc import Callable
from dataclasses import dataclass

from build_tools.flowcharts.diagram import Split
from decision.errors import InputError
from decision.trees.tree import Tree

MM = 96 / 25.4  # CSS pixels per millimetre
# The room a chart gets on an A4 landscape page with 10 mm margins, less 10 mm for the theme's own
# spacing above it (the chart carries its own title, so nothing else shares its page).
PRINT_WIDTH_PX = 277 * MM
PRINT_HEIGHT_PX = 180 * MM
TEXT_PX = 16  # D2's size for the words in boxes and on arrows
SMALL_PX = 13  # the clause ids, small and secondary (svg.py sets them)
MIN_TEXT_PT = 9.0  # readable at arm's length
MIN_SMALL_PT = 7.0
PT_PER_PX = 0.75

Part = tuple[str, ...]
# fits(split, part): is the part well drawn (render.well_drawn) in one of the layouts?
Fits = Callable[[Split, int], bool]


def print_scale(width: float, height: float) -> float:
    """How much a chart of this size is shrunk to fit the printable area (1 when it fits as it is)."""
    return min(1.0, PRINT_WIDTH_PX / width, PRINT_HEIGHT_PX / height)


def prints_readably(width: float, height: float) -> bool:
    points = print_scale(width, height) * PT_PER_PX
    return points * TEXT_PX >= MIN_TEXT_PT and points * SMALL_PX >= MIN_SMALL_PT


def split_tree(tree: Tree, fits: Fits) -> Split:
    """Parts such that `fits(split, part)` holds for each; InputError when one box cannot fit."""
    order, parent = _spanning_tree(tree)
    sharing = _Sharing(tree, order, fits)
    pieces = [(question, *(n for n in order if parent.get(n) == question and n in tree.outcomes))
              for question in order if question in tree.questions]  # fmt: skip
    parts: list[Part] = []
    while pieces:
        piece = pieces.pop(0)
        joined = sharing.join(parts, piece, pieces)
        if joined is not None:
            parts = joined
            continue
        parts, spare = sharing.shrink(parts, piece, pieces)
        pieces = spare + pieces
    # Later parts renumber connectors, which changes their text slightly: check every part once more.
    for part in list(parts):
        parts, spare = sharing.shrink([p for p in parts if p != part], part, [])
        parts += spare
    return sharing.split(parts)


@dataclass
class _Sharing:
    tree: Tree
    order: list[str]
    fits_part: Fits

    def split(self, parts: list[Part]) -> Split:
        """Parts in reading order: by where their first node comes, nodes in order within each."""
        ordered = [tuple(sorted(part, key=self.order.index)) for part in parts if part]
        return Split(tuple(sorted(ordered, key=lambda part: self.order.index(part[0]))))

    def fits(self, parts: list[Part], part: Part) -> bool:
        split = self.split(parts)
        return self.fits_part(split, split.part_of(part[0]))

    def join(self, parts: list[Part], piece: Part, rest: list[Part]) -> list[Part] | None:
        """`parts` with `piece` joined to the latest part it fits into, or None if it fits none."""
        for index in reversed(range(len(parts))):
            joined = parts[index] + piece
            trial = [*parts[:index], joined, *parts[index + 1 :]]
            if self.fits([*trial, *rest], joined):
                return trial
        return None

    def shrink(self, parts: list[Part], part: Part, rest: list[Part]) -> tuple[list[Part], list[Part]]:
        """`parts` ending with `part`, less the outcomes it must give up to fit, each a piece of its own."""
        spare: list[Part] = []
        while not self.fits([*parts, part, *spare, *rest], part):
            outcomes = [node for node in part if node in self.tree.outcomes]
            if len(part) == 1 or not outcomes:
                raise InputError(
                    f"{self.tree.origin}: {self.tree.node(part[0])} cannot be drawn on one A4 landscape "
                    f"page with 9 pt text and no arrow through a box or label; shorten its text"
                )
            part = tuple(node for node in part if node != outcomes[-1])
            spare.insert(0, (outcomes[-1],))
        return [*parts, part], spare


def _spanning_tree(tree: Tree) -> tuple[list[str], dict[str, str]]:
    """Nodes breadth first from the start in branch order, and the question that first leads to each."""
    order = [tree.start]
    parent: dict[str, str] = {}
    for node_id in order:  # grows as it goes
        question = tree.questions.get(node_id)
        for branch in question.next if question else ():
            if branch.go not in parent and branch.go != tree.start:
                parent[branch.go] = node_id
                order.append(branch.go)
    return order, parent
