"""The Rules review pages: what they list from the project's rules, and the guidance text they copy."""

import re
from html import unescape

import pytest

from build_tools.rules.excerpts import page_conflicts, page_excerpts, relinked
from build_tools.rules.model import Rules, load_rules
from build_tools.rules.review import PLACEHOLDER, ReviewPage, review_pages
from build_tools.rules.wording import WORDING
from decision.aid.pieces import version_text
from decision.project.rulebook import Project
from decision.project.wording import load_wording
from decision.trees.engine import format_date

GUIDANCE = """<h2 id="who-decides">Who decides<a class="headerlink" href="#who-decides">&para;</a></h2>
<p id="ka-who">The Service Manager decides. See <a href="../alerts/#ka-other">the alert rules</a>.</p>
<div class="aid-slot"><form id="aid-form"></form></div>
<p>Harm is serious if it is:</p>
<h3 id="ka-heading">Serious harm</h3>
<p>It is one of these:</p>
<ul>
<li>a life-threatening injury</li>
</ul>
<h3 id="next">Next</h3>
<table>
<thead>
<tr><th>Stage</th><th>Who</th></tr>
</thead>
<tbody>
<tr><td><span id="ru-stage-1">Stage 1</span></td><td>Team Manager</td></tr>
<tr><td><span id="ru-stage-2"></span></td><td>Service Manager</td></tr>
</tbody>
</table>
<p id="ka-list">Check all of these:</p>
<ul>
<li>family and friends</li>
</ul>
<div class="admonition warning">
<p class="admonition-title">Conflict in the source: four stages or six?</p>
<p>The text says four; the table lists six.</p>
</div>
"""


def _excerpts(anchors: set[str]) -> dict:
    found = page_excerpts(GUIDANCE, "kent/national-panel/", "After a notification", anchors)
    return {excerpt.anchor: excerpt for excerpt in found}


def test_a_paragraph_is_its_own_text_without_ids_or_permalinks() -> None:
    excerpt = _excerpts({"ka-who"})["ka-who"]
    assert excerpt.html == (
        '<p>The Service Manager decides. See <a href="../alerts/#ka-other">the alert rules</a>.</p>'
    )
    assert not excerpt.empty


def test_a_heading_takes_the_text_under_it_up_to_the_next_heading() -> None:
    html = _excerpts({"ka-heading"})["ka-heading"].html
    assert html.startswith(
        '<p class="review-heading"><strong>Serious harm</strong></p><p>It is one of these:'
    )
    assert "a life-threatening injury" in html and "Next" not in html and " id=" not in html


def test_a_table_cell_takes_its_row_with_the_header_row() -> None:
    html = _excerpts({"ru-stage-1"})["ru-stage-1"].html
    assert re.sub(r"\s+", "", html) == (
        "<table><thead><tr><th>Stage</th><th>Who</th></tr></thead>"
        "<tbody><tr><td><span>Stage1</span></td><td>TeamManager</td></tr></tbody></table>"
    )


def test_a_paragraph_ending_in_a_colon_takes_the_list_after_it() -> None:
    assert "family and friends" in _excerpts({"ka-list"})["ka-list"].html


def test_an_anchor_with_no_text_is_empty_and_a_missing_one_is_not_found() -> None:
    found = _excerpts({"ru-stage-2", "ka-nowhere"})
    assert found["ru-stage-2"].empty and "ka-nowhere" not in found


def test_conflict_notes_are_found_with_the_heading_they_sit_under() -> None:
    [conflict] = page_conflicts(GUIDANCE, "rutland/practice-alerts/", "Practice alerts")
    assert conflict.section == "next"
    assert "four stages or six?" in conflict.html and "lists six" in conflict.html


def test_links_are_rewritten_to_work_from_the_review_page() -> None:
    html = '<a href="../alerts/#ka-x">a</a> <a href="#kn-y">b</a> <a href="https://example.org/">c</a>'
    assert relinked(html, "kent/national-panel/", "../../") == (
        '<a href="../../kent/alerts/#ka-x">a</a> <a href="../../kent/national-panel/#kn-y">b</a> '
        '<a href="https://example.org/">c</a>'
    )


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(Project())


@pytest.fixture(scope="module")
def pages(rules: Rules) -> dict[str, ReviewPage]:
    words = load_wording("rules.yaml", WORDING)
    return {page.path: page for page in review_pages(rules, words, "review", "aids/{tree}.md")}


def test_one_page_per_tree_and_for_the_clocks_and_readings(rules: Rules, pages: dict) -> None:
    expected = {f"review/{tree}.md" for tree in rules.trees} | {
        "review/index.md",
        "review/clocks.md",
        "review/readings.md",
    }
    assert set(pages) == expected
    for path in expected - {"review/index.md"}:
        assert path.removeprefix("review/") in pages["review/index.md"].markdown


def test_each_tree_page_lists_every_rule_beside_each_clause_it_cites(rules: Rules, pages: dict) -> None:
    for tree in rules.trees.values():
        page = pages[f"review/{tree.id}.md"]
        text = unescape(page.markdown)
        cited = {cite for cite in PLACEHOLDER.findall(page.markdown)}
        for question in tree.questions.values():
            assert question.text in text
            for option in question.options:
                assert option.label in text and set(option.cites) <= cited
        for outcome in tree.outcomes.values():
            assert set(outcome.cites) <= cited
            for action in outcome.actions:
                assert action.who in text and set(action.cites) <= cited
        assert {cite for item in tree.not_modelled for cite in item.cites} <= cited
        assert format_date(tree.reviewed) in text and version_text(rules.version) in text
        assert page.markdown.rstrip().endswith("</div></div>") and "Signature" in page.markdown


def test_the_clocks_page_lists_every_clock_and_reading(rules: Rules, pages: dict) -> None:
    text = unescape(pages["review/clocks.md"].markdown)
    for clock in rules.book.clocks.values():
        assert f"{{#clock-{clock.id}}}" in text and clock.counting in text
        for reading in (clock.reading, clock.conflict):
            assert reading is None or reading in text
