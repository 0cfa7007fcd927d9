"""Safe YAML loading that remembers where every key and value sits, for precise errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

PathKey = tuple[object, ...]


class InputError(Exception):
    """A problem in a user file, located at a 1-based line and column."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message


@dataclass
class LocatedYaml:
    """A loaded YAML document plus the 1-based (line, column) of each value and key."""

    path: str
    data: Any
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, key: PathKey, *, of_key: bool = False) -> tuple[int, int]:
        """Best known location of `key`: itself, else its nearest located parent."""
        table = self.keys if of_key else self.values
        probe = tuple(key)
        while probe:
            if probe in table:
                return table[probe]
            if of_key and probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def error(self, key: PathKey, message: str, *, of_key: bool = False) -> InputError:
        line, column = self.where(key, of_key=of_key)
        return InputError(self.path, line, column, message)


def load_yaml(text: str, path: str) -> LocatedYaml:
    """Parse YAML safely; syntax errors become InputError with the parser's position."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(path, line, column, f"invalid YAML: {problem}") from None
    located = LocatedYaml(path, data)
    if node is not None:
        _walk(node, (), located)
    return located


def _walk(node: yaml.Node, key: PathKey, out: LocatedYaml) -> None:
    out.values[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*key, key_node.value)
            out.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*key, index), out)
