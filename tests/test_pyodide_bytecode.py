"""The code bundle's bytecode: made for Pyodide's own Python, the same bytes every time, and used."""

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from build_tools.pyodide.boot_files import package_dir, read_manifest
from build_tools.pyodide.bundle import write
from build_tools.pyodide.bytecode import compiled_modules
from build_tools.pyodide.decision_bundle import bundle_files

PROJECT = Path(__file__).resolve().parent.parent
AID_SITE = {"clause_pages": {}, "aid_pages": {}}
# In Pyodide, from the site's bundle: each .pyc's magic number and flags, and the package imported.
CHECK = """
import importlib.util, json, pathlib, sys
pycs = {str(pyc): pyc.read_bytes() for pyc in pathlib.Path("/app").rglob("*.pyc")}
headers = {name: [pyc[:4] == importlib.util.MAGIC_NUMBER, pyc[4]] for name, pyc in pycs.items()}
sys.path.insert(0, "/app")
import decision.aid.browser as browser
browser.load(rules)
json.dumps({"headers": headers, "browser": browser.__file__, "loaded": "nope" in browser.handle(
    '{"op": "step", "tree": "nope", "fragment": "", "base": "", "level": 2}')})
"""
RUN = """
import { readFileSync } from "node:fs";
const [pyodideDir, bundle, rules, code] = process.argv.slice(1);
const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundle)), "zip", { extractDir: "/app" });
pyodide.globals.set("rules", readFileSync(rules, "utf8"));
console.log(pyodide.runPython(code));
"""


def test_the_site_bundle_holds_bytecode_for_pyodides_python_in_place_of_the_sources(tmp_path: Path):
    node = shutil.which("node")
    assert node is not None, "node is not installed (./dev test needs Node 20)"
    urls = write(tmp_path / "site", PROJECT, AID_SITE)
    bundle = tmp_path / "site" / urls["bundle"]
    with zipfile.ZipFile(io.BytesIO(bundle.read_bytes())) as archive:
        names = archive.namelist()
    assert not [name for name in names if name.endswith(".py")]
    modules = [name for name in bundle_files(PROJECT) if name.endswith(".py")]
    assert sorted(name for name in names if name.endswith(".pyc")) == sorted(name + "c" for name in modules)
    result = subprocess.run(
        [
            node,
            "--input-type=module",
            "-e",
            RUN,
            str(tmp_path / "site" / urls["pyodide"]),
            str(bundle),
            str(tmp_path / "site" / urls["rules"]),
            CHECK,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["loaded"] is True and report["browser"] == "/app/decision/aid/browser.pyc"
    # Pyodide's magic number; flags 1: hash-based, so no time in the file.
    assert {tuple(header) for header in report["headers"].values()} == {(True, 1)}
    assert len(report["headers"]) == len(modules)


def test_the_bytecode_is_the_same_bytes_whenever_it_is_made(tmp_path: Path):
    files = bundle_files(PROJECT)
    boot = read_manifest()["files"]
    first, second = (  # two projects' build folders, so the second is made afresh, not taken from a cache
        compiled_modules(package_dir(PROJECT), boot, files, tmp_path / build) for build in ("one", "two")
    )
    assert first == second
    assert "decision/aid/browser.pyc" in first
