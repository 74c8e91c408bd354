"""Medians, ratios and the targets of issue 5, as JSON and as a table."""

import math
from collections.abc import Callable, Iterable
from statistics import median

from build_tools.pyodide.boot_files import BOOT_FILES

# Targets from issue 5, section 8: reported, never asserted.
QUESTION_VS_PLAIN_FCP = 1.05
READY_VS_BARE = {"cold": 1.10, "warm": 0.35}
ROUND_TRIP_P95_MS = 16
AID_EXTRA_BYTES = 300_000  # beyond the Pyodide boot files
PLAIN_PAGE_BYTES = 600_000
SAMPLES = ("cold", "warm")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summarise(runs: dict, build_seconds: float) -> dict:
    aid, plain, bare = runs["aid"], runs["plain"], runs["bare"]
    visits = aid["cold"] + aid["warm"]
    trips = [time for visit in visits for time in visit["round_trips"][1:]]
    summary: dict = {
        "build_seconds": round(build_seconds, 1),
        "round_trip_ms": {
            "p50": round(percentile(trips, 0.50), 2),
            "p95": round(percentile(trips, 0.95), 2),
            "samples": len(trips),
            "first_after_ready_median": round(median(visit["round_trips"][0] for visit in visits), 1),
        },
    }
    for sample in SAMPLES:
        question = _median(aid[sample], lambda visit: visit["question_visible"])
        plain_fcp = _median(plain[sample], lambda visit: visit["fcp"])
        ready = _median(aid[sample], lambda visit: visit["engine_ready"])
        booted = _median(aid[sample], lambda visit: visit["engine_ready"] - visit["engine_start"])
        bare_ready = _median(bare[sample], lambda visit: visit["ready"])
        bare_booted = _median(bare[sample], lambda visit: visit["ready"] - visit["start"])
        summary[sample] = {
            "question_visible_ms": round(question),
            "aid_fcp_ms": round(_median(aid[sample], lambda visit: visit["fcp"])),
            "plain_fcp_ms": round(plain_fcp),
            "question_vs_plain_fcp": round(question / plain_fcp, 3),
            "engine_start_ms": round(_median(aid[sample], lambda visit: visit["engine_start"])),
            "engine_ready_ms": round(ready),
            "engine_ready_after_start_ms": round(booted),
            "engine_boots": sorted(visit["boot"] for visit in aid[sample]),
            "bare_ready_ms": round(bare_ready),
            "bare_ready_after_start_ms": round(bare_booted),
            "ready_vs_bare": round(ready / bare_ready, 3),
            "ready_vs_bare_after_start": round(booted / bare_booted, 3),
            "aid_page_bytes": _bytes(aid[sample], lambda path: not path.endswith(".bin.gz")),
            "boot_file_bytes": _bytes(aid[sample], lambda path: path.rsplit("/", 1)[-1] in BOOT_FILES),
            "snapshot_bytes": _bytes(aid[sample], lambda path: path.endswith(".bin.gz")),
            "plain_page_bytes": _bytes(plain[sample], lambda path: True),
        }
    return summary


def table(summary: dict) -> str:
    cold, warm, trips = summary["cold"], summary["warm"], summary["round_trip_ms"]
    extra = cold["aid_page_bytes"] - cold["boot_file_bytes"]
    worst_question = max(cold["question_vs_plain_fcp"], warm["question_vs_plain_fcp"])
    rows = [
        _row("First question visible (ms)", cold, warm, "question_visible_ms"),
        _row("Plain guidance page FCP (ms)", cold, warm, "plain_fcp_ms"),
        ("  question / plain FCP", cold["question_vs_plain_fcp"], warm["question_vs_plain_fcp"],
         f"<= {QUESTION_VS_PLAIN_FCP}", _met(worst_question <= QUESTION_VS_PLAIN_FCP)),
        _row("Engine started (ms)", cold, warm, "engine_start_ms"),
        _row("Engine ready (ms)", cold, warm, "engine_ready_ms"),
        _row("  after its start (ms)", cold, warm, "engine_ready_after_start_ms"),
        ("  boots", _boots(cold["engine_boots"]), _boots(warm["engine_boots"]), "", ""),
        _row("Bare loadPyodide() ready (ms)", cold, warm, "bare_ready_ms"),
        _row("  after its start (ms)", cold, warm, "bare_ready_after_start_ms"),
        *_ratio_rows("  engine / bare", cold, warm, "ready_vs_bare"),
        *_ratio_rows("  engine / bare, after start", cold, warm, "ready_vs_bare_after_start"),
        ("Answer round trip p50 (ms)", trips["p50"], "", "", ""),
        ("Answer round trip p95 (ms)", trips["p95"], "", f"< {ROUND_TRIP_P95_MS}",
         _met(trips["p95"] < ROUND_TRIP_P95_MS)),
        ("  first answer after ready (ms)", trips["first_after_ready_median"], "", "", ""),
        ("Aid page bytes", _kb(cold["aid_page_bytes"]), _kb(warm["aid_page_bytes"]), "", ""),
        ("  Pyodide boot files", _kb(cold["boot_file_bytes"]), _kb(warm["boot_file_bytes"]), "", ""),
        ("  the rest", _kb(extra), "", f"<= {_kb(AID_EXTRA_BYTES)}", _met(extra <= AID_EXTRA_BYTES)),
        ("  snapshot, saved after ready", _kb(cold["snapshot_bytes"]), _kb(warm["snapshot_bytes"]), "", ""),
        ("Plain page bytes", _kb(cold["plain_page_bytes"]), _kb(warm["plain_page_bytes"]),
         f"<= {_kb(PLAIN_PAGE_BYTES)}", _met(cold["plain_page_bytes"] <= PLAIN_PAGE_BYTES)),
        ("Site build (s)", summary["build_seconds"], "", "", ""),
    ]  # fmt: skip
    header = ("", "cold", "warm", "target", "met")
    widths = [max(len(str(row[column])) for row in [header, *rows]) for column in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [str(cell).rjust(width) for cell, width in zip(row, widths, strict=True)]
        cells[0] = str(row[0]).ljust(widths[0])
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _row(label: str, cold: dict, warm: dict, key: str) -> tuple:
    return (label, cold[key], warm[key], "", "")


def _ratio_rows(label: str, cold: dict, warm: dict, key: str) -> list[tuple]:
    return [
        (
            f"{label}, cold",
            cold[key],
            "",
            f"<= {READY_VS_BARE['cold']}",
            _met(cold[key] <= READY_VS_BARE["cold"]),
        ),
        (
            f"{label}, warm",
            "",
            warm[key],
            f"<= {READY_VS_BARE['warm']}",
            _met(warm[key] <= READY_VS_BARE["warm"]),
        ),
    ]


def _median(visits: Iterable[dict], value: Callable[[dict], float]) -> float:
    return median(value(visit) for visit in visits)


def _bytes(visits: Iterable[dict], wanted: Callable[[str], bool]) -> int:
    return round(
        _median(visits, lambda visit: sum(size for path, size in visit["sent"].items() if wanted(path)))
    )


def _boots(boots: list[str]) -> str:
    return ", ".join(f"{boots.count(kind)} {kind}" for kind in sorted(set(boots)))


def _kb(size: int) -> str:
    return f"{size / 1000:,.0f} kB"


def _met(ok: bool) -> str:
    return "yes" if ok else "NO"
