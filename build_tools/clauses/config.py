"""Settings of the `procedures-clauses` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class ClausesConfig(base.Config):
    # Where each source's clauses belong (docs-relative pages), so a missing anchor names the page to fix.
    seed_pages = c.DictOfItems(c.ListOfItems(c.Type(str)), default={})
    # Acronym definitions (`*[ABBR]: meaning`), relative to mkdocs.yml.
    abbreviations = c.Type(str, default="includes/abbreviations.md")
    # The page whose `[[glossary]]` line becomes the table of abbreviations.
    glossary_page = c.Type(str, default="glossary.md")
