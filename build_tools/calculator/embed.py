"""The HTML the `[[deadline-calculator]]` directive becomes, and the script that runs it.

The form and the tables are real content, useful before (or without) the engine. Results and errors
are drawn by decision/aid/calculator.py in the engine worker; calculator.mjs carries the form to it and
puts back what it returns. The page gives the script only where the site root is, the heading level
and the sentences for while the engine loads, in data attributes.
"""

from collections.abc import Mapping
from html import escape

from build_tools.calculator.catalogue import groups
from build_tools.calculator.form import form_html
from build_tools.calculator.tables import tables_html
from decision.deadlines.clock_book import ClockBook
from decision.project.wording import Wording

STATUSES = ("status_loading", "status_loading_link", "status_queued", "status_failed")


def calculator_html(
    wording: Wording, book: ClockBook, hrefs: Mapping[str, str], level: int, base: str, script: str
) -> str:
    """The calculator; `hrefs` maps clause id to its link from this page, `base` leads from the page
    to the site root and `script` is calculator.mjs's URL."""
    # {reason} stays for the script to fill in, if the engine cannot start.
    statuses = "".join(
        f' data-{key.replace("_", "-")}="{escape(wording(key, reason="{reason}"))}"' for key in STATUSES
    )
    return (
        f'<div class="calc" data-base="{escape(base)}" data-level="{level}"{statuses}>'
        f'<p class="calc-needs-engine">{escape(wording("needs_engine"))}</p>'
        '<p class="aid-status calc-status" role="status" aria-live="polite"></p>'
        '<div class="calc-errors"></div>'
        f"{form_html(wording, groups(book))}"
        '<div class="calc-result" hidden></div>'
        f"{tables_html(wording, book, hrefs, level)}</div>"
        f'<script type="module" src="{escape(script)}"></script>'
    )
