"""decision.project.wording: one checked loader for every wording file, naming the file, line and key."""

import json
from pathlib import Path

import pytest

from build_tools.calculator.wording import WORDING as CALCULATOR
from build_tools.flowcharts.wording import WORDING as FLOWCHARTS
from build_tools.rules.wording import WORDING as RULES
from build_tools.training.wording import WORDING as TRAINING
from decision.aid.wording import WORDING as AID
from decision.aid.wording import WORDING_FILE, say
from decision.project import wording
from decision.project.wording import FOLDER, WordingError, load_wording

SPEC = {"title": "name", "columns": [""], "urgency": {"now": "", "later": "days"}}
GOOD = """\
title: "Result: {name}"
columns: [Step, Date]
urgency:
  now: Act now
  later: "Act within {days} days"
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(wording, "FOLDER", tmp_path)
    return tmp_path


def problems(folder: Path, text: str, name: str = "test.yaml") -> list[str]:
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(WordingError) as caught:
        load_wording(name, SPEC)
    return str(caught.value).splitlines()


@pytest.mark.parametrize(
    ("name", "spec"),
    [
        ("aid.json", AID),
        ("calculator.yaml", CALCULATOR),
        ("flowcharts.yaml", FLOWCHARTS),
        ("rules.yaml", RULES),
        ("training.yaml", TRAINING),
    ],
)
def test_every_wording_file_matches_the_code_that_shows_it(name: str, spec: dict) -> None:
    assert set(load_wording(name, spec)) == set(spec)


def test_all_wording_lives_in_one_folder() -> None:
    assert sorted(path.name for path in FOLDER.iterdir()) == [
        "aid.json",
        "calculator.yaml",
        "flowcharts.yaml",
        "rules.yaml",
        "training.yaml",
    ]
    assert WORDING_FILE == FOLDER / "aid.json"  # the shipped reader and the checked loader read one file


def test_a_good_file_reads_as_a_mapping_that_fills_in_its_placeholders(folder: Path) -> None:
    (folder / "test.yaml").write_text(GOOD, encoding="utf-8")
    words = load_wording("test.yaml", SPEC)
    assert words("title", name="Rapid Review") == "Result: Rapid Review"
    assert words["columns"] == ["Step", "Date"]
    assert words["urgency"]["later"].format(days=3) == "Act within 3 days"


def test_a_missing_key_names_the_file_line_and_key(folder: Path) -> None:
    assert problems(folder, GOOD.replace('title: "Result: {name}"\n', "")) == [
        "decision/wording/test.yaml:1: key 'title': is missing"
    ]
    assert problems(folder, GOOD.replace("  now: Act now\n", "")) == [
        "decision/wording/test.yaml:3: key 'urgency.now': is missing"
    ]


def test_an_unknown_key_names_the_file_line_and_key(folder: Path) -> None:
    assert problems(folder, GOOD + "subtitle: Never shown\n") == [
        "decision/wording/test.yaml:6: key 'subtitle': is not wording the code uses"
    ]
    assert problems(folder, GOOD.replace("  now: Act now\n", "  now: Act now\n  soon: Act soon\n")) == [
        "decision/wording/test.yaml:5: key 'urgency.soon': is not wording the code uses"
    ]


def test_a_placeholder_the_code_does_not_fill_names_the_file_line_and_key(folder: Path) -> None:
    assert problems(folder, GOOD.replace("{name}", "{title}")) == [
        "decision/wording/test.yaml:1: key 'title': names {title}, which the code does not fill in "
        "(it fills in only name)"
    ]
    assert problems(folder, GOOD.replace("Act now", "Act within {hours} hours")) == [
        "decision/wording/test.yaml:4: key 'urgency.now': names {hours}, which the code does not fill in "
        "(it fills in none)"
    ]
    assert problems(folder, GOOD.replace("[Step, Date]", "[Step, '{date}']")) == [
        "decision/wording/test.yaml:2: key 'columns': names {date}, which the code does not fill in "
        "(it fills in none)"
    ]


def test_wrong_shapes_and_every_problem_are_reported(folder: Path) -> None:
    text = GOOD.replace("[Step, Date]", "Step").replace("  now: Act now\n", "  now: [Act, now]\n")
    assert problems(folder, text + "extra: 1\n") == [
        "decision/wording/test.yaml:2: key 'columns': must be a list of text",
        "decision/wording/test.yaml:4: key 'urgency.now': must be text",
        "decision/wording/test.yaml:6: key 'extra': is not wording the code uses",
    ]


def test_the_aids_json_is_read_with_its_lines(folder: Path) -> None:
    entries = {
        "title": "Result: {name}",
        "columns": ["Step"],
        "urgency": {"now": "Act now", "later": "{weeks}"},
    }
    lines = problems(folder, json.dumps(entries, indent=2), "aid.json")
    assert lines == [
        "decision/wording/aid.json:8: key 'urgency.later': names {weeks}, which the code does not fill in "
        "(it fills in only days)"
    ]


def test_the_shipped_reader_gives_the_same_words_as_the_checked_loader() -> None:
    checked = load_wording("aid.json", AID)
    assert say("change_hidden", question="Q") == checked("change_hidden", question="Q")
    assert say("urgency") == checked["urgency"]
