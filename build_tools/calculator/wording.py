"""What the calculator page says: each key of decision/wording/calculator.yaml, with its placeholders.

decision.project.wording reads and checks the file. The results, the errors and the date boxes use the aid's
wording (decision/wording/aid.json), as decision/aid/calculator.py draws them in the browser.
"""

from decision.deadlines.clock_book import UNITS

WORDING = {
    "choose_label": "",
    "choose_hint": "",
    "choose_none": "",
    "group_clocks": "authority",
    "group_timelines": "authority",
    "starts": "starts",
    "date_legend": "",
    "time_label": "",
    "time_hint": "",
    "happened_hint": "",
    "calculate": "",
    "needs_engine": "",
    "clocks_heading": "",
    "clocks_caption": "authority",
    "clock_columns": [""],
    "timelines_heading": "",
    "timelines_caption": "",
    "timeline_columns": [""],
    "units": {unit: [""] for unit in UNITS if unit != "before_event"},  # [one, many]
    "amount": "amount unit",
    "amount_before": "amount unit before",
    "reading": "reading",
    "conflict": "conflict",
    "alternative_rule": "name counting",
    "amount_or": "amount other",
    "step_from": "step",
    "step_no_timescale": "note",
    "status_loading": "",
    "status_loading_link": "",
    "status_queued": "",
    "status_failed": "reason",
}
