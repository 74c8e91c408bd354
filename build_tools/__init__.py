"""MkDocs plugins that build the procedures site; each plugin owns one folder (see CONTRIBUTING.md)."""
