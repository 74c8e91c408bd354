"""The project's files on disk (YAML, the clause inventory, the JSON Schema): build and command line only."""
