"""Clause ids from the inventory text (../shared/requirements/clauses.yaml).

Standard library only: each clause is one line `- {id: X, seed: Y, kind: Z, ...}`. The browser gets
the ids in the compiled rulebook instead of reading this file.
"""

import re

_CLAUSE_LINE = re.compile(r"^\s*- \{id: ([A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)*), seed: \w+, kind: \w+")


def clause_ids(inventory_text: str) -> list[str]:
    """The clause ids in the order the inventory lists them."""
    return [match.group(1) for line in inventory_text.splitlines() if (match := _CLAUSE_LINE.match(line))]
