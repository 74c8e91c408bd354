"""procedures-offline: the release the service worker keeps, its cache name, and sw.js in the built site."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_tools.offline.plugin import WORDING, WORKER_SOURCE
from build_tools.offline.release import engine_versions, release, release_files, write_service_worker
from build_tools.pyodide.boot_files import BOOT_FILES


def small_site(root: Path, rules: str = "abcdef123456") -> Path:
    """A site with an engine (engine.json naming a rules file and Pyodide 314.0.7) and a few other files."""
    files = {
        "index.html": "<p>start</p>",
        "kent/alerts/index.html": "<p>alerts</p>",
        "404.html": "<p>missing</p>",
        "search/search_index.json": "{}",
        "assets/javascripts/bundle.js": "//",
        "assets/javascripts/bundle.js.map": "{}",
        "assets/javascripts/lunr/wordcut.js": "//",
        "assets/pyodide/314.0.7/pyodide.asm.wasm": "wasm",
        "assets/pyodide/314.0.7/snapshot-0123.bin.gz": "snapshot",
        "sitemap.xml": "<urlset/>",
        "sitemap.xml.gz": "gz",
        "sw.js": "// an older worker",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    rulebook = {"version": {"hash": rules, "date": "2026-11-24"}}
    (root / "assets/decision").mkdir(parents=True)
    (root / "assets/decision/rules-1.json").write_text(json.dumps({"rulebook": rulebook}), encoding="utf-8")
    (root / "assets/aid").mkdir(parents=True)
    engine = {"pyodide": "../pyodide/314.0.7/", "rules": "../decision/rules-1.json"}
    (root / "assets/aid/engine.json").write_text(json.dumps(engine), encoding="utf-8")
    return root


def test_the_release_lists_what_the_site_needs_by_the_url_it_is_asked_for(tmp_path: Path):
    site = small_site(tmp_path)
    files = release_files(site)
    assert sorted(files) == [
        "./",
        "404.html",
        "assets/aid/engine.json",
        "assets/decision/rules-1.json",
        "assets/javascripts/bundle.js",
        "assets/pyodide/314.0.7/pyodide.asm.wasm",
        "kent/alerts/",
        "search/search_index.json",
        "sitemap.xml",
    ]
    assert files["kent/alerts/"] == hashlib.sha256(b"<p>alerts</p>").hexdigest()
    assert sorted(release(site, WORDING)["pages"]) == ["./", "404.html", "kent/alerts/"]


def test_the_cache_name_holds_the_rules_and_pyodide_versions_and_changes_with_any_file(tmp_path: Path):
    site = small_site(tmp_path / "one")
    first = release(site, WORDING)["cache"]
    assert re.fullmatch(r"procedures-rules-abcdef123456-pyodide-314\.0\.7-[0-9a-f]{12}", first), first
    (site / "kent/alerts/index.html").write_text("<p>alerts, reworded</p>", encoding="utf-8")
    assert release(site, WORDING)["cache"] != first
    assert engine_versions(small_site(tmp_path / "two", rules="fedcba654321")) == ("fedcba654321", "314.0.7")


def test_a_site_without_the_engine_stops_the_build_naming_engine_json(tmp_path: Path):
    site = small_site(tmp_path)
    (site / "assets/decision/rules-1.json").unlink()
    with pytest.raises(PluginError, match=r"assets/aid/engine\.json: cannot read the engine's versions"):
        release(site, WORDING)


def test_sw_js_is_the_worker_told_its_release(tmp_path: Path):
    site = small_site(tmp_path)
    kept = write_service_worker(site, WORKER_SOURCE, WORDING)
    source = (site / "sw.js").read_text(encoding="utf-8")
    header, _, code = source.partition(";\n\n")
    assert json.loads(header.removeprefix("const RELEASE = ")) == kept
    assert code == WORKER_SOURCE.read_text(encoding="utf-8")
    assert "sw.js" not in kept["files"]


def test_the_built_site_keeps_every_page_the_search_and_the_engine(built_site: Path):
    source = (built_site / "sw.js").read_text(encoding="utf-8")
    kept = json.loads(source.partition(";\n\n")[0].removeprefix("const RELEASE = "))
    pages = {
        html.relative_to(built_site).as_posix().removesuffix("index.html") or "./"
        for html in built_site.rglob("*.html")
        if html.relative_to(built_site).parts[0] != "assets"
    }
    engine = json.loads((built_site / "assets/aid/engine.json").read_text(encoding="utf-8"))
    pyodide = "assets/" + engine["pyodide"].removeprefix("../")
    needed = {
        "search/search_index.json",
        "manifest.webmanifest",
        "assets/aid/engine.json",
        "assets/aid/engine-worker.mjs",
        "assets/" + engine["bundle"].removeprefix("../"),
        "assets/" + engine["rules"].removeprefix("../"),
        *(pyodide + name for name in BOOT_FILES),
    }
    assert pages <= set(kept["pages"]) and needed <= set(kept["files"])
    for url, digest in kept["files"].items():
        path = built_site / (url.removeprefix("./") + ("index.html" if url.endswith("/") else ""))
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, url
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert all((built_site / icon["src"]).is_file() for icon in manifest["icons"])
