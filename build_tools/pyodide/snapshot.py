"""The Pyodide memory snapshot: made in Node at build time, from the site's own copy of Pyodide.

It holds the decision package with its data loaded, so it is made from, and named after, the exact
Pyodide files, script and decision bundle the site ships: a snapshot never meets another bundle.
Making one takes seconds, so the few newest are kept in build/pyodide-snapshot/ under that name.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

SCRIPT = Path(__file__).resolve().parent / "make-snapshot.mjs"
CACHE = Path("build") / "pyodide-snapshot"
NODE_TIMEOUT_SECONDS = 300
KEEP = 3


def write_snapshot(pyodide_dir: Path, boot_files: dict, bundle: bytes, project_root: Path) -> str:
    """Put the snapshot in `pyodide_dir` (holding the copied boot files) and return its file name."""
    key = _digest(SCRIPT.read_bytes(), json.dumps(boot_files, sort_keys=True).encode(), bundle)
    name = f"snapshot-{key[:16]}.bin.gz"
    cached, target = project_root / CACHE / name, pyodide_dir / name
    try:
        shutil.copyfile(cached, target)
    except FileNotFoundError:  # not made yet, or another build has just pruned it
        _make(pyodide_dir, bundle, target)
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_name(f"{name}.{os.getpid()}.part")  # renamed whole: other builds never see half
        shutil.copyfile(target, part)
        part.replace(cached)
        _prune(cached.parent)
    return name


def _make(pyodide_dir: Path, bundle: bytes, snapshot: Path) -> None:
    """Run make-snapshot.mjs, writing `snapshot`."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("procedures-aids: node is needed to build the Pyodide snapshot; install Node 20")
    with tempfile.TemporaryDirectory() as temp:
        bundle_file = Path(temp) / "bundle.zip"
        bundle_file.write_bytes(bundle)
        result = subprocess.run(
            [node, str(SCRIPT), str(pyodide_dir), str(bundle_file), str(snapshot)],
            capture_output=True,
            text=True,
            timeout=NODE_TIMEOUT_SECONDS,
            check=False,
        )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-5:])[-2000:]
        raise PluginError(f"procedures-aids: {SCRIPT.name} failed (exit {result.returncode}):\n{tail}")


def _prune(cache: Path) -> None:
    """Keep the few newest snapshots (the site's and the tests' bundles differ); older ones are never used."""
    by_age = sorted(cache.glob("snapshot-*.bin.gz"), key=lambda path: path.stat().st_mtime, reverse=True)
    for path in by_age[KEEP:]:
        path.unlink(missing_ok=True)  # another build may be pruning the same folder


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()
