"""The HTML the `[[deadline-calculator]]` directive becomes, and the script that runs it.

The form and the tables are real content, useful before (or without) the engine. The wording for
results and errors and each clause's link go to calculator.mjs in data attributes: JSON, never code.
"""

import json
from collections.abc import Mapping
from html import escape

from build_tools.calculator.catalogue import groups
from build_tools.calculator.form import form_html
from build_tools.calculator.tables import tables_html
from build_tools.calculator.wording import say
from decision.deadlines.clock_book import ClockBook


def calculator_html(
    wording: Mapping, book: ClockBook, hrefs: Mapping[str, str], level: int, engine: str, script: str
) -> str:
    """The calculator; `hrefs` maps clause id to its link from this page, `engine` and `script` are URLs."""
    return (
        f'<div class="calc" data-engine="{escape(engine)}" data-level="{level}" '
        f'data-wording="{_json(wording)}" data-clauses="{_json(hrefs)}">'
        f'<p class="calc-needs-engine">{escape(say(wording, "needs_engine"))}</p>'
        '<p class="aid-status calc-status" role="status" aria-live="polite"></p>'
        '<div class="calc-errors"></div>'
        f"{form_html(wording, groups(book))}"
        '<div class="calc-result" hidden></div>'
        f"{tables_html(wording, book, hrefs, level)}</div>"
        f'<script type="module" src="{escape(script)}"></script>'
    )


def _json(value: object) -> str:
    return escape(json.dumps(value, ensure_ascii=False, sort_keys=True), quote=True)
