"""`python -m build_tools.benchmark`: build the site, serve it on 127.0.0.1, measure the aid in Chromium.

Each run opens a fresh Chromium profile per page and visits it several times, restarting Chromium
between visits: the first visit is the cold sample; after WARM_UPS more, the next is the warm sample,
as for a practitioner who has used the page a few times (V8 keeps compiled code for a script only
once it has run it more than once). The snapshot-restore floor has no cold sample: its first visit
saves the snapshot, as an aid page's first visit does. With --repeat, the whole measurement (build
included) is done again, and the table gives the lowest and highest of the repeats' medians.
Writes benchmark-results/benchmark.json and prints a table against the targets.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from build_tools.benchmark import chromium, site
from build_tools.benchmark.report import summarise, table
from build_tools.benchmark.server import serve

PROJECT = Path(__file__).resolve().parents[2]
RESULTS = PROJECT / "benchmark-results" / "benchmark.json"
WARM_UPS = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.benchmark", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="cold and warm samples of each page (default 5)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="times to do it all, for the spread (default 1)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.repeat < 1:
        parser.error("--runs and --repeat must be at least 1")
    load_before = os.getloadavg()
    repeats = []
    for repeat in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="benchmark-") as temp:
            site_dir = Path(temp) / "site"
            try:
                build_seconds = site.build(PROJECT, site_dir)
                pages = site.find_pages(site_dir)
                site.write_bare_pages(site_dir, pages.aid)
                base = "../" * pages.aid.count("/")
                requests = site.step_requests(PROJECT, pages.tree, base)
                runs = measure(
                    site_dir, pages, requests, args.runs, Path(temp), f"{repeat + 1}/{args.repeat}"
                )
            except (site.BenchmarkError, chromium.VisitError) as error:
                print(f"benchmark: {error}", file=sys.stderr)
                return 1
        repeats.append({"summary": summarise(runs, build_seconds), "runs": runs})
    summaries = [repeat["summary"] for repeat in repeats]
    RESULTS.parent.mkdir(exist_ok=True)
    document = {
        "environment": environment(load_before),
        "pages": pages.__dict__,
        "warm_up_visits": WARM_UPS,
        "repeats": repeats,
    }
    RESULTS.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(
        f"Aid page /{pages.aid} (tree {pages.tree}), plain page /{pages.plain}; medians of {args.runs} runs"
        + (f", lowest to highest over {args.repeat} repeats." if args.repeat > 1 else ".")
    )
    print(
        f"Every page (aid, plain, bare loadPyodide(), snapshot-restore floor) had 1 cold visit and "
        f"{WARM_UPS} warm-up visits before its warm sample, Chromium restarted between visits."
    )
    print(table(summaries))
    load_after = os.getloadavg()[0]
    print(f"Load average before and after: {load_before[0]:.1f}, {load_after:.1f} on {os.cpu_count()} CPUs.")
    print(f"Wrote {RESULTS.relative_to(PROJECT)}")
    return 0


def measure(
    site_dir: Path, pages: site.Pages, requests: list[dict], runs: int, temp: Path, repeat: str
) -> dict:
    """{page kind: {"cold": [visit, ...], "warm": [visit, ...]}}, the kinds interleaved run by run."""
    visits = {
        "aid": lambda context, server: chromium.visit_aid(context, server, pages.aid, requests),
        "plain": lambda context, server: chromium.visit_plain(context, server, pages.plain),
        "bare": lambda context, server: chromium.visit_bare(context, server, pages.bare),
        "floor": lambda context, server: chromium.visit_bare(context, server, pages.floor),
    }
    results: dict = {kind: {"cold": [], "warm": []} for kind in visits}
    with serve(site_dir) as server, sync_playwright() as playwright:
        for run in range(runs):
            for kind, visit in visits.items():
                user_data_dir = temp / f"profile-{kind}-{run}"
                for number in range(WARM_UPS + 2):
                    with chromium.profile(playwright, user_data_dir) as context:
                        server.take_counts()
                        result = visit(context, server)
                    if number == 0 and kind != "floor":
                        results[kind]["cold"].append(result)
                    elif number == WARM_UPS + 1:
                        if result.get("saved"):
                            raise chromium.VisitError(
                                f"{pages.floor}: the snapshot saved before was not found"
                            )
                        results[kind]["warm"].append(result)
                print(f"repeat {repeat}, run {run + 1}/{runs}: {kind} done", file=sys.stderr)
    return results


def environment(load_before: tuple[float, float, float]) -> dict:
    """What the figures depend on: other work on the machine skews them (load averages before and after)."""
    version = subprocess.run([chromium.CHROMIUM, "--version"], capture_output=True, text=True, check=False)
    return {
        "chromium": version.stdout.strip(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
    }


if __name__ == "__main__":
    sys.exit(main())
