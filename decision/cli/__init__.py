"""The command line: `python -m decision`."""
