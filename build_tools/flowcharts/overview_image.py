"""The README's picture of a printed overview flowchart: `python -m build_tools.flowcharts.overview_image`.

Builds the site, prints the first tree's flowchart page to PDF in Debian's Chromium (the page's own
print styles make it A4 landscape, the overview on page 1), and turns that page into
readme/printed-flowchart.png with poppler's pdftoppm.
"""

import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

from build_tools.benchmark.chromium import CHROMIUM, FLAGS, VIEWPORT
from build_tools.benchmark.site import build
from decision.rulebook import PROJECT_ROOT, Project, tree_ids

IMAGE = PROJECT_ROOT / "readme" / "printed-flowchart.png"
WIDTH_PX = 1000  # the A4 landscape page: its 9 pt text stays legible in the README


def main() -> int:
    tree_id = tree_ids(Project())[0]
    with tempfile.TemporaryDirectory() as temp:
        site_dir, pdf = Path(temp) / "site", Path(temp) / "flowchart.pdf"
        build(PROJECT_ROOT, site_dir)
        server = ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(site_dir))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(f"http://127.0.0.1:{server.server_port}/flowcharts/{tree_id}/")
                page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
        IMAGE.parent.mkdir(exist_ok=True)
        subprocess.run(
            ["pdftoppm", "-png", "-singlefile", "-f", "1", "-scale-to-x", str(WIDTH_PX), "-scale-to-y", "-1",
             str(pdf), str(IMAGE.with_suffix(""))],
            check=True,
        )  # fmt: skip
    print(f"{IMAGE.relative_to(PROJECT_ROOT)}: {IMAGE.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
