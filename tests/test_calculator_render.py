"""The deadline calculator as the build draws it: every clock and timeline in the form and the tables."""

import re
from html import escape, unescape
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from build_tools.calculator.catalogue import cited
from build_tools.calculator.directive import replace_directive
from build_tools.calculator.embed import calculator_html
from build_tools.calculator.plugin import CalculatorPlugin
from build_tools.calculator.tables import amount_text
from build_tools.calculator.wording import WORDING
from decision.aid.calculator import fields_from_fragment
from decision.project.deadline_files import load_deadlines
from decision.project.wording import Wording, load_wording

SCRIPT = Path(__file__).resolve().parents[1] / "build_tools" / "calculator" / "static" / "calculator.mjs"
# The clocks counting hours forward from an event, and the timelines starting with one (clocks.yaml).
NEED_TIME = {
    "clock:return-interview",
    "clock:placing-authority-confirmation",
    "clock:joint-agency-response",
    "timeline:unexpected-child-death",
    "timeline:child-found",
}


@pytest.fixture(scope="module")
def book():
    return load_deadlines().book


@pytest.fixture(scope="module")
def wording() -> Wording:
    return load_wording("calculator.yaml", WORDING)


@pytest.fixture(scope="module")
def html(book, wording) -> str:
    hrefs = {clause: f"../page/#{clause.lower()}" for clause in cited(book)}
    return calculator_html(wording, book, hrefs, 3, "../", "../assets/calculator/calculator.mjs")


def _form(html: str) -> str:
    return html[html.index("<form") : html.index("</form>")]


def _tables(html: str) -> str:
    return html[html.index('id="calc-every-clock"') :]


def test_the_form_offers_every_clock_and_timeline_by_name(html: str, book) -> None:
    offered = re.findall(r'<option value="([a-z]+:[a-z0-9-]+)"[^>]*>([^<]*)</option>', _form(html))
    expected = [(f"clock:{clock.id}", escape(clock.name)) for clock in book.clocks.values()]
    expected += [(f"timeline:{line.id}", escape(line.name)) for line in book.timelines.values()]
    assert sorted(offered) == sorted(expected)
    assert {"timeline:surrey-iro-alert", "timeline:rutland-practice-alert"} <= {value for value, _ in offered}


def test_options_are_grouped_by_authority_clocks_before_timelines(html: str, book) -> None:
    groups = re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', _form(html))
    labels = [unescape(label) for label, _ in groups]
    assert labels == [
        "Kent: timescales", "Surrey: timescales", "Rutland: timescales",
        "Kent: timelines", "Surrey: timelines", "Rutland: timelines",
    ]  # fmt: skip
    for label, options in groups:
        authority = unescape(label).split(":")[0]
        for kind, item in re.findall(r'value="([a-z]+):([a-z0-9-]+)"', options):
            found = book.clocks[item] if kind == "clock" else book.timelines[item]
            assert found.authority == authority, f"{kind} {item} is under {label}"


def test_only_hour_clocks_ask_for_the_time(html: str) -> None:
    timed = set(re.findall(r'<option value="([a-z]+:[a-z0-9-]+)"[^>]*data-needs-time', _form(html)))
    assert timed == NEED_TIME


def test_each_option_says_what_it_counts_from(html: str, book) -> None:
    starts = dict(re.findall(r'<option value="clock:([a-z0-9-]+)" data-starts="([^"]*)"', _form(html)))
    assert (
        unescape(starts["national-panel-notification"]) == "Counted from: Knowledge of the serious incident"
    )
    assert starts.keys() == book.clocks.keys()


def test_the_static_table_lists_every_clock_with_its_rule_and_links(html: str, book, wording) -> None:
    tables = _tables(html)
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', tables)
    by_name = {unescape(name): cells for name, cells in rows}
    for clock in book.clocks.values():
        cells = by_name[clock.name]
        assert escape(clock.starts) in cells
        assert escape(amount_text(wording, book, clock)) in cells
        assert escape(clock.counting) in cells
        for cite in clock.cites:
            assert f'<a href="../page/#{cite.lower()}">{cite}</a>' in cells


def test_the_static_table_shows_both_readings_where_the_sources_disagree(html: str, book) -> None:
    for clock_id in ("national-panel-notification", "rapid-review"):
        clock = book.clocks[clock_id]
        assert escape(clock.conflict) in _tables(html)
        assert escape(clock.alternative.counting) in _tables(html)


def test_the_static_table_lists_every_timeline_and_its_steps(html: str, book) -> None:
    tables = _tables(html)
    for line in book.timelines.values():
        row = re.search(rf'<tr><th scope="row">{re.escape(escape(line.name))}</th>(.*?)</tr>', tables)
        assert row, line.id
        for step in line.steps:
            assert f"<li>{escape(step.label)}: " in row.group(1)


def test_amounts_read_as_words(wording: dict, book) -> None:
    assert amount_text(wording, book, book.clocks["alert-response-urgent"]) == "1 working day"
    assert amount_text(wording, book, book.clocks["return-interview"]) == "72 hours"
    assert amount_text(wording, book, book.clocks["rapid-review"]) == (
        "15 calendar days; on the other reading, 15 working days"
    )
    assert (
        amount_text(wording, book, book.clocks["icpc-report"])
        == "2 working days before: The Initial Child Protection Conference"
    )


def test_the_page_says_it_needs_the_engine_and_loads_the_module_script(html: str) -> None:
    assert '<p class="calc-needs-engine">The calculator works out dates in your browser' in html
    assert html.endswith('<script type="module" src="../assets/calculator/calculator.mjs"></script>')
    assert 'data-base="../" data-level="3"' in html
    failed = re.search(r'data-status-failed="([^"]*)"', html)
    assert failed and "{reason}" in unescape(failed.group(1))  # the script fills in why


def test_the_form_names_its_fields_as_the_engine_reads_them(html: str, book) -> None:
    """decision/aid/calculator.py reads the submitted form and fills it from a link: same names."""
    assert set(re.findall(r'name="([^"]+)"', _form(html))) == set(fields_from_fragment(book, ""))


def test_each_group_has_the_error_slot_the_engine_fills(html: str, book) -> None:
    groups = set(re.findall(r'<div class="calc-group[^"]*" id="calc-([a-z0-9-]+)-group"', _form(html)))
    slots = set(re.findall(r'<p class="aid-error-message" id="calc-([a-z0-9-]+)-error" hidden>', _form(html)))
    assert groups == slots
    assert {"what", "event", "event-time", "h-serious-incident-agency-summaries"} <= groups
    for group in groups:  # read out with its field whenever it holds a message
        assert re.search(rf'aria-describedby="[^"]*\bcalc-{group}-error\b', _form(html)), group


def test_the_script_holds_no_date_logic_or_wording() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    for sign in ("Date(", "getUTC", "padStart", "months", "weekdays", "data-wording", "/^\\d"):
        assert sign not in script, sign


def test_the_directive_becomes_a_slot_one_level_below_the_heading_above() -> None:
    markdown, line = replace_directive("# Page\n\n## Calculate\n\n[[deadline-calculator]]\n", "docs/x.md")
    assert line == 5
    assert '<div class="calc-slot" data-level="3"></div>' in markdown
    assert "[[deadline-calculator]]" not in markdown


def test_a_directive_in_a_code_block_is_left_alone() -> None:
    text = "# Page\n\n```\n[[deadline-calculator]]\n```\n"
    assert replace_directive(text, "docs/x.md") == (text, None)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("[[deadline-calculator now]]", "write the directive as [[deadline-calculator]]"),
        ("[[deadline-calculator]] and more", "write the directive as [[deadline-calculator]]"),
        ("[[deadline-calculator", "write the directive as [[deadline-calculator]]"),
    ],
)
def test_a_malformed_directive_is_an_error_naming_page_and_line(line: str, says: str) -> None:
    plugin = CalculatorPlugin()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="deadlines.md"))
    with pytest.raises(PluginError) as raised:
        plugin.on_page_markdown(f"# Deadlines\n\nIntro.\n\n{line}\n", page=page, config=None, files=None)
    assert f"procedures-calculator: docs/deadlines.md:5: {says}" in str(raised.value)
    assert repr(line) in str(raised.value)


def test_a_second_directive_is_an_error_naming_both_lines() -> None:
    text = "# Page\n\n[[deadline-calculator]]\n\n[[deadline-calculator]]\n"
    with pytest.raises(PluginError, match=r"docs/x\.md:5: only one calculator per page \(line 3 has one\)"):
        replace_directive(text, "docs/x.md")


def test_a_timeline_offers_the_real_date_of_each_step_later_steps_count_from(html: str) -> None:
    groups = re.findall(
        r'<div class="calc-group calc-happened" id="calc-([a-z0-9-]+)-group" data-for="([^"]+)"', html
    )
    serious = [group for group, chosen in groups if chosen == "timeline:serious-incident"]
    assert serious == [
        "h-serious-incident-national-panel-notification",
        "h-serious-incident-agency-summaries",
    ]
    assert "timeline:child-found" not in {chosen for _, chosen in groups}  # nothing counts from a step
    legend = re.search(
        r'id="calc-h-serious-incident-national-panel-notification-group".*?<legend[^>]*>([^<]*)<', html
    )
    assert legend.group(1) == "The National Panel notification is made: the real date, once you know it"
    assert 'name="h-serious-incident-agency-summaries-year"' in html
