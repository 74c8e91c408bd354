"""The procedures-aids plugin's own pieces: the directive, clause anchors, and the aid's HTML in a page."""

from types import SimpleNamespace

import pytest
from aid_bundle import project_bundle
from mkdocs.exceptions import PluginError

from build_tools.aids.directive import SLOT, guidance_problems, replace_directives
from build_tools.aids.embed import aid_html, unsearched
from build_tools.aids.site import anchors_in, check_citations
from decision.project.rulebook import Project, load_tree

TREES = {"alert", "national-panel"}


def test_a_directive_becomes_a_slot_one_heading_level_below_the_heading_above_it():
    markdown = "# Page\n\nText.\n\n## Use the decision aid\n\n[[aid alert]]\n\n## Next\n"
    replaced, found = replace_directives(markdown, "docs/kent/alerts.md", TREES)
    assert [(directive.tree, directive.level, directive.line) for directive in found] == [("alert", 3, 7)]
    assert [match.groups() for match in SLOT.finditer(replaced)] == [("alert", "3")]
    assert "[[aid" not in replaced


def test_a_directive_in_a_code_block_is_left_alone():
    markdown = "# Page\n\n```\n[[aid nonsense]]\n```\n"
    assert replace_directives(markdown, "docs/x.md", TREES) == (markdown, [])


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("# P\n\n[[aid unknown-tree]]\n", "docs/x.md:3: no decision tree 'unknown-tree'"),
        ("# P\n\n[[aid Alert]]\n", "docs/x.md:3: write the directive as [[aid TREE-ID]]"),
        ("# P\n\n[[aid alert]] and more\n", "docs/x.md:3: write the directive as [[aid TREE-ID]]"),
        (
            "# P\n\n[[aid alert]]\n\n[[aid national-panel]]\n",
            "docs/x.md:5: only one aid per page (line 3 has one)",
        ),
    ],
)
def test_a_bad_directive_names_the_page_and_line(markdown, message):
    with pytest.raises(
        PluginError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")
    ):
        replace_directives(markdown, "docs/x.md", TREES)


def test_anchors_are_found_in_headings_paragraphs_and_table_cells():
    markdown = (
        '## Heading {#ka-purpose}\n\nText.\n{ #ka-scope }\n\n| <span id="ka-cat-death">Death</span> |\n'
    )
    assert anchors_in(markdown) == {"ka-purpose", "ka-scope", "ka-cat-death"}


def test_a_cited_clause_with_no_anchor_stops_the_build_naming_the_rule_file():
    trees = {"alert": load_tree(Project(), "alert")}
    with pytest.raises(
        PluginError, match=r"decision/rules/alert.yaml: cites KA-\S+, but no page has the anchor"
    ):
        check_citations(trees, {})


def test_the_aid_in_the_page_has_the_first_question_status_line_and_open_text_version():
    html = aid_html(project_bundle(), "national-panel", "../../", 2, own_page=True)
    assert html.startswith('<div class="aid" data-tree="national-panel" data-base="../../" data-level="2"')
    assert 'data-status-failed="The decision aid could not start: {reason}.' in html
    assert '<p class="aid-status" role="status" aria-live="polite"></p>' in html
    assert '<div class="aid-step" data-status="question" data-question="what-happened">' in html
    assert '<details class="aid-text" id="aid-national-panel-text" open>' in html
    assert '<form data-search-exclude class="aid-form"' in html  # the form is never indexed


def test_the_text_version_is_kept_out_of_search_on_pages_other_than_the_aids_own():
    html = aid_html(project_bundle(), "national-panel", "../../", 2, own_page=False)
    assert '<details data-search-exclude class="aid-text" id="aid-national-panel-text" open>' in html
    assert '<h3 data-search-exclude class="aid-heading" id="aid-national-panel-node-what-happened">' in html


def test_html_that_search_cannot_exclude_stops_the_build_naming_the_tree():
    with pytest.raises(PluginError, match=r"tree 'alert': cannot keep this HTML out of search"):
        unsearched("<div><div>nested</div></div>", "alert")


def test_each_tree_must_have_its_aid_on_its_guidance_page():
    tree = load_tree(Project(), "alert")
    pages = {tree.guidance: "# Alerts\n\n```\n[[aid alert]]\n```\n"}  # in a code block: not the aid
    files = SimpleNamespace(
        get_file_from_path=lambda path: SimpleNamespace(content_string=pages[path]) if path in pages else None
    )
    problems = [str(problem) for problem in guidance_problems({"alert": tree}, files)]
    assert problems == [
        f"decision/rules/alert.yaml:{tree.lines['guidance']}: tree 'alert': "
        "its guidance page docs/kent/alerts.md has no line [[aid alert]]"
    ]
    pages[tree.guidance] = "# Alerts\n\n[[aid alert]]\n"
    assert guidance_problems({"alert": tree}, files) == []
