"""Settings of the `procedures-aids` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class AidsConfig(base.Config):
    # Each tree's own page, docs-relative; {tree} is the tree id. Hand-offs between trees link here.
    aid_page = c.Type(str, default="aids/{tree}.md")
    # Where the aid's script and styles go in the site (mkdocs.yml's extra_javascript / extra_css name them).
    assets = c.Type(str, default="assets/aid")
