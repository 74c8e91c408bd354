"""When an outcome was worked out: the caller's local time, checked, and in words."""

from datetime import datetime
from zoneinfo import ZoneInfo

from decision.aid.wording import say
from decision.iso_dates import parse_minute
from decision.trees.engine import format_date


def made_at_text(made_at: str, zone: ZoneInfo, key: str = "made_at") -> str:
    """When the outcome was worked out, in UK time, naming GMT or BST."""
    moment = datetime.fromisoformat(made_at)
    return say(
        key,
        date=format_date(moment.date().isoformat()),
        time=f"{moment:%H:%M}",
        zone=moment.replace(tzinfo=zone).tzname(),
    )


def parse_made_at(made_at: object) -> str:
    """The caller's local time of the decision as YYYY-MM-DDTHH:MM; InputError for anything else."""
    parse_minute(made_at, "made_at")
    return str(made_at)
