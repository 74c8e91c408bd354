"""Problems found in rule data, each naming the file, line and node, and the error that carries them."""

from dataclasses import dataclass

from decision.errors import InputError


class ShapeError(ValueError):
    """A piece of rule data has the wrong shape; the caller adds the file, line and node."""


@dataclass(frozen=True)
class Problem:
    origin: str  # the file (or compiled bundle) the tree came from
    line: int | None
    node: str  # "question 'x'", "outcome 'y'", "tree 'z'" or "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line else self.origin
        return f"{where}: {self.node}: {self.message}" if self.node else f"{where}: {self.message}"


class RuleError(InputError):
    """Rule data that cannot be used: the message is the first problem; `problems` holds them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        message = str(problems[0])
        if len(problems) > 1:
            message += f" (and {len(problems) - 1} more; run `python -m decision check` to see them all)"
        super().__init__(message)


def line_of(raw: object, key: str | None = None) -> int | None:
    """The source line of `key` in a mapping, or where the mapping or list starts (see project.source).

    None for data that did not come from a YAML file, such as the compiled rulebook.
    """
    key_lines = getattr(raw, "key_lines", {})
    return key_lines.get(key) or getattr(raw, "line", None)
