"""The Markdown of the training pages: one page per scenario, the trainer's table, handouts, answer sheets.

Links between pages are Markdown links to the `.md` files, so the strict build checks every one,
anchors included. The scenario page carries what its comparison panel needs as JSON in a data
attribute (the theme's instant navigation would turn a `<script type="application/json">` into a
script to run).
"""

import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from html import escape

from mkdocs.structure.files import File

from build_tools.training.scenarios import Scenario
from build_tools.training.worked import Worked, every_answer, reasons
from decision.iso_dates import long_date
from decision.trees.tree import Tree


@dataclass(frozen=True)
class Site:
    """What the pages link to, and the words they use."""

    trees: Mapping[str, Tree]
    clause_files: Mapping[str, File]  # clause id -> the page that anchors it
    aid_files: Mapping[str, File]  # tree id -> the tree's own aid page
    wording: Mapping[str, Mapping[str, str]]  # decision/wording/training.yaml

    def clause_link(self, clause: str, page: str) -> str:
        """A Markdown link from the page `page` (docs-relative) to the clause's anchor."""
        return f"[{clause}]({relative(page, self.clause_files[clause].src_uri)}#{clause.lower()})"

    def clause_href(self, clause: str, base: str) -> str:
        """A URL from a page whose way back to the site root is `base`, for the browser."""
        return f"{base}{self.clause_files[clause].url}#{clause.lower()}"

    def aid_link(self, tree_id: str, page: str) -> str:
        return f"[{self.trees[tree_id].title}]({relative(page, self.aid_files[tree_id].src_uri)})"


def relative(page: str, target: str) -> str:
    """The path from docs-relative page `page` to docs-relative file `target`."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def scenario_page(site: Site, worked: Worked, page: str, base: str) -> str:
    """The page where a learner reads the case, works through the aid and sees how they did."""
    scenario = worked.scenario
    words = site.wording["scenario"]
    data = escape(json.dumps(expected(site, worked, base), ensure_ascii=False, separators=(",", ":")))
    procedure = f"[{words['procedure']}]({relative(page, site.trees[scenario.tree].guidance)})"
    return "\n".join(
        [
            f"# {words['title'].format(title=scenario.title)}",
            "",
            f'!!! note "{words["fictional_heading"]}"',
            "",
            "    " + words["fictional"].format(procedure=procedure),
            "",
            f"- **{words['role']}** {scenario.role}",
            f"- **{words['aid']}** {site.aid_link(scenario.tree, page)}",
            "",
            '<div class="training-vignette" markdown>',
            "",
            scenario.vignette,
            "",
            "</div>",
            "",
            f"## {words['task_heading']}",
            "",
            words["task"],
            "",
            f"[[aid {scenario.tree}]]",
            "",
            '<p class="training-compare-status" role="status"></p>',
            f'<section class="training-compare" data-scenario="{data}" hidden '
            'aria-labelledby="training-compare-heading">',
            f'<h2 id="training-compare-heading">{escape(site.wording["compare"]["heading"])}</h2>',
            '<div class="training-compare__body"></div>',
            "</section>",
            f'<noscript><p class="training-no-js">{escape(words["no_js"])}</p></noscript>',
            f'<script type="module" src="{base}assets/training/training.mjs"></script>',
            "",
            f"[{words['answer_sheet']}](answers.md#{scenario.id}) · [{words['all_scenarios']}](scenarios.md)",
            "",
        ]
    )


def expected(site: Site, worked: Worked, base: str) -> dict:
    """The expected route, outcome, deadlines and teaching points, as the comparison panel reads them."""
    scenario = worked.scenario
    tree = site.trees[scenario.tree]
    route = []
    for entry in worked.result["trail"]:
        question = tree.questions[entry["question"]]
        route.append(
            {
                "question": question.id,
                "text": question.text,
                "multi": question.kind == "multi",
                "expected": entry["answer"],
                "expected_labels": entry["answer_labels"],
                "labels": {option.value: option.label for option in question.options},
                "why": reasons(tree, scenario, entry),
                "cites": [{"id": cite, "href": site.clause_href(cite, base)} for cite in entry["cites"]],
            }
        )
    return {
        "outcome": scenario.outcome,
        "decisions": {outcome.id: outcome.decision for outcome in tree.outcomes.values()},
        "route": route,
        "teaching": [
            {"text": point.text, "cites": [{"id": c, "href": site.clause_href(c, base)} for c in point.cites]}
            for point in scenario.teaching
        ],
        "deadlines": [{"name": result["name"], "due": result["due_text"]} for result in worked.deadlines],
        "wording": site.wording["compare"],
    }


def trainer_table(site: Site, worked: list[Worked], page: str) -> str:
    """Every scenario in one table: its page, the learner's role, the aid, what it tests, its answers."""
    words = site.wording["trainer"]
    headers = [words[key] for key in ("scenario", "role", "aid", "boundary", "answers")]
    rows = ["| " + " | ".join(headers) + " |", "|---|---|---|---|---|"]
    for item in worked:
        scenario = item.scenario
        rows.append(
            f"| [{cell(scenario.title)}]({scenario.id}.md) | {cell(scenario.role)} | "
            f"{site.aid_link(scenario.tree, page)} | {cell(scenario.boundary)} | "
            f"[{words['answers_link']}](answers.md#{scenario.id}) |"
        )
    return "\n".join(rows)


def handouts(site: Site, worked: list[Worked], page: str) -> str:
    """Each vignette with its title, role and aid, one to a printed page."""
    words = site.wording["handout"]
    sections = []
    for item in worked:
        scenario = item.scenario
        sections.append(
            "\n".join(
                [
                    '<section class="training-handout" markdown>',
                    "",
                    f"## {scenario.title} {{#handout-{scenario.id}}}",
                    "",
                    f"*{words['fictional']}*",
                    "",
                    f"**{words['role']}** {scenario.role}  ",
                    f"**{words['aid']}** {site.trees[scenario.tree].title}",
                    "",
                    scenario.vignette,
                    "",
                    "</section>",
                ]
            )
        )
    return "\n\n".join(sections)


def answer_sheets(site: Site, worked: list[Worked], page: str) -> str:
    """For each scenario: the route with the expected answers, the outcome, the deadlines, the teaching."""
    return "\n\n".join(answer_sheet(site, item, page) for item in worked)


def answer_sheet(site: Site, worked: Worked, page: str) -> str:
    scenario = worked.scenario
    words = site.wording["answers"]
    tree = site.trees[scenario.tree]
    lines = [
        '<section class="training-answer" markdown>',
        "",
        f"## {scenario.title} {{#{scenario.id}}}",
        "",
        words["role"],
        f":   {scenario.role}",
        "",
        words["aid"],
        f":   {site.aid_link(scenario.tree, page)}",
        "",
        words["event"],
        f":   {scenario.event.what}: {event_text(scenario)}",
        "",
        words["page"],
        f":   [{cell(scenario.title)}]({scenario.id}.md)",
        "",
        f"### {words['route']}",
        "",
    ]
    for number, entry in enumerate(worked.result["trail"], start=1):
        cites = ", ".join(site.clause_link(cite, page) for cite in entry["cites"])
        lines.append(f"{number}. {entry['text']}  ")
        lines.append(f"    **{'; '.join(entry['answer_labels'])}** ({cites})")
    outcome = tree.outcomes[scenario.outcome]
    lines += ["", f"### {words['outcome']}", "", f"**{outcome.decision}** (`{outcome.id}`)", ""]
    lines += [f"### {words['deadlines']}", "", *deadline_lines(words, worked), ""]
    lines += [f"### {words['teaching']}", ""]
    for number, point in enumerate(scenario.teaching, start=1):
        cites = ", ".join(site.clause_link(cite, page) for cite in point.cites)
        lines.append(f"{number}. {point.text} ({cites})")
    lines += ["", *every_answer_lines(site, worked), "", "</section>"]
    return "\n".join(lines)


def every_answer_lines(site: Site, worked: Worked) -> list[str]:
    """The trainer's view, folded away: at each question on the expected route, every answer a group
    might give, where it leads, and whether it is the expected one."""
    words = site.wording["every_answer"]
    lines = [
        '<details class="training-every-answer" markdown>',
        f"<summary>{escape(words['summary'])}</summary>",
        "",
        words["intro"],
        "",
    ]
    for number, (entry, choices) in enumerate(every_answer(site.trees[worked.scenario.tree], worked), 1):
        lines += [
            f"**{number}. {entry['text']}**",
            "",
            f"| {words['answer']} | {words['leads_to']} | {words['on_route']} |",
            "|---|---|---|",
        ]
        for choice in choices:
            reached = words["outcome" if choice.is_outcome else "question"].format(text=choice.leads_to)
            lines.append(
                f"| {cell('; '.join(choice.labels))} | {cell(reached)} | "
                f"{words['expected'] if choice.expected else words['not_expected']} |"
            )
        lines.append("")
    return [*lines, "</details>"]


def deadline_lines(words: Mapping[str, str], worked: Worked) -> list[str]:
    """One list item per clock: its name, where it counts from, when it is due, and any notes."""
    if not worked.deadlines:
        return [words["no_deadlines"]]
    lines = []
    for result in worked.deadlines:
        started = words["from"].format(start=result["start_text"])
        notes = " ".join(result["notes"])
        lines.append(
            f"- {result['name']} ({started}): **{result['due_text']}**" + (f". {notes}" if notes else "")
        )
    return lines


def event_text(scenario: Scenario) -> str:
    """The event's date in words, with its time when given: Wednesday 23 December 2026, 15:40."""
    day = datetime.fromisoformat(scenario.event.date).date()
    return f"{long_date(day)}, {scenario.event.time}" if scenario.event.time else long_date(day)


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell or link text."""
    return text.replace("|", "\\|").replace("\n", " ")
