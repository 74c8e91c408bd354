"""Everything the decision aids need in the built site, written by the `procedures-aids` plugin.

    site/assets/pyodide/<version>/   the Pyodide boot files (checked against files.json) and the snapshot
    site/assets/decision/            decision-<hash>.zip: the code bundle, the decision package as bytecode
                                     for Pyodide's Python with its wording and calendar data;
                                     rules-<hash>.json: the rules file, the compiled rules and page map
                                     (build_tools.pyodide.decision_bundle)
    site/assets/aid/                 engine.mjs, engine-start.mjs, engine-worker.mjs, and engine.json
                                     naming the files above

The snapshot and the bytecode are made from the code bundle alone, so a build after editing only rule
files makes neither again (both come from build/), and such a release changes only the rules file.
Files under assets/pyodide/ and assets/decision/ never change under the same URL (the Pyodide
version or a content hash is in it), so a server may let browsers cache them for a year.
"""

import hashlib
import json
import shutil
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from build_tools.pyodide.boot_files import copy_boot_files, package_dir, read_manifest
from build_tools.pyodide.bytecode import compiled_modules
from build_tools.pyodide.decision_bundle import bundle_files, rules_bytes, zip_bytes
from build_tools.pyodide.snapshot import write_snapshot

STATIC = Path(__file__).resolve().parent / "static"
PYODIDE_DIR = "assets/pyodide"
DECISION_DIR = "assets/decision"
AID_DIR = "assets/aid"
STARTS_ENGINE = "starts_engine"  # page.meta key: overrides/main.html starts the engine from <head>


def write(site_dir: Path, project_root: Path, aid_site: Mapping[str, Mapping[str, str]]) -> dict:
    """Write the runtime into `site_dir`; returns site-relative URLs of what the aid pages use.

    `aid_site` is where the pages are, {"clause_pages": {clause id: URL}, "aid_pages": {tree id: URL}},
    for the rules file.

    {"engine": "assets/aid/engine.mjs", "worker": ..., "manifest": "assets/aid/engine.json",
     "pyodide": "assets/pyodide/314.0.7/", "bundle": "assets/decision/decision-<hash>.zip",
     "rules": "assets/decision/rules-<hash>.json",
     "snapshot": "assets/pyodide/314.0.7/snapshot-<hash>.bin.gz",
     "version": {"bundle": ..., "rules": ..., "date": ...}}
    """
    pyodide_url = f"{PYODIDE_DIR}/{read_manifest()['version']}/"
    boot = copy_boot_files(package_dir(project_root), site_dir / pyodide_url)
    files = bundle_files(project_root)
    compiled = compiled_modules(site_dir / pyodide_url, boot["files"], files, project_root)
    bundle = zip_bytes({name: data for name, data in files.items() if not name.endswith(".py")} | compiled)
    rules = rules_bytes(project_root, aid_site)
    hashes = {"bundle": hashlib.sha256(bundle).hexdigest(), "rules": hashlib.sha256(rules).hexdigest()}
    bundle_url = f"{DECISION_DIR}/decision-{hashes['bundle'][:16]}.zip"
    rules_url = f"{DECISION_DIR}/rules-{hashes['rules'][:16]}.json"
    (site_dir / DECISION_DIR).mkdir(parents=True, exist_ok=True)
    (site_dir / bundle_url).write_bytes(bundle)
    (site_dir / rules_url).write_bytes(rules)
    snapshot = write_snapshot(site_dir / pyodide_url, boot["files"], bundle, project_root)
    urls = {
        "engine": f"{AID_DIR}/engine.mjs",
        "worker": f"{AID_DIR}/engine-worker.mjs",
        "manifest": f"{AID_DIR}/engine.json",
        "pyodide": pyodide_url,
        "bundle": bundle_url,
        "rules": rules_url,
        "snapshot": pyodide_url + snapshot,
    }
    version = {
        **{key: digest[:12] for key, digest in hashes.items()},
        "date": datetime.now(UTC).date().isoformat(),
    }
    # The worker reads this; its URLs are relative to it.
    manifest = {
        key: f"../{urls[key].removeprefix('assets/')}" for key in ("pyodide", "bundle", "rules", "snapshot")
    }
    (site_dir / AID_DIR).mkdir(parents=True, exist_ok=True)
    for script in sorted(STATIC.glob("*.mjs")):
        shutil.copyfile(script, site_dir / AID_DIR / script.name)
    (site_dir / urls["manifest"]).write_text(
        json.dumps({**manifest, "version": version}, indent=1) + "\n", encoding="utf-8"
    )
    return {**urls, "version": version}
