"""The decision bundle's bytecode: made for Pyodide's own Python, the same bytes every time, and used."""

import json
import shutil
import subprocess
from pathlib import Path

from build_tools.pyodide.boot_files import package_dir, read_manifest
from build_tools.pyodide.bundle import write
from build_tools.pyodide.bytecode import compiled_modules
from build_tools.pyodide.decision_bundle import bundle_files

PROJECT = Path(__file__).resolve().parent.parent
EXTRA = {"decision/built/aid-site.json": b'{"clause_pages": {}, "aid_pages": {}}'}
# In Pyodide, from the site's bundle: the header of every .pyc, then the package imported with every
# source replaced by one that cannot be imported, so it loads from the bytecode or not at all.
CHECK = """
import importlib.util, json, pathlib, sys
pycs = {str(pyc): pyc.read_bytes() for pyc in pathlib.Path("/app").rglob("*.pyc")}
headers = {name: [pyc[:4] == importlib.util.MAGIC_NUMBER, pyc[4:8][0]] for name, pyc in pycs.items()}
sources = sorted(pathlib.Path("/app").rglob("*.py"))
for source in sources:
    source.write_text("raise ImportError('compiled from source: ' + __name__)")
sys.path.insert(0, "/app")
import decision.aid.browser
json.dumps({"headers": headers, "sources": len(sources), "loaded": decision.aid.browser._bundle is not None})
"""
RUN = """
import { readFileSync } from "node:fs";
const [pyodideDir, bundle, code] = process.argv.slice(1);
const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundle)), "zip", { extractDir: "/app" });
console.log(pyodide.runPython(code));
"""


def test_the_bundle_imports_from_bytecode_for_pyodides_python(tmp_path: Path):
    node = shutil.which("node")
    assert node is not None, "node is not installed (./dev test needs Node 20)"
    urls = write(tmp_path / "site", PROJECT, EXTRA)
    pyodide_dir = tmp_path / "site" / urls["pyodide"]
    result = subprocess.run(
        [
            node,
            "--input-type=module",
            "-e",
            RUN,
            str(pyodide_dir),
            str(tmp_path / "site" / urls["bundle"]),
            CHECK,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["loaded"] is True
    assert report["sources"] > 20
    assert len(report["headers"]) == report["sources"]  # one .pyc per module
    assert all(name.endswith(".cpython-314.pyc") for name in report["headers"])
    # The right magic number; flags 1: hash-based and unchecked, so no time and no source read.
    assert {tuple(header) for header in report["headers"].values()} == {(True, 1)}


def test_the_bytecode_is_the_same_bytes_whenever_it_is_made(tmp_path: Path):
    files = bundle_files(PROJECT, EXTRA)
    boot = read_manifest()["files"]
    first, second = (  # two projects' build folders, so the second is made afresh, not taken from a cache
        compiled_modules(package_dir(PROJECT), boot, files, tmp_path / build) for build in ("one", "two")
    )
    assert first == second
    assert "decision/aid/__pycache__/browser.cpython-314.pyc" in first
    assert not set(first) & set(files)  # beside the sources, never in their place
