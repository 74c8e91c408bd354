"""Fixtures shared by every test suite: one strict build of the site."""

from pathlib import Path

import pytest
from site_build import PROJECT, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(PROJECT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}", pytrace=False)
    return site
