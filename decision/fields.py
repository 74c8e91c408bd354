"""Reading the fields of rule data (trees, clocks, scenarios), with a Problem for each wrong one.

Each reader collects problems instead of stopping at the first, so one run names every mistake in a
file, each with its line and node.
"""

import re
from collections.abc import Mapping

from decision.problems import Problem, line_of

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLAUSE_ID = re.compile(r"^[A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)*$")


class FieldReader:
    """Reads fields from raw mappings, collecting a Problem for each wrong one instead of stopping."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.problems: list[Problem] = []

    def problem(self, raw: object, node: str, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(self.origin, line_of(raw, key), node, message))

    def mapping(
        self, raw: object, node: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> bool:
        """Whether `raw` is a mapping with every required key; reports missing and unknown keys."""
        if not isinstance(raw, Mapping):
            self.problem(raw, node, f"must be a mapping with {', '.join(required)}")
            return False
        missing = [key for key in required if key not in raw]
        for key in missing:
            self.problem(raw, node, f"'{key}' is missing")
        for key in raw:
            if key not in required + optional:
                allowed = ", ".join(required + optional)
                self.problem(raw, node, f"'{key}' is not a field here (allowed: {allowed})", str(key))
        return not missing

    def text(self, raw: Mapping, key: str, node: str) -> str:
        """The text at `key`; "" when absent (mapping() reports a missing required key) or not text."""
        if key not in raw:
            return ""
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            self.problem(raw, node, f"'{key}' must be non-empty text, not {value!r}", key)
            return ""
        return value

    def optional_text(self, raw: Mapping, key: str, node: str) -> str | None:
        return self.text(raw, key, node) if key in raw else None

    def ident(self, raw: Mapping, key: str, node: str) -> str:
        value = self.text(raw, key, node)
        if value and not KEBAB.match(value):
            self.problem(raw, node, f"{key} {value!r} must be kebab-case (a-z, 0-9 and single hyphens)", key)
        return value

    def choice(
        self, raw: Mapping, key: str, node: str, allowed: tuple[str, ...], default: str | None = None
    ) -> str:
        if key not in raw and default is not None:
            return default
        value = self.text(raw, key, node)
        if value and value not in allowed:
            self.problem(raw, node, f"{key} {value!r} is not one of: {', '.join(allowed)}", key)
        return value

    def cites(
        self, raw: Mapping, node: str, required: bool, known: frozenset[str] | None = None
    ) -> tuple[str, ...]:
        """The clause ids at `cites`; with `known`, each must be in the clause inventory."""
        value = raw.get("cites")
        if value is None and not required:
            return ()
        if not isinstance(value, list) or not value:
            self.problem(raw, node, f"'cites' must be a non-empty list of clause ids, not {value!r}", "cites")
            return ()
        cites = tuple(item for item in value if isinstance(item, str) and CLAUSE_ID.match(item))
        for item in value:
            if item not in cites:
                self.problem(value, node, f"cites {item!r}, which is not written like a clause id (KN-S16C)")
            elif known is not None and item not in known:
                self.problem(value, node, f"cites {item}, which is not in the clause inventory")
        if len(set(cites)) != len(cites):
            self.problem(value, node, "'cites' names a clause twice")
        return cites

    def items(self, raw: Mapping, key: str, node: str, required: bool) -> list:
        value = raw.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or not value:
            self.problem(raw, node, f"'{key}' must be a non-empty list, not {value!r}", key)
            return []
        return value
