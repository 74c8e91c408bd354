"""Settings of the `procedures-calculator` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class CalculatorConfig(base.Config):
    # Where calculator.mjs and calculator.css go in the site.
    assets = c.Type(str, default="assets/calculator")
