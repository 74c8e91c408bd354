"""Settings of the `procedures-csp` plugin."""

from mkdocs.config import base


class CspConfig(base.Config):
    """None: the plugin reads the policy from each page's own meta tag (overrides/main.html)."""
