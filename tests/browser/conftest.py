"""Browser fixtures: the built site served on 127.0.0.1 and one Debian Chromium for the session."""

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from build_tools.benchmark import launch

CHROMIUM = Path(launch.CHROMIUM)
FLAGS = launch.FLAGS


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_server: ThreadingHTTPServer) -> Iterator[str]:
    """The built site served at the address it was built for, so the theme's instant navigation is on."""
    thread = threading.Thread(target=site_server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{site_server.server_port}/"
    site_server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: ./dev test installs it when run as root", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Every built HTML page as a site-relative URL, theme and plugin assets aside."""
    pages = []
    for html in sorted(built_site.rglob("*.html")):
        relative = html.relative_to(built_site)
        if relative.parts[0] == "assets":
            continue
        page = relative.parent.as_posix() + "/" if relative.name == "index.html" else relative.as_posix()
        pages.append(page.removeprefix("./"))
    return pages
