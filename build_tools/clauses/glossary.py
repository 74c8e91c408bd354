"""Turn the acronym definitions into the glossary table."""

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_tools.directives import find_directives, replace_lines

_DEFINITION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]: (?P<meaning>\S.*)$")
# Characters that would otherwise be read as Markdown or break the table row.
_MARKDOWN = re.compile(r"([\\`*_\[\]|])")


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    meaning: str


def read_abbreviations(path: Path, shown: str) -> list[Abbreviation]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise PluginError(f"procedures-clauses: cannot read {shown}: {error}") from error
    found: dict[str, int] = {}
    abbreviations = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        match = _DEFINITION.match(line.rstrip())
        if not match:
            raise PluginError(
                f"procedures-clauses: {shown}, line {number}: expected `*[ABBR]: meaning`, found {line!r}"
            )
        abbr = match["abbr"]
        if abbr in found:
            raise PluginError(
                f"procedures-clauses: {shown}, line {number}: {abbr} is already defined on line {found[abbr]}"
            )
        found[abbr] = number
        abbreviations.append(Abbreviation(abbr=abbr, meaning=match["meaning"]))
    return abbreviations


def glossary_table(abbreviations: list[Abbreviation]) -> str:
    rows = [f"| {_cell(a.abbr)} | {_cell(a.meaning)} |" for a in sorted(abbreviations, key=_sort_key)]
    return "\n".join(["| Abbreviation | Meaning |", "| --- | --- |", *rows])


def fill_glossary(markdown: str, table: str, shown: str) -> str:
    """Replace the page's one `[[glossary]]` line with the table."""
    found = find_directives(markdown, shown, "glossary", "[[glossary]]", "procedures-clauses", ("",))
    if len(found) != 1:
        count = len(found)
        raise PluginError(f"procedures-clauses: {shown} needs exactly one `[[glossary]]` line, found {count}")
    return replace_lines(markdown, {found[0].line: table})


def _cell(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", text).replace("<", "&lt;")


def _sort_key(abbreviation: Abbreviation) -> str:
    return abbreviation.abbr.casefold()
