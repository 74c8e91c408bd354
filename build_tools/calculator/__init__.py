"""The `procedures-calculator` MkDocs plugin: the `[[deadline-calculator]]` directive and its script."""
