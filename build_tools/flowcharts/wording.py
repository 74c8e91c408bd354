"""The words the charts show: wording.yaml beside this module, and the aid's urgency tags (data, not code)."""

import json
from dataclasses import dataclass
from pathlib import Path

from decision.deadlines.clock_book import UNITS
from decision.errors import InputError
from decision.project.source import LineDict, read_yaml
from decision.trees.tree import URGENCIES

WORDING_FILE = Path(__file__).with_name("wording.yaml")
WORDING_NAME = "build_tools/flowcharts/wording.yaml"
AID_WORDING_FILE = Path(__file__).resolve().parents[2] / "decision" / "aid" / "wording.json"
AID_WORDING_NAME = "decision/aid/wording.json"
TIME_UNITS = tuple(unit for unit in UNITS if unit != "before_event")  # before_event counts in one of these


@dataclass(frozen=True)
class Wording:
    texts: dict[str, str]
    lists: dict[str, tuple[str, ...]]
    border: dict[str, str]  # urgency -> its outcome border, in words, for the key
    units: dict[str, tuple[str, str]]  # unit -> (one, many)
    urgency: dict[str, str]  # urgency -> the aid's tag

    def __call__(self, key: str, **values: object) -> str:
        if key not in self.texts:
            raise InputError(f"{WORDING_NAME}: '{key}' is missing")
        try:
            return self.texts[key].format(**values)
        except KeyError as error:
            raise InputError(
                f"{WORDING_NAME}: '{key}' names {error}, which the build does not fill in"
            ) from None

    def interval(self, amount: int, unit: str) -> str:
        """ "5 working days", "1 hour"."""
        return self.units[unit][amount != 1].format(amount=amount)


def load_wording() -> Wording:
    """The wording; InputError names the file, line and entry that is missing or the wrong shape."""
    data = read_yaml(WORDING_FILE, WORDING_NAME)
    if not isinstance(data, LineDict):
        raise InputError(f"{WORDING_NAME}: must be a mapping of names to text")
    units = _mapping(data, "units", TIME_UNITS)
    border = _mapping(data, "border", URGENCIES)
    texts, lists = {}, {}
    for key, value in data.items():
        if isinstance(value, str):
            texts[key] = value
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            lists[key] = tuple(value)
        elif key not in ("units", "border"):
            raise InputError(f"{WORDING_NAME}:{data.key_lines[key]}: '{key}' must be text or a list of text")
    for unit, words in units.items():
        if not (isinstance(words, list) and len(words) == 2 and all(isinstance(w, str) for w in words)):
            raise InputError(f"{WORDING_NAME}: units: '{unit}' must be [one, many], not {words!r}")
    if not all(isinstance(words, str) for words in border.values()):
        raise InputError(f"{WORDING_NAME}: border: each urgency's border must be text")
    return Wording(
        texts, lists, border, {unit: tuple(words) for unit, words in units.items()}, _aid_urgency()
    )


def _mapping(data: LineDict, key: str, keys: tuple[str, ...]) -> dict:
    value = data.get(key)
    if not isinstance(value, dict) or set(value) != set(keys):
        raise InputError(f"{WORDING_NAME}: '{key}' must word each of: {', '.join(keys)}")
    return value


def _aid_urgency() -> dict[str, str]:
    try:
        urgency = json.loads(AID_WORDING_FILE.read_text(encoding="utf-8")).get("urgency")
    except (OSError, ValueError) as error:
        raise InputError(f"{AID_WORDING_NAME}: cannot be read: {error}") from None
    if not isinstance(urgency, dict) or not set(URGENCIES) <= set(urgency):
        raise InputError(f"{AID_WORDING_NAME}: 'urgency' must word each of: {', '.join(URGENCIES)}")
    return {key: urgency[key] for key in URGENCIES}
