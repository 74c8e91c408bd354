"""The `procedures-aids` MkDocs plugin: the `[[aid TREE]]` directive, first question, text version, assets."""
