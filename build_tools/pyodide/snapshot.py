"""The Pyodide memory snapshot: made in Node at build time, from the site's own copy of Pyodide.

Making one takes seconds, so it is kept in build/pyodide-snapshot/ under a key of everything it is
made from. Its name in the site depends only on the Pyodide files, the script and the standard-library
modules it holds, so a change to the rules or the decision code alone does not make browsers fetch
a new one.
"""

import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

SCRIPT = Path(__file__).resolve().parent / "make-snapshot.mjs"
CACHE = Path("build") / "pyodide-snapshot"
NODE_TIMEOUT_SECONDS = 300


def write_snapshot(
    pyodide_dir: Path, boot_files: dict, bundle: bytes, code_digest: str, project_root: Path
) -> str:
    """Put the snapshot in `pyodide_dir` (holding the copied boot files) and return its file name.

    `code_digest` identifies the decision modules in `bundle`: the modules they import decide what
    the snapshot holds.
    """
    made_from = _digest(SCRIPT.read_bytes(), json.dumps(boot_files, sort_keys=True).encode())
    cache = project_root / CACHE
    key = _digest(made_from.encode(), code_digest.encode())
    snapshot, modules_file = cache / f"{key}.bin.gz", cache / f"{key}.json"
    if not (snapshot.is_file() and modules_file.is_file()):
        modules = _make(pyodide_dir, bundle, snapshot)
        modules_file.write_text(json.dumps(modules), encoding="utf-8")
        _prune(cache, key)
    modules = json.loads(modules_file.read_text(encoding="utf-8"))
    name = f"snapshot-{_digest(made_from.encode(), *(module.encode() for module in modules))[:16]}.bin.gz"
    shutil.copyfile(snapshot, pyodide_dir / name)
    return name


def _make(pyodide_dir: Path, bundle: bytes, snapshot: Path) -> list[str]:
    """Run make-snapshot.mjs; returns the standard-library modules the snapshot holds."""
    node = shutil.which("node")
    if node is None:
        raise PluginError("procedures-aids: node is needed to build the Pyodide snapshot; install Node 20")
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        bundle_file = Path(temp) / "bundle.zip"
        bundle_file.write_bytes(bundle)
        made = Path(temp) / snapshot.name
        result = subprocess.run(
            [node, str(SCRIPT), str(pyodide_dir), str(bundle_file), str(made)],
            capture_output=True,
            text=True,
            timeout=NODE_TIMEOUT_SECONDS,
            check=False,
        )
        if result.returncode != 0:
            tail = "\n".join(result.stderr.strip().splitlines()[-5:])[-2000:]
            raise PluginError(f"procedures-aids: {SCRIPT.name} failed (exit {result.returncode}):\n{tail}")
        shutil.move(made, snapshot)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _prune(cache: Path, key: str) -> None:
    """Keep only the newest snapshot: old ones are never used again."""
    for path in cache.iterdir():
        if not path.name.startswith(key):
            path.unlink()


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()
