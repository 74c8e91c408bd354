"""The `procedures-offline` MkDocs plugin: the site kept whole in the browser, for use with no network."""
