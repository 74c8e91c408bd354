"""The `procedures-csp` MkDocs plugin: a page's CSP allows its inline scripts by hash."""
