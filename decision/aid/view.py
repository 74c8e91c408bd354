"""What the aid draws besides the tree: the site, a faulty answer, a clock's start, when it is due."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Site:
    """What the renderer needs to know about the site: where pages are, and what things are called."""

    base: str  # from the current page to the site root, e.g. "../../"
    clause_pages: Mapping[str, str]  # clause id -> page URL from the site root, e.g. "kent/national-panel/"
    aid_pages: Mapping[str, str]  # tree id -> URL of its own aid page from the site root
    tree_titles: Mapping[str, str]
    clocks: Mapping[str, tuple[str, str]]  # clock id -> (name, counting rule in words)
    version: Mapping[str, str]  # the rules' {"hash": ..., "date": YYYY-MM-DD}
    level: int = 2  # heading level of the aid's own headings on this page

    def clause_href(self, clause: str) -> str:
        return f"{self.base}{self.clause_pages[clause]}#{clause.lower()}"

    @property
    def sub(self) -> int:
        return min(self.level + 1, 6)


@dataclass(frozen=True)
class Fault:
    """A problem with an answer, shown in the error summary and beside the field."""

    message: str
    field: str  # the id suffix of the input the summary links to: "0" (first option), "day", ...


@dataclass(frozen=True)
class Start:
    """One event that starts some of an outcome's clocks, and the date and time given for it."""

    id: str  # the fragment key after `when.`
    label: str  # the event, in words
    value: str | None  # YYYY-MM-DD or YYYY-MM-DDTHH:MM, as stored in the fragment
    error: Fault | None = None
    typed: Mapping[str, str] = field(default_factory=dict)  # day, month, year, time as typed, when wrong


@dataclass(frozen=True)
class Due:
    """When one action's clock is due, worked out from the date and time given for its start."""

    text: str  # the work-to date: "By the end of Tuesday 1 December 2026"
    notes: tuple[str, ...]  # the working worth knowing: day 0 moved, clocks changing, chained dates
    latest: str | None = None  # two readings: "At the latest, on the reading that ...", never the headline
