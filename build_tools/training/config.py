"""Settings of the `procedures-training` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class TrainingConfig(base.Config):
    # The docs folder of the training pages; each scenario's page is generated there as <id>.md.
    folder = c.Type(str, default="training")
    # The nav section (in mkdocs.yml) the scenario pages are added to, grouped by decision tree.
    nav_section = c.Type(str, default="Training")
    # Each tree's own aid page, docs-relative, as procedures-aids names it; scenario pages link to it.
    aid_page = c.Type(str, default="aids/{tree}.md")
