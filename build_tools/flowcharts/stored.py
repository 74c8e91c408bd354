"""Finished tree charts kept in the flowcharts cache between builds, named by what they are drawn from.

Laying a tree's chart out tries every way of splitting it, which takes a second or more even when
every D2 drawing is cached; a later build, or a test, takes the finished chart from the cache instead.
"""

import functools
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from build_tools.flowcharts.charts import Chart
from build_tools.flowcharts.render import D2Renderer, d2_version
from decision.project.wording import Wording
from decision.trees.tree import Tree

# The code that draws a chart: a change to any of it draws every chart again.
CODE = sorted(Path(__file__).resolve().parent.glob("*.py"))


def stored_chart(
    renderer: D2Renderer, tree: Tree, wording: Wording, draw: Callable[[D2Renderer], Chart]
) -> Chart:
    """The chart `draw` makes of `tree` with `wording`, from the cache if it was made before; the cache
    files it needs (its own and its D2 drawings) count as used by `renderer`, so prune() keeps them."""
    digest = hashlib.sha256()
    for part in (repr(tree), repr(dict(wording)), d2_version(), _code()):
        digest.update(part.encode("utf-8") + b"\0")
    path = renderer.cache_dir / f"{digest.hexdigest()[:32]}.chart"
    if path.is_file():
        chart, drawings = pickle.loads(path.read_bytes())  # the cache is this project's own build/ folder
    else:
        drawing = D2Renderer(renderer.cache_dir)  # its own, to know which drawings this chart uses
        chart = draw(drawing)
        drawings = frozenset(drawing.used)
        partial = path.with_suffix(f".{os.getpid()}")
        partial.write_bytes(pickle.dumps((chart, drawings)))
        partial.replace(path)  # whole or not at all, for a build running beside this one
    renderer.used.update(drawings | {path.name})
    return chart


@functools.cache  # a process runs the code it loaded, so it is read once
def _code() -> str:
    return "\0".join(path.read_text("utf-8") for path in CODE)
