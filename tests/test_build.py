"""Bad input fails `mkdocs build --strict` with a message naming the file (and clause) to fix."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from site_build import PROJECT, mkdocs_build, share_chart_cache

INVENTORY = PROJECT / "build_tools" / "clauses" / "clauses.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site's sources; the rule data and the clause inventory are the real ones."""
    copy = tmp_path / "project"
    for folder in ("docs", "includes", "overrides"):
        shutil.copytree(PROJECT / folder, copy / folder)
    shutil.copy2(PROJECT / "mkdocs.yml", copy / "mkdocs.yml")
    # read by the build (rules, clause inventory, Pyodide), never written
    for read_only in ("decision", "build_tools", "node_modules"):
        (copy / read_only).symlink_to(PROJECT / read_only)
    share_chart_cache(copy)
    return copy


def test_a_clone_with_nothing_beside_it_builds(tmp_path: Path) -> None:
    """The repository's own files are enough: no ../shared (or anything else) beside the clone."""
    clone = tmp_path / "clone"
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        if not (PROJECT / name).is_file():  # deleted in the work tree, not yet committed
            continue
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / name, clone / name)
    (clone / "node_modules").symlink_to(PROJECT / "node_modules")  # what `npm ci` installs
    assert sorted(path.name for path in tmp_path.iterdir()) == ["clone"]
    result = mkdocs_build(clone, clone / "site")
    assert result.returncode == 0, result.stdout[-3000:]
    assert (clone / "site" / "index.html").is_file()


def _build_output(project: Path) -> str:
    result = mkdocs_build(project, project.parent / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stdout


def _anchored_clause(project: Path) -> tuple[str, Path]:
    """A clause no rule cites (so this plugin, not the rules check, reports it) and the page that
    anchors it with `{#id}`."""
    cited = " ".join(path.read_text(encoding="utf-8") for path in (PROJECT / "decision").rglob("*.yaml"))
    clauses = yaml.safe_load(INVENTORY.read_text(encoding="utf-8"))["clauses"]
    ids = {clause["id"].lower(): clause["id"] for clause in clauses if clause["id"] not in cited}
    for page in sorted((project / "docs").rglob("*.md")):
        for anchor in re.findall(r"\{#([a-z0-9-]+)\}", page.read_text(encoding="utf-8")):
            if anchor in ids:
                return ids[anchor], page
    raise AssertionError("no page anchors a clause with {#id}")


def test_broken_link_broken_anchor_and_page_missing_from_nav_are_named(project: Path) -> None:
    with (project / "docs" / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n[gone](no-such-page.md) and [nowhere](glossary.md#no-such-anchor)\n")
    (project / "docs" / "not-in-nav.md").write_text("# Not in the nav\n", encoding="utf-8")
    output = _build_output(project)
    assert "'index.md' contains a link 'no-such-page.md'" in output
    assert "'index.md' contains a link 'glossary.md#no-such-anchor'" in output
    assert 'not included in the "nav"' in output and "not-in-nav.md" in output


def test_missing_clause_anchor_names_the_clause_and_its_page(project: Path) -> None:
    clause, page = _anchored_clause(project)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{#" + clause.lower() + "}", ""), encoding="utf-8")
    output = _build_output(project)
    assert f"{clause}: no anchor #{clause.lower()} on any page" in output
    assert str(page.relative_to(project)) in output  # the seed's page, where the anchor belongs


def test_clause_anchored_twice_names_both_files(project: Path) -> None:
    clause, page = _anchored_clause(project)
    with (project / "docs" / "sources.md").open("a", encoding="utf-8") as sources:
        sources.write(f"\nThe same clause again.\n{{#{clause.lower()}}}\n")
    output = _build_output(project)
    assert f"{clause}: anchor #{clause.lower()} appears more than once" in output
    assert str(page.relative_to(project)) in output and "docs/sources.md" in output


def test_malformed_abbreviation_names_the_file_and_line(project: Path) -> None:
    abbreviations = project / "includes" / "abbreviations.md"
    lines = abbreviations.read_text(encoding="utf-8").splitlines()
    broken = "SSO means Social Work Standards Officer"
    abbreviations.write_text("\n".join([*lines, broken]) + "\n", encoding="utf-8")
    output = _build_output(project)
    assert f"includes/abbreviations.md, line {len(lines) + 1}: expected `*[ABBR]: meaning`" in output
