"""Safe YAML and TOML loading that remembers where each key and value sits, for precise errors."""

from __future__ import annotations

import bisect
import importlib.util
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint import regex_programs

PathKey = tuple[object, ...]
"""A path into loaded data: mapping keys and list indexes, outermost first."""


class InputError(Exception):
    """A problem in a user file, located at a 1-based line and column."""

    def __init__(self, path: str, line: int, column: int, message: str,
                 index: int | None = None) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.index = index
        """0-based code-point offset into the text, when the parser gives one."""


@dataclass
class LocatedYaml:
    """A loaded YAML (or TOML) document plus the 1-based (line, column) of each value and key."""

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
        """An InputError at `key` (its key with `of_key`, else its value)."""
        line, column = self.where(key, of_key=of_key)
        return InputError(self.path, line, column, message)


MAX_DEPTH = 50
"""Deepest nesting of mappings and lists accepted (configuration and packs use under 10);
deeper input is refused before Python's recursion limit could be reached."""

MAX_ALIAS_NODES = 100_000
"""Nodes that aliases (`*name`) may add by repeating their anchors: a "billion laughs"
text is refused at the alias that crosses it, before anything is built."""

def read_yaml_file(path: Path | str) -> LocatedYaml:
    """Read and parse a YAML file; bytes that are not UTF-8 are an InputError at their
    line and column, like every other problem of the file."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8")
        line = prefix.count("\n") + 1
        column = exc.start - (prefix.rfind("\n") + 1 if "\n" in prefix else 0) + 1
        raise InputError(str(path), line, column,
                         f"not valid UTF-8 (byte 0x{data[exc.start]:02x})") from None
    return load_yaml(text, str(path))


def _loaded_kind() -> str | None:
    """What a loaded text depends on besides itself: the code of this module and of the
    parser, PyYAML's version (its __init__.py) and whether libyaml is there, found
    without importing PyYAML: a start whose rule files are all in the store never does."""
    spec = importlib.util.find_spec("yaml")
    if spec is None or spec.origin is None or not spec.submodule_search_locations:
        return None
    libyaml = sorted(entry.name for entry in os.scandir(spec.submodule_search_locations[0])
                     if entry.name.startswith("_yaml."))
    return regex_programs.code_kind(f"yaml:{':'.join(libyaml)}", __file__,
                                    str(Path(__file__).with_name("yaml_parser.py")), spec.origin)


_LOADED_KIND = _loaded_kind()


def load_yaml(text: str, path: str) -> LocatedYaml:
    """Parse YAML safely and within bounds: aliases, nesting depth, duplicate keys and
    dates are checked before any Python object is built. Every problem is an InputError
    with the position the parser gives.

    A text loaded without a problem is kept in the start-up store (lint/regex_programs.py):
    the packs and lexicons read at every start are parsed once, not at each run (about
    20 ms of a cold start). Problems are never kept: a broken file is parsed, and its
    error reported, each time."""
    data, values, keys = regex_programs.remember(_LOADED_KIND, text, lambda: _parts(text, path))
    return LocatedYaml(path, data, values, keys)


def _parts(text: str, path: str) -> tuple[Any, dict[PathKey, tuple[int, int]], dict[PathKey, tuple[int, int]]]:
    """The parse of `text` as the store keeps it (data, value positions, key positions)."""
    from lint.yaml_parser import load_located  # PyYAML: only when the store lacks the text

    located = load_located(text, path)
    return located.data, located.values, located.keys


def load_yaml_data(text: str, path: str) -> Any:
    """The data of a YAML text, with the same bounds and errors as `load_yaml`."""
    return load_yaml(text, path).data


def _tomllib() -> Any:
    """tomllib, imported when a TOML file is read (most runs read none)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def has_toml_table(text: str, table: PathKey) -> bool:
    """Whether a TOML text has the table `table`; a text that does not parse but names
    the table counts (its errors are for the caller to report)."""
    if "\\" not in text and not all(str(part) in text for part in table):
        # Every key of the path is spelled out somewhere (only a quoted key's escapes
        # could hide one): most pyproject.toml files are read without parsing them.
        return False
    tomllib = _tomllib()
    try:
        data: Any = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):  # RecursionError: absurd nesting
        return f"[{'.'.join(map(str, table))}" in text
    for part in table:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def load_toml_table(text: str, path: str, table: PathKey) -> LocatedYaml | None:
    """The TOML table at `table` (e.g. ("tool", "newslint")) with its positions, or None
    when the file has no such table. Syntax errors become InputError."""
    tomllib = _tomllib()
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib reports the position only inside its message: "... (at line 3, column 5)".
        found = re.search(r"at line (\d+), column (\d+)", str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        raise InputError(path, line, column, f"invalid TOML: {exc}") from None
    except RecursionError:
        line, column = _deep_toml_position(text)
        raise InputError(path, line, column, "invalid TOML: nesting too deep") from None
    for part in table:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    located = LocatedYaml(path, data)
    scanner = _TomlScanner(text)
    try:
        scanner.scan()
    except (IndexError, ValueError):  # pragma: no cover - positions are best effort
        pass
    n = len(table)
    for source, target in ((scanner.keys, located.keys), (scanner.values, located.values)):
        for key, where in source.items():
            if key[:n] == table:
                target[key[n:]] = where
    return located


def _deep_toml_position(text: str, limit: int = 100) -> tuple[int, int]:
    """Where brackets first nest `limit` deep (strings are not skipped: a best guess)."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char in "[{") - (char in "]}")
        if depth > limit:
            line = text.count("\n", 0, index)
            return line + 1, index - (text.rfind("\n", 0, index) + 1) + 1
    return 1, 1


class _TomlScanner:
    """Positions of the keys, values and array items of a TOML text that tomllib accepted.

    tomllib gives no positions, so this walks the same grammar far enough to record
    where each key and value starts: table headers (with arrays of tables counted),
    dotted and quoted keys, inline tables and arrays over several lines.
    """

    _BARE = re.compile(r"[A-Za-z0-9_-]+")
    _SCALAR = re.compile(r"[^,\]}\s#]+(?: \d\d:[0-9:.+Z-]+)?")  # numbers, booleans, dates

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.line_starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
        self.keys: dict[PathKey, tuple[int, int]] = {}
        self.values: dict[PathKey, tuple[int, int]] = {}
        self._array_tables: dict[tuple[str, ...], int] = {}

    def _pos(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, index) - 1
        return (line + 1, index - self.line_starts[line] + 1)

    def _skip(self, newlines: bool) -> None:
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in " \t" or (newlines and ch in "\r\n"):
                self.i += 1
            elif ch == "#":
                while self.i < len(text) and text[self.i] not in "\r\n":
                    self.i += 1
            else:
                return

    def _key(self) -> list[tuple[str, int]]:
        """A dotted key: each part with the offset where it starts."""
        parts = []
        while True:
            self._skip(False)
            start = self.i
            if self.text[self.i] in "\"'":
                parts.append((self._string(), start))
            else:
                m = self._BARE.match(self.text, self.i)
                if not m:
                    raise ValueError("key expected")
                parts.append((m.group(), start))
                self.i = m.end()
            self._skip(False)
            if self.text[self.i] != ".":
                return parts
            self.i += 1

    def _string(self) -> str:
        text, quote = self.text, self.text[self.i]
        if text.startswith(quote * 3, self.i):
            end = text.index(quote * 3, self.i + 3)
            while text.startswith(quote, end + 3):  # up to two quotes may end the content
                end += 1
            value = text[self.i + 3 : end]
            self.i = end + 3
            return value
        j = self.i + 1
        while text[j] != quote:
            j += 2 if quote == '"' and text[j] == "\\" else 1
        raw = text[self.i + 1 : j]
        self.i = j + 1
        if quote == '"' and "\\" in raw:
            return str(_tomllib().loads(f"k = \"{raw}\"")["k"])
        return raw

    def _value(self, path: PathKey) -> None:
        self.values[path] = self._pos(self.i)
        ch = self.text[self.i]
        if ch in "\"'":
            self._string()
        elif ch == "[":
            self.i += 1
            index = 0
            while True:
                self._skip(True)
                if self.text[self.i] == "]":
                    self.i += 1
                    return
                self._value((*path, index))
                index += 1
                self._skip(True)
                if self.text[self.i] == ",":
                    self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self._skip(False)
                if self.text[self.i] == "}":
                    self.i += 1
                    return
                self._pair(path)
                self._skip(False)
                if self.text[self.i] == ",":
                    self.i += 1
        else:
            m = self._SCALAR.match(self.text, self.i)
            self.i = m.end() if m else self.i + 1

    def _pair(self, table: PathKey) -> None:
        path = table
        for part, start in self._key():  # a.b = 1 defines the table a, then its key b
            path = (*path, part)
            self.keys.setdefault(path, self._pos(start))
        self._skip(False)
        if self.text[self.i] != "=":
            raise ValueError("'=' expected")
        self.i += 1
        self._skip(False)
        self._value(path)

    def _table_path(self, parts: list[str], is_array: bool) -> PathKey:
        """Resolve a header, inserting the current index of any enclosing array of tables."""
        out: list[object] = []
        for k in range(1, len(parts) + 1):
            out.append(parts[k - 1])
            prefix = tuple(parts[:k])
            if prefix in self._array_tables and not (is_array and k == len(parts)):
                out.append(self._array_tables[prefix])
        if is_array:
            key = tuple(parts)
            self._array_tables[key] = self._array_tables.get(key, -1) + 1
            out.append(self._array_tables[key])
        return tuple(out)

    def scan(self) -> None:
        table: PathKey = ()
        while True:
            self._skip(True)
            if self.i >= len(self.text):
                return
            if self.text[self.i] == "[":
                start = self.i
                is_array = self.text.startswith("[[", self.i)
                self.i += 2 if is_array else 1
                parts = [part for part, _ in self._key()]
                self.i += 2 if is_array else 1
                table = self._table_path(parts, is_array)
                self.keys[table] = self.values[table] = self._pos(start)
            else:
                self._pair(table)
