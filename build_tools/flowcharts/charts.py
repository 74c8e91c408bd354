"""A tree's flowchart: a one-page overview, then the whole chart split to fit A4 landscape, finished SVGs."""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from build_tools.flowcharts.diagram import ChartHeading, Split, d2_source
from build_tools.flowcharts.overview import candidate_questions, group_key, overview_source
from build_tools.flowcharts.render import LAYOUTS, D2Renderer, well_drawn
from build_tools.flowcharts.split import split_tree
from build_tools.flowcharts.svg import Accessible, FinishedSvg, finish_svg
from decision.errors import InputError
from decision.project.wording import Wording
from decision.trees.paths import enumerate_paths
from decision.trees.tree import Tree


@dataclass(frozen=True)
class Chart:
    tree_id: str
    overview: FinishedSvg
    split: Split
    parts: tuple[FinishedSvg, ...]


# What the charts show for the rules version until with_version puts it in, as long as a real one: so a
# change to any tree, which changes the version, neither redraws nor even lays out another tree's chart.
STAND_IN = {"hash": "0" * 12}


def tree_chart(tree: Tree, renderer: D2Renderer, wording: Wording) -> Chart:
    """The tree's flowchart, showing STAND_IN for the rules version."""
    stand_in = STAND_IN

    def drawn(split: Split, part: int) -> tuple[dict[str, int], str] | None:
        """The first way of drawing the part that is well drawn (small type per key, SVG), or None."""
        heading = _heading(tree, stand_in, split, part, wording)
        sources = {
            direction: d2_source(tree, split, part, heading, wording, direction) for _, direction in LAYOUTS
        }
        svg = well_drawn(renderer, tree.origin, lambda direction: sources[direction].source)
        return None if svg is None else (sources["down"].small_lines, svg)

    split = split_tree(tree, lambda split, part: drawn(split, part) is not None)
    parts = []
    for part in range(1, len(split.parts) + 1):
        found = drawn(split, part)
        assert found is not None  # split_tree made sure every part fits
        small_lines, svg = found
        nodes = frozenset(split.parts[part - 1])
        accessible = _accessible(tree, split, part, wording)
        parts.append(finish_svg(svg, accessible, nodes, small_lines, tree.origin))
    overview = _overview(tree, stand_in, split, renderer, wording)
    return Chart(tree.id, overview, split, tuple(parts))


def with_version(chart: Chart, version: Mapping[str, str]) -> Chart:
    """The chart showing the rules version `version` (the rulebook's {"hash", "date"})."""

    def stamped(svg: FinishedSvg) -> FinishedSvg:
        return dataclasses.replace(svg, markup=svg.markup.replace(STAND_IN["hash"], version["hash"]))

    parts = tuple(map(stamped, chart.parts))
    return dataclasses.replace(chart, overview=stamped(chart.overview), parts=parts)


def _overview(
    tree: Tree, version: Mapping[str, str], split: Split, renderer: D2Renderer, wording: Wording
) -> FinishedSvg:
    """The overview with as many questions, in reading order, as print at full size on one page."""
    paths = enumerate_paths(tree)
    candidates = candidate_questions(tree)
    footer = wording("subtitle", authority=tree.authority, version=version["hash"], reviewed=tree.reviewed)
    heading = ChartHeading(
        wording("overview_title", title=tree.title), footer + " · " + wording("overview_footer")
    )
    for count in range(len(candidates), 0, -1):
        shown = candidates[:count]
        svg = well_drawn(
            renderer,
            tree.origin,
            lambda direction, shown=shown: overview_source(
                tree, shown, paths, split, heading, wording, direction
            ),
        )
        if svg is not None:
            nodes = frozenset([*shown, *(group_key(o.urgency) for o in tree.outcomes.values())])
            description = wording(
                "overview_description", title=tree.title, shown=count, questions=len(tree.questions)
            )
            accessible = Accessible(f"flowchart-{tree.id}-overview", heading.title, description)
            return finish_svg(svg, accessible, nodes, {}, tree.origin)
    raise InputError(f"{tree.origin}: the overview of tree '{tree.id}' cannot print readably on one A4 page")


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
