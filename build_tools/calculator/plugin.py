"""`procedures-calculator`: the deadline calculator on the page that has `[[deadline-calculator]]`.

The directive becomes a form listing every clock and timeline in decision/clocks.yaml, and tables of
them all for reading without the calculator. Its script (an external module, so the site's CSP allows
it) goes only on that page; it starts the aids' engine worker, so no other page loads Pyodide. The
engine itself is put in the site by `procedures-aids`, which this plugin needs.
"""

import re
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools.aids.site import clause_pages
from build_tools.calculator.catalogue import cited
from build_tools.calculator.config import CalculatorConfig
from build_tools.calculator.directive import SLOT, replace_directive
from build_tools.calculator.embed import calculator_html
from build_tools.calculator.wording import WORDING
from build_tools.pyodide.bundle import STARTS_ENGINE
from build_tools.rules.model import build_rules
from decision.deadlines import deadline_data
from decision.project.wording import Wording, WordingError, load_wording

STATIC = Path(__file__).resolve().parent / "static"


class CalculatorPlugin(BasePlugin[CalculatorConfig]):
    def __init__(self) -> None:
        self.data: deadline_data.DeadlineData | None = None
        self.wording = Wording({})
        self.clause_pages: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.wording = load_wording("calculator.yaml", WORDING)
        except WordingError as error:
            raise PluginError(f"procedures-calculator: {error}") from None
        self.data = build_rules(config, "procedures-calculator").deadlines
        styles = f"{self.config.assets}/calculator.css"
        if styles not in config.extra_css:
            config.extra_css.append(styles)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.data is not None  # on_config always runs first
        wanted = cited(self.data.book)
        self.clause_pages = clause_pages(files, wanted)
        missing = sorted(wanted - set(self.clause_pages))
        if missing:
            lines = "\n  ".join(
                f"cites {cite}, but no page has the anchor #{cite.lower()}" for cite in missing
            )
            raise PluginError(f"procedures-calculator: {deadline_data.CLOCKS_NAME}:\n  {lines}")
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown, found = replace_directive(markdown, f"docs/{page.file.src_uri}")
        if found is not None:
            page.meta[STARTS_ENGINE] = True  # overrides/main.html then starts the engine from <head>
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        data = self.data
        assert data is not None
        base = "../" * page.url.count("/")
        hrefs = {clause: f"{base}{url}#{clause.lower()}" for clause, url in self.clause_pages.items()}
        script = f"{base}{self.config.assets}/calculator.mjs"

        def calculator(slot: re.Match) -> str:
            return calculator_html(self.wording, data.book, hrefs, int(slot.group(1)), base, script)

        return SLOT.sub(calculator, html)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        target = Path(config.site_dir) / self.config.assets
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(STATIC.iterdir()):
            shutil.copyfile(path, target / path.name)
