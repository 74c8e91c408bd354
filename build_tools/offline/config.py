"""Settings of the `procedures-offline` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class OfflineConfig(base.Config):
    # Where the page's script, styles and the app icon go in the site (overrides/main.html names them).
    assets = c.Type(str, default="assets/offline")
    # The installed app's short name, under its icon.
    short_name = c.Type(str, default="Alert procedures")
    # The theme's primary colour (indigo), for the installed app's title bar.
    theme_color = c.Type(str, default="#3f51b5")
