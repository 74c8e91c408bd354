"""The Markdown of the Rules review pages: one per tree, one for the clocks, one of readings, an index.

Each rule (question, answer, branch, outcome, action, clock) is a row: what the tools do on the
left, and on the right a placeholder for the text of each clause it cites, which the plugin fills
from the rendered guidance pages (build_tools/rules/excerpts.py). Every word comes from the rule
data, the clocks or decision/wording/rules.yaml.
"""

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape

from build_tools.rules.excerpts import Conflict, Excerpt, relinked
from build_tools.rules.model import Rules
from decision.aid.pieces import version_text
from decision.aid.text_version import check_text, condition_text
from decision.aid.wording import say
from decision.deadlines.clock_book import Clock
from decision.project.wording import Wording
from decision.trees.conditions import AnswerIncludes, AnswerIs, DateComparison, atoms
from decision.trees.engine import format_date
from decision.trees.tree import Outcome, Question, Tree

PLACEHOLDER = re.compile(r'<div data-review-clause="([A-Z0-9-]+)"></div>')
CONFLICTS = "<div data-review-conflicts></div>"
_MARKDOWN = re.compile(r"([\\`*_\[\]{}#!|])")
# Front matter: the review pages repeat guidance text, so search would find everything twice.
_FRONT = "---\nsearch:\n  exclude: true\n---\n\n"


@dataclass(frozen=True)
class ReviewPage:
    path: str  # docs-relative: "review/alert.md"
    title: str  # in the nav
    markdown: str
    citations: dict[str, list[str]]  # clause id -> where the review cites it, for messages


def review_pages(rules: Rules, words: Wording, folder: str, aid_page: str) -> list[ReviewPage]:
    """The index first, then a page per tree, the clocks and the readings."""
    trees = [_tree_page(rules, words, tree, folder, aid_page) for tree in rules.trees.values()]
    others = [_clocks_page(rules, words, folder), _readings_page(rules, words, folder)]
    return [_index_page(words, folder, [*trees, *others]), *trees, *others]


@dataclass
class _Writer:
    """A review page being written: Markdown headings and paragraphs, rows of raw HTML."""

    words: Wording
    path: str
    parts: list[str] = field(default_factory=list)
    citations: dict[str, list[str]] = field(default_factory=dict)
    by_clause: dict[str, list[tuple[list[str], str]]] = field(default_factory=dict)  # "": cites none

    def heading(self, level: int, text: str, anchor: str = "") -> None:
        self.parts.append(f"{'#' * level} {_md(text)}" + (f" {{#{anchor}}}" if anchor else ""))

    def para(self, text: str) -> None:
        self.parts.append(_md(text))

    def items(self, lines: Iterable[str]) -> None:
        self.parts.append("\n".join(f"- {line}" for line in lines))

    def link(self, text: str, target: str) -> str:
        """A Markdown link to a docs-relative page, from this page."""
        return f"[{_md(text)}]({posixpath.relpath(target, posixpath.dirname(self.path))})"

    def row(self, rule: list[str], cites: Iterable[str], where: str, uncited: str = "") -> None:
        """One rule beside the guidance it cites; `rule` is its lines of text, `uncited` what to say
        on the right when it cites nothing."""
        self._row([(rule, where)], list(dict.fromkeys(cites)), uncited)

    def cite(self, rule: list[str], cites: Iterable[str], where: str) -> None:
        """A rule to list under each clause it cites (or under none); `clause_rows` writes them."""
        for cite in dict.fromkeys(cites) or [""]:
            self.by_clause.setdefault(cite, []).append((rule, where))

    def clause_rows(self) -> None:
        """Each clause once, in the order first cited, beside every rule that cites it."""
        for cite, rules in self.by_clause.items():
            if cite:
                self.heading(3, cite, f"review-{cite.lower()}")  # not the clause's own anchor
                self._row(rules, [cite])
        if "" in self.by_clause:
            self.heading(2, self.words("uncited"))
            self.para(self.words("uncited_intro"))
            self._row(self.by_clause[""], [])
        self.by_clause = {}

    def _row(self, rules: list[tuple[list[str], str]], cites: list[str], uncited: str = "") -> None:
        for cite in cites:
            self.citations.setdefault(cite, []).extend(where for _, where in rules)
        guidance = "".join(f'<div data-review-clause="{cite}"></div>' for cite in cites)
        items = "".join(
            f"<li>{'<br>'.join(escape(line) for line in lines)} "
            f'<span class="review-where">({escape(where)})</span></li>'
            for lines, where in rules
        )
        self.parts.append(
            '<div class="review-row"><div class="review-rule">'
            f'<p class="review-label">{escape(self.words("rule_label"))}</p>'
            f'<ul class="review-items">{items}</ul></div>'
            f'<div class="review-guidance"><p class="review-label">{escape(self.words("guidance_label"))}</p>'
            f"{guidance or '<p>' + escape(uncited or self.words('no_cites')) + '</p>'}</div></div>"
        )

    def sign_off(self, version: str) -> None:
        self.heading(2, self.words("sign_off"))
        fields = "".join(
            f'<tr><th scope="row">{escape(name)}</th><td></td></tr>' for name in self.words["sign_off_fields"]
        )
        self.parts.append(
            f'<div class="review-sign-off"><p>{escape(self.words("sign_off_intro", version=version))}</p>'
            f'<table class="review-sign-off__fields"><tbody>{fields}</tbody></table>'
            f"<p>{escape(self.words('sign_off_comments'))}</p>"
            '<div class="review-sign-off__notes"></div></div>'
        )

    def page(self, title: str, nav_title: str) -> ReviewPage:
        markdown = _FRONT + "\n\n".join([f"# {_md(title)}", *self.parts]) + "\n"
        return ReviewPage(self.path, nav_title, markdown, self.citations)


# --- one page per tree ----------------------------------------------------------------------


def _tree_page(rules: Rules, words: Wording, tree: Tree, folder: str, aid_page: str) -> ReviewPage:
    page = _Writer(words, f"{folder}/{tree.id}.md")
    file = rules.project.shown(rules.project.tree_file(tree.id))
    version = version_text(rules.version)
    page.items(
        [
            _md(words("fact_authority", authority=tree.authority)),
            _md(words("fact_file", file=file)),
            _md(version),
            _md(words("fact_reviewed", date=format_date(tree.reviewed))),
            f"{_md(words('fact_guidance'))} {page.link(tree.guidance, tree.guidance)}",
            f"{_md(words('fact_aid'))} {page.link(tree.title, aid_page.format(tree=tree.id))}",
        ]
    )
    page.para(words("how"))
    for question in tree.questions.values():
        _question_rules(page, tree, question, file)
    for outcome in tree.outcomes.values():
        _outcome_rules(page, rules, tree, outcome, file)
    page.heading(2, words("by_clause"))
    page.para(words("by_clause_intro"))
    page.clause_rows()
    page.heading(2, words("not_modelled"))
    page.para(words("not_modelled_intro"))
    for item in tree.not_modelled:
        page.row([words("not_modelled_item", text=item.text)], item.cites, _where(words, file, item.line))
    clocks = list(dict.fromkeys(a.clock for o in tree.outcomes.values() for a in o.actions if a.clock))
    if clocks:
        page.heading(2, words("clocks_used"))
        page.para(words("clocks_used_intro"))
        page.items(_clock_summary(page, rules, rules.book.clocks[clock_id], folder) for clock_id in clocks)
    page.sign_off(version)
    return page.page(words("tree_title", title=tree.title), tree.title)


def _question_rules(page: _Writer, tree: Tree, question: Question, file: str) -> None:
    words = page.words
    lines = [words("question", text=question.text), words["kind"][question.kind]]
    lines += [words("help", help=question.help)] if question.help else []
    lines += [
        words("check", question=tree.questions[check.not_before].text, message=check.message)
        if check.not_before is not None
        else check_text(tree, check)  # `not_after` checks, in the aid's own words
        for check in question.checks
    ]
    page.cite(lines, question.cites, _where(words, file, question.line))
    asked = words("asked", text=question.text)
    for option in question.options:
        label = words("option", label=option.label)
        label = f"{label} {words('exclusive')}" if option.exclusive else label
        page.cite([asked, label], option.cites, _where(words, file, option.line))
    for index, branch in enumerate(question.next):  # each beside the clauses of the answers it tests
        tested = _tested_cites(tree, branch.when) if branch.when else []
        text = _branch_text(words, tree, question, index)
        page.cite([asked, text], tested, _where(words, file, branch.line))


def _branch_text(words: Wording, tree: Tree, question: Question, index: int) -> str:
    branch = question.next[index]
    target = _target(words, tree, branch.go)
    if len(question.next) == 1:
        return words("branch_then", target=target)
    if branch.when is None:
        return words("branch_otherwise", target=target)
    return words("branch_if", condition=condition_text(tree, branch.when), target=target)


def _tested_cites(tree: Tree, condition: object) -> list[str]:
    """The clauses cited by the answers (or date questions) a condition tests."""
    cites: list[str] = []
    for atom in atoms(condition):  # type: ignore[arg-type]
        if isinstance(atom, AnswerIs | AnswerIncludes):
            question = tree.questions[atom.question]
            for value in atom.values:
                option = question.option(value)
                cites += list(option.cites) if option else []
        elif isinstance(atom, DateComparison):
            cites += tree.questions[atom.date].cites
            cites += [] if atom.fixed else tree.questions[atom.other].cites  # a fixed day cites nothing
    return cites


def _target(words: Wording, tree: Tree, node: str) -> str:
    if node in tree.outcomes:
        return words("to_outcome", decision=tree.outcomes[node].decision)
    return words("to_question", text=tree.questions[node].text)


def _outcome_rules(page: _Writer, rules: Rules, tree: Tree, outcome: Outcome, file: str) -> None:
    words = page.words
    lines = [
        words("outcome", decision=outcome.decision),
        words("urgency", urgency=say("urgency")[outcome.urgency]),
    ]
    lines += [words("explanation", explanation=outcome.explanation)] if outcome.explanation else []
    page.cite(lines, outcome.cites, _where(words, file, outcome.line))
    reached = words("reached", decision=outcome.decision)
    for action in outcome.actions:
        lines = [reached, words("action", who=action.who, does=action.does)]
        # The clock itself is set beside its own clauses on the clocks page.
        lines += [words("action_clock", name=rules.book.clocks[action.clock].name)] if action.clock else []
        page.cite(lines, action.cites, _where(words, file, action.line))
    for item in outcome.consider:
        lines = [reached, words("consider", text=item.text)]
        lines += [words("hand_off", title=rules.trees[item.tree].title)] if item.tree else []
        page.cite(lines, item.cites, _where(words, file, item.line))


def _clock_summary(page: _Writer, rules: Rules, clock: Clock, folder: str) -> str:
    """A clock in one list item: its name (linked to the clocks page), counting and readings."""
    texts = [clock.counting, *_readings(page.words, rules, clock)]
    link = page.link(clock.name, f"{folder}/clocks.md#clock-{clock.id}")
    return f"{link}: " + " ".join(_md(text) for text in texts)


# --- the clocks -----------------------------------------------------------------------------


def _clocks_page(rules: Rules, words: Wording, folder: str) -> ReviewPage:
    page = _Writer(words, f"{folder}/clocks.md")
    file = rules.project.shown(rules.project.clocks_file)
    version = version_text(rules.version)
    page.items([_md(words("clock_file", file=file)), _md(version)])
    page.para(words("clocks_intro"))
    for clock in rules.book.clocks.values():
        page.heading(2, clock.name, f"clock-{clock.id}")
        _clock_rows(page, rules, clock)
    page.heading(2, words("timelines"))
    for timeline in rules.book.timelines.values():
        page.heading(3, words("timeline", name=timeline.name))
        lines = [words("timeline_event", event=timeline.event)]
        lines += [words("timeline_note", note=timeline.note)] if timeline.note else []
        labels = {step.id: step.label for step in timeline.steps}
        for step in timeline.steps:
            parts = [words("step", label=step.label)]
            parts += [words("step_clock", name=rules.book.clocks[step.clock].name)] if step.clock else []
            parts += [words("step_after", label=labels[step.after])] if step.after else []
            parts += [words("step_note", note=step.note)] if step.note else []
            lines.append(" ".join(parts))
        # A step's clock is set beside its clauses above; only what the timeline itself cites is here.
        cites = [*timeline.cites, *(cite for step in timeline.steps for cite in step.cites)]
        page.row(lines, cites, f"{file}: timeline '{timeline.id}'", words("timeline_uncited"))
    page.sign_off(version)
    return page.page(words("clocks_title"), words("clocks_nav"))


def _clock_rows(page: _Writer, rules: Rules, clock: Clock) -> None:
    """The clock and every reading it records, beside the clauses of both readings."""
    words = page.words
    lines = [
        words("clock_starts", starts=clock.starts),
        words("clock_amount", amount=_amount(words, rules, clock)),
        words["clock_meaning"][clock.meaning],
        words("clock_counting", counting=clock.counting),
        *_readings(words, rules, clock),
    ]
    cites = [*clock.cites, *(clock.alternative.cites if clock.alternative else ())]
    page.row(lines, cites, f"{rules.project.shown(rules.project.clocks_file)}: clock '{clock.id}'")


def _readings(words: Wording, rules: Rules, clock: Clock) -> list[str]:
    """Each reading a clock records: the one chosen, a conflict, and the other reading shown beside it."""
    found = []
    if clock.reading:
        found.append(words("reading", reading=clock.reading))
    if clock.conflict:
        found.append(words("conflict", conflict=clock.conflict))
    if clock.alternative:
        other = clock.alternative
        amount = _amount(words, rules, other)
        found.append(words("alternative", name=other.name, amount=amount, counting=other.counting))
    return found


def _amount(words: Wording, rules: Rules, clock: Clock) -> str:
    if clock.unit != "before_event":
        return _interval(words, clock.amount, clock.unit)
    before = clock.before or ""
    before = rules.book.clocks[before].name if before in rules.book.clocks else before
    return words("clock_before", amount=_interval(words, clock.amount, clock.counts), before=before)


def _interval(words: Wording, amount: int, unit: str) -> str:
    """ "5 working days", "1 hour"."""
    return words["units"][unit][amount != 1].format(amount=amount)


# --- readings and conflicts, and the index ---------------------------------------------------


def _readings_page(rules: Rules, words: Wording, folder: str) -> ReviewPage:
    page = _Writer(words, f"{folder}/readings.md")
    page.items([_md(version_text(rules.version))])
    page.para(words("readings_intro"))
    page.heading(2, words("conflicts"))
    page.para(words("conflicts_intro"))
    page.parts.append(CONFLICTS)
    page.heading(2, words("clock_readings"))
    clocks = [clock for clock in rules.book.clocks.values() if _readings(words, rules, clock)]
    for clock in clocks:
        page.heading(3, words("clock_reading_name", name=clock.name))
        cites = [*clock.cites, *(clock.alternative.cites if clock.alternative else ())]
        where = f"{rules.project.shown(rules.project.clocks_file)}: clock '{clock.id}'"
        page.row(_readings(words, rules, clock), cites, where)
    if not clocks:
        page.para(words("no_clock_readings"))
    page.heading(2, words("tree_readings"))
    page.para(words("tree_readings_intro"))
    for tree in rules.trees.values():
        page.heading(3, tree.title)
        review = page.link(words("tree_readings_link"), f"{folder}/{tree.id}.md")
        page.items([*(_md(f"{item.text} ({', '.join(item.cites)})") for item in tree.not_modelled), review])
    page.sign_off(version_text(rules.version))
    return page.page(words("readings_title"), words("readings_nav"))


def _index_page(words: Wording, folder: str, pages: list[ReviewPage]) -> ReviewPage:
    page = _Writer(words, f"{folder}/index.md")
    page.para(words("index_intro"))
    page.para(words("index_how"))
    page.para(words("index_pages"))
    page.items(page.link(item.title, item.path) for item in pages)
    page.para(words("index_readings_note"))
    return ReviewPage(page.path, words("index_title"), page.page(words("index_title"), "").markdown, {})


def _where(words: Wording, file: str, line: int | None) -> str:
    """Where a rule is, as build messages name it: `decision/rules/alert.yaml:42`."""
    return f"{file}:{line}" if line else file


def _md(text: str) -> str:
    """Text as Markdown that shows it literally."""
    return _MARKDOWN.sub(r"\\\1", escape(text, quote=False))


# --- filled in once every page is rendered ----------------------------------------------------


def filled(
    html: str, url: str, excerpts: Mapping[str, Excerpt], conflicts: list[Conflict], words: Wording
) -> str:
    """A rendered review page with each clause's guidance text, and the conflict notes, copied in."""
    base = "../" * url.count("/")  # from the review page back to the site root

    def excerpt(match: re.Match) -> str:
        found = excerpts[match.group(1).lower()]
        link = f'<a href="{base}{found.page_url}#{found.anchor}">{match.group(1)}</a>'
        source = f'<p class="review-excerpt__source">{link}, {escape(found.page_title)}</p>'
        return f'<div class="review-excerpt">{source}{relinked(found.html, found.page_url, base)}</div>'

    notes = "".join(
        '<div class="review-conflict"><p class="review-excerpt__source">'
        f'<a href="{base}{note.page_url}#{note.section}">'
        f"{escape(words('conflict_from', title=note.page_title))}</a></p>"
        f"{relinked(note.html, note.page_url, base)}</div>"
        for note in conflicts
    )
    notes = notes or f"<p>{escape(words('no_conflicts'))}</p>"
    return PLACEHOLDER.sub(excerpt, html).replace(CONFLICTS, notes)
