"""Rule trees: the model, conditions, the engine that walks a tree, paths and structural checks."""
