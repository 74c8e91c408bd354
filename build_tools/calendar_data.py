"""Regenerate decision/data/ from the installed, pinned `holidays` and `tzdata` packages.

Run from the project root:  python -m build_tools.calendar_data

The deadlines engine reads these files at run time, so it needs neither package (nor a system time
zone database, which Pyodide lacks). Never edit the files by hand; a test checks they match the packages.
"""

import json
from datetime import date
from importlib import metadata, resources
from pathlib import Path

import holidays

DATA = Path(__file__).resolve().parent.parent / "decision" / "data"
HOLIDAYS_FILE = DATA / "bank-holidays-england.json"
ZONE_FILE = DATA / "Europe-London.tzif"
FIRST_YEAR = 2020  # early enough to include the 2022 and 2023 special bank holidays
YEARS_AHEAD = 4


def holiday_data(first_year: int, last_year: int, generated: date) -> dict:
    """England and Wales bank holidays for the years given, with the package version they came from."""
    england = holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))
    return {
        "source": f"holidays {metadata.version('holidays')}",
        "subdivision": "ENG",
        "years": [first_year, last_year],
        "generated": generated.isoformat(),
        "holidays": {day.isoformat(): name for day, name in sorted(england.items())},
    }


def london_tzif() -> bytes:
    """The compiled Europe/London rules from the tzdata package."""
    return resources.files("tzdata.zoneinfo.Europe").joinpath("London").read_bytes()


def main() -> None:
    today = date.today()
    data = holiday_data(FIRST_YEAR, today.year + YEARS_AHEAD, today)
    DATA.mkdir(exist_ok=True)
    HOLIDAYS_FILE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    ZONE_FILE.write_bytes(london_tzif())
    print(f"wrote {HOLIDAYS_FILE.name} ({data['source']}, years {data['years']}) and {ZONE_FILE.name}")


if __name__ == "__main__":
    main()
