"""The site under test: built once (and timed), the pages to measure, and a bare Pyodide page beside them."""

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from decision.aid.fragment import State, format_state
from decision.project.rulebook import Project, load_tree
from decision.trees.paths import path_views

AID_MARKER = '<div class="aid"'
ENGINE_MARKERS = (AID_MARKER, '<div class="calc"')  # the deadline calculator starts the engine too
GUIDANCE_FOLDERS = ("kent", "surrey", "rutland")  # the guidance pages (CONTRIBUTING.md, page map)
BARE_DIR = "benchmark-bare"
FLOOR_DIR = "benchmark-floor"
MADE_AT = "2026-11-24T10:00"


class BenchmarkError(Exception):
    """The benchmark cannot run as asked; the message says why."""


@dataclass(frozen=True)
class Pages:
    aid: str  # site-relative URL of the first page with a decision aid
    tree: str  # the tree that aid runs
    plain: str  # a guidance page that never starts the engine
    bare: str  # a page that does nothing but loadPyodide() in a module worker
    floor: str  # a page that does nothing but restore the site's snapshot, once a visit has saved it


def build(project_root: Path, site_dir: Path) -> float:
    """`mkdocs build --strict` into `site_dir`; returns the seconds it took."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=project_root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchmarkError(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


def find_pages(site_dir: Path) -> Pages:
    html = {
        _url(path, site_dir): path.read_text(encoding="utf-8")
        for path in sorted(site_dir.rglob("index.html"))
        if path.relative_to(site_dir).parts[0] not in ("assets", BARE_DIR, FLOOR_DIR)
    }
    aid = next((url for url, text in html.items() if AID_MARKER in text), None)
    if aid is None:
        raise BenchmarkError(f"no page of the built site has an aid ({AID_MARKER}...>): nothing to measure")
    plain = next(
        (
            url
            for url, text in html.items()
            if url.split("/")[0] in GUIDANCE_FOLDERS and not any(marker in text for marker in ENGINE_MARKERS)
        ),
        None,
    )
    if plain is None:
        raise BenchmarkError(f"no guidance page under {', '.join(GUIDANCE_FOLDERS)}/ is free of aids")
    tree = re.search(r'<div class="aid" data-tree="([a-z0-9-]+)"', html[aid])
    if tree is None:
        raise BenchmarkError(f"{aid}: the aid names no tree (data-tree)")
    return Pages(aid=aid, tree=tree.group(1), plain=plain, bare=f"{BARE_DIR}/", floor=f"{FLOOR_DIR}/")


def write_bare_pages(site_dir: Path, aid_page: str) -> None:
    """The floors: the site's own Pyodide files in a module worker, with nothing else on the page.

    benchmark-bare/ runs loadPyodide(). benchmark-floor/ restores the site's snapshot the way the
    engine does (read from the Cache API while Pyodide's files load); a visit that finds none saves
    it, inflated, as the engine does, and marks "bare-saved" instead. Same Content-Security-Policy
    as the aid page; both mark "bare-start" and "bare-ready".
    """
    manifest = json.loads((site_dir / "assets" / "aid" / "engine.json").read_text(encoding="utf-8"))
    pyodide, snapshot = ("../assets/" + manifest[key].removeprefix("../") for key in ("pyodide", "snapshot"))
    policy = re.search(
        r'<meta http-equiv="Content-Security-Policy"[^>]*>', (site_dir / aid_page / "index.html").read_text()
    )
    start = (
        f'import {{ loadPyodide }} from "{pyodide}pyodide.mjs";\n'
        f'const indexURL = new URL("{pyodide}", import.meta.url).href;\n'
    )
    workers = {
        BARE_DIR: 'await loadPyodide({ indexURL });\npostMessage("ready");\n',
        FLOOR_DIR: (
            f'const snapshot = new URL("{snapshot}", import.meta.url);\n'
            'const cache = await caches.open("benchmark-floor");\n'
            "const saved = await cache.match(snapshot);\n"
            "if (saved) {\n"
            "  const memory = saved.arrayBuffer().then((buffer) => new Uint8Array(buffer));\n"
            "  await loadPyodide({ indexURL, _loadSnapshot: memory });\n"
            '  postMessage("ready");\n'
            "} else {\n"
            "  const response = await fetch(snapshot);\n"
            '  const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));\n'
            "  await cache.put(snapshot, new Response(inflated));\n"
            '  postMessage("saved");\n'
            "}\n"
        ),
    }
    for name, worker in workers.items():
        folder = site_dir / name
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"{policy.group(0) if policy else ''}<title>Bare Pyodide</title></head>\n"
            '<body><p id="out">waiting</p><script type="module" src="bare.mjs"></script></body></html>\n',
            encoding="utf-8",
        )
        (folder / "bare.mjs").write_text(
            'performance.mark("bare-start");\n'
            'const worker = new Worker(new URL("bare-worker.mjs", import.meta.url), { type: "module" });\n'
            "worker.onmessage = ({ data }) => {\n"
            "  performance.mark(`bare-${data}`);\n"
            '  document.getElementById("out").textContent = data;\n'
            "};\n",
            encoding="utf-8",
        )
        (folder / "bare-worker.mjs").write_text(start + worker, encoding="utf-8")


def step_requests(project_root: Path, tree_id: str, base: str) -> list[dict]:
    """One "step" request per answer along every path of the tree: what the aid asks after each answer."""
    tree = load_tree(Project(root=project_root), tree_id)
    requests = []
    for path in path_views(tree):
        answers = list(path["answers"].items())
        for given in range(len(answers) + 1):
            fragment = format_state(State(dict(answers[:given])))
            requests.append(
                {
                    "op": "step",
                    "tree": tree_id,
                    "fragment": fragment,
                    "base": base,
                    "level": 2,
                    "made_at": MADE_AT,
                }
            )
    return requests


def _url(path: Path, site_dir: Path) -> str:
    folder = path.parent.relative_to(site_dir).as_posix()
    return "" if folder == "." else f"{folder}/"
