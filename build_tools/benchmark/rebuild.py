"""`python -m build_tools.benchmark.rebuild`: how long a full build and a `mkdocs serve` rebuild take.

Works on a copy of the project in a temporary folder (the working tree is never edited), sharing the
project's build/ caches as a second checkout would. Times `mkdocs build --strict` run afresh, then, in
one process as `mkdocs serve` does, rebuilds after an edit to one rule file and after an edit to one
page, each through the builder mkdocs serve calls (load the configuration again, then build). Prints
the median of each, on the clock and in CPU seconds (this process and what it runs: Node, D2), which
another load on the machine changes less.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

PROJECT = Path(__file__).resolve().parents[2]
COPIED = ("docs", "includes", "overrides", "decision", "build_tools")
RULE_FILE = "decision/rules/alert.yaml"
PAGE = "docs/kent/alerts.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.benchmark.rebuild", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="samples of each (default 3)")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    print("load average at the start: " + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    with tempfile.TemporaryDirectory(prefix="rebuild-") as temp:
        copy = _copy_project(Path(temp) / "project")
        full = [_timed(lambda: _full_build(copy, Path(temp) / "site")) for _ in range(args.runs)]
        rebuild = _serve_builder(copy, Path(temp) / "serve-site")
        rebuild()  # the first build mkdocs serve does before it watches for changes
        rules, pages = [], []
        for run in range(args.runs):
            rules.append(_timed(lambda run=run: (_edit(copy / RULE_FILE, f"\n# edit {run}\n"), rebuild())))
            pages.append(_timed(lambda run=run: (_edit(copy / PAGE, f"\n\nEdit {run}.\n"), rebuild())))
    print("load average at the end:   " + " ".join(f"{load:.2f}" for load in os.getloadavg()))
    for name, times in (
        ("full build (mkdocs build --strict)", full),
        (f"rebuild after editing {RULE_FILE}", rules),
        (f"rebuild after editing {PAGE}", pages),
    ):
        clock, cpu = [sample[0] for sample in times], [sample[1] for sample in times]
        samples = ", ".join(f"{sample:.1f}" for sample in clock)
        print(
            f"{name:<48} median {statistics.median(clock):5.1f} s ({samples}); "
            f"CPU {statistics.median(cpu):5.1f} s"
        )
    return 0


def _copy_project(copy: Path) -> Path:
    for folder in COPIED:
        shutil.copytree(PROJECT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(PROJECT / "mkdocs.yml", copy / "mkdocs.yml")
    for shared in ("node_modules", "build"):  # installed packages; caches keyed by their content
        (PROJECT / shared).mkdir(exist_ok=True)
        (copy / shared).symlink_to(PROJECT / shared)
    return copy


def _full_build(project: Path, site: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=project,
        check=True,
    )


def _serve_builder(project: Path, site: Path) -> Callable[[], None]:
    """What `./dev serve` (`mkdocs serve --dirty`) runs after each change (mkdocs.commands.serve: builder),
    here with --strict."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=True)

    def builder() -> None:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config, serve_url=config.site_url, dirty=True)

    return builder


def _edit(path: Path, addition: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(addition)


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """Seconds on the clock, and seconds of CPU this process and its children (Node, D2) used."""
    start, cpu = time.perf_counter(), _cpu()
    action()
    return time.perf_counter() - start, _cpu() - cpu


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    sys.exit(main())
