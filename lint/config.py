"""Project configuration: find, load and validate .newslint.yaml or [tool.newslint]."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.diagnostic import Severity
from lint.globs import compile_glob
from lint.waivers import Waiver, parse_config_waivers
from lint.yamlio import (
    InputError, LocatedYaml, PathKey, has_toml_table, load_toml_table, load_yaml,
)

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.txt")
DEFAULT_MAX_SIZE = 10_000_000
"""Bytes a draft may have (`files: max_size`); a larger file is reported, not read."""
_SIZE_UNITS = {"": 1, "b": 1, "k": 1_000, "kb": 1_000, "m": 1_000_000, "mb": 1_000_000,
               "g": 1_000_000_000, "gb": 1_000_000_000}
TOML_TABLE = ("tool", "newslint")
TOP_KEYS = frozenset(
    {"packs", "rule_dirs", "language", "rules", "files", "overrides", "lexicons", "waivers",
     "min_severity", "vale"}
)


@dataclass(frozen=True)
class RuleSetting:
    """What the configuration says about the rules a reference names."""

    reference: str
    """A rule id, a dotted prefix (a pack) or a bare rule name."""
    enabled: bool = True
    severity: Severity | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    where: tuple[str, int, int] = ("", 1, 1)
    """File, 1-based line and column of the setting's key, for error messages."""
    located: LocatedYaml | None = field(default=None, compare=False, repr=False)
    """The configuration file's positions, to point errors at one option."""
    key: PathKey = ()
    """Where this setting sits in the configuration, e.g. ("rules", "style.wordy")."""

    def error(self, option: PathKey, message: str, *, of_key: bool = False) -> InputError:
        """An error at one of this setting's options (or at the setting itself)."""
        if self.located is None:
            return InputError(*self.where, message)
        return self.located.error((*self.key, *option), message, of_key=of_key)


@dataclass(frozen=True)
class Override:
    """Settings that apply to files matching `files` (globs relative to the config file)."""

    files: tuple[str, ...]
    rules: tuple[RuleSetting, ...] = ()
    language: str | None = None
    located: LocatedYaml | None = field(default=None, compare=False, repr=False)
    """The file the override was written in (a nested configuration's, once merged)."""
    key: PathKey = ()
    """Where the override sits in that file, e.g. ("overrides", 0)."""


@dataclass(frozen=True)
class Config:
    path: str | None = None
    """The configuration file, None for built-in defaults."""
    root: Path = field(default_factory=Path.cwd)
    """Globs and rule_dirs are relative to this folder (the config file's folder)."""
    packs: tuple[str, ...] | None = None
    """Packs to enable; None means every built-in pack and every pack in rule_dirs."""
    rule_dirs: tuple[Path, ...] = ()
    language: str = "auto"
    rules: tuple[RuleSetting, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_size: int = DEFAULT_MAX_SIZE
    """Largest draft read, in bytes."""
    overrides: tuple[Override, ...] = ()
    lexicons: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    located: LocatedYaml | None = field(default=None, compare=False, repr=False)
    """Positions of every key and value of the file, for errors found after loading."""
    waivers: tuple[Waiver, ...] = ()
    """Findings accepted on purpose, each with its reason (lint.waivers)."""
    min_severity: Severity | None = None
    """Findings below this severity are not shown (the exit status still counts them)."""
    origins: Mapping[PathKey, LocatedYaml] = field(default_factory=dict, compare=False,
                                                   repr=False)
    """For a merged (cascaded) configuration: the file that wrote a key, when it is not
    `located` (looked up by the longest prefix of the key)."""
    vale: Path | None = None
    """A `.vale.ini` whose styles run beside the packs, with one output (lint.vale)."""

    @property
    def where(self) -> dict[str, tuple[int, int]]:
        """1-based (line, column) by dotted path ("packs", "lexicons.fr"), keys first."""
        if self.located is None:
            return {}
        table = {".".join(map(str, k)): v for k, v in self.located.values.items()}
        table.update({".".join(map(str, k)): v for k, v in self.located.keys.items()})
        return table

    def error(self, key: PathKey | str, message: str, *, of_key: bool = False) -> InputError:
        """An InputError at `key` of the configuration file (a path or a top-level name)."""
        path = (key,) if isinstance(key, str) else key
        for length in range(len(path), 0, -1):
            origin = self.origins.get(tuple(path[:length]))
            if origin is not None:
                return origin.error(path, message, of_key=of_key)
        if self.located is None:
            return InputError(self.path or "<config>", 1, 1, message)
        return self.located.error(path, message, of_key=of_key)


def discover(start: Path) -> Path | None:
    """The nearest .newslint.yaml, or pyproject.toml with [tool.newslint], from `start` up."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    return has_toml_table(path.read_text(encoding="utf-8", errors="replace"), TOML_TABLE)


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    """Load `explicit`, or the file discovered from `start` (default: the working
    directory) upwards, or the built-in defaults. Raises InputError."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(explicit, 1, 1, "configuration file not found")
    else:
        found = discover((start or Path.cwd()).resolve())
        if found is None:
            return Config(root=(start or Path.cwd()).resolve())
        path = found
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), 1, 1, f"not valid UTF-8 at byte offset {exc.start}") from None
    if path.suffix == ".toml":
        located = load_toml_table(text, str(path), TOML_TABLE)
        if located is None:
            raise InputError(str(path), 1, 1, "no [tool.newslint] table in this file")
        return parse_config(located, path)
    return parse_config(load_yaml(text, str(path)), path)


def parse_config(doc: LocatedYaml, path: Path) -> Config:
    """Validate a loaded configuration; every problem is an InputError at its position."""
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise doc.error((), "the configuration must be a mapping")
    for key in data:
        if key not in TOP_KEYS:
            raise doc.error((key,), f"unknown configuration key {key!r} "
                                    f"(known: {', '.join(sorted(TOP_KEYS))})", of_key=True)
    root = path.resolve().parent
    packs = data.get("packs")
    if packs is not None:
        packs = tuple(_strings(doc, ("packs",), packs))
    rule_dirs = tuple(root / p for p in _strings(doc, ("rule_dirs",), data.get("rule_dirs", [])))
    for index, folder in enumerate(rule_dirs):
        if not folder.is_dir():
            raise doc.error(("rule_dirs", index), f"rule directory not found: {folder}")
    include, exclude, max_size = DEFAULT_INCLUDE, (), DEFAULT_MAX_SIZE
    files = data.get("files")
    if files is not None:
        _keys(doc, ("files",), files, ("include", "exclude", "max_size"))
        include = tuple(_globs(doc, ("files", "include"), files.get("include", DEFAULT_INCLUDE)))
        exclude = tuple(_globs(doc, ("files", "exclude"), files.get("exclude", [])))
        if "max_size" in files:
            max_size = _size(doc, ("files", "max_size"), files["max_size"])
    overrides = tuple(
        _override(doc, ("overrides", i), item)
        for i, item in enumerate(_list(doc, ("overrides",), data.get("overrides", [])))
    )
    lexicons = data.get("lexicons") or {}
    if not isinstance(lexicons, dict):
        raise doc.error(("lexicons",), "'lexicons' maps a language to {list name: [entries]}")
    for lang, lists in lexicons.items():
        if not isinstance(lists, dict):
            raise doc.error(("lexicons", lang), f"lexicons.{lang} maps list names to entries")
    vale = data.get("vale")
    if vale is not None:
        if not isinstance(vale, str) or not (root / vale).is_file():
            raise doc.error(("vale",), f"'vale' must name a Vale configuration file "
                                       f"(.vale.ini), not {vale!r}")
        vale = (root / vale).resolve()
    return Config(
        path=str(path), root=root, packs=packs, rule_dirs=rule_dirs, vale=vale,
        language=_language(doc, ("language",), data.get("language", "auto")),
        rules=_rule_settings(doc, ("rules",), data.get("rules") or {}),
        include=include, exclude=exclude, max_size=max_size, overrides=overrides,
        lexicons=lexicons, located=doc,
        waivers=parse_config_waivers(doc, ("waivers",), data.get("waivers")),
        min_severity=_min_severity(doc, data.get("min_severity")),
    )


def _min_severity(doc: LocatedYaml, value: Any) -> Severity | None:
    if value is None:
        return None
    if isinstance(value, str) and value.lower() in {s.label for s in Severity}:
        return Severity.parse(value)
    raise doc.error(("min_severity",), "min_severity must be a severity (error, warning, "
                                       f"info, hint), not {value!r}")


def _keys(doc: LocatedYaml, key: PathKey, value: Any, known: tuple[str, ...]) -> None:
    """`value` must be a mapping whose keys are among `known`."""
    if not isinstance(value, dict):
        raise doc.error(key, f"'{key[-1]}' must be a mapping with {', '.join(known)}")
    for sub in value:
        if sub not in known:
            raise doc.error((*key, sub), f"unknown key {sub!r} in '{key[-1]}' "
                                         f"(known: {', '.join(known)})", of_key=True)


def _list(doc: LocatedYaml, key: PathKey, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise doc.error(key, f"'{key[-1]}' must be a list")
    return value


def _strings(doc: LocatedYaml, key: PathKey, value: Any) -> list[str]:
    """A list of strings (a single string is a list of one)."""
    items = _list(doc, key, [value] if isinstance(value, str) else value)
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise doc.error((*key, index), f"'{key[-1]}' entries must be strings, not {item!r}")
    return items


def _globs(doc: LocatedYaml, key: PathKey, value: Any) -> list[str]:
    items = _strings(doc, key, list(value) if isinstance(value, tuple) else value)
    for index, item in enumerate(items):
        try:
            compile_glob(item)
        except ValueError as exc:
            raise doc.error((*key, index), str(exc)) from None
    return items


def _size(doc: LocatedYaml, key: PathKey, value: Any) -> int:
    """A size in bytes: a positive integer, or a number with a unit ("10 MB", "500kB")."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*", str(value), re.IGNORECASE)
    if isinstance(value, bool) or found is None or float(found[1]) <= 0:
        raise doc.error(key, f"max_size must be a positive size such as 10000000 or '10 MB', "
                             f"not {value!r}")
    return int(float(found[1]) * _SIZE_UNITS[found[2].lower()])


def _language(doc: LocatedYaml, key: PathKey, value: Any) -> str:
    """`auto` or a language code; whether a pack provides it is checked by the Linter,
    where the installed packs are known."""
    if not isinstance(value, str) or not value.strip():
        raise doc.error(key, f"language must be 'auto' or a language code (en, fr...), "
                             f"not {value!r}")
    return value


def _severity_or_switch(doc: LocatedYaml, key: PathKey, value: Any) -> tuple[bool, Severity | None]:
    """`off`/false disables, `on`/true enables, a severity name enables at that severity.

    YAML 1.1 (PyYAML) loads unquoted off/no as False and on/yes as True, so both the
    quoted words and the booleans work.
    """
    if value is False or value == "off":
        return False, None
    if value is True or value == "on":
        return True, None
    if isinstance(value, str) and value.lower() in {s.label for s in Severity}:
        return True, Severity.parse(value)
    raise doc.error(key, "expected a severity (error, warning, info, hint), off or on, "
                         f"not {value!r}")


def _rule_settings(doc: LocatedYaml, key: PathKey, value: Any) -> tuple[RuleSetting, ...]:
    if not isinstance(value, dict):
        raise doc.error(key, f"'{key[-1]}' maps rule ids or pack names to a severity, off, "
                             "or a mapping of options")
    settings = []
    for ref, setting in value.items():
        here = (*key, ref)
        if not isinstance(ref, str):
            raise doc.error(here, f"rule reference must be a string, not {ref!r}", of_key=True)
        where = (doc.path, *doc.where(here, of_key=True))
        enabled, severity, options = True, None, {}
        if isinstance(setting, dict):
            options = dict(setting)
            if "severity" in options:
                enabled, severity = _severity_or_switch(doc, (*here, "severity"),
                                                        options.pop("severity"))
        else:
            enabled, severity = _severity_or_switch(doc, here, setting)
        settings.append(RuleSetting(ref, enabled, severity, options, where, doc, here))
    return tuple(settings)


def _override(doc: LocatedYaml, key: PathKey, item: Any) -> Override:
    _keys(doc, key, item, ("files", "rules", "language"))
    if "files" not in item:
        raise doc.error(key, "an override needs 'files' (a list of globs)")
    files = tuple(_globs(doc, (*key, "files"), item["files"]))
    rules = _rule_settings(doc, (*key, "rules"), item.get("rules") or {})
    language = _language(doc, (*key, "language"), item["language"]) if "language" in item else None
    return Override(files, rules, language, doc, key)
