"""The one error the engine raises for bad input: its message names the culprit."""


class InputError(ValueError):
    """Bad input from a person or a file: a one-line message naming the value, question or file."""
