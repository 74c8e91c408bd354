"""What a practitioner typed or chose in an aid's form, checked, with problems in the reader's words.

The engine checks answers too, but names questions and values the way a developer needs them; these
checks run first, so the reader sees GOV.UK-style messages that name the question or the box ("Select
an answer to 'What has happened?'", "The date must include a month") beside the field to fix.
"""

from collections.abc import Mapping
from datetime import date

from decision.aid.render import Fault, say
from decision.trees.conditions import ISO_DATE
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
    """The problem with a stored or submitted answer; None when the engine can use it."""
    if question.kind == "date":
        return None if isinstance(value, str) and is_date(value) else Fault(say("date_real"), "day")
    if question.kind == "multi":
        return _multi_fault(question, value)
    if value in ("", None):
        return Fault(say("choose_one", question=question.text), "0")
    if not isinstance(value, str) or question.option(value) is None:
        return Fault(say("not_offered", value=value), "0")
    return None


def _multi_fault(question: Question, value: object) -> Fault | None:
    if not isinstance(value, list) or not value:
        return Fault(say("choose_some", question=question.text), "0")
    for item in value:
        option = question.option(item)
        if option is None:
            return Fault(say("not_offered", value=item), "0")
        if value.count(item) > 1:
            return Fault(say("chosen_twice", label=option.label), "0")
        if option.exclusive and len(value) > 1:
            return Fault(say("not_combined", label=option.label), "0")
    return None


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


def is_date(value: str) -> bool:
    try:
        return bool(ISO_DATE.match(value)) and bool(date.fromisoformat(value))
    except ValueError:
        return False
