"""Directive lines in a page's Markdown: `[[name]]` or `[[name ARGUMENT]]` on a line of its own.

Every plugin finds its directives here, so they all follow the same rules: lines inside fenced code
blocks are left alone, and a line that starts `[[name` but is not a directive is an error naming the
page and line, never silently kept as text.
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

HEADING = re.compile(r"^(#{1,6})\s")
FENCE = re.compile(r"^\s*(```|~~~)")
ANY_DIRECTIVE = re.compile(r"^\[\[[a-z][a-z-]*(?: [^\s\]]+)?\]\]$")


@dataclass(frozen=True)
class Directive:
    argument: str  # "" for `[[name]]`
    line: int  # from 1
    level: int  # of the last Markdown heading above the line; 1 before any heading


def find_directives(
    markdown: str, page: str, name: str, usage: str, plugin: str, arguments: tuple[str, ...] | None = None
) -> list[Directive]:
    """Each `[[name ...]]` line outside fenced code, in order; PluginError naming the page and line for a
    line that starts `[[name` but is not written as `usage` on a line of its own, or (given `arguments`)
    whose argument is not one of them ("" for none)."""
    written = re.compile(rf"^\[\[{re.escape(name)}(?: ([^\s\]]+))?\]\]$")
    found: list[Directive] = []
    level = 1
    for number, line in _outside_fences(markdown):
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
        text = line.strip()
        if not text.startswith(f"[[{name}") or text[len(name) + 2 : len(name) + 3] not in ("", " ", "]"):
            continue
        match = written.match(text)
        if match is None or (arguments is not None and (match.group(1) or "") not in arguments):
            wanted = f"write the directive as {usage} on a line of its own"
            raise PluginError(f"{plugin}: {page}:{number}: {wanted}, not {text!r}")
        found.append(Directive(match.group(1) or "", number, level))
    return found


def has_directives(markdown: str) -> bool:
    """Whether any line outside fenced code is written as a directive, whatever its name."""
    return any(ANY_DIRECTIVE.match(line.strip()) for _, line in _outside_fences(markdown))


def replace_lines(markdown: str, replacements: Mapping[int, str]) -> str:
    """The Markdown with each line numbered in `replacements` (from 1) replaced by its text."""
    lines = markdown.split("\n")
    for number, text in replacements.items():
        lines[number - 1] = text
    return "\n".join(lines)


def _outside_fences(markdown: str) -> Iterator[tuple[int, str]]:
    """Each line (numbered from 1) that is not inside a fenced code block."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        if not in_fence:
            yield number, line
