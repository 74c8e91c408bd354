"""The `procedures-serve` MkDocs plugin: under `mkdocs serve --dirty`, rebuild only what an edit changes."""
