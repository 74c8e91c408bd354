"""`procedures-flowcharts`: draw each decision tree as a flowchart and each timeline as a chart.

A line `[[flowchart TREE]]` becomes the tree's flowchart (in parts where one A4 landscape page would
make it too small to read), a link to the text version on the aid page, and the key to the shapes.
A line `[[timeline-chart TIMELINE]]` becomes that timeline of decision/clocks.yaml as a chart, with
a table of how each timescale is counted. `[[flowchart-index]]` lists every tree's flowchart page.
The build fails if a tree has no flowchart page. Charts are static SVG inlined in the page: text is
real text, nothing runs in the browser and nothing loads from another host.
"""

import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from build_tools.directives import Directive, find_directives, replace_lines
from build_tools.flowcharts.charts import Chart, tree_chart, with_version
from build_tools.flowcharts.config import FlowchartsConfig
from build_tools.flowcharts.page import figure_html, key_html, timeline_table_html
from build_tools.flowcharts.render import D2Renderer
from build_tools.flowcharts.stored import stored_chart
from build_tools.flowcharts.svg import FinishedSvg
from build_tools.flowcharts.timeline_chart import timeline_charts, timeline_table_rows
from build_tools.flowcharts.wording import WORDING
from build_tools.rules.model import build_rules
from decision.deadlines.clock_book import ClockBook
from decision.errors import InputError
from decision.project.rulebook import Project
from decision.project.wording import Wording, load_wording, wording_path
from decision.trees.tree import Tree

STYLESHEET = Path(__file__).resolve().parent / "static" / "flowcharts.css"
INDEX_DIRECTIVE = "[[flowchart-index]]"
SLOT = re.compile(r'<div class="flowchart-slot" data-slot="(\d+)"></div>')
# page.meta key: the page's charts ("flowchart TREE", "timeline-chart ID"); a rebuild that skips it keeps it
CHARTS = "charts"

class FlowchartsPlugin(BasePlugin[FlowchartsConfig]):
    def __init__(self) -> None:
        self.project = Project()
        self.trees: dict[str, Tree] = {}
        self.version: dict[str, str] = {}
        self.book: ClockBook | None = None
        self.wording: Wording | None = None
        self.renderer = D2Renderer(Path())
        self.charts: dict[str, Chart] = {}
        self.timelines: dict[str, tuple[FinishedSvg, ...]] = {}
        self.slots: list[str] = []  # HTML for each slot a directive left in a page
        self.drawn: set[str] = set()  # the pages whose charts this build drew
        self.all_drawn = False  # whether it drew the charts of every page that has one
        self.fonts: dict[str, bytes] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        rules = build_rules(config, "procedures-flowcharts")
        self.project, self.trees, self.version = rules.project, dict(rules.trees), dict(rules.version)
        self.book = rules.book
        try:
            self.wording = load_wording("flowcharts.yaml", WORDING)
        except InputError as error:
            raise PluginError(f"procedures-flowcharts: {error}") from None
        self.renderer = D2Renderer(self.project.root / self.config.cache_dir)
        self.charts, self.timelines = {}, {}
        config.extra_css.append(f"{self.config.assets}/{STYLESHEET.name}")
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer:
        # The charts are drawn from files outside docs/.
        server.watch(str(self.project.rules_dir))
        server.watch(str(self.project.clocks_file))
        server.watch(str(wording_path("flowcharts.yaml")))
        return server

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.slots, self.drawn, self.fonts = [], set(), {}

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        shown, filled, plugin = f"docs/{page.file.src_uri}", {}, "procedures-flowcharts"
        try:
            for kind in ("flowchart", "timeline-chart"):
                for directive in find_directives(markdown, shown, kind, f"[[{kind} ID]]", plugin):
                    filled[directive.line] = self._directive(kind, directive, page, files, shown)
                    page.meta.setdefault(CHARTS, []).append(f"{kind} {directive.argument}")
        except InputError as error:
            raise PluginError(f"{plugin}: {error}") from None
        if CHARTS in page.meta:
            self.drawn.add(page.file.src_uri)
        index = find_directives(markdown, shown, "flowchart-index", INDEX_DIRECTIVE, plugin, ("",))
        filled |= {directive.line: self._index(page) for directive in index}
        return replace_lines(markdown, filled)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return SLOT.sub(lambda slot: self.slots[int(slot.group(1))], html)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page's Markdown has been read by now, and none is written yet.
        charts = {chart for file in files.documentation_pages() for chart in _charts(file.page)}
        missing = [
            f"{tree.origin}: tree '{tree.id}' has no flowchart; put the line [[flowchart {tree.id}]] "
            f"on docs/{self.config.flowchart_page.format(tree=tree.id)}"
            for tree in self.trees.values()
            if f"flowchart {tree.id}" not in charts
        ]
        self.all_drawn = all(
            file.src_uri in self.drawn for file in files.documentation_pages() if _charts(file.page)
        )
        if missing:
            raise PluginError("procedures-flowcharts:\n  " + "\n  ".join(missing))
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        target = Path(config.site_dir) / self.config.assets
        (target / "fonts").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STYLESHEET, target / STYLESHEET.name)
        for name, data in self.fonts.items():
            (target / "fonts" / name).write_bytes(data)
        if self.all_drawn:  # a build that skipped a chart's page (procedures-serve) did not ask for it
            self.renderer.prune()

    def _directive(self, kind: str, directive: Directive, page: Page, files: Files, shown: str) -> str:
        name, line = directive.argument, directive.line
        if kind == "flowchart":
            if name not in self.trees:
                raise InputError(f"{shown}:{line}: [[flowchart {name}]] names no tree in decision/rules/")
            return self._flowchart(self.trees[name], page, files)
        assert self.book is not None  # on_config always runs first
        if name not in self.book.timelines:
            known = ", ".join(self.book.timelines)
            raise InputError(f"{shown}:{line}: [[timeline-chart {name}]] names no timeline (known: {known})")
        return self._timeline(name, page)

    def _flowchart(self, tree: Tree, page: Page, files: Files) -> str:
        assert self.wording is not None
        wording = self.wording
        if tree.id not in self.charts:
            self.charts[tree.id] = self._drawn(tree, wording)
        chart = self.charts[tree.id]
        aid_page = self.config.aid_page.format(tree=tree.id)
        aid_file = files.get_file_from_path(aid_page)
        if aid_file is None:
            raise InputError(f"docs/{aid_page}, the aid page of tree '{tree.id}', is missing")
        aid, aid_url = self._link(page, aid_page), get_relative_url(aid_file.url, page.url)
        # The text version is added to the aid page after Markdown, where mkdocs cannot see its id to
        # check it, so that link goes in as HTML; tests/browser checks the id is there.
        text_version = self._slot(f"<p>{wording('text_version', link=f'{aid_url}#aid-{tree.id}-text')}</p>")
        # The overview comes first, so a phone's first screen shows where the chart starts.
        blocks = [
            f"## {wording('overview_heading')} {{#overview .flowchart-part-heading}}",
            self._slot(figure_html(chart.overview, self._fonts_url(page, chart.overview), wording)),
            '<div class="flowchart-intro" markdown>',
            wording("use_the_aid", link=aid),
            text_version,
            "</div>",
        ]
        for number, svg in enumerate(chart.parts, start=1):
            heading = wording("detailed_heading")
            if len(chart.parts) > 1:
                heading += ", " + wording("part", part=number, parts=len(chart.parts)).lower()
            blocks.append(f"## {heading} {{#part-{number} .flowchart-part-heading}}")
            blocks.append(self._slot(figure_html(svg, self._fonts_url(page, svg), wording)))
        blocks.append(self._slot(key_html(wording)))
        return "\n\n".join(blocks)

    def _drawn(self, tree: Tree, wording: Wording) -> Chart:
        """The tree's chart, drawn again only if the tree, the wording or the drawing code changed."""
        chart = stored_chart(self.renderer, tree, wording, lambda drawing: tree_chart(tree, drawing, wording))
        return with_version(chart, self.version)

    def _timeline(self, timeline_id: str, page: Page) -> str:
        assert self.book is not None and self.wording is not None
        wording, line = self.wording, self.book.timelines[timeline_id]
        if timeline_id not in self.timelines:
            self.timelines[timeline_id] = timeline_charts(line, self.book, self.renderer, wording)
        blocks = [f"## {line.name} {{#{timeline_id} .timeline-heading}}"]
        blocks += [
            self._slot(figure_html(svg, self._fonts_url(page, svg), wording))
            for svg in self.timelines[timeline_id]
        ]
        if line.note:
            blocks.append(line.note)
        rows = timeline_table_rows(line, self.book, wording)
        caption = wording("timeline_table_caption", name=line.name)
        blocks.append(self._slot(timeline_table_html(rows, caption, wording["timeline_columns"])))
        blocks.append(wording("calculator_link", link=self._link(page, self.config.calculator_page)))
        return "\n\n".join(blocks)

    def _index(self, page: Page) -> str:
        assert self.wording is not None
        return "\n".join(
            "- " + self.wording("flowchart_link", title=tree.title, link=self._link(page, path))
            for tree in self.trees.values()
            if (path := self.config.flowchart_page.format(tree=tree.id)) != page.file.src_uri
        )

    def _slot(self, html: str) -> str:
        """A placeholder that Markdown leaves alone; on_page_content puts the HTML in its place."""
        self.slots.append(html)
        return f'<div class="flowchart-slot" data-slot="{len(self.slots) - 1}"></div>'

    def _fonts_url(self, page: Page, svg: FinishedSvg) -> str:
        self.fonts.update(svg.fonts)
        return get_relative_url(f"{self.config.assets}/fonts/", page.url)

    @staticmethod
    def _link(page: Page, target: str) -> str:
        """A docs-relative page as a Markdown link from this page, so the build checks it."""
        return posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or ".")


def _charts(page: Page | None) -> list[str]:
    return [] if page is None else page.meta.get(CHARTS, [])
