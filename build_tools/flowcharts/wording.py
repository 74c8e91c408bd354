"""What the charts say: every key of decision/wording/flowcharts.yaml, with the placeholders filled in.

decision.project.wording reads and checks the file. The tag on each outcome box is the aid's own urgency
wording (decision/wording/aid.json), so the charts and the aid name urgency the same way.
"""

from decision.deadlines.clock_book import UNITS
from decision.trees.tree import URGENCIES

TIME_UNITS = tuple(unit for unit in UNITS if unit != "before_event")  # before_event counts in one of these

WORDING = {
    "question": "number",
    "clauses": "ids",
    "subtitle": "authority version reviewed",
    "part": "part parts",
    "earlier_answer": "number answers",
    "earlier_includes": "number answers",
    "this_answer": "answers",
    "quoted": "label",
    "one_of": "",
    "all_of": "",
    "any_of": "",
    "negation": "condition",
    "date_before": "date other",
    "date_on_or_after": "date other",
    "date_years": ["question years"],
    "this_date": "",
    "date_answer": "number",
    "otherwise": "",
    "only_branch": "",
    "numbered": "number label",
    "overview_title": "title",
    "overview_footer": "",
    "group_outcomes": ["count"],
    "group_parts": ["parts"],
    "other_answers": "",
    "overview_description": "title shown questions",
    "overview_heading": "",
    "detailed_heading": "",
    "enlarge": "",
    "continues": "part letter",
    "continued": "parts letter",
    "continued_many": "parts last letter",
    "flowchart_description": "title questions outcomes",
    "part_description": "part parts shown_questions shown_outcomes",
    "units": {unit: ["amount"] for unit in TIME_UNITS},
    "interval_due": "interval",
    "interval_earliest": "interval",
    "interval_lapses": "interval",
    "interval_before": "interval",
    "other_reading": "interval",
    "no_timescale": "",
    "timeline_subtitle": "authority",
    "timeline_description": "name event steps",
    "text_version": "link",
    "use_the_aid": "link",
    "flowchart_link": "title link",
    "timeline_table_caption": "name",
    "timeline_columns": [""],
    "calculator_link": "link",
    "key_heading": "",
    "key_columns": [""],
    "key_question": "",
    "key_arrow": "",
    "key_outcome": "tag border",
    "key_group": "",
    "key_dashed_arrow": "",
    "key_small_type": "",
    "key_connector": "",
    "border": dict.fromkeys(URGENCIES, ""),  # each urgency's outcome border, in words, for the key
}
