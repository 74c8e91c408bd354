"""The plain-text decision record, for pasting into the case record."""

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from decision.aid.made_at import made_at_text
from decision.aid.pieces import clock_text, moment_text
from decision.aid.view import Due, Site, Start
from decision.aid.wording import say
from decision.trees.engine import format_date
from decision.trees.tree import Outcome, Tree


def record_text(
    site: Site,
    tree: Tree,
    result: dict,
    starts: list[Start],
    dues: Mapping[str, Due],
    made_at: str,
    zone: ZoneInfo,
    link: str,
) -> str:
    """The outcome as plain text for the case record: answers, reasons, citations, time, rules version."""
    outcome = tree.outcomes[result["outcome"]["id"]]
    lines = [
        say("record_title", title=tree.title),
        made_at_text(made_at, zone, "record_made_at"),
        say("record_version", hash=site.version["hash"], date=format_date(site.version["date"])),
        say("record_link", url=link),
        "",
        say("record_decision", decision=outcome.decision),
        say("record_urgency", urgency=say("urgency")[outcome.urgency]),
        *([outcome.explanation] if outcome.explanation else []),
        say("record_cites", cites=", ".join(outcome.cites)),
    ]
    given = [start for start in starts if start.value and not start.error]
    if given:
        lines += ["", say("record_starts")]
        lines += [f"- {start.label}: {moment_text(start.value or '')}" for start in given]
    lines += ["", say("record_actions"), *_record_actions(site, outcome, dues)]
    lines += ["", say("record_why")]
    lines += [
        f"- {entry['text']} {'; '.join(entry['answer_labels'])} [{', '.join(entry['cites'])}]"
        for entry in result["trail"]
    ]
    if outcome.consider:
        lines += ["", say("record_consider")]
        lines += [f"- {item.text} [{', '.join(item.cites)}]" for item in outcome.consider]
    lines += ["", say("record_no_names")]
    return "\n".join(lines) + "\n"


def _record_actions(site: Site, outcome: Outcome, dues: Mapping[str, Due]) -> list[str]:
    if not outcome.actions:
        return ["- " + say("no_actions")]
    lines = []
    for action in outcome.actions:
        lines.append(f"- {action.who}: {action.does} [{', '.join(action.cites)}]")
        if action.clock:
            due = dues.get(action.clock)
            lines.append("  " + clock_text(site, action.clock))
            lines += [f"  {line}" for line in ([due.text, *_latest(due), *due.notes] if due else [])]
    return lines


def _latest(due: Due) -> list[str]:
    return [f"{due.latest}."] if due.latest else []
