"""Settings of the `procedures-rules` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class RulesConfig(base.Config):
    # Where the compiled rulebook goes, relative to the site folder; the browser aid fetches it from here.
    output = c.Type(str, default="assets/decision/rulebook.json")
