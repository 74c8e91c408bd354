"""The aid's HTML and record (decision/aid/), drawn the same in the build and in the browser."""

import re
from collections import Counter
from html import escape
from html.parser import HTMLParser

import pytest
from aid_bundle import MADE_AT, project_bundle

from build_tools.aids.site import cited
from decision.aid.check_html import check_html
from decision.aid.fragment import State, format_state, parse
from decision.aid.outcome_html import outcome_html
from decision.aid.question_html import question_html
from decision.aid.record import record_text
from decision.aid.text_version import text_version_html
from decision.aid.view import Due, Fault, Start
from decision.aid.wording import say
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, tree_ids
from decision.trees.engine import evaluate
from decision.trees.tree import parse_tree

TREES = tree_ids(Project())
ZONE = load_deadlines().zone


class _Page(HTMLParser):
    """Ids, in-page links, other links and heading levels of a piece of HTML, and whether it nests."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.fragment_links: list[str] = []
        self.links: list[str] = []
        self.headings: list[int] = []
        self.open: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"])
        href = values.get("href")
        if tag == "a" and href:
            (self.fragment_links if href.startswith("#") else self.links).append(href)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def site(level: int = 2):
    return project_bundle().site("../../", level)


def tree(tree_id: str):
    return project_bundle().trees[tree_id]


@pytest.mark.parametrize("tree_id", TREES)
def test_text_version_lists_every_node_once_and_every_link_lands(tree_id):
    html = text_version_html(site(), tree(tree_id))
    page = _Page(html)
    assert not page.open
    nodes = [*tree(tree_id).questions, *tree(tree_id).outcomes]
    assert Counter(page.ids)[f"aid-{tree_id}-node-{nodes[0]}"] == 1
    assert {f"aid-{tree_id}-node-{node}" for node in nodes} <= set(page.ids)
    assert len(page.ids) == len(set(page.ids))
    assert {link[1:] for link in page.fragment_links} <= set(page.ids)
    clause_links = {link for link in page.links if "#" in link and not link.startswith("../../aids/")}
    expected = {site().clause_href(cite) for cite in cited(tree(tree_id))}
    assert clause_links == expected


def test_text_version_headings_start_at_the_aid_level():
    page = _Page(text_version_html(site(level=3), tree("alert")))
    assert min(page.headings) == 3 and max(page.headings) == 4


def test_text_version_writes_conditions_in_words():
    html = text_version_html(site(), tree("national-panel"))
    years = say(
        "cond_years_before",
        date="What was the date of death?",
        other="What was the care leaver's date of birth?",
        years=25,
    )
    assert f"If {escape(years)}:" in html
    harmed = say("cond_equals", question="What has happened?", value="A child has been harmed or injured")
    assert f"If {escape(harmed)}{say('cond_and')}" in html


def test_first_question_is_a_real_form_with_its_guidance_after_the_answers():
    question = tree("alert").questions["concern"]
    html = question_html(site(), tree("alert"), question)
    page = _Page(html)
    assert not page.open
    assert '<form class="aid-form" method="dialog"' in html  # submitting without the script sends nothing
    assert '<legend class="aid-legend"><h2 class="aid-heading" id="aid-alert-heading" tabindex="-1">' in html
    assert html.count('type="radio"') == len(question.options)
    # The clause links sit behind one control after the last answer, so the keyboard meets the answers first.
    guidance = html.index(f'<details class="aid-guidance"><summary>{say("question_guidance")}</summary>')
    assert html.rindex('type="radio"') < guidance < html.index('type="submit"')
    first_clause = site().clause_href(question.options[0].cites[0])
    assert html.count("<details") == 1 and html.index(first_clause) > guidance


def test_inputs_in_error_are_marked_invalid_and_the_message_names_the_question():
    question = tree("alert").questions["concern"]
    fault = Fault(say("choose_one", question=question.text), "0")
    assert question.text in fault.message
    html = question_html(site(), tree("alert"), question, fault=fault)
    assert html.count('aria-invalid="true"') == len(question.options)
    assert "aria-invalid" not in question_html(site(), tree("alert"), question)


def test_every_input_has_a_label_and_hints_are_described():
    question = tree("alert").questions["ofsted-triggers"]
    html = question_html(site(), tree("alert"), question, fault=Fault("Select at least one answer", "0"))
    for input_id in re.findall(r'<input [^>]*\bid="([^"]+)"', html):
        assert f'<label class="aid-choices__label" for="{input_id}">' in html
    assert 'aria-describedby="aid-alert-hint aid-alert-error"' in html
    assert 'class="aid-choices__divider">or<' in html  # before the options that stand alone
    assert 'data-exclusive="true"' in html


def test_text_from_the_rules_is_escaped():
    raw = {
        "id": "escape",
        "title": "T",
        "summary": "S",
        "authority": "Kent",
        "guidance": "kent/alerts.md",
        "reviewed": "2026-11-24",
        "start": "q",
        "questions": [
            {
                "id": "q",
                "kind": "choice",
                "text": "Is <b>this</b> & that?",
                "options": [
                    {"value": "a", "label": "<script>alert(1)</script>", "cites": ["KA-SCOPE"]},
                    {"value": "b", "label": "B", "cites": ["KA-SCOPE"]},
                ],
                "next": [{"go": "done"}],
            }
        ],
        "outcomes": [{"id": "done", "decision": "D", "urgency": "no-action", "cites": ["KA-SCOPE"]}],
    }
    small = parse_tree(raw, "test")
    html = question_html(site(), small, small.questions["q"]) + text_version_html(site(), small)
    assert "<script>" not in html and "<b>" not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "Is &lt;b&gt;this&lt;/b&gt; &amp; that?" in html
    )


def test_check_your_answers_lists_each_answer_with_its_labels():
    state = parse("concern=died&ofsted-triggers=public-concern,staff-conduct", tree("alert"))
    result = evaluate(tree("alert"), state.answers)
    html = check_html(site(), tree("alert"), result["trail"], state, "#back")
    assert html.count('class="aid-summary__row"') == 2
    assert (
        "<ul><li>A child has died or been seriously harmed" in html
    )  # two answers to one question, as a list


def test_outcome_shows_dues_and_the_dates_form_keeps_what_was_typed():
    state = parse(
        "what-happened=child-died&where-it-happened=in-kent&abuse-or-neglect=yes&looked-after-by-kent=no"
        "&placed-by-other-authority=no&show=outcome",
        tree("national-panel"),
    )
    result = evaluate(tree("national-panel"), state.answers)
    starts = [
        Start("serious-incident", "Knowledge of a serious incident", "2026-12-24"),
        Start(
            "unexpected-child-death",
            "The child's death",
            None,
            Fault("Enter the time", "unexpected-child-death-time"),
            {"day": "23", "month": "11", "year": "2026", "time": ""},
        ),
    ]
    latest = "At the latest, on the reading that the guidance applies: By the end of Tuesday 5 January 2027"
    dues = {"national-panel-notification": Due("By the end of Monday 28 December 2026", ("A note.",), latest)}
    html = outcome_html(site(), tree("national-panel"), result, state, starts, dues, MADE_AT, ZONE)
    assert not _Page(html).open
    assert (  # the date to work to is the headline; the latest date follows it, never first
        '<strong>By the end of Monday 28 December 2026</strong> <span class="aid-latest">At the latest, on '
        "the reading that the guidance applies: By the end of Tuesday 5 January 2027.</span> A note."
    ) in html
    assert 'name="serious-incident-day" type="text" inputmode="numeric" autocomplete="off" value="24"' in html
    assert (
        'name="unexpected-child-death-day" type="text" inputmode="numeric" autocomplete="off" value="23"'
        in html
    )
    assert (
        'href="#aid-national-panel-unexpected-child-death-time">The child&#x27;s death: Enter the time'
        in html
    )
    assert 'id="aid-national-panel-unexpected-child-death-time"' in html
    # Only the time box at fault is marked; the date boxes beside it are fine.
    assert re.findall(r'name="([^"]+)"[^>]*aria-invalid="true"', html) == ["unexpected-child-death-time"]


def test_outcome_record_has_what_print_needs():
    state = parse(
        "what-happened=child-died&where-it-happened=in-kent&abuse-or-neglect=yes&looked-after-by-kent=no"
        "&placed-by-other-authority=no&show=outcome&when.serious-incident=2026-12-24",
        tree("national-panel"),
    )
    result = evaluate(tree("national-panel"), state.answers)
    starts = [Start("serious-incident", "Knowledge of a serious incident", "2026-12-24")]
    html = outcome_html(site(), tree("national-panel"), result, state, starts, {}, MADE_AT, ZONE)
    record = html[html.index('<div class="aid-record"') : html.index('<div class="aid-record-actions')]
    assert say("record_title", title=tree("national-panel").title) in record
    assert "<li>Knowledge of a serious incident: 24 December 2026</li>" in record
    assert f'<a href="#{escape(format_state(state))}" data-aid-address>' in record
    assert "Worked out on 24 November 2026 at 14:05 UK time (GMT)." in record
    summer = outcome_html(site(), tree("national-panel"), result, state, [], {}, "2026-07-01T09:00", ZONE)
    assert "at 09:00 UK time (BST)." in summer


def test_a_hand_off_links_to_the_other_aid_page():
    state = parse("concern=died&ofsted-triggers=none&show=outcome", tree("alert"))
    result = evaluate(tree("alert"), state.answers)
    outcome = tree("alert").outcomes[result["outcome"]["id"]]
    html = outcome_html(site(), tree("alert"), result, state, [], {}, MADE_AT, ZONE)
    for item in outcome.consider:
        if item.tree:
            assert (
                f'<a href="../../aids/{item.tree}/">Use the decision aid: {tree(item.tree).title}</a>' in html
            )


def test_record_text_lists_dates_given_and_when_actions_are_due():
    state = parse("concern=died&ofsted-triggers=none&show=outcome", tree("alert"))
    result = evaluate(tree("alert"), state.answers)
    starts = [Start("x", "The child's death", "2026-11-23T22:00")]
    link = "http://127.0.0.1/#concern=died"
    text = record_text(site(), tree("alert"), result, starts, {}, MADE_AT, ZONE, link)
    assert "Dates given:\n- The child's death: 22:00, 23 November 2026" in text
    assert text.startswith(
        f"Decision record: {tree('alert').title}\nWorked out: 24 November 2026 at 14:05 UK time (GMT)\n"
    )


def test_fragment_round_trip_keeps_answers_show_and_dates():
    text = (
        "concern=died&ofsted-triggers=public-concern,staff-conduct&show=outcome"
        "&when.child-found=2026-11-23T22:00"
    )
    state = parse(text, tree("alert"))
    assert state == State(
        {"concern": "died", "ofsted-triggers": ["public-concern", "staff-conduct"]},
        "outcome",
        {"child-found": "2026-11-23T22:00"},
    )
    assert format_state(state) == text
    assert parse("#concern=a%20b", tree("alert")).answers == {"concern": "a b"}
    assert format_state(State({"concern": "a&b"})) == "concern=a%26b"


@pytest.mark.parametrize("tree_id", TREES)
def test_text_version_says_at_each_branching_question_that_the_first_line_that_applies_wins(tree_id):
    html = text_version_html(site(), tree(tree_id))
    branching = [question for question in tree(tree_id).questions.values() if len(question.next) > 1]
    assert html.count(f"<p>{escape(say('text_next_first'))}</p><ol>") == len(branching) > 0


def test_record_text_gives_the_work_to_date_first_and_the_latest_after_it():
    answers = {"what-happened": "child-died", "where-it-happened": "in-kent", "abuse-or-neglect": "yes"}
    answers |= {"looked-after-by-kent": "no", "placed-by-other-authority": "no"}
    result = evaluate(tree("national-panel"), answers)
    latest = "At the latest, on the reading that the guidance applies: By the end of Tuesday 5 January 2027"
    dues = {"national-panel-notification": Due("By the end of Monday 28 December 2026", ("A note.",), latest)}
    text = record_text(site(), tree("national-panel"), result, [], dues, MADE_AT, ZONE, "http://x/")
    assert f"  By the end of Monday 28 December 2026\n  {latest}.\n  A note.\n" in text
