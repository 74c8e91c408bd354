"""The closed set of routing conditions: parsed from rule data, evaluated against validated answers.

Forms (CONTRIBUTING.md): {answer: Q, equals: V}, {answer: Q, in: [V, ...]}, {answer: Q, includes: V},
{answer: Q, includes_any: [V, ...]}, {all: [C, ...]}, {any: [C, ...]}, {not: C},
{date: A, before: B} and {date: A, on_or_after: B}, each optionally with plus_years: N, and
{date: A, before_day: D} and {date: A, on_or_after_day: D}, against a fixed day D (YYYY-MM-DD).
"""

import calendar
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from decision.iso_dates import is_date
from decision.problems import ShapeError

Answers = Mapping[str, object]


@dataclass(frozen=True)
class AnswerIs:
    """`equals` (one value) or `in` (several) on a choice or yes/no/not sure question."""

    question: str
    values: tuple[str, ...]

    def holds(self, answers: Answers) -> bool:
        return answers[self.question] in self.values


@dataclass(frozen=True)
class AnswerIncludes:
    """`includes` (one value) or `includes_any` (several) on a multi-select question."""

    question: str
    values: tuple[str, ...]

    def holds(self, answers: Answers) -> bool:
        chosen = answers[self.question]
        return any(value in chosen for value in self.values)  # type: ignore[operator]


@dataclass(frozen=True)
class DateComparison:
    """Date `date` is before (or on or after) the `plus_years` anniversary of date `other`.

    With `fixed`, `other` is a day written YYYY-MM-DD (a date in the rules, such as when a duty began),
    not a question."""

    date: str
    other: str
    before: bool
    plus_years: int
    fixed: bool = False

    def holds(self, answers: Answers) -> bool:
        day = date.fromisoformat(str(answers[self.date]))
        limit = anniversary(self.other_day(answers), self.plus_years)
        return ((day.year, day.month, day.day) < limit) == self.before

    def other_day(self, answers: Answers) -> date:
        return date.fromisoformat(self.other if self.fixed else str(answers[self.other]))


@dataclass(frozen=True)
class AllOf:
    conditions: tuple["Condition", ...]

    def holds(self, answers: Answers) -> bool:
        return all(condition.holds(answers) for condition in self.conditions)


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple["Condition", ...]

    def holds(self, answers: Answers) -> bool:
        return any(condition.holds(answers) for condition in self.conditions)


@dataclass(frozen=True)
class Not:
    condition: "Condition"

    def holds(self, answers: Answers) -> bool:
        return not self.condition.holds(answers)


Condition = AnswerIs | AnswerIncludes | DateComparison | AllOf | AnyOf | Not
Atom = AnswerIs | AnswerIncludes | DateComparison


def anniversary(day: date, years: int) -> tuple[int, int, int]:
    """(year, month, day) of the `years`th anniversary; 29 February falls on 1 March in non-leap years.

    A tuple, not a date, so that comparisons near year 9999 cannot overflow.
    """
    year = day.year + years
    if (day.month, day.day) == (2, 29) and not calendar.isleap(year):
        return (year, 3, 1)
    return (year, day.month, day.day)


def atoms(condition: Condition) -> Iterator[Atom]:
    """The answer and date tests inside a condition."""
    if isinstance(condition, AllOf | AnyOf):
        for inner in condition.conditions:
            yield from atoms(inner)
    elif isinstance(condition, Not):
        yield from atoms(condition.condition)
    else:
        yield condition


_FORMS = (
    "{answer, equals}, {answer, in}, {answer, includes}, {answer, includes_any}, {all}, {any}, {not}, "
    "{date, before}, {date, on_or_after}, each optionally with plus_years, {date, before_day}, "
    "{date, on_or_after_day}"
)


def parse_condition(raw: object) -> Condition:
    """Build a condition from rule data, or raise ShapeError saying what is wrong."""
    if not isinstance(raw, Mapping):
        raise ShapeError(f"a condition must be a mapping, one of: {_FORMS}")
    keys = set(raw)
    if keys in ({"all"}, {"any"}):
        inner = raw["all"] if "all" in keys else raw["any"]
        if not isinstance(inner, list) or not inner:
            raise ShapeError(f"'{next(iter(keys))}' takes a non-empty list of conditions")
        parsed = tuple(parse_condition(item) for item in inner)
        return AllOf(parsed) if "all" in keys else AnyOf(parsed)
    if keys == {"not"}:
        return Not(parse_condition(raw["not"]))
    if keys in ({"answer", "equals"}, {"answer", "includes"}):
        values = (_value(raw.get("equals", raw.get("includes"))),)
        return _answer_test(raw, keys, values)
    if keys in ({"answer", "in"}, {"answer", "includes_any"}):
        values = _values(raw.get("in", raw.get("includes_any")))
        return _answer_test(raw, keys, values)
    if "date" in keys and keys - {"plus_years"} in ({"date", "before"}, {"date", "on_or_after"}):
        return _date_comparison(raw)
    if keys in ({"date", "before_day"}, {"date", "on_or_after_day"}):
        return _fixed_day_comparison(raw)
    raise ShapeError(f"condition with keys {sorted(keys)} is not one of the accepted forms: {_FORMS}")


def _answer_test(raw: Mapping, keys: set[str], values: tuple[str, ...]) -> AnswerIs | AnswerIncludes:
    question = _value(raw["answer"])
    if keys & {"includes", "includes_any"}:
        return AnswerIncludes(question, values)
    return AnswerIs(question, values)


def _date_comparison(raw: Mapping) -> DateComparison:
    before = "before" in raw
    plus_years = raw.get("plus_years", 0)
    if "plus_years" in raw and (type(plus_years) is not int or plus_years < 1):
        raise ShapeError(f"plus_years must be a whole number of years, 1 or more, not {plus_years!r}")
    return DateComparison(
        date=_value(raw["date"]),
        other=_value(raw["before"] if before else raw["on_or_after"]),
        before=before,
        plus_years=plus_years,
    )


def _fixed_day_comparison(raw: Mapping) -> DateComparison:
    before = "before_day" in raw
    day = raw["before_day"] if before else raw["on_or_after_day"]
    if not isinstance(day, str) or not is_date(day):
        key = "before_day" if before else "on_or_after_day"
        raise ShapeError(f"{key} must be a real date written YYYY-MM-DD, not {day!r}")
    return DateComparison(date=_value(raw["date"]), other=day, before=before, plus_years=0, fixed=True)


def _value(raw: object) -> str:
    if not isinstance(raw, str) or not raw:
        raise ShapeError(f"{raw!r} must be a question id or option value (text)")
    return raw


def _values(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise ShapeError(f"{raw!r} must be a non-empty list of option values")
    values = tuple(_value(item) for item in raw)
    if len(set(values)) != len(values):
        raise ShapeError(f"{raw!r} lists a value twice")
    return values
