"""The Pyodide memory snapshot: made in Node at build time, from the site's own copy of Pyodide.

It holds decision.aid.browser imported from the code bundle, with no rules loaded (the worker hands
them in after every boot), so it is made from, and named after, the exact Pyodide files, script and
code bundle the site ships: a snapshot never meets another bundle, and editing a rule keeps it.
"""

import json
import tempfile
from pathlib import Path

from build_tools.pyodide import node

SCRIPT = Path(__file__).resolve().parent / "make-snapshot.mjs"


def write_snapshot(pyodide_dir: Path, boot_files: dict, bundle: bytes, project_root: Path) -> str:
    """Put the snapshot of the code `bundle` in `pyodide_dir` (holding the boot files); returns its name."""
    key = node.digest(SCRIPT.read_bytes(), json.dumps(boot_files, sort_keys=True).encode(), bundle)
    name = f"snapshot-{key[:16]}.bin.gz"

    def make(snapshot: Path) -> None:
        with tempfile.TemporaryDirectory() as temp:
            bundle_file = Path(temp) / "bundle.zip"
            bundle_file.write_bytes(bundle)
            node.run(SCRIPT, pyodide_dir, bundle_file, snapshot)

    (pyodide_dir / name).write_bytes(node.cached(project_root, "pyodide-snapshot", name, make))
    return name
