"""The `procedures-rules` MkDocs plugin: checks the rules on every build and makes the Rules review pages."""
