"""The theme's search index, whole after a build that wrote only some pages.

The theme's search plugin indexes the pages a build writes; on a dirty rebuild that is only the changed
ones, and its own merge assumes one page changed. So each page's entries are kept as the theme's plugin
makes them, and the index is written again from every page's entries.
"""

from pathlib import Path

from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

INDEX = "search/search_index.json"  # where the theme's search plugin writes it


class SearchEntries:
    def __init__(self) -> None:
        self.by_page: dict[str, list[dict]] = {}  # by src_uri
        self.start = 0  # how many entries the theme's index held before the page being written

    def before_page(self, config: MkDocsConfig) -> None:
        """Call before the theme's search plugin indexes a page."""
        plugin = _search_plugin(config)
        self.start = 0 if plugin is None else len(plugin.search_index.entries)

    def after_page(self, page: Page, config: MkDocsConfig) -> None:
        """Call after it has: the entries it added are the page's."""
        plugin = _search_plugin(config)
        if plugin is not None:
            self.by_page[page.file.src_uri] = plugin.search_index.entries[self.start :]

    def write(self, config: MkDocsConfig, pages: list[str]) -> None:
        """Write the index of `pages` (src_uris, in the order the build writes them) over the theme's."""
        plugin = _search_plugin(config)
        if plugin is None:
            return
        index = SearchIndex(**plugin.config)
        index.entries = [entry for uri in pages for entry in self.by_page.get(uri, [])]
        (Path(config.site_dir) / INDEX).write_bytes(index.generate_search_index(None).encode("utf-8"))


def _search_plugin(config: MkDocsConfig) -> SearchPlugin | None:
    plugin = config.plugins.get("material/search")
    return plugin if isinstance(plugin, SearchPlugin) and plugin.config.enabled else None
