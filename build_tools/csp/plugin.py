"""`procedures-csp`: every built page's Content-Security-Policy allows its own inline scripts by hash.

The policy (a meta tag in overrides/main.html) allows no inline script. The theme's two small
scripts must run inline, before the first paint (a file stops the parser until it loads), so each
page's policy gets the sha256 of the inline scripts that page holds, computed from the built HTML
itself so a hash can never drift from its script. A page without the meta tag stops the build.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page

from build_tools.csp.config import CspConfig
from build_tools.csp.policy import PolicyError, allow_inline_scripts


class CspPlugin(BasePlugin[CspConfig]):
    # Last, so a script another plugin writes into the page is hashed too.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return _allowed(output, page.file.dest_uri)

    # The theme's own pages, such as 404.html, are rendered as templates, not as pages.
    @event_priority(-100)
    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content  # sitemap.xml
        return _allowed(output_content, template_name)


def _allowed(html: str, name: str) -> str:
    try:
        return allow_inline_scripts(html)
    except PolicyError as error:
        raise PluginError(f"procedures-csp: {name}: {error}") from None
