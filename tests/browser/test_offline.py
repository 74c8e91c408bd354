"""The site with no network after one visit, and a newer release offered, never mixed with the old one.

The site's service worker (build_tools/offline) runs only in these tests' browser contexts: the other
tests block it (browsing.recorded_context). "Offline" is the browser context set offline and, where a
test serves the site itself, its server stopped too, so nothing but the browser's saved copy can answer.
"""

import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest
from aid_keys import shortest_paths
from browsing import Recorder, recorded_context
from playwright.sync_api import Browser, BrowserContext, Page

from build_tools.offline.plugin import WORDING, WORKER_SOURCE
from build_tools.offline.release import engine_versions, write_service_worker
from decision.aid.fragment import SHOW_OUTCOME, State, format_state
from decision.project.rulebook import Project, load_tree, tree_ids

pytestmark = pytest.mark.browser

SECONDS = 1000
ENGINE = "assets/aid/engine.mjs"
# The same module the page runs, so the same engine: what it booted from, and why not a snapshot.
BOOT_INFO = f"() => import('/{ENGINE}').then((module) => module.startEngine().ready)"
SAVED = "() => navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)"
NEW_RULES = "0ff11e0ff11e"  # the rules version of the made-up newer release


class Host:
    """A folder served on 127.0.0.1 as a static host serves it; `folder` can change to a newer release."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        host = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, directory=str(host.folder), **kwargs)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: failures say what matters."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.server.shutdown()
            self.server.server_close()
            self.thread.join()


@contextmanager
def keeping_the_site(browser: Browser, folder: Path) -> Iterator[tuple[BrowserContext, Recorder, Host]]:
    """A fresh browser context that lets the site keep itself, and the site in `folder` served to it."""
    host = Host(folder)
    try:
        with recorded_context(browser, service_workers="allow") as (context, recorder):
            yield context, recorder, host
    finally:
        host.stop()


def go_offline(context: BrowserContext, host: Host) -> None:
    context.set_offline(True)
    host.stop()


def visit_and_save(context: BrowserContext, url: str) -> Page:
    """The one online visit: an aid page, whose engine boots and saves its snapshot, and then the site."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(
        "() => performance.getEntriesByName('engine-snapshot-saved').length", timeout=120 * SECONDS
    )
    page.wait_for_function(SAVED, timeout=120 * SECONDS)
    return page


def outcome_with_dates(tree_id: str) -> tuple[str, str]:
    """(fragment, outcome id) of the shortest way to an outcome whose actions have a deadline."""
    tree = load_tree(Project(), tree_id)
    for outcome_id, path in sorted(shortest_paths(tree_id).items(), key=lambda item: len(item[1]["answers"])):
        if any(action.clock for action in tree.outcomes[outcome_id].actions):
            return format_state(State(path["answers"], SHOW_OUTCOME)), outcome_id
    raise AssertionError(f"{tree_id}: no outcome with a deadline")


def work_out_dates(page: Page) -> list[str]:
    """Give 24 December 2026 at 10:00 for every event the outcome's deadlines start from."""
    for field in page.locator(".aid-dates input").all():
        name = field.get_attribute("name")
        field.fill({"day": "24", "month": "12", "year": "2026", "time": "10:00"}[name.rsplit("-", 1)[1]])
    page.locator(".aid-dates button[type=submit]").click()
    page.locator(".aid-due strong").first.wait_for(timeout=60 * SECONDS)
    return page.locator(".aid-due strong").all_inner_texts()


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture(scope="module")
def offline(browser: Browser, built_site: Path) -> Iterator[tuple[BrowserContext, Recorder, str]]:
    """A browser that visited one aid page online, and is now offline with the site's server stopped:
    the context, what it recorded, and the address the site was at."""
    with keeping_the_site(browser, built_site) as (context, recorder, host):
        visit_and_save(context, f"{host.url}aids/alert/").close()
        go_offline(context, host)
        yield context, recorder, host.url


def test_every_page_loads_offline_and_says_it_is_the_saved_copy(offline, site_pages: list[str]):
    context, recorder, url = offline
    page = context.new_page()
    notices = {}
    for path in site_pages:
        if path == "404.html":
            continue  # the theme's page for a missing address, shown as such
        response = page.goto(url + path)
        assert response is not None and response.ok and response.from_service_worker, path
        notices[path] = page.locator(".offline-notice").inner_text()
    page.close()
    expected = WORDING["offline"].format(date=long_date(date.today()))
    assert {path: notice for path, notice in notices.items() if notice != expected} == {}
    assert len(notices) == len(site_pages) - 1
    assert recorder.problems() == []


def test_search_works_offline(offline):
    context, recorder, url = offline
    page = context.new_page()
    page.goto(url)
    page.locator(".md-search__input").click()
    page.keyboard.type("National Panel")
    page.locator(".md-search-result__item").first.wait_for(timeout=30 * SECONDS)
    titles = page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    page.close()
    assert any("National Panel" in title for title in titles), titles
    assert recorder.problems() == []


@pytest.mark.parametrize("tree_id", tree_ids(Project()))
def test_every_aid_reaches_an_outcome_with_dates_offline_from_the_snapshot(offline, tree_id: str):
    context, recorder, url = offline
    fragment, outcome_id = outcome_with_dates(tree_id)
    page = context.new_page()
    page.goto(f"{url}aids/{tree_id}/#{fragment}")
    page.locator(f'.aid-step[data-outcome="{outcome_id}"]').wait_for(timeout=120 * SECONDS)
    dues = work_out_dates(page)
    info = page.evaluate(BOOT_INFO)
    page.close()
    assert dues and all("2026" in due or "2027" in due for due in dues), dues
    assert info["boot"] == "snapshot", info
    assert recorder.problems() == []


def test_instant_navigation_works_offline_and_an_aid_reached_that_way_boots(browser: Browser, site_url: str):
    # The shared server, at the address the site was built for, so the theme's instant navigation is
    # on; it keeps running for other tests, and the offline context fails the service worker's
    # downloads as well as the page's.
    with recorded_context(browser, service_workers="allow") as (context, recorder):
        page = context.new_page()
        page.goto(site_url)
        page.wait_for_function(SAVED, timeout=120 * SECONDS)
        context.set_offline(True)
        page.evaluate("window.sameDocument = true")
        page.locator('.md-sidebar--primary a[href$="kent/national-panel/"]').first.click()
        page.locator("h1", has_text="After a National Panel notification").wait_for(timeout=30 * SECONDS)
        guidance = page.locator(".offline-notice").inner_text(), page.evaluate("window.sameDocument === true")
        page.locator('.md-sidebar--primary a[href$="aids/national-panel/"]').first.click()
        page.wait_for_url("**/aids/national-panel/")
        info = page.evaluate(BOOT_INFO)
        instant = page.evaluate("window.sameDocument === true")
        page.close()
    assert guidance == (WORDING["offline"].format(date=long_date(date.today())), True), guidance
    assert info["boot"] == "plain" and instant, info  # no aid was visited online, so no snapshot yet
    assert recorder.problems() == []


def test_a_damaged_saved_snapshot_falls_back_to_a_plain_boot_offline(browser: Browser, built_site: Path):
    engine_json = built_site / "assets" / "aid" / "engine.json"
    snapshot = json.loads(engine_json.read_text(encoding="utf-8"))["snapshot"]
    with keeping_the_site(browser, built_site) as (context, recorder, host):
        page = visit_and_save(context, f"{host.url}aids/national-panel/")
        snapshot_url = urljoin(f"{host.url}assets/aid/", snapshot)
        damaged = page.evaluate(
            """async (url) => {
              const cache = await caches.open("decision-aid-snapshot");
              if (!(await cache.match(url))) return false;
              await cache.put(url, new Response(new Uint8Array(1000).fill(7)));
              return true;
            }""",
            snapshot_url,
        )
        go_offline(context, host)
        page.goto(f"{host.url}aids/national-panel/")
        info = page.evaluate(BOOT_INFO)
        page.wait_for_function(
            "() => performance.getEntriesByName('engine-snapshot-failed').length", timeout=60 * SECONDS
        )
        page.close()
    assert damaged, "the first visit saved no snapshot to damage"
    assert info["boot"] == "plain" and snapshot_url in info["fallback"], info
    assert recorder.foreign_requests() == []


def newer_release(site: Path, copy: Path) -> str:
    """A copy of the built site whose rules version is NEW_RULES, with its own rules file and service
    worker, as the next build after a rule edit would be (the same code bundle and snapshot); the old
    rules version is returned."""
    shutil.copytree(site, copy)
    old_rules, _ = engine_versions(copy)
    engine_json = copy / "assets" / "aid" / "engine.json"
    manifest = json.loads(engine_json.read_text(encoding="utf-8"))
    old_file = (engine_json.parent / manifest["rules"]).resolve()
    new_file = old_file.with_name(f"rules-{NEW_RULES}.json")
    new_file.write_bytes(old_file.read_bytes().replace(old_rules.encode(), NEW_RULES.encode()))
    old_file.unlink()
    manifest["rules"] = manifest["rules"].replace(old_file.name, new_file.name)
    engine_json.write_text(json.dumps(manifest), encoding="utf-8")
    for page in copy.rglob("*.html"):
        page.write_text(page.read_text(encoding="utf-8").replace(old_rules, NEW_RULES), encoding="utf-8")
    write_service_worker(copy, WORKER_SOURCE, WORDING)
    return old_rules


def rules_shown(page: Page) -> tuple[str, str]:
    """(the page's text version, the engine's outcome): the rules version each says it uses."""
    return (
        page.locator(".aid-text .aid-version").first.text_content() or "",  # folded away: not inner_text
        page.locator(".aid-step .aid-version").first.inner_text(),
    )


def test_a_newer_release_is_offered_and_never_mixed_with_the_old(
    browser: Browser, built_site: Path, tmp_path: Path
):
    fragment, outcome_id = outcome_with_dates("alert")
    newer = tmp_path / "newer"
    old_rules = newer_release(built_site, newer)
    with keeping_the_site(browser, built_site) as (context, recorder, host):
        address = f"{host.url}aids/alert/#{fragment}"
        page = visit_and_save(context, address)
        asked: list[str] = []  # by the page and its engine worker, not by the service worker
        page.on("request", lambda request: asked.append(request.url))
        host.folder = newer  # the council publishes the next release
        page.reload()
        page.locator(f'.aid-step[data-outcome="{outcome_id}"]').wait_for(timeout=120 * SECONDS)
        page.evaluate("window.sameVisit = true")
        page.locator("[data-offline-reload]").wait_for(timeout=120 * SECONDS)
        page.wait_for_timeout(1000)  # the practitioner carries on: nothing reloads the page for them
        old_visit = rules_shown(page), page.evaluate("window.sameVisit === true")
        notice = page.locator(".offline-notice").inner_text()
        asked_before, asked[:] = list(asked), []
        with page.expect_navigation():
            page.locator("[data-offline-reload]").click()
        page.locator(f'.aid-step[data-outcome="{outcome_id}"]').wait_for(timeout=120 * SECONDS)
        new_visit = rules_shown(page)
        caches = page.evaluate("caches.keys()")
        page.close()
    assert all(old_rules in shown for shown in old_visit[0]) and old_visit[1], old_visit
    assert notice == WORDING["newer"].format(date=long_date(date.today())), notice
    assert all(NEW_RULES in shown for shown in new_visit), new_visit
    rules_before = {url.rsplit("/", 1)[1] for url in asked_before if "/assets/decision/rules-" in url}
    rules_after = {url.rsplit("/", 1)[1] for url in asked if "/assets/decision/rules-" in url}
    assert len(rules_before) == 1 and NEW_RULES not in rules_before.pop(), asked_before
    assert rules_after == {f"rules-{NEW_RULES}.json"}, asked
    releases = [name for name in caches if name.startswith("procedures-")]
    assert len(releases) == 1 and releases[0].startswith(f"procedures-rules-{NEW_RULES}-"), caches
    assert recorder.foreign_requests() == []
