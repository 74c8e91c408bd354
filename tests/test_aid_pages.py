"""Built pages: a page with an aid or the calculator starts the engine from its <head>; no other does;
the Sources page shows the rules version the aids use now."""

from html import escape
from pathlib import Path

from decision.aid.pieces import version_text
from decision.project.rulebook import Project, compile_project

START = "assets/aid/engine-start.mjs"


def test_only_pages_with_an_aid_or_the_calculator_start_the_engine_from_the_head(built_site: Path) -> None:
    with_aid, without = 0, 0
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        if '<div class="aid"' in html or '<div class="calc"' in html:
            with_aid += 1
            base = "../" * (len(path.relative_to(built_site).parts) - 1)
            assert f'<script type="module" async src="{base}{START}"></script>' in head, path
            assert head.index("Content-Security-Policy") < head.index(START), path  # the policy covers it
        else:
            without += 1
            assert "engine-start" not in html, path
    assert with_aid > 10 and without > 10  # guidance, aid and training pages, and the plain ones


def test_the_sources_page_shows_the_current_rules_version(built_site: Path) -> None:
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    assert escape(version_text(compile_project(Project())["version"])) in html
    assert "[[rules version]]" not in html
