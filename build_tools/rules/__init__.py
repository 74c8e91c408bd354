"""The `procedures-rules` MkDocs plugin: checks the decision trees and compiles them into the site."""
