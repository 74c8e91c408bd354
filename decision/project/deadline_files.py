"""The deadline data read from the project's files: decision/clocks.yaml and decision/data/."""

import json
from functools import cache

from decision.deadlines.deadline_data import (
    CLOCKS_NAME,
    HOLIDAYS_FILE,
    ZONE_FILE,
    DeadlineData,
    from_documents,
)
from decision.errors import InputError
from decision.project.rulebook import Project
from decision.project.source import read_yaml

THIS_PROJECT = Project()


@cache  # the files do not change while one command or one test session runs
def load_deadlines(project: Project = THIS_PROJECT) -> DeadlineData:
    return from_documents(read_yaml(project.clocks_file, CLOCKS_NAME), *read_calendar(project))


def read_calendar(project: Project) -> tuple[object, bytes]:
    """The bank holidays (JSON data) and the Europe/London zone (tzif bytes) in decision/data/."""
    try:
        holidays = json.loads((project.data_dir / HOLIDAYS_FILE.name).read_text(encoding="utf-8"))
        tzif = (project.data_dir / ZONE_FILE.name).read_bytes()
    except (OSError, ValueError) as error:
        raise InputError(f"decision/data: {error}; run `python -m build_tools.calendar_data`") from None
    return holidays, tzif
