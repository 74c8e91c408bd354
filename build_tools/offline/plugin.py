"""`procedures-offline`: the site works with no network after one visit, and says when a newer release is out.

After the build, it writes sw.js (the service worker, with the list of every file the site needs and
its sha256), the web app manifest (so the site can be installed) and the page script that registers
the worker and offers to reload when a newer release has been saved. See static/sw.js for how a
release is kept and served.
"""

import json
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from build_tools.offline.config import OfflineConfig
from build_tools.offline.release import write_service_worker

STATIC = Path(__file__).resolve().parent / "static"
WORKER_SOURCE = STATIC / "sw.js"
PAGE_FILES = ("offline.mjs", "offline.css", "icon.svg")
MANIFEST = "manifest.webmanifest"
# What a page from the saved copy says; {date} is the day the copy was saved.
WORDING = {
    "offline": "You are offline. This page is from the copy saved in this browser on {date}.",
    "newer": "This page is from the copy saved in this browser on {date}. A newer version is being saved.",
}


class OfflinePlugin(BasePlugin[OfflineConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        styles = f"{self.config.assets}/offline.css"
        if styles not in config.extra_css:
            config.extra_css.append(styles)
        return config

    # Last: the list must hold every file the other plugins and the search write after the pages.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        target = site_dir / self.config.assets
        target.mkdir(parents=True, exist_ok=True)
        for name in PAGE_FILES:
            shutil.copyfile(STATIC / name, target / name)
        manifest = json.dumps(self._manifest(config), indent=1) + "\n"
        (site_dir / MANIFEST).write_text(manifest, encoding="utf-8")
        write_service_worker(site_dir, WORKER_SOURCE, WORDING)

    def _manifest(self, config: MkDocsConfig) -> dict:
        """The web app manifest; its URLs are relative to it, at the site root."""
        return {
            "name": config.site_name,
            "short_name": self.config.short_name,
            "description": config.site_description,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": self.config.theme_color,
            "icons": [{"src": f"{self.config.assets}/icon.svg", "sizes": "any", "type": "image/svg+xml"}],
        }
