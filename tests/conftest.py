"""Fixtures shared by every test suite: one strict build of the site, and the server it is built for."""

from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from site_build import PROJECT, mkdocs_build


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output to failures."""


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[ThreadingHTTPServer]:
    """Bound to a free 127.0.0.1 port but not yet serving: the build writes that address into the sitemap."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site_dir)))
    yield server
    server.server_close()


@pytest.fixture(scope="session")
def built_site(site_dir: Path, site_server: ThreadingHTTPServer) -> Path:
    result = mkdocs_build(PROJECT, site_dir, f"http://127.0.0.1:{site_server.server_port}/")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}", pytrace=False)
    return site_dir
