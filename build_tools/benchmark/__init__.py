"""`python -m build_tools.benchmark`: how fast the decision aids start, measured in Chromium."""
