"""The decision package's modules compiled to bytecode for Pyodide's Python, at build time in Node.

A plain (first) visit then imports the package without compiling it. The bundle holds each module
as a .pyc in place of its source (smaller than both, and nothing to fall back to: bytecode for another
Python fails the import, naming the module). They are made by the site's own copy of Pyodide, so they
are for its Python version.
"""

import io
import json
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from build_tools.pyodide import node
from build_tools.pyodide.decision_bundle import zip_bytes

SCRIPT = Path(__file__).resolve().parent / "make-bytecode.mjs"


def compiled_modules(
    pyodide_dir: Path, boot_files: dict, files: Mapping[str, bytes], project_root: Path
) -> dict:
    """Zip member name -> .pyc contents, for every .py member of the bundle `files` (x.py gives x.pyc)."""
    sources = zip_bytes({name: content for name, content in files.items() if name.endswith(".py")})
    key = node.digest(SCRIPT.read_bytes(), json.dumps(boot_files, sort_keys=True).encode(), sources)

    def make(output: Path) -> None:
        with tempfile.TemporaryDirectory() as temp:
            sources_file = Path(temp) / "sources.zip"
            sources_file.write_bytes(sources)
            node.run(SCRIPT, pyodide_dir, sources_file, output)

    made = node.cached(project_root, "pyodide-bytecode", f"bytecode-{key[:16]}.zip", make)
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
