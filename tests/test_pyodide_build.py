"""The build side of the browser runtime: checked Pyodide files, the decision bundle, the site files."""

import hashlib
import io
import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_tools.pyodide.boot_files import (
    BOOT_FILES,
    copy_boot_files,
    installed_manifest,
    package_dir,
    read_manifest,
)
from build_tools.pyodide.bundle import write
from build_tools.pyodide.decision_bundle import bundle_bytes

PROJECT = Path(__file__).resolve().parent.parent
EXTRA = {"decision/built/aid-site.json": b'{"clause_pages": {}, "aid_pages": {}}'}


def members(bundle: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_manifest_is_that_of_the_pinned_installed_package():
    assert read_manifest() == installed_manifest(PROJECT)
    assert set(read_manifest()["files"]) == set(BOOT_FILES)


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "pyodide"
    copy.mkdir()
    for name in [*BOOT_FILES, "package.json"]:
        shutil.copyfile(package_dir(PROJECT) / name, copy / name)
    return copy


def test_a_changed_boot_file_is_refused_naming_it_and_both_hashes(package_copy: Path, tmp_path: Path):
    (package_copy / "python_stdlib.zip").write_bytes(b"tampered")
    with pytest.raises(PluginError) as raised:
        copy_boot_files(package_copy, tmp_path / "site")
    message = str(raised.value)
    assert "python_stdlib.zip" in message
    assert read_manifest()["files"]["python_stdlib.zip"] in message
    assert hashlib.sha256(b"tampered").hexdigest() in message


def test_a_missing_boot_file_is_refused_naming_it(package_copy: Path, tmp_path: Path):
    (package_copy / "pyodide.asm.wasm").unlink()
    with pytest.raises(PluginError, match=r"pyodide\.asm\.wasm: missing"):
        copy_boot_files(package_copy, tmp_path / "site")


def test_another_installed_version_is_refused(package_copy: Path, tmp_path: Path):
    (package_copy / "package.json").write_text('{"version": "0.0.1"}', encoding="utf-8")
    with pytest.raises(PluginError, match=r"pyodide 0\.0\.1 is installed"):
        copy_boot_files(package_copy, tmp_path / "site")


def test_the_bundle_is_the_same_bytes_for_the_same_inputs_whenever_it_is_built(monkeypatch):
    today = bundle_bytes(PROJECT, EXTRA)
    another_day = time.localtime(1_000_000_000)
    monkeypatch.setattr(time, "localtime", lambda seconds=None: another_day)  # zip entries default to now
    assert bundle_bytes(PROJECT, EXTRA) == today


def test_the_bundle_holds_the_run_time_package_its_data_and_the_compiled_rules():
    files = members(bundle_bytes(PROJECT, EXTRA))
    modules = {name.removeprefix("decision/") for name in files if name.endswith(".py")}
    assert {"__init__.py", "trees/engine.py", "aid/browser.py", "deadlines/clock.py"} <= modules
    assert "decision/wording/aid.json" in files
    assert not [name for name in files if name.endswith(".yaml")]  # build-time wording and rules
    assert "__main__.py" not in modules
    assert not [module for module in modules if module.startswith(("project/", "cli/"))]  # read YAML
    assert "decision/data/Europe-London.tzif" in files and "decision/data/bank-holidays-england.json" in files
    rulebook = json.loads(files["decision/built/rulebook.json"])
    assert set(rulebook["trees"]) == {path.stem for path in (PROJECT / "decision" / "rules").glob("*.yaml")}
    clocks = json.loads(files["decision/built/clocks.json"])
    assert "national-panel-notification" in {clock["id"] for clock in clocks["clocks"]}
    assert files["decision/built/aid-site.json"] == EXTRA["decision/built/aid-site.json"]


def test_the_unpacked_bundle_reads_its_data_when_decision_browser_is_imported(tmp_path: Path):
    with zipfile.ZipFile(io.BytesIO(bundle_bytes(PROJECT, EXTRA))) as archive:
        archive.extractall(tmp_path)
    script = (
        "import decision.aid.browser as b; print(b.__file__, b._bundle is not None, sorted(b._bundle.trees))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )  # run from the unpacked bundle, as the worker does, so `decision` is the bundle's copy
    assert result.returncode == 0, result.stderr
    where, loaded, trees = result.stdout.split(" ", 2)
    assert where == str(tmp_path / "decision" / "aid" / "browser.py")
    assert loaded == "True" and "national-panel" in trees  # ready before the first request


def test_write_puts_every_file_the_worker_names_into_the_site(tmp_path: Path):
    urls = write(tmp_path, PROJECT, EXTRA)
    manifest = json.loads((tmp_path / urls["manifest"]).read_text(encoding="utf-8"))
    aid = tmp_path / "assets" / "aid"
    assert {path.name for path in aid.glob("*.mjs")} == {
        "engine.mjs",
        "engine-start.mjs",
        "engine-worker.mjs",
    }
    assert {name: (aid / manifest["pyodide"] / name).is_file() for name in BOOT_FILES} == dict.fromkeys(
        BOOT_FILES, True
    )
    assert (aid / manifest["bundle"]).resolve() == (tmp_path / urls["bundle"]).resolve()
    assert (aid / manifest["snapshot"]).resolve() == (tmp_path / urls["snapshot"]).resolve()
    assert (tmp_path / urls["snapshot"]).read_bytes()[:2] == b"\x1f\x8b"  # gzip
    assert urls["pyodide"] == f"assets/pyodide/{read_manifest()['version']}/"
    assert manifest["version"]["hash"] in urls["bundle"]
    shipped = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    assert len(shipped) == len(BOOT_FILES) + 6  # + snapshot, bundle, engine.json and the three scripts
