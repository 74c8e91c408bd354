"""Build steps that run the site's own Pyodide in Node, and the cache that keeps what they made.

Each step takes seconds, so its output is kept in build/<folder>/ under a name made from everything
it depends on, and the few newest are kept (the site's and the tests' bundles differ).
"""

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

TIMEOUT_SECONDS = 300
KEEP = 3


def cached(project_root: Path, folder: str, name: str, make: Callable[[Path], None]) -> bytes:
    """The contents of build/<folder>/<name>, calling make(path) to write it first if it is not there."""
    path = project_root / "build" / folder / name
    try:
        return path.read_bytes()
    except FileNotFoundError:  # not made yet, or another build has just pruned it
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{name}.{os.getpid()}.part")  # renamed whole: other builds never see half
        make(part)
        made = part.read_bytes()
        part.replace(path)
        _prune(path.parent, path.suffix)
        return made


def run(script: Path, *args: Path) -> None:
    """Run a build script in Node; a failure stops the build with the end of what it printed."""
    node = shutil.which("node")
    if node is None:
        raise PluginError(f"procedures-aids: node is needed to run {script.name}; install Node 20")
    result = subprocess.run(
        [node, str(script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-5:])[-2000:]
        raise PluginError(f"procedures-aids: {script.name} failed (exit {result.returncode}):\n{tail}")


def digest(*parts: bytes) -> str:
    hashes = hashlib.sha256()
    for part in parts:
        hashes.update(hashlib.sha256(part).digest())
    return hashes.hexdigest()


def _prune(folder: Path, suffix: str) -> None:
    """Keep the few newest; older ones are never used."""
    by_age = sorted(folder.glob(f"*{suffix}"), key=lambda path: path.stat().st_mtime, reverse=True)
    for path in by_age[KEEP:]:
        path.unlink(missing_ok=True)  # another build may be pruning the same folder
