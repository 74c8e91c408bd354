"""Command line: `python -m decision COMMAND`. Bad input exits with status 2 and one line on stderr."""

import argparse
import sys

from decision.cli import deadlines, rules
from decision.errors import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m decision", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    rules.register(commands)
    deadlines.register(commands)
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
