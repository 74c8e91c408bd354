"""The build side of the browser runtime: checked Pyodide files, the code bundle and rules file, the site."""

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
from build_tools.pyodide.decision_bundle import bundle_bytes, rules_bytes

PROJECT = Path(__file__).resolve().parent.parent
AID_SITE = {"clause_pages": {}, "aid_pages": {}}


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
    today = bundle_bytes(PROJECT), rules_bytes(PROJECT, AID_SITE)
    another_day = time.localtime(1_000_000_000)
    monkeypatch.setattr(time, "localtime", lambda seconds=None: another_day)  # zip entries default to now
    assert (bundle_bytes(PROJECT), rules_bytes(PROJECT, AID_SITE)) == today


def test_the_bundle_holds_the_run_time_package_and_the_rules_file_the_compiled_rules():
    files = members(bundle_bytes(PROJECT))
    modules = {name.removeprefix("decision/") for name in files if name.endswith(".py")}
    assert {"__init__.py", "trees/engine.py", "aid/browser.py", "deadlines/clock.py"} <= modules
    assert "decision/wording/aid.json" in files
    assert not [name for name in files if name.endswith(".yaml")]  # build-time wording and rules
    assert "__main__.py" not in modules
    assert not [module for module in modules if module.startswith(("project/", "cli/"))]  # read YAML
    assert "decision/data/Europe-London.tzif" in files and "decision/data/bank-holidays-england.json" in files
    assert not [name for name in files if name.startswith("decision/built/")]  # rules stay out of it
    aid_site = {"clause_pages": {"KA-OFSTED": "kent/alerts/"}, "aid_pages": {"alert": "aids/alert/"}}
    rules = json.loads(rules_bytes(PROJECT, aid_site))
    assert set(rules["rulebook"]["trees"]) == {
        path.stem for path in (PROJECT / "decision" / "rules").glob("*.yaml")
    }
    assert "national-panel-notification" in {clock["id"] for clock in rules["clocks"]["clocks"]}
    assert rules["aid_site"] == aid_site


# Run from the unpacked code bundle, as the worker does, so `decision` is the bundle's copy.
LOAD = """
import json, sys
import decision.aid.browser as browser
request = json.dumps({"op": "step", "tree": "nope", "fragment": "", "base": "", "level": 2})
try:
    browser.handle(request)
except RuntimeError as error:
    print(error)
browser.load(sys.stdin.read())
print(browser.__file__)
print(json.loads(browser.handle(request))["error"]["message"])
"""


def test_the_unpacked_bundle_reads_no_rules_on_import_and_answers_once_they_are_loaded(tmp_path: Path):
    with zipfile.ZipFile(io.BytesIO(bundle_bytes(PROJECT))) as archive:
        archive.extractall(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", LOAD],
        cwd=tmp_path,
        input=rules_bytes(PROJECT, AID_SITE).decode("utf-8"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    before, where, answered = result.stdout.splitlines()
    assert "no rules loaded" in before  # a clear error, not an answer without rules
    assert where == str(tmp_path / "decision" / "aid" / "browser.py")
    assert "unknown tree 'nope'" in answered and "national-panel" in answered  # the trees it loaded


def test_a_rules_file_that_is_not_the_builds_is_refused_naming_what_it_lacks(tmp_path: Path):
    with zipfile.ZipFile(io.BytesIO(bundle_bytes(PROJECT))) as archive:
        archive.extractall(tmp_path)
    script = "import sys, decision.aid.browser as b; b.load(sys.stdin.read())"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        input='{"rulebook": {}}',
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "the rules file must be an object with rulebook, clocks, aid_site" in result.stderr


def test_write_puts_every_file_the_worker_names_into_the_site(tmp_path: Path):
    urls = write(tmp_path, PROJECT, AID_SITE)
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
    for key in ("bundle", "rules", "snapshot"):
        assert (aid / manifest[key]).resolve() == (tmp_path / urls[key]).resolve(), key
    assert (tmp_path / urls["snapshot"]).read_bytes()[:2] == b"\x1f\x8b"  # gzip
    assert urls["pyodide"] == f"assets/pyodide/{read_manifest()['version']}/"
    assert manifest["version"]["bundle"] in urls["bundle"] and manifest["version"]["rules"] in urls["rules"]
    assert (tmp_path / urls["rules"]).read_bytes() == rules_bytes(PROJECT, AID_SITE)
    shipped = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    assert len(shipped) == len(BOOT_FILES) + 7  # + snapshot, bundle, rules, engine.json, the three scripts


def project_copy(target: Path) -> Path:
    """The project's rules and package copied, sharing node_modules and the build cache (build/)."""
    shutil.copytree(PROJECT / "decision", target / "decision", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "build_tools" / "clauses", target / "build_tools" / "clauses")
    shutil.copyfile(PROJECT / "package.json", target / "package.json")
    for shared in ("node_modules", "docs", "build"):
        (target / shared).symlink_to(PROJECT / shared)
    return target


def test_a_rule_edit_changes_only_the_rules_file_not_the_code_bundle_or_the_snapshot(tmp_path: Path):
    project = project_copy(tmp_path / "project")
    before = write(tmp_path / "before", project, AID_SITE)
    alert = project / "decision" / "rules" / "alert.yaml"
    text = alert.read_text(encoding="utf-8")
    title = "title: Decide whether to raise a Kent alert, and where it goes\n"
    assert title in text
    alert.write_text(text.replace(title, "title: Decide whether to raise a Kent alert\n"), encoding="utf-8")
    after = write(tmp_path / "after", project, AID_SITE)
    assert after["rules"] != before["rules"]
    assert (
        json.loads((tmp_path / "after" / after["rules"]).read_bytes())["rulebook"]["trees"]["alert"]["title"]
        == "Decide whether to raise a Kent alert"
    )
    assert after["bundle"] == before["bundle"]
    assert (tmp_path / "after" / after["bundle"]).read_bytes() == (
        tmp_path / "before" / before["bundle"]
    ).read_bytes()
    assert after["snapshot"] == before["snapshot"]
