"""The decision aids' browser runtime: self-hosted Pyodide, the decision bundle, the engine worker.

The `procedures-aids` plugin calls `build_tools.pyodide.bundle.write` after the site is built.
"""
