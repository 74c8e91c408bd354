"""What a practitioner typed or chose in an aid's form, checked, with problems in the reader's words.

The rules an answer must meet are the engine's (decision.trees.engine.answer_fault), which words them
for developers; here they are worded for the reader, with GOV.UK-style messages that name the question
or the box ("Select an answer to 'What has happened?'", "The date must include a month") beside the
field to fix.
"""

from collections.abc import Mapping

from decision.aid.view import Fault
from decision.aid.wording import say
from decision.iso_dates import is_date
from decision.trees import engine
from decision.trees.tree import Question

DATE_PARTS = ("day", "month", "year")


def submitted_answer(question: Question, fields: Mapping) -> tuple[object, Fault | None]:
    """The answer a submitted question form gives (fields `answer`, or `day`, `month`, `year`)."""
    if question.kind == "date":
        parts = {part: str(fields.get(part, "")).strip() for part in DATE_PARTS}
        if not any(parts.values()):
            return None, Fault(say("enter_answer_date", question=question.text), "day")
        value, fault = date_from_parts(parts)
        return value, fault or (answer_fault(question, value) if value else None)
    value = fields.get("answer", [] if question.kind == "multi" else "")
    if question.kind == "multi" and isinstance(value, str):
        value = [value] if value else []
    return value, answer_fault(question, value)


def answer_fault(question: Question, value: object) -> Fault | None:
    """The problem with a stored or submitted answer, in the reader's words; None when it can be used."""
    fault = engine.answer_fault(question, value)
    if fault is None:
        return None
    code, culprit = fault
    if question.kind == "date":
        return Fault(say("date_real"), "day")
    if code in ("required", "not_a_list"):
        wanted = "choose_some" if question.kind == "multi" else "choose_one"
        return Fault(say(wanted, question=question.text), "0")
    if code == "not_offered":
        return Fault(say("not_offered", value=culprit), "0")
    option = question.option(str(culprit))  # chosen_twice or not_combined: the wording keys are the codes
    return Fault(say(code, label=option.label if option else culprit), "0")


def date_from_parts(parts: Mapping[str, str], prefix: str = "") -> tuple[str | None, Fault | None]:
    """YYYY-MM-DD from day, month and year as typed, or the fault naming the box to fix."""
    missing = [part for part in DATE_PARTS if not parts[part]]
    if len(missing) == len(DATE_PARTS):
        return None, Fault(say("enter_date"), f"{prefix}day")
    if missing:
        names = say("date_and").join(say("date_parts")[part] for part in missing)
        return None, Fault(say("date_missing", parts=names), prefix + missing[0])
    if not all(parts[part].isdigit() for part in DATE_PARTS):
        return None, Fault(say("date_real"), f"{prefix}day")
    if len(parts["year"]) != 4:
        return None, Fault(say("date_year"), f"{prefix}year")
    value = f"{parts['year']}-{int(parts['month']):02d}-{int(parts['day']):02d}"
    if not is_date(value):
        return None, Fault(say("date_real"), f"{prefix}day")
    return value, None


def submitted_moment(fields: Mapping, start: str, needs_time: bool) -> tuple[str | None, Fault | None]:
    """The date (and time) typed for one start as YYYY-MM-DD[THH:MM]; (None, None) when left empty."""
    parts = {part: str(fields.get(f"{start}-{part}", "")).strip() for part in DATE_PARTS}
    time = str(fields.get(f"{start}-time", "")).strip()
    if not any(parts.values()) and not time:
        return None, None
    day, fault = date_from_parts(parts, f"{start}-")
    if fault:
        return None, fault
    if not time:
        return (None, Fault(say("time_needed"), f"{start}-time")) if needs_time else (day, None)
    hours, _, minutes = time.replace(".", ":").partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        return None, Fault(say("time_real"), f"{start}-time")
    if int(hours) > 23 or int(minutes) > 59:
        return None, Fault(say("time_real"), f"{start}-time")
    return f"{day}T{int(hours):02d}:{minutes}", None


def typed(fields: Mapping, start: str) -> dict[str, str]:
    """The boxes of one start as typed, to show them again beside their error."""
    return {part: str(fields.get(f"{start}-{part}", "")) for part in (*DATE_PARTS, "time")}
