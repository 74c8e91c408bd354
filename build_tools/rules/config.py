"""Settings of the `procedures-rules` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class RulesConfig(base.Config):
    # The docs folder the Rules review pages are generated in (nothing is written there on disk).
    review_folder = c.Type(str, default="review")
    # The nav section (in mkdocs.yml) the review pages are added to.
    nav_section = c.Type(str, default="Rules review")
    # Each tree's own aid page, docs-relative, as procedures-aids names it; review pages link to it.
    aid_page = c.Type(str, default="aids/{tree}.md")
