"""Flowcharts and timeline charts: every node drawn exactly once, parts that join up, accessible SVG."""

import base64
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from flow import fixture_tree
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from build_tools.flowcharts.charts import Chart, tree_chart, with_version
from build_tools.flowcharts.geometry import layout_problems, read_drawing
from build_tools.flowcharts.labels import arrow_labels, question_box
from build_tools.flowcharts.plugin import FlowchartsPlugin
from build_tools.flowcharts.render import D2Renderer, svg_size
from build_tools.flowcharts.split import prints_readably
from build_tools.flowcharts.stored import stored_chart
from build_tools.flowcharts.svg import FONT_PLACEHOLDER, FinishedSvg
from build_tools.flowcharts.timeline_chart import EVENT_KEY, timeline_charts
from build_tools.flowcharts.wording import WORDING as FLOWCHART_WORDING
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, compile_project, load_trees
from decision.project.wording import Wording, load_wording
from decision.trees.tree import Tree

SVG = "{http://www.w3.org/2000/svg}"
PROJECT = Project()
# The build's own cache: drawings are keyed by a hash of their input, so reusing them changes nothing.
RENDERER = D2Renderer(PROJECT.root / "build" / "flowcharts-cache")
WORDING = load_wording("flowcharts.yaml", FLOWCHART_WORDING)
TREES = load_trees(PROJECT)
_CHARTS: dict[str, Chart] = {}


def chart(tree_id: str) -> Chart:
    if tree_id not in _CHARTS:
        version = compile_project(PROJECT)["version"]
        tree = TREES[tree_id]
        drawn = stored_chart(RENDERER, tree, WORDING, lambda drawing: tree_chart(tree, drawing, WORDING))
        _CHARTS[tree_id] = with_version(drawn, version)
    return _CHARTS[tree_id]


def parse(svg: FinishedSvg) -> ET.Element:
    return ET.fromstring(svg.markup)


def drawn_keys(root: ET.Element) -> list[str]:
    """The D2 key of every box drawn (a <g> holding a shape), from D2's base64 class names."""
    keys = []
    for group in root.iter(f"{SVG}g"):
        if group.find(f"{SVG}g[@class='shape']") is not None:
            keys.append(base64.b64decode(group.get("class", "")).decode())
    return keys


def group_text(group: ET.Element) -> str:
    return " ".join(" ".join(text.itertext()) for text in group.iter(f"{SVG}text"))


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_the_parts_show_every_question_and_outcome_once_and_nothing_else(tree_id: str) -> None:
    tree = TREES[tree_id]
    nodes: list[str] = []
    for svg in chart(tree_id).parts:
        root = parse(svg)
        marked = [group.get("data-node") for group in root.iter(f"{SVG}g") if group.get("data-node")]
        others = [key for key in drawn_keys(root) if key not in marked]
        # Besides the tree's own nodes, a part draws only its title, footer and connectors.
        assert all(re.fullmatch(r"TITLE|FOOTER|CONTINUE[SD]_[A-Z]+", key) for key in others), others
        nodes += marked
    assert sorted(nodes) == sorted([*tree.questions, *tree.outcomes])


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_each_box_says_what_its_node_says(tree_id: str) -> None:
    tree = TREES[tree_id]
    for svg in chart(tree_id).parts:
        for group in parse(svg).iter(f"{SVG}g"):
            node = group.get("data-node")
            if node is None:
                continue
            words = " ".join(group_text(group).split())
            expected = tree.questions[node].text if node in tree.questions else tree.outcomes[node].decision
            assert " ".join(expected.split()) in words, f"{tree_id}: box '{node}' reads: {words}"


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_arrow_out_of_a_part_lands_on_a_connector_in_the_part_named(tree_id: str) -> None:
    parts = [parse(svg) for svg in chart(tree_id).parts]
    incoming = [
        {group.get("data-connector", "").removeprefix("CONTINUED_") for group in root.iter(f"{SVG}g")}
        for root in parts
    ]
    for number, root in enumerate(parts, start=1):
        for group in root.iter(f"{SVG}g"):
            if not group.get("data-connector", "").startswith("CONTINUES_"):
                continue
            match = re.search(r"part (\d+) at ([A-Z]+)", group_text(group))
            assert match, group_text(group)
            target, letter = int(match.group(1)), match.group(2)
            assert target != number and letter in incoming[target - 1], f"part {number}: {group_text(group)}"


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_part_prints_readably_on_a4_landscape(tree_id: str) -> None:
    for svg in chart(tree_id).parts:
        assert prints_readably(svg.width, svg.height), (tree_id, svg.width, svg.height)


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_every_part_has_a_title_and_description_and_real_text(tree_id: str) -> None:
    for number, svg in enumerate(chart(tree_id).parts, start=1):
        root = parse(svg)
        title, desc = root[0], root[1]
        assert (title.tag, desc.tag) == (f"{SVG}title", f"{SVG}desc")
        assert TREES[tree_id].title in title.text
        assert f"{len(TREES[tree_id].questions)} questions" in desc.text
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert root.find(f".//{SVG}foreignObject") is None  # no HTML labels: text prints and is searchable
        assert "data:application/font-woff" not in svg.markup  # the site's CSP refuses data: fonts
        assert FONT_PLACEHOLDER in svg.markup and svg.fonts
        assert (svg.width, svg.height) == svg_size(svg.markup)
        assert f"Part {number} of" in group_text(root) or len(chart(tree_id).parts) == 1


def test_clause_ids_are_in_small_type() -> None:
    root = parse(chart("alert").parts[0])
    small = [
        " ".join(tspan.itertext())
        for tspan in root.iter(f"{SVG}tspan")
        if "font-size:13px" in tspan.get("style", "")
    ]
    assert small and all("KA-" in line or line.startswith("Clauses") for line in small)
    shown = " ".join(group_text(group) for group in root.iter(f"{SVG}g") if group.get("data-node"))
    assert re.findall(r"K[A-Z]-[A-Z0-9-]+", shown) and all(
        re.search(r"K[A-Z]-", line) is None
        for tspan in root.iter(f"{SVG}tspan")
        if "font-size:13px" not in tspan.get("style", "")
        for line in [" ".join(tspan.itertext())]
    ), "a clause id is in full-size type"


def every_chart() -> list[tuple[str, FinishedSvg]]:
    """(name, SVG) of each tree's overview and parts and each timeline's parts."""
    found = []
    for tree_id in sorted(TREES):
        found.append((f"{tree_id} overview", chart(tree_id).overview))
        found += [(f"{tree_id} part {n}", svg) for n, svg in enumerate(chart(tree_id).parts, start=1)]
    book = load_deadlines().book
    for timeline_id, line in sorted(book.timelines.items()):
        charts = timeline_charts(line, book, RENDERER, WORDING)
        found += [(f"timeline {timeline_id} part {n}", svg) for n, svg in enumerate(charts, start=1)]
    return found


def test_no_arrow_crosses_a_box_or_a_label_and_no_labels_overlap() -> None:
    charts = every_chart()
    # The check reads D2's drawing: every arrow, with its path and its label, and every box.
    for name, svg in charts:
        drawing = read_drawing(svg.markup)
        assert drawing.boxes and drawing.edges, name
        assert all(len(edge.points) >= 2 for edge in drawing.edges), name
        assert sum(edge.label is not None for edge in drawing.edges) == svg.markup.count(
            'class="text-italic"'
        )
    problems = {name: layout_problems(svg.markup) for name, svg in charts}
    assert {name: found for name, found in problems.items() if found} == {}


def printed_points(root: ET.Element) -> float:
    """Points per SVG pixel when the chart is printed as the print CSS does: the width of A4 landscape
    less 10 mm margins, at most 180 mm tall, aspect kept."""
    width, height = (float(value) for value in root.get("viewBox", "").split()[2:])
    scale = min(277 / width, 180 / height) * 96 / 25.4  # CSS px per SVG px
    return scale * 0.75


def font_sizes(root: ET.Element) -> list[tuple[float, str]]:
    """(font size in SVG px, words) of every piece of text, the innermost style winning."""
    sizes = []

    def walk(element: ET.Element, size: float) -> None:
        match = re.search(r"font-size:\s*([\d.]+)px", element.get("style", ""))
        size = float(match.group(1)) if match else size
        if element.text and element.text.strip() and element.tag in (f"{SVG}text", f"{SVG}tspan"):
            sizes.append((size, element.text.strip()))
        for child in element:
            walk(child, size)

    walk(root, 16.0)
    return sizes


def test_no_printed_text_is_under_9_pt_and_clause_ids_under_7_pt() -> None:
    small_print = {}
    for name, svg in every_chart():
        root = parse(svg)
        points = printed_points(root)
        for size, words in font_sizes(root):
            least = 7 if re.search(r"Clauses|[A-Z]{2}-[A-Z0-9]", words) and size < 16 else 9
            if size * points < least - 0.01:
                small_print.setdefault(name, []).append(f"{words[:30]!r} at {size * points:.1f} pt")
    assert small_print == {}


@pytest.mark.parametrize("tree_id", sorted(TREES))
def test_the_overview_starts_at_the_start_and_reaches_every_urgency(tree_id: str) -> None:
    tree = TREES[tree_id]
    root = parse(chart(tree_id).overview)
    shown = [group.get("data-node") for group in root.iter(f"{SVG}g") if group.get("data-node")]
    assert shown[0] == tree.start
    urgencies = {outcome.urgency for outcome in tree.outcomes.values()}
    assert {node for node in shown if node.startswith("GROUP_")} == {f"GROUP_{u}" for u in urgencies}
    counted = sum(
        int(match.group(1))
        for group in root.iter(f"{SVG}g")
        if (group.get("data-node") or "").startswith("GROUP_")
        for match in [re.search(r"(\d+) outcomes?", group_text(group))]
        if match
    )
    assert counted == len(tree.outcomes)
    # Every group has an arrow into it, and every question shown an arrow out of it.
    ends = [key.removeprefix("(").split(" -&gt; ") for key in drawn_edge_keys(root)]
    assert {target.split(")")[0] for _, target in ends} >= {f"GROUP_{u}" for u in urgencies}
    assert {source for source, _ in ends} == {node for node in shown if not node.startswith("GROUP_")}


def drawn_edge_keys(root: ET.Element) -> list[str]:
    keys = []
    for group in root.iter(f"{SVG}g"):
        try:
            key = base64.b64decode(group.get("class", ""), validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            continue
        if " -&gt; " in key:
            keys.append(key)
    return keys


def test_arrows_name_their_options_and_the_last_takes_the_rest() -> None:
    tree = fixture_tree("notify")
    question = tree.questions["what-happened"]
    labels = arrow_labels(tree, question, WORDING, 60)
    named = [" ".join(label.lines) for label in labels]
    died, harmed, other = (option.label for option in question.options)
    assert named == [f"{died} or {harmed}", other]
    # The clause ids go in the question's box, small and secondary, not on the arrows.
    assert all(label.small == () for label in labels)
    assert " ".join(question_box(tree, question, WORDING).small).startswith("Clauses: ")


def test_arrows_are_numbered_where_their_order_matters() -> None:
    tree = fixture_tree("categories")
    labels = arrow_labels(tree, tree.questions["in-care"], WORDING, 200)
    assert [" ".join(label.lines) for label in labels] == [
        "1. This answer is \u2018In care\u2019 or Q1 includes \u2018The media may be interested\u2019",
        "2. Otherwise",
    ]


def test_date_conditions_are_described_in_words() -> None:
    tree: Tree = fixture_tree("dates")
    labels = arrow_labels(tree, tree.questions["date-of-birth"], WORDING, 200)
    assert " ".join(labels[0].lines) == "1. The date at Q1 is before 18 years after this date"
    labels = arrow_labels(tree, tree.questions["date-of-knowledge"], WORDING, 200)
    assert " ".join(labels[0].lines) == "1. This date is on or after 1 year after the date at Q1"


@pytest.mark.parametrize("timeline_id", sorted(load_deadlines().book.timelines))
def test_timeline_charts_show_every_step_once_with_title_and_description(timeline_id: str) -> None:
    book = load_deadlines().book
    line = book.timelines[timeline_id]
    charts = timeline_charts(line, book, RENDERER, WORDING)
    steps: list[str] = []
    for svg in charts:
        root = parse(svg)
        assert (root[0].tag, root[1].tag) == (f"{SVG}title", f"{SVG}desc")
        assert prints_readably(svg.width, svg.height)
        steps += [group.get("data-node") for group in root.iter(f"{SVG}g") if group.get("data-node")]
        assert root.find(f".//{SVG}foreignObject") is None
    assert sorted(steps) == sorted(step.id for step in line.steps)
    assert sum(EVENT_KEY in drawn_keys(parse(svg)) for svg in charts) == 1


def test_the_surrey_ladder_shows_its_timescales_from_the_clocks() -> None:
    book = load_deadlines().book
    text = " ".join(
        group_text(parse(svg))
        for svg in timeline_charts(book.timelines["surrey-iro-alert"], book, RENDERER, WORDING)
    )
    # Stages 1 to 3, and 4 to 6 (where the ladder runs on to another part, both ends of the arrow say so).
    assert text.count("5 working days") >= 3
    assert "20 working days" in text and text.count("No timescale") >= 3


def test_a_tree_without_a_flowchart_page_fails_the_build() -> None:
    plugin = FlowchartsPlugin()
    plugin.load_config({})
    plugin.trees = {"alert": TREES["alert"]}
    with pytest.raises(PluginError, match=r"decision/rules/alert.yaml: tree 'alert' has no flowchart"):
        plugin.on_env(None, config=None, files=Files([]))  # type: ignore[arg-type]


def test_a_directive_naming_no_tree_names_the_page_and_line(tmp_path: Path) -> None:
    plugin = FlowchartsPlugin()
    plugin.load_config({})
    plugin.trees, plugin.book, plugin.wording = dict(TREES), load_deadlines().book, WORDING

    class FakeFile:
        src_uri = "flowcharts/x.md"

    class FakePage:
        file = FakeFile()
        url = "flowcharts/x/"

    with pytest.raises(
        PluginError, match=r"docs/flowcharts/x.md:3: \[\[flowchart no-such-tree\]\] names no tree"
    ):
        plugin.on_page_markdown(
            "# X\n\n[[flowchart no-such-tree]]\n", page=FakePage(), config=None, files=None
        )  # type: ignore[arg-type]


def _drawing(*groups: str, masks: str = "") -> str:
    """A D2-like SVG: `groups` are key, inner markup, key, inner markup, ...; `masks` the label cut-outs."""
    pairs = zip(groups[::2], groups[1::2], strict=True)
    body = "".join(
        f'<g class="{base64.b64encode(key.encode()).decode()}">{inner}</g>' for key, inner in pairs
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg"><mask>{masks}</mask>{body}</svg>'


def test_the_geometry_check_sees_an_arrow_through_a_box_and_labels_on_top_of_each_other() -> None:
    box = '<g class="shape"><rect x="{}" y="0" width="100" height="50"/></g>'
    arrow = '<path class="connection" d="M {} 25 L {} 25"/><text x="{}" y="90">label</text>'
    clear = _drawing(
        "a", box.format(0), "b", box.format(200), "c", box.format(400),
        "(a -&gt; b)[0]", arrow.format(100, 200, 150),
        masks='<rect x="120" y="80" width="60" height="20" fill="black"/>',
    )  # fmt: skip
    assert layout_problems(clear) == []
    through = _drawing(
        "a", box.format(0), "b", box.format(200), "c", box.format(400),
        "(a -&gt; c)[0]", arrow.format(100, 400, 150), "(b -&gt; c)[0]", arrow.format(300, 400, 160),
        masks='<rect x="120" y="80" width="60" height="20" fill="black"/>'
        '<rect x="130" y="85" width="60" height="20" fill="black"/>',
    )  # fmt: skip
    assert layout_problems(through) == [
        "arrow a -> c crosses b",
        "the label of a -> c overlaps the label of b -> c",
    ]


def test_a_finished_chart_is_kept_and_drawn_again_only_when_its_input_changes(tmp_path: Path) -> None:
    drawn: list[D2Renderer] = []

    def draw(drawing: D2Renderer) -> Chart:
        drawn.append(drawing)
        return chart("alert")

    first = stored_chart(D2Renderer(tmp_path), TREES["alert"], WORDING, draw)
    renderer = D2Renderer(tmp_path)
    assert stored_chart(renderer, TREES["alert"], WORDING, draw) == first
    assert len(drawn) == 1
    reworded = Wording({**dict(WORDING), "overview_heading": "The whole chart"})
    stored_chart(D2Renderer(tmp_path), TREES["alert"], reworded, draw)
    assert len(drawn) == 2
    renderer.prune()  # it asked for the first chart only
    kept = [path.name for path in tmp_path.glob("*.chart")]
    assert kept == [name for name in renderer.used if name.endswith(".chart")]
