"""The engine runs in Pyodide: every shipped decision module imports only the standard library."""

import json
import subprocess
import sys
from pathlib import Path

from build_tools.pyodide.decision_bundle import shipped_files

PROJECT_ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
before = set(sys.modules)
for name in json.loads(sys.argv[2]):
    importlib.import_module(name)
loaded = {name.split(".")[0] for name in set(sys.modules) - before}
# _sysconfigdata_* is the standard library's build configuration (zoneinfo reads it), named per platform.
outside = {name for name in loaded - set(sys.stdlib_module_names) if not name.startswith("_sysconfigdata_")}
print(json.dumps(sorted(outside - {"decision"})))
"""


def shipped_modules() -> list[str]:
    """The modules the site's bundle ships, by the bundle's own rule."""
    names = []
    for path in shipped_files(PROJECT_ROOT):
        parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
        if path.suffix == ".py":
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_engine_modules_are_all_probed():
    shipped = set(shipped_modules())
    assert {
        "decision.trees.engine",
        "decision.trees.validate",
        "decision.deadlines.clock",
        "decision.aid.browser",
    } <= shipped
    assert not {
        name for name in shipped if name.startswith(("decision.project", "decision.cli"))
    }  # read YAML


def test_shipped_modules_import_only_the_standard_library():
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", PROBE, str(PROJECT_ROOT), json.dumps(shipped_modules())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_probe_would_notice_a_third_party_import():
    """yaml is installed here; the probe must report it rather than pass silently."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(PROJECT_ROOT), json.dumps(["decision.project.source"])],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "yaml" in json.loads(result.stdout)
