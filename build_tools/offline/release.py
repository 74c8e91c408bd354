"""One release of the built site as the service worker keeps it: its files, their hashes, its cache name.

The cache name holds the rules version (read from the rules file the site ships), the Pyodide
version (from the engine's manifest) and a hash of every file, so two releases never share a cache.
"""

import hashlib
import json
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from build_tools.pyodide.bundle import AID_DIR

SERVICE_WORKER = "sw.js"  # at the site root, so its scope is the whole site
# Built files the site never needs in the browser, or the service worker must not keep.
LEFT_OUT = (
    SERVICE_WORKER,  # the browser fetches it itself to find a newer release
    "*.map",  # source maps, for developers' tools
    "sitemap.xml.gz",  # for search engines; the theme reads sitemap.xml
    "assets/javascripts/lunr/*",  # search in languages other than English
    "assets/pyodide/*/snapshot-*",  # the engine saves its own inflated copy (engine-worker.mjs)
)


def release_files(site_dir: Path) -> dict[str, str]:
    """Site-relative URL -> sha256 hex of every file the site needs; a folder's index.html as the folder."""
    files = {}
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if path.is_file() and not any(fnmatch(relative, pattern) for pattern in LEFT_OUT):
            with path.open("rb") as file:
                files[_url(relative)] = hashlib.file_digest(file, "sha256").hexdigest()
    return files


def _url(relative: str) -> str:
    if relative == "index.html":
        return "./"
    return relative.removesuffix("index.html") if relative.endswith("/index.html") else relative


def engine_versions(site_dir: Path) -> tuple[str, str]:
    """(rules version, Pyodide version) of the engine the site ships, from assets/aid/engine.json."""
    manifest_path = site_dir / AID_DIR / "engine.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        rules_file = (manifest_path.parent / manifest["rules"]).resolve()
        rules = json.loads(rules_file.read_text(encoding="utf-8"))["rulebook"]["version"]["hash"]
    except (OSError, KeyError, ValueError) as error:
        raise PluginError(
            f"procedures-offline: {manifest_path}: cannot read the engine's versions: {error}"
        ) from None
    return rules, PurePosixPath(manifest["pyodide"]).name


def release(site_dir: Path, wording: dict[str, str]) -> dict:
    """What the service worker is told: its cache name, the files and pages it keeps, its wording."""
    files = release_files(site_dir)
    rules, pyodide = engine_versions(site_dir)
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()
    return {
        "cache": f"procedures-rules-{rules}-pyodide-{pyodide}-{digest[:12]}",
        "files": files,
        "pages": [url for url in files if url.endswith("/") or url.endswith(".html")],
        "wording": wording,
    }


def write_service_worker(site_dir: Path, worker_source: Path, wording: dict[str, str]) -> dict:
    """Write sw.js for the site in `site_dir` as it is now; returns the release it keeps."""
    kept = release(site_dir, wording)
    source = f"const RELEASE = {json.dumps(kept, indent=1)};\n\n" + worker_source.read_text(encoding="utf-8")
    (site_dir / SERVICE_WORKER).write_text(source, encoding="utf-8")
    return kept
