"""The project folder and a strict build of it, for tests that build the site."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def mkdocs_build(project: Path, site: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` into `site`, to be served at `site_url` (else mkdocs.yml's default);
    output and errors in stdout."""
    address = {"SITE_URL": site_url} if site_url else {}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **address},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )


def share_chart_cache(copy: Path) -> None:
    """Let a copy of the project reuse the project's D2 drawings: they are keyed by their content, and
    drawing every chart afresh takes a minute or more."""
    (PROJECT / "build").mkdir(exist_ok=True)
    (copy / "build").symlink_to(PROJECT / "build")
