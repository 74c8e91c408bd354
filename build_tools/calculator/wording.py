"""The calculator's wording, from wording.yaml: every sentence it shows, at build time and in the browser."""

from collections.abc import Mapping
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

WORDING_FILE = Path(__file__).resolve().with_name("wording.yaml")
SHOWN_AS = "build_tools/calculator/wording.yaml"  # as messages name it


def load_wording(path: Path = WORDING_FILE) -> dict:
    try:
        wording = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"procedures-calculator: {SHOWN_AS}: {error}") from None
    if not isinstance(wording, dict):
        raise PluginError(f"procedures-calculator: {SHOWN_AS}: must be a mapping of key to wording")
    return wording


def say(wording: Mapping, key: str, **values: object) -> str:
    """The wording for `key` with its {values} filled in; PluginError names a missing key."""
    if key not in wording:
        raise PluginError(f"procedures-calculator: {SHOWN_AS}: '{key}' is missing")
    return str(wording[key]).format(**values)
