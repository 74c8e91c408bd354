"""`procedures-clauses`: every clause anchored exactly once, and the glossary page."""
