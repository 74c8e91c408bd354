"""A wrong rule stops `mkdocs build` of the real site with the rule file and line (procedures-rules).

One copy of the project; each test breaks one thing in it, builds, and puts the file back.
"""

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from site_build import PROJECT, mkdocs_build, share_chart_cache


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site's sources and of the code that builds it (run from the copy)."""
    root = tmp_path_factory.mktemp("rules")
    copy = root / "project"
    for folder in ("docs", "includes", "overrides", "decision", "build_tools"):
        shutil.copytree(PROJECT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(PROJECT / "mkdocs.yml", copy / "mkdocs.yml")
    (copy / "node_modules").symlink_to(PROJECT / "node_modules")
    share_chart_cache(copy)
    return copy


@pytest.fixture
def broken(project: Path) -> Iterator[Callable[..., tuple[str, int]]]:
    """Replace the first match of a pattern in a project file; the file is restored afterwards."""
    saved: dict[Path, str] = {}

    def breaker(pattern: str, replacement: str, files: str = "decision/rules/*.yaml") -> tuple[str, int]:
        for path in sorted(project.glob(files)):
            text = path.read_text(encoding="utf-8")
            match = re.search(pattern, text, re.MULTILINE)
            if match:
                saved[path] = text
                path.write_text(text[: match.start()] + replacement + text[match.end() :], encoding="utf-8")
                return path.relative_to(project).as_posix(), text.count("\n", 0, match.start()) + 1
        raise AssertionError(f"nothing in {files} matches {pattern!r}")

    yield breaker
    for path, text in saved.items():
        path.write_text(text, encoding="utf-8")


def _failed_build(project: Path) -> str:
    result = mkdocs_build(project, project.parent / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stdout


@pytest.mark.parametrize(
    ("pattern", "replacement", "message"),
    [
        (r"(?<=\bclock: )[a-z0-9-]+$", "no-such-clock", "clock 'no-such-clock' is not a clock"),
        (r"(?<=\btree: )[a-z0-9-]+$", "no-such-tree", "no-such-tree"),
        (
            r"(?<=\bcites: \[)[A-Z]{2}-[A-Z0-9-]+",
            "KA-NO-SUCH-CLAUSE",
            "'KA-NO-SUCH-CLAUSE', which is not a clause",
        ),
    ],
    ids=["clock", "hand-off", "clause"],
)
def test_a_wrong_reference_fails_the_build_naming_file_and_line(
    project: Path, broken, pattern: str, replacement: str, message: str
) -> None:
    file, line = broken(pattern, replacement)
    output = _failed_build(project)
    assert "procedures-rules: the rule files have problems:" in output
    found = re.search(rf"^{re.escape(file)}:(\d+): (.*)$", output, re.MULTILINE)
    assert found and message in found[2], output
    # The line named is the broken line, or the start of the list item (action, option) holding it.
    lines = (project / file).read_text(encoding="utf-8").splitlines()[int(found[1]) - 1 : line]
    indent = len(lines[0]) - len(lines[0].lstrip())
    assert lines[0].lstrip().startswith("- ") or len(lines) == 1, lines
    assert not any(text.startswith(" " * indent + "- ") for text in lines[1:]), lines


def test_a_cited_clause_with_no_text_at_its_anchor_fails_the_build(project: Path, broken) -> None:
    # A clause the rules cite, anchored as a paragraph, moved onto an empty paragraph at the page's end.
    cited = set(re.findall(r"[A-Z]{2}-[A-Z0-9-]+", _all_text(project / "decision" / "rules", "*.yaml")))
    anchors = re.findall(r"^\{#([a-z]{2}-[a-z0-9-]+)\}$", _all_text(project / "docs", "*.md"), re.MULTILINE)
    anchor = next(anchor for anchor in anchors if anchor.upper() in cited)
    page, _ = broken(rf"^\{{#{anchor}\}}$", "", files="docs/**/*.md")
    with (project / page).open("a", encoding="utf-8") as text:
        text.write(f'\n<p id="{anchor}"></p>\n')
    output = _failed_build(project)
    assert "procedures-rules: rules cite clauses with no guidance text:" in output
    assert re.search(
        rf"decision/rules/[a-z0-9-]+\.yaml:\d+: cites {anchor.upper()}, but \S+ has no text", output
    )


def _all_text(folder: Path, pattern: str) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.rglob(pattern)))
