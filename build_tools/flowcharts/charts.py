"""A tree's flowchart, start to finish: split it to fit A4 landscape, draw each part, finish the SVGs."""

from collections.abc import Mapping
from dataclasses import dataclass

from build_tools.flowcharts.diagram import ChartHeading, D2Chart, Split, d2_source
from build_tools.flowcharts.render import D2Renderer, svg_size
from build_tools.flowcharts.split import prints_readably, split_tree
from build_tools.flowcharts.svg import Accessible, FinishedSvg, finish_svg
from build_tools.flowcharts.wording import Wording
from decision.paths import enumerate_paths
from decision.tree import Tree

# Ways to draw a part, tried in turn until one prints readably: the direction the chart flows, and
# the characters a line in arrow labels (wider labels are shorter). Top to bottom reads most easily;
# left to right stacks a question's many arrows instead of setting them side by side.
LAYOUTS = (("down", 24), ("down", 34), ("right", 34), ("right", 24))


@dataclass(frozen=True)
class Chart:
    tree_id: str
    split: Split
    parts: tuple[FinishedSvg, ...]


def tree_chart(tree: Tree, version: Mapping[str, str], renderer: D2Renderer, wording: Wording) -> Chart:
    """The tree's flowchart; `version` is the rulebook's {"hash", "date"}."""
    paths = enumerate_paths(tree)

    def drawn(split: Split, part: int, every_layout: bool = True) -> tuple[D2Chart, str] | None:
        """The first way of drawing the part that prints readably, or None."""
        heading = _heading(tree, version, split, part, wording)
        for direction, width in LAYOUTS if every_layout else LAYOUTS[:1]:
            chart = d2_source(tree, split, part, heading, wording, paths, direction, width)
            svg = renderer.svg(chart.source, tree.origin)
            if prints_readably(*svg_size(svg)):
                return chart, svg
        return None

    split = split_tree(tree, lambda split, part, every_layout: drawn(split, part, every_layout) is not None)
    parts = []
    for part in range(1, len(split.parts) + 1):
        found = drawn(split, part)
        assert found is not None  # split_tree made sure every part fits
        chart, svg = found
        nodes = frozenset(split.parts[part - 1])
        parts.append(
            finish_svg(svg, _accessible(tree, split, part, wording), nodes, chart.small_lines, tree.origin)
        )
    return Chart(tree.id, split, tuple(parts))


def _heading(
    tree: Tree, version: Mapping[str, str], split: Split, part: int, wording: Wording
) -> ChartHeading:
    footer = wording("subtitle", authority=tree.authority, version=version["hash"], reviewed=tree.reviewed)
    if len(split.parts) > 1:
        footer += " · " + wording("part", part=part, parts=len(split.parts))
    return ChartHeading(tree.title, footer)


def _accessible(tree: Tree, split: Split, part: int, wording: Wording) -> Accessible:
    nodes = split.parts[part - 1]
    title, description = (
        tree.title,
        wording(
            "flowchart_description",
            title=tree.title,
            questions=len(tree.questions),
            outcomes=len(tree.outcomes),
        ),
    )
    if len(split.parts) > 1:
        title += f" ({wording('part', part=part, parts=len(split.parts))})"
        description += " " + wording(
            "part_description",
            part=part,
            parts=len(split.parts),
            shown_questions=sum(node in tree.questions for node in nodes),
            shown_outcomes=sum(node in tree.outcomes for node in nodes),
        )
    return Accessible(f"flowchart-{tree.id}-part-{part}", title, description)
