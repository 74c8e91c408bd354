"""`./dev serve` (mkdocs serve --dirty) rebuilds only the pages an edit changes, and serves exactly the site
a full build makes from the same files."""

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
from site_build import PROJECT, mkdocs_build, share_chart_cache

SUPERSEDABLE = re.compile(r"[-/][0-9a-f]{16,}\.[a-z.]+$")  # e.g. assets/decision/rules-6e17a104cfa263ee.json


class Session:
    """What mkdocs serve does: start the plugins once, then after each edit load the settings and build."""

    def __init__(self, project: Path, site: Path) -> None:
        self.config_file, self.site = str(project / "mkdocs.yml"), site
        self.drawings: list[Path] = []  # the flowcharts cache after the first build
        load_config(self.config_file, site_dir=str(site)).plugins.on_startup(command="serve", dirty=True)

    def rebuild(self) -> tuple[list[str], set[str]]:
        """The pages mkdocs rendered, and the files whose bytes changed."""
        before = _files(self.site)
        rendered: list[str] = []
        render = Page.render

        def recorded(page: Page, *args: object) -> None:
            rendered.append(page.file.src_uri)
            render(page, *args)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Page, "render", recorded)
            config = load_config(self.config_file, site_dir=str(self.site), strict=True)
            build(config, serve_url=config.site_url, dirty=True)
        after = _files(self.site)
        return rendered, {name for name in after if before.get(name) != after[name]}

    def close(self) -> None:
        plugins = load_config(self.config_file, site_dir=str(self.site)).plugins
        plugins.on_shutdown()
        # mkdocs keeps plugins that have on_startup for the whole process: leave them as a build starts them.
        plugins.on_startup(command="build", dirty=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose pages and rule files the tests edit."""
    copy = tmp_path_factory.mktemp("serve") / "project"
    for folder in ("docs", "includes", "overrides", "decision"):
        shutil.copytree(PROJECT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(PROJECT / "mkdocs.yml", copy / "mkdocs.yml")
    for read_only in ("build_tools", "node_modules"):
        (copy / read_only).symlink_to(PROJECT / read_only)
    share_chart_cache(copy)
    return copy


@pytest.fixture(scope="module")
def session(project: Path) -> Iterator[Session]:
    served = Session(project, project.parent / "served")
    rendered, _ = served.rebuild()
    assert len(rendered) > 100, "the first build renders every page"
    served.drawings = _drawings(project)
    yield served
    served.close()


def test_with_no_edit_nothing_is_rendered_or_written_again(session: Session, project: Path) -> None:
    rendered, changed = session.rebuild()
    assert rendered == []
    assert _drawings(project) == session.drawings
    assert not {name for name in changed if name.endswith(".html")}


def test_a_page_edit_renders_that_page_alone_and_serves_what_a_full_build_makes(
    session: Session, project: Path
) -> None:
    page = project / "docs" / "kent" / "alerts.md"
    with page.open("a", encoding="utf-8") as markdown:
        markdown.write("\nA sentence added while serving.\n")
    rendered, changed = session.rebuild()
    assert rendered == ["kent/alerts.md"]
    assert _drawings(project) == session.drawings, "the chart pages it skipped keep their drawings"
    assert "kent/alerts/index.html" in changed
    # The review pages quote this page's clauses: they may be written again, but no other page is.
    assert {name for name in changed if name.endswith(".html")} - {"kent/alerts/index.html"} <= {
        name for name in changed if name.startswith("review/")
    }
    _assert_same_site(session.site, project)


def test_a_rule_edit_renders_the_pages_made_from_the_rules_and_serves_what_a_full_build_makes(
    session: Session, project: Path
) -> None:
    rule_file = project / "decision" / "rules" / "alert.yaml"
    text = rule_file.read_text(encoding="utf-8")
    edited = re.sub(r"(\n    text: )(.+)", r"\1\2 (edited)", text, count=1)
    assert edited != text
    rule_file.write_text(edited, encoding="utf-8")
    rendered, changed = session.rebuild()
    assert "aids/alert.md" in rendered and "flowcharts/alert.md" in rendered
    assert "surrey/alert-template.md" not in rendered, "a page with no directive is not made from the rules"
    assert "surrey/alert-template/index.html" not in changed
    _assert_same_site(session.site, project)


def _assert_same_site(served: Path, project: Path) -> None:
    full = project.parent / "full"
    shutil.rmtree(full, ignore_errors=True)
    result = mkdocs_build(project, full)
    assert result.returncode == 0, result.stdout
    served_files, full_files = _files(served), _files(full)
    assert sorted(full_files.keys() - served_files.keys()) == [], "files the rebuild did not make"
    # Files named by a hash of their content are not removed when a rebuild supersedes them; nothing links
    # to them, and the service worker (sw.js, compared apart) lists them too.
    left_over = sorted(served_files.keys() - full_files.keys())
    assert [name for name in left_over if not SUPERSEDABLE.search(name)] == []
    assert sorted(name for name in full_files if served_files[name] != full_files[name]) in ([], ["sw.js"])
    listed = _listed(served_files["sw.js"])
    assert listed - _listed(full_files["sw.js"]) == set(left_over)


def _listed(service_worker: bytes) -> set[str]:
    """The files the service worker keeps (its RELEASE, build_tools/offline/release.py)."""
    release = service_worker.decode("utf-8").removeprefix("const RELEASE = ").split(";\n\n", 1)[0]
    return set(json.loads(release)["files"])


def _drawings(project: Path) -> list[Path]:
    return sorted((project / "build" / "flowcharts-cache").iterdir())


def _all(site: Path) -> list[Path]:
    return [path for path in site.rglob("*") if path.is_file()]


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in _all(site)}
