"""The one reader of dates as written in rule data, answers and requests, and the checks built on it."""

import pytest

from decision.errors import InputError
from decision.iso_dates import is_date, is_moment, parse_minute
from decision.trees.engine import answer_fault
from decision.trees.tree import Question

DAY = Question("day", "date", "When?", None, (), ("KN-S16C",), (), (), None)
ARABIC_INDIC_YEAR = "\u0662\u0660\u0662\u0666"  # 2026 in digits a regex's \d accepts
NOT_DATES = [
    "2026-02-30",
    "2026-2-3",
    "26-02-03",
    "2026-02-03T10:00",
    f"{ARABIC_INDIC_YEAR}-01-01",
    "",
    None,
    1,
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_only_a_real_date_written_yyyy_mm_dd_is_a_date_for_every_reader(text):
    assert not is_date(text)
    assert answer_fault(DAY, text)[0] in ("required", "not_a_date")


def test_a_moment_is_a_real_date_or_a_real_date_and_time_to_the_minute():
    assert is_date("2024-02-29") and is_moment("2024-02-29") and is_moment("2026-03-29T01:30")
    assert not is_moment("2026-03-29T25:00") and not is_moment("2026-03-29T10:00:00")
    assert answer_fault(DAY, "2024-02-29") is None


def test_a_bad_date_and_time_names_what_it_is_and_the_value():
    with pytest.raises(
        InputError, match="made_at must be a date and time written YYYY-MM-DDTHH:MM, not 'today'"
    ):
        parse_minute("today", "made_at")
    with pytest.raises(InputError, match="made_at '2026-13-01T10:00' is not a real date and time"):
        parse_minute("2026-13-01T10:00", "made_at")
