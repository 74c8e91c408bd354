"""Read a wording file from decision/wording/ and check it against what the code that shows it fills in.

The one loader for every wording file: the YAML ones and the aid's JSON (which the browser reads as it is;
JSON is YAML, so the same reader gives each key its line). A spec says what the code uses: each key maps
to the {placeholders} the code fills in (names separated by spaces, "" for none), to a one-item list of
them for a list of text, or to a nested spec for a table. The file must hold exactly the spec's keys and
name no placeholder the code does not fill in; WordingError names the file, line and key of each problem.
"""

from collections.abc import Iterator, Mapping
from pathlib import Path
from string import Formatter
from typing import Union

from decision.errors import InputError
from decision.problems import Problem, line_of
from decision.project.source import read_yaml

FOLDER = Path(__file__).resolve().parents[1] / "wording"
SHOWN = "decision/wording"  # the folder as messages name it

Spec = Mapping[str, Union[str, list[str], "Spec"]]


class WordingError(InputError):
    """A wording file that does not match the code that shows it: one line per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class Wording(Mapping):
    """A checked wording file: `wording[key]` is the entry as written, `wording(key, **values)` filled in."""

    def __init__(self, entries: Mapping) -> None:
        self._entries = entries

    def __getitem__(self, key: str) -> object:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __call__(self, key: str, **values: object) -> str:
        return str(self._entries[key]).format(**values)


def wording_path(name: str) -> Path:
    return FOLDER / name


def load_wording(name: str, spec: Spec) -> Wording:
    """decision/wording/<name>, checked against `spec`; WordingError names each key that is wrong."""
    shown = f"{SHOWN}/{name}"
    data = read_yaml(wording_path(name), shown)
    problems = _table_problems(shown, data, spec, "", 1)
    if problems:
        raise WordingError(problems)
    assert isinstance(data, dict)  # a file that is not a mapping is a problem above
    return Wording(data)


def _table_problems(shown: str, data: object, spec: Spec, prefix: str, start: int) -> list[Problem]:
    """The problems of one mapping of keys to wording; `start` is its key's line (1 for the whole file)."""
    if not isinstance(data, dict):
        node = f"key '{prefix[:-1]}'" if prefix else ""
        return [Problem(shown, start, node, "must be a mapping of names to wording")]
    problems = [
        Problem(shown, start, f"key '{prefix}{key}'", "is missing") for key in spec if key not in data
    ]
    for key, value in data.items():
        node, line = f"key '{prefix}{key}'", line_of(data, key)
        if key not in spec:
            problems.append(Problem(shown, line, node, "is not wording the code uses"))
        elif isinstance(spec[key], Mapping):
            problems += _table_problems(shown, value, spec[key], f"{prefix}{key}.", line)  # type: ignore[arg-type]
        else:
            problems += [Problem(shown, line, node, fault) for fault in _entry_faults(value, spec[key])]
    return problems


def _entry_faults(value: object, fills: str | list[str]) -> list[str]:
    """What is wrong with one text, or one list of text (when `fills` is a list)."""
    if isinstance(fills, list):
        if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
            return ["must be a list of text"]
        return [fault for item in value if (fault := _unfilled(item, fills[0]))]
    if not isinstance(value, str):
        return ["must be text"]
    fault = _unfilled(value, fills)
    return [fault] if fault else []


def _unfilled(text: str, fills: str) -> str | None:
    """What is wrong with the {placeholders} in `text`, when the code fills in only `fills`."""
    try:
        fields = [field for _, field, _, _ in Formatter().parse(text) if field is not None]
    except ValueError as error:
        return f"has a broken {{placeholder}}: {error}"
    extra = sorted({field.split(".")[0].split("[")[0] for field in fields} - set(fills.split()))
    if not extra:
        return None
    filled = f"it fills in only {', '.join(fills.split())}" if fills else "it fills in none"
    names = ", ".join("{" + name + "}" for name in extra)
    return f"names {names}, which the code does not fill in ({filled})"
