"""Everything the decision aids need in the built site, written by the `procedures-aids` plugin.

    site/assets/pyodide/<version>/   the Pyodide boot files (checked against files.json) and the snapshot
    site/assets/decision/            decision-<hash>.zip: the decision package (as bytecode for Pyodide's
                                     Python), its rules and data
    site/assets/aid/                 engine.mjs, engine-start.mjs, engine-worker.mjs, and engine.json
                                     naming the files above

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
from build_tools.pyodide.decision_bundle import bundle_files, zip_bytes
from build_tools.pyodide.snapshot import write_snapshot

STATIC = Path(__file__).resolve().parent / "static"
PYODIDE_DIR = "assets/pyodide"
DECISION_DIR = "assets/decision"
AID_DIR = "assets/aid"
STARTS_ENGINE = "starts_engine"  # page.meta key: overrides/main.html starts the engine from <head>


def write(site_dir: Path, project_root: Path, extra: Mapping[str, bytes] | None = None) -> dict:
    """Write the runtime into `site_dir`; returns site-relative URLs of what the aid pages use.

    `extra` adds files to the decision bundle: zip member name (e.g. "decision/built/aid-site.json")
    to contents.

    {"engine": "assets/aid/engine.mjs", "worker": ..., "manifest": "assets/aid/engine.json",
     "pyodide": "assets/pyodide/314.0.7/", "bundle": "assets/decision/decision-<hash>.zip",
     "snapshot": "assets/pyodide/314.0.7/snapshot-<hash>.bin.gz", "version": {"hash": ..., "date": ...}}
    """
    pyodide_url = f"{PYODIDE_DIR}/{read_manifest()['version']}/"
    boot = copy_boot_files(package_dir(project_root), site_dir / pyodide_url)
    files = bundle_files(project_root, extra or {})
    compiled = compiled_modules(site_dir / pyodide_url, boot["files"], files, project_root)
    bundle = zip_bytes({name: data for name, data in files.items() if not name.endswith(".py")} | compiled)
    bundle_hash = hashlib.sha256(bundle).hexdigest()
    bundle_url = f"{DECISION_DIR}/decision-{bundle_hash[:16]}.zip"
    (site_dir / DECISION_DIR).mkdir(parents=True, exist_ok=True)
    (site_dir / bundle_url).write_bytes(bundle)
    snapshot = write_snapshot(site_dir / pyodide_url, boot["files"], bundle, project_root)
    urls = {
        "engine": f"{AID_DIR}/engine.mjs",
        "worker": f"{AID_DIR}/engine-worker.mjs",
        "manifest": f"{AID_DIR}/engine.json",
        "pyodide": pyodide_url,
        "bundle": bundle_url,
        "snapshot": pyodide_url + snapshot,
    }
    version = {"hash": bundle_hash[:12], "date": datetime.now(UTC).date().isoformat()}
    # The worker reads this; its URLs are relative to it.
    manifest = {key: f"../{urls[key].removeprefix('assets/')}" for key in ("pyodide", "bundle", "snapshot")}
    (site_dir / AID_DIR).mkdir(parents=True, exist_ok=True)
    for script in sorted(STATIC.glob("*.mjs")):
        shutil.copyfile(script, site_dir / AID_DIR / script.name)
    (site_dir / urls["manifest"]).write_text(
        json.dumps({**manifest, "version": version}, indent=1) + "\n", encoding="utf-8"
    )
    return {**urls, "version": version}
