"""Read a YAML source file strictly, keeping the line each mapping and list starts on.

The one module under decision/ that imports yaml: it runs in the build and the command line, never in
the browser. Values come back as plain dicts, lists, strings, numbers, booleans and None; dates stay
ISO strings, and `yes` / `no` / `on` / `off` stay strings (YAML 1.1 would make them booleans).
"""

import re
from pathlib import Path

import yaml

from decision.errors import InputError

_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class LineDict(dict):
    """A mapping read from YAML; `line` is the 1-based line it starts on, `key_lines` each key's line."""

    line: int
    key_lines: dict[str, int]


class LineList(list):
    """A list read from YAML; `line` is the 1-based line it starts on."""

    line: int


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's own parser: slow, but it words a syntax error best, so it reports the errors."""

    source_name = "<yaml>"


class _FastLoader(yaml.CSafeLoader):
    """libyaml's parser, ten times faster, building the same values with the same lines."""

    source_name = "<yaml>"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _construct_mapping(loader: _StrictLoader | _FastLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = _line(node)
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise InputError(f"{loader.source_name}:{_line(key_node)}: key {key!r} must be text")
        if key in mapping:
            raise InputError(f"{loader.source_name}:{_line(key_node)}: duplicate key '{key}'")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = _line(key_node)
    return mapping


def _construct_sequence(loader: _StrictLoader | _FastLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = _line(node)
    return items


for _loader in (_StrictLoader, _FastLoader):
    # Drop the YAML 1.1 booleans yes/no/on/off and the timestamp type; keep true/false.
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL, _TIMESTAMP)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def read_yaml(path: Path, name: str) -> object:
    """The single YAML document in `path`; errors say `name:line: ...` (name as the reader should see it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{name}: file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: cannot be read: {error}") from None
    try:
        return _load(_FastLoader, text, name)
    except yaml.MarkedYAMLError:
        return _load(_StrictLoader, text, name)  # raises the same error, worded better


def _load(loader_class: type[_StrictLoader] | type[_FastLoader], text: str, name: str) -> object:
    loader = loader_class(text)
    loader.source_name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        if loader_class is _FastLoader:
            raise
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{name}{line}: not valid YAML: {error.problem or error.context}") from None
    finally:
        loader.dispose()
