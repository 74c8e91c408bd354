"""Settings of the `procedures-serve` plugin."""

from mkdocs.config import base


class ServeConfig(base.Config):
    """None: it works out from each build what every page is made from."""
