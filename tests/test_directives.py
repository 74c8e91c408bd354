"""The one reader of `[[name ARGUMENT]]` directive lines that every plugin uses."""

import pytest
from mkdocs.exceptions import PluginError

from build_tools.directives import find_directives, replace_lines


def find(markdown: str, name: str = "training", arguments: tuple[str, ...] | None = None):
    return find_directives(markdown, "docs/x.md", name, f"[[{name} WHAT]]", "procedures-x", arguments)


def test_directives_are_found_with_their_argument_line_and_the_heading_level_above():
    markdown = "# Page\n\n[[training scenarios]]\n\n### Later\n\n  [[training answers]]\n"
    found = [(item.argument, item.line, item.level) for item in find(markdown)]
    assert found == [("scenarios", 3, 1), ("answers", 7, 3)]


def test_lines_in_fenced_code_and_other_directives_are_left_alone():
    fenced = "```\n[[training scenarios]]\n```\n~~~\n[[training oops\n~~~\n"
    markdown = fenced + "[[trainings]]\n[[flowchart-index]]\nsee [[training x]] here\n"
    assert find(markdown) == []
    assert find(markdown, "flowchart") == []


@pytest.mark.parametrize("line", ["[[training scenarios]] and more", "[[training", "[[training two words]]"])
def test_a_malformed_directive_names_the_plugin_page_and_line(line):
    with pytest.raises(PluginError, match=r"^procedures-x: docs/x\.md:3: write the directive as \[\[train"):
        find(f"# P\n\n{line}\n")


def test_an_argument_that_is_not_allowed_is_malformed():
    assert [item.argument for item in find("[[rules version]]", "rules", ("version",))] == ["version"]
    with pytest.raises(PluginError, match=r"docs/x\.md:1: .* not '\[\[rules versions\]\]'"):
        find("[[rules versions]]", "rules", ("version",))
    with pytest.raises(PluginError, match=r"docs/x\.md:2: "):
        find("\n[[deadline-calculator now]]", "deadline-calculator", ("",))


def test_replace_lines_replaces_only_the_numbered_lines():
    assert replace_lines("a\n[[x]]\nc", {2: "<b>\nB</b>"}) == "a\n<b>\nB</b>\nc"
