"""`python -m build_tools.benchmark`: build the site, serve it on 127.0.0.1, measure the aid in Chromium.

Each run opens a fresh Chromium profile per page and visits it twice, restarting Chromium between:
the first visit is a cold sample, the second a warm one (the same profile's caches, a second visit).
Writes benchmark-results/benchmark.json and prints a table against the targets of issue 5.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.benchmark", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="cold and warm samples of each page (at least 5)")
    args = parser.parse_args(argv)
    if args.runs < 5:
        parser.error("--runs must be at least 5")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="benchmark-") as temp:
        site_dir = Path(temp) / "site"
        try:
            build_seconds = site.build(PROJECT, site_dir)
            pages = site.find_pages(site_dir)
            site.write_bare_page(site_dir, pages.aid)
            base = "../" * pages.aid.count("/")
            requests = site.step_requests(PROJECT, pages.tree, base)
            runs = measure(site_dir, pages, requests, args.runs, Path(temp))
        except (site.BenchmarkError, chromium.VisitError) as error:
            print(f"benchmark: {error}", file=sys.stderr)
            return 1
    summary = summarise(runs, build_seconds)
    RESULTS.parent.mkdir(exist_ok=True)
    document = {
        "environment": environment(load_before),
        "pages": pages.__dict__,
        "summary": summary,
        "runs": runs,
    }
    RESULTS.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(
        f"Aid page /{pages.aid} (tree {pages.tree}), plain page /{pages.plain}; medians of {args.runs} runs."
    )
    print(table(summary))
    load_after = os.getloadavg()[0]
    print(f"Load average before and after: {load_before[0]:.1f}, {load_after:.1f} on {os.cpu_count()} CPUs.")
    print(f"Wrote {RESULTS.relative_to(PROJECT)}")
    return 0


def measure(site_dir: Path, pages: site.Pages, requests: list[dict], runs: int, temp: Path) -> dict:
    """{page kind: {"cold": [visit, ...], "warm": [visit, ...]}}, the kinds interleaved run by run."""
    visits = {
        "aid": lambda context, server: chromium.visit_aid(context, server, pages.aid, requests),
        "plain": lambda context, server: chromium.visit_plain(context, server, pages.plain),
        "bare": lambda context, server: chromium.visit_bare(context, server, pages.bare),
    }
    results: dict = {kind: {"cold": [], "warm": []} for kind in visits}
    with serve(site_dir) as server, sync_playwright() as playwright:
        for run in range(runs):
            for kind, visit in visits.items():
                user_data_dir = temp / f"profile-{kind}-{run}"
                for sample in ("cold", "warm"):
                    with chromium.profile(playwright, user_data_dir) as context:
                        server.take_counts()
                        results[kind][sample].append(visit(context, server))
                print(f"run {run + 1}/{runs}: {kind} done", file=sys.stderr)
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
