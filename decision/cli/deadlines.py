"""Deadline commands: workdays add / between, clocks, deadline, timeline (see `python -m decision -h`).

Dates and counts are read as text and checked here, so bad input gets a one-line message naming
the value (an InputError: exit status 2), not argparse's usage text.
"""

import argparse
import json
from pathlib import Path

from decision.deadlines.clock import clocks_list, deadline
from decision.deadlines.dates import parse_count
from decision.deadlines.ics import to_ics
from decision.deadlines.timeline import timeline
from decision.errors import InputError
from decision.iso_dates import parse_date
from decision.project.deadline_files import load_deadlines


def register(commands: argparse._SubParsersAction) -> None:
    workdays = commands.add_parser("workdays", help="working days in England (bank holidays skipped)")
    counting = workdays.add_subparsers(dest="workdays_command", required=True)
    add = counting.add_parser("add", help="the end of the Nth working day after DATE (DATE is day 0)")
    add.add_argument("date", metavar="DATE", help="YYYY-MM-DD; day 0 even at a weekend or on a bank holiday")
    add.add_argument("count", metavar="N", help="working days to add, 0 or more")
    add.set_defaults(handler=_workdays_add)
    between = counting.add_parser("between", help="working days after START up to and including END")
    between.add_argument("start", metavar="START", help="YYYY-MM-DD")
    between.add_argument("end", metavar="END", help="YYYY-MM-DD")
    between.set_defaults(handler=_workdays_between)
    clocks = commands.add_parser("clocks", help="every deadline clock (JSON list)")
    clocks.set_defaults(handler=_clocks)
    one = commands.add_parser("deadline", help="one clock's deadline with the working shown (JSON)")
    one.add_argument("clock", metavar="CLOCK", help="a clock id (see `clocks`)")
    one.add_argument(
        "--from", dest="start", required=True, metavar="DATE[THH:MM]", help="the starting event, UK time"
    )
    one.set_defaults(handler=_deadline)
    line = commands.add_parser(
        "timeline", help="every deadline following one event (JSON), optionally as .ics"
    )
    line.add_argument(
        "event", metavar="EVENT", help="a timeline id, e.g. serious-incident or surrey-iro-alert"
    )
    line.add_argument(
        "--from", dest="start", required=True, metavar="DATE[THH:MM]", help="the event, UK time"
    )
    line.add_argument(
        "--happened",
        action="append",
        default=[],
        metavar="STEP=DATE",
        help="the real date of a step later steps count from, e.g. national-panel-notification=2025-03-10",
    )
    line.add_argument("--ics", type=Path, metavar="FILE", help="also write the timeline as an iCalendar file")
    line.set_defaults(handler=_timeline)


def _workdays_add(args: argparse.Namespace) -> int:
    day = load_deadlines().calendar.add_working_days(parse_date(args.date), parse_count(args.count))
    print(day.isoformat())
    return 0


def _workdays_between(args: argparse.Namespace) -> int:
    start, end = parse_date(args.start, "start"), parse_date(args.end, "end")
    print(load_deadlines().calendar.working_days_between(start, end))
    return 0


def _clocks(args: argparse.Namespace) -> int:
    _print_json(clocks_list(load_deadlines()))
    return 0


def _deadline(args: argparse.Namespace) -> int:
    _print_json(deadline(args.clock, args.start, load_deadlines()))
    return 0


def _timeline(args: argparse.Namespace) -> int:
    result = timeline(args.event, args.start, load_deadlines(), happened=_happened(args.happened))
    if args.ics:
        try:
            args.ics.write_text(to_ics(result, load_deadlines()), encoding="utf-8", newline="")
        except OSError as error:
            raise InputError(f"cannot write {args.ics}: {error.strerror}") from None
    _print_json(result)
    return 0


def _happened(pairs: list[str]) -> dict[str, str]:
    for pair in pairs:
        if "=" not in pair:
            raise InputError(f"--happened {pair!r}: write it as STEP=YYYY-MM-DD")
    return dict(pair.split("=", 1) for pair in pairs)


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))
