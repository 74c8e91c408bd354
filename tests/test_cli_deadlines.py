"""The deadline commands of `python -m decision`: output, and exit status 2 with one line for bad input."""

import json
import subprocess
import sys

import pytest

from decision.__main__ import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_workdays_add_and_between(capsys):
    assert run(capsys, "workdays", "add", "2026-12-24", "5") == (0, "2027-01-05\n", "")
    assert run(capsys, "workdays", "add", "2026-01-03", "0") == (0, "2026-01-05\n", "")
    assert run(capsys, "workdays", "between", "2026-12-24", "2027-01-05") == (0, "5\n", "")


def test_clocks_lists_every_clock_as_json(capsys):
    status, out, _ = run(capsys, "clocks")
    clocks = json.loads(out)
    assert status == 0
    assert {"rapid-review", "iro-resolution", "statutory-visit"} <= {clock["id"] for clock in clocks}
    assert all(clock["cites"] for clock in clocks)


def test_deadline_prints_the_result(capsys):
    status, out, _ = run(capsys, "deadline", "return-interview", "--from", "2026-10-24T10:00")
    result = json.loads(out)
    assert status == 0
    assert (result["due"], result["due_time"], result["due_zone"]) == ("2026-10-27", "09:00", "GMT")


def test_timeline_counts_from_the_real_date_of_an_earlier_step(capsys):
    argv = ["timeline", "serious-incident", "--from", "2025-03-03"]
    status, out, _ = run(capsys, *argv, "--happened", "national-panel-notification=2025-03-10")
    assert status == 0
    rapid = next(step for step in json.loads(out)["steps"] if step["step"] == "rapid-review")
    assert (rapid["due"], rapid["latest"]["due"]) == ("2025-03-24", "2025-03-25")
    assert run(capsys, *argv, "--happened", "soon")[:2] == (2, "")


def test_timeline_writes_an_ics_file(capsys, tmp_path):
    target = tmp_path / "deadlines.ics"
    status, out, _ = run(capsys, "timeline", "serious-incident", "--from", "2026-03-13", "--ics", str(target))
    assert status == 0
    assert json.loads(out)["timeline"] == "serious-incident"
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.count(b"BEGIN:VEVENT") == 10  # 6 steps, 4 with a work-to and a latest date
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["workdays", "add", "2027-02-29", "3"], "error: date '2027-02-29' is not a real date"),
        (["workdays", "add", "2026-13-01", "3"], "error: date '2026-13-01' is not a real date"),
        (["workdays", "add", "Tuesday", "3"], "error: date 'Tuesday' is not a date written YYYY-MM-DD"),
        (["workdays", "add", "2026-01-05", "-3"], "error: count '-3' must be a whole number, 0 or more"),
        (
            ["workdays", "add", "2026-01-05", "three"],
            "error: count 'three' must be a whole number, 0 or more",
        ),
        (
            ["workdays", "between", "2026-01-05", "2040-01-01"],
            "error: 2040-01-01 is outside the years the bank holiday data covers (2020 to 20",
        ),
        (["deadline", "fortnight", "--from", "2026-01-05"], "error: unknown clock 'fortnight'"),
        (
            ["deadline", "alert-response", "--from", "2019-06-03"],
            "error: 2019-06-03 is outside the years the bank holiday data covers",
        ),
        (
            ["deadline", "alert-response", "--from", "2026-02-30"],
            "error: start '2026-02-30' is not a real date",
        ),
        (["timeline", "flood", "--from", "2026-01-05"], "error: unknown timeline event 'flood'"),
        (
            ["timeline", "child-found", "--from", "2026-01-05"],
            "error: clock 'return-interview' counts hours: give the time as well",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_value(capsys, argv, message):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_an_unwritable_ics_file_is_named(capsys, tmp_path):
    target = tmp_path / "missing-folder" / "x.ics"
    status, _, err = run(capsys, "timeline", "child-placed", "--from", "2026-03-13", "--ics", str(target))
    assert status == 2
    assert err.startswith(f"error: cannot write {target}")


def test_the_module_runs_as_a_command():
    result = subprocess.run(
        [sys.executable, "-m", "decision", "workdays", "add", "2026-13-01", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == "error: date '2026-13-01' is not a real date\n"
