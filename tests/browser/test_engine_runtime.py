"""The decision engine's runtime in Chromium: plain and snapshot boots, fallback, failure reasons, requests.

The runtime is written by build_tools.pyodide.bundle.write into a small site of its own, with a test
page under the site's Content-Security-Policy that starts the engine and asks it for one deadline.
"""

import gzip
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from aid_bundle import project_bundle
from browsing import recorded_context
from playwright.sync_api import Browser, BrowserContext, Page, Route

from build_tools.benchmark.server import SiteServer, serve
from build_tools.pyodide.boot_files import BOOT_FILES
from build_tools.pyodide.bundle import write

pytestmark = pytest.mark.browser

PROJECT = Path(__file__).resolve().parents[2]
POLICY = re.search(
    r'http-equiv="Content-Security-Policy" content="([^"]+)"',
    (PROJECT / "overrides" / "main.html").read_text(encoding="utf-8"),
).group(1)
# The aids plugin adds where pages are; a calculator result links the clauses its clock cites.
PAGES = {"clause_pages": project_bundle().clause_pages, "aid_pages": {}}
LINK = "clock=national-panel-notification&date=2026-12-24"
DEADLINE = {"op": "calculate", "fragment": LINK, "base": "", "level": 2}
DUE = "Monday 28 December 2026"  # Christmas 2026: the KSCMP appendix's day 5, 24 December being day 1
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<title>Engine test</title></head>
<body><p id="out">waiting</p><script type="module" src="engine-test.mjs"></script></body></html>
"""
HARNESS = f"""import {{ startEngine }} from "./assets/aid/engine.mjs";
const out = document.getElementById("out");
try {{
  const engine = startEngine();
  const info = await engine.ready;
  const response = await engine.call({json.dumps(DEADLINE)});
  out.textContent = JSON.stringify({{ info, response, same: startEngine() === engine }});
}} catch (error) {{
  out.textContent = JSON.stringify({{ error: error.message }});
}}
"""
SECONDS = 1000
# The elements that start the engine: a decision aid, and the deadline calculator.
ENGINE_PAGE_MARKERS = ('<div class="aid"', '<div class="calc"')


@pytest.fixture(scope="module")
def runtime_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("runtime-site")
    write(site, PROJECT, PAGES)
    (site / "engine-test.html").write_text(PAGE, encoding="utf-8")
    (site / "engine-test.mjs").write_text(HARNESS, encoding="utf-8")
    (site / "favicon.ico").write_bytes(b"")
    return site


def variant(site: Path, tmp_path: Path, change: Callable[[Path], None]) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    change(copy)
    return copy


def pyodide_dir(site: Path) -> Path:
    return next((site / "assets" / "pyodide").iterdir())


def snapshot_file(site: Path) -> Path:
    return next(pyodide_dir(site).glob("snapshot-*.bin.gz"))


def visit(context: BrowserContext, server: SiteServer, path: str = "engine-test.html") -> tuple[Page, dict]:
    page = context.new_page()
    page.goto(server.url + path)
    page.locator("#out").filter(has_not_text="waiting").wait_for(timeout=120 * SECONDS)
    return page, json.loads(page.inner_text("#out"))


def wait_for_mark(page: Page, name: str) -> None:
    for _ in range(600):
        if page.evaluate("name => performance.getEntriesByName(name).length", name):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"no '{name}' mark within 60 seconds")


def test_first_visit_boots_plainly_and_saves_the_snapshot_for_the_next(browser: Browser, runtime_site: Path):
    allowed = {"/engine-test.html", "/engine-test.mjs", "/favicon.ico"} | {
        "/" + path.relative_to(runtime_site).as_posix() for path in (runtime_site / "assets").rglob("*")
    }
    with serve(runtime_site) as server, recorded_context(browser) as (context, recorder):
        page, first = visit(context, server)
        wait_for_mark(page, "engine-snapshot-saved")
        page.close()
        first_sent = server.take_counts()
        page, second = visit(context, server)
        page.close()
        second_sent = server.take_counts()
    assert first["info"]["boot"] == "plain" and "fallback" not in first["info"], first
    assert first["response"]["html"].count(DUE) > 0 and first["same"], first
    assert {
        f"/{pyodide_dir(runtime_site).relative_to(runtime_site).as_posix()}/{name}" for name in BOOT_FILES
    } <= set(first_sent)
    assert second["info"]["boot"] == "snapshot", second
    assert second["response"]["html"].count(DUE) > 0, second
    assert not [path for path in second_sent if path.endswith(".bin.gz")]  # saved, not fetched again
    assert {urlsplit(url).path for url in recorder.requests} <= allowed  # no Pyodide package, nothing else
    assert recorder.problems() == []


# The page never says it has painted its first question (engine-start.mjs), as if it never showed.
NEVER_PAINTED = HARNESS.replace("startEngine()", "startEngine(new Promise(() => {}))", 1)


def test_a_plain_boot_waits_for_the_paint_and_a_snapshot_boot_does_not(
    browser: Browser, runtime_site: Path, tmp_path: Path
):
    def add_page(site: Path) -> None:
        page = PAGE.replace("engine-test.mjs", "never-painted.mjs")
        (site / "never-painted.html").write_text(page, encoding="utf-8")
        (site / "never-painted.mjs").write_text(NEVER_PAINTED, encoding="utf-8")

    site = variant(runtime_site, tmp_path, add_page)
    with serve(site) as server, recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(server.url + "never-painted.html")
        wait_for_mark(page, "engine-start")
        page.wait_for_timeout(3 * SECONDS)  # time enough to read the manifest and look for a snapshot
        waiting = page.inner_text("#out")
        page.close()
        before_the_paint = list(recorder.requests)
        page, first = visit(context, server)
        wait_for_mark(page, "engine-snapshot-saved")
        page.close()
        page, second = visit(context, server, "never-painted.html")
        page.close()
    assert waiting == "waiting"
    assert [url for url in before_the_paint if url.endswith("engine.json")]
    assert not [url for url in before_the_paint if url.endswith((".wasm", ".zip"))]
    assert first["info"]["boot"] == "plain", first
    assert second["info"]["boot"] == "snapshot" and second["response"]["html"].count(DUE) > 0, second
    assert recorder.problems() == []


def _wrong_build_id(site: Path) -> None:
    """A snapshot of another Pyodide build: the bytes after the magic number hold the build id."""
    path = snapshot_file(site)
    memory = bytearray(gzip.decompress(path.read_bytes()))
    memory[16:48] = b"0" * 32
    path.write_bytes(gzip.compress(bytes(memory), 1))


def test_a_snapshot_that_cannot_be_restored_falls_back_to_a_plain_boot(
    browser: Browser, runtime_site: Path, tmp_path: Path
):
    site = variant(runtime_site, tmp_path, _wrong_build_id)
    with serve(site) as server, recorded_context(browser) as (context, recorder):
        page, first = visit(context, server)
        wait_for_mark(page, "engine-snapshot-saved")
        page.close()
        page, second = visit(context, server)
        page.close()
    assert first["info"]["boot"] == "plain", first
    assert second["info"]["boot"] == "plain", second
    fallback = second["info"]["fallback"]
    assert snapshot_file(site).name in fallback and "build id mismatch" in fallback, fallback
    assert second["response"]["html"].count(DUE) > 0, second
    assert recorder.foreign_requests() == []


def test_a_damaged_snapshot_file_is_not_saved_and_later_visits_boot_plainly(
    browser: Browser, runtime_site: Path, tmp_path: Path
):
    site = variant(runtime_site, tmp_path, lambda copy: snapshot_file(copy).write_bytes(b"not gzip at all"))
    with serve(site) as server, recorded_context(browser) as (context, recorder):
        page, first = visit(context, server)
        wait_for_mark(page, "engine-snapshot-failed")
        reason = page.evaluate("performance.getEntriesByName('engine-snapshot-failed')[0].detail")
        page.close()
        page, second = visit(context, server)
        page.close()
    assert snapshot_file(site).name in reason, reason
    assert first["info"]["boot"] == "plain" and second["info"]["boot"] == "plain", second
    assert "fallback" not in second["info"] and second["response"]["html"].count(DUE) > 0, second
    assert recorder.foreign_requests() == []


def decision_file(site: Path, kind: str) -> Path:
    """The site's code bundle ("decision") or rules file ("rules")."""
    return next((site / "assets" / "decision").glob(f"{kind}-*"))


@pytest.mark.parametrize("missing", [*BOOT_FILES, "decision", "rules"])
def test_a_missing_file_is_named_in_the_reason_the_engine_gives(
    browser: Browser, runtime_site: Path, tmp_path: Path, missing: str
):
    def remove(site: Path) -> None:
        target = pyodide_dir(site) / missing if missing in BOOT_FILES else decision_file(site, missing)
        target.unlink()

    site = variant(runtime_site, tmp_path, remove)
    name = missing if missing in BOOT_FILES else decision_file(runtime_site, missing).name
    with serve(site) as server, recorded_context(browser) as (context, recorder):
        page, result = visit(context, server)
        page.close()
    assert result["error"].startswith("The decision engine could not start"), result
    assert f"{server.url}assets/" in result["error"] and name in result["error"], result
    assert recorder.foreign_requests() == []


def new_rules(site: Path, change: Callable[[dict], bytes]) -> str:
    """Put a rules file made by `change` from the site's in place of it, as a rules-only release does."""
    old = decision_file(site, "rules")
    new = old.with_name("rules-0ff11e0ff11e0ff1.json")
    new.write_bytes(change(json.loads(old.read_bytes())))
    old.unlink()
    engine_json = site / "assets" / "aid" / "engine.json"
    manifest = json.loads(engine_json.read_text(encoding="utf-8"))
    manifest["rules"] = manifest["rules"].replace(old.name, new.name)
    engine_json.write_text(json.dumps(manifest), encoding="utf-8")
    return new.name


def _pages_moved(rules: dict) -> bytes:
    rules["aid_site"]["clause_pages"] = dict.fromkeys(rules["aid_site"]["clause_pages"], "moved/")
    return json.dumps(rules).encode()


def test_a_release_that_changes_only_the_rules_keeps_the_saved_snapshot(
    browser: Browser, runtime_site: Path, tmp_path: Path
):
    site = variant(runtime_site, tmp_path, lambda copy: None)
    with serve(site) as server, recorded_context(browser) as (context, recorder):
        page, first = visit(context, server)
        wait_for_mark(page, "engine-snapshot-saved")
        page.close()
        new_rules(site, _pages_moved)
        server.bodies.clear()  # it keeps the files it read at the start: it now serves the new release
        page, second = visit(context, server)
        page.close()
    assert first["info"]["boot"] == "plain" and 'href="moved/' not in first["response"]["html"], first
    assert second["info"]["boot"] == "snapshot" and "fallback" not in second["info"], second
    assert 'href="moved/' in second["response"]["html"], second  # the new rules, in the old snapshot
    assert recorder.problems() == []


@pytest.mark.parametrize("rules", [b"not json", b'{"rulebook": {}}'])
def test_rules_that_cannot_be_loaded_fail_the_engine_naming_the_file(
    browser: Browser, runtime_site: Path, tmp_path: Path, rules: bytes
):
    site = variant(runtime_site, tmp_path, lambda copy: None)
    name = new_rules(site, lambda _: rules)
    with serve(site) as server, recorded_context(browser) as (context, recorder):
        page, result = visit(context, server)
        page.close()
    assert result["error"].startswith("The decision engine could not start"), result
    assert f"The rules {server.url}assets/decision/{name} could not be loaded" in result["error"], result
    assert recorder.foreign_requests() == []


def test_wasm_sent_with_the_wrong_type_is_named(browser: Browser, runtime_site: Path):
    def octet_stream(route: Route) -> None:
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-type": "application/octet-stream"}
        )

    with serve(runtime_site) as server, recorded_context(browser) as (context, recorder):
        context.route("**/*.wasm", octet_stream)
        page, result = visit(context, server)
        page.close()
    assert "pyodide.asm.wasm was sent as application/octet-stream" in result["error"], result
    assert recorder.foreign_requests() == []


def test_pages_without_an_aid_never_load_the_engine(browser: Browser, built_site: Path, site_url: str):
    plain = [
        path
        for path in sorted(built_site.rglob("*.html"))
        if path.relative_to(built_site).parts[0] != "assets"
        and not any(marker in path.read_text(encoding="utf-8") for marker in ENGINE_PAGE_MARKERS)
    ]
    assert plain
    with recorded_context(browser) as (context, recorder):
        for path in plain:
            page = context.new_page()
            page.goto(site_url + path.relative_to(built_site).as_posix(), wait_until="networkidle")
            page.close()
    engine = [
        url for url in recorder.requests if re.search(r"/assets/(pyodide|decision)/|engine-worker", url)
    ]
    assert engine == []
    assert recorder.foreign_requests() == []
