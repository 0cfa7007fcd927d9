"""Project configuration: find, load and validate .newslint.yaml or [tool.newslint]."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.diagnostic import Severity
from lint.globs import compile_glob
from lint.yamlio import InputError, LocatedYaml, PathKey, load_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml")
LANGUAGES = ("auto", "en", "fr")
DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.txt")
TOP_KEYS = frozenset(
    {"packs", "rule_dirs", "language", "rules", "files", "overrides", "lexicons"}
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
    """File, 1-based line and column of the setting, for error messages."""


@dataclass(frozen=True)
class Override:
    """Settings that apply to files matching `files` (globs relative to the config file)."""

    files: tuple[str, ...]
    rules: tuple[RuleSetting, ...] = ()
    language: str | None = None


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
    overrides: tuple[Override, ...] = ()
    lexicons: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    where: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of top-level keys, for errors found after loading."""

    def error(self, key: str, message: str) -> InputError:
        line, column = self.where.get(key, (1, 1))
        return InputError(self.path or "<config>", line, column, message)


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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
        return "[tool.newslint" in path.read_text(encoding="utf-8", errors="replace")
    return isinstance(data.get("tool", {}).get("newslint"), dict)


def load_config(explicit: str | None = None, start: Path | None = None) -> Config:
    """Load `explicit`, or the discovered file, or the defaults. Raises InputError."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(explicit, 1, 1, "configuration file not found")
    else:
        found = discover((start or Path.cwd()).resolve())
        if found is None:
            return Config(root=(start or Path.cwd()).resolve())
        path = found
    if path.name == "pyproject.toml":
        return parse_config(_located_toml(path), path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), 1, 1, f"not valid UTF-8 at byte offset {exc.start}") from None
    return parse_config(load_yaml(text, str(path)), path)


def _located_toml(path: Path) -> LocatedYaml:
    """Read [tool.newslint]; keys are located by searching the section's lines."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 1) or 1
        column = getattr(exc, "colno", 1) or 1
        raise InputError(str(path), line, column, f"invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("newslint", {})
    located = LocatedYaml(str(path), section)
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.strip().startswith("[tool.newslint")), 0)
    located.values[()] = (header + 1, 1)
    for index in range(header, len(lines)):
        stripped = lines[index].lstrip()
        for key in section:
            if stripped.startswith((f"{key} ", f"{key}=", f'"{key}"')) or stripped.startswith(
                f"[tool.newslint.{key}"
            ):
                column = len(lines[index]) - len(stripped) + 1
                located.keys.setdefault((key,), (index + 1, column))
                located.values.setdefault((key,), (index + 1, column))
    return located


def parse_config(doc: LocatedYaml, path: Path) -> Config:
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
    language = _language(doc, ("language",), data.get("language", "auto"))
    rules = _rule_settings(doc, ("rules",), data.get("rules") or {})
    include, exclude = DEFAULT_INCLUDE, ()
    files = data.get("files")
    if files is not None:
        if not isinstance(files, dict) or set(files) - {"include", "exclude"}:
            bad = next(iter(set(files) - {"include", "exclude"}), None) if isinstance(files, dict) else None
            raise doc.error(("files", bad) if bad else ("files",),
                            "'files' takes only 'include' and 'exclude' lists of globs",
                            of_key=bad is not None)
        include = tuple(_globs(doc, ("files", "include"), files.get("include", list(DEFAULT_INCLUDE))))
        exclude = tuple(_globs(doc, ("files", "exclude"), files.get("exclude", [])))
    overrides = tuple(
        _override(doc, ("overrides", i), item) for i, item in enumerate(_list(doc, ("overrides",), data.get("overrides", [])))
    )
    lexicons = data.get("lexicons") or {}
    if not isinstance(lexicons, dict) or not all(isinstance(v, dict) for v in lexicons.values()):
        raise doc.error(("lexicons",), "'lexicons' maps a language to {list name: [entries]}")
    where = {str(k[0]): v for k, v in doc.keys.items() if len(k) == 1}
    where.update({".".join(map(str, k)): v for k, v in doc.keys.items()})
    return Config(path=str(path), root=root, packs=packs, rule_dirs=rule_dirs, language=language,
                  rules=rules, include=include, exclude=exclude, overrides=overrides,
                  lexicons=lexicons, where=where)


def _list(doc: LocatedYaml, key: PathKey, value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise doc.error(key, f"'{key[-1]}' must be a list")
    return value


def _strings(doc: LocatedYaml, key: PathKey, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    items = _list(doc, key, value)
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise doc.error((*key, index), f"'{key[-1]}' entries must be strings, not {item!r}")
    return items


def _globs(doc: LocatedYaml, key: PathKey, value: Any) -> list[str]:
    items = _strings(doc, key, value)
    for index, item in enumerate(items):
        try:
            compile_glob(item)
        except ValueError as exc:
            raise doc.error((*key, index), str(exc)) from None
    return items


def _language(doc: LocatedYaml, key: PathKey, value: Any) -> str:
    if value not in LANGUAGES:
        raise doc.error(key, f"language must be one of {', '.join(LANGUAGES)}, not {value!r}")
    return str(value)


def _severity_or_switch(doc: LocatedYaml, key: PathKey, value: Any) -> tuple[bool, Severity | None]:
    """`off`/false disables, `on`/true enables, a severity name enables at that severity.

    YAML 1.1 loads unquoted off/no as False and on/yes as True, so both spellings work.
    """
    if value is False or value == "off":
        return False, None
    if value is True or value == "on":
        return True, None
    if isinstance(value, str) and value.lower() in {s.label for s in Severity}:
        return True, Severity.parse(value)
    raise doc.error(key, f"expected a severity (error, warning, info, hint) or off, not {value!r}")


def _rule_settings(doc: LocatedYaml, key: PathKey, value: Any) -> tuple[RuleSetting, ...]:
    if not isinstance(value, dict):
        raise doc.error(key, "'rules' maps rule ids or pack names to a severity, off, or options")
    settings = []
    for ref, setting in value.items():
        if not isinstance(ref, str):
            raise doc.error((*key, ref), f"rule reference must be a string, not {ref!r}", of_key=True)
        line, column = doc.where((*key, ref), of_key=True)
        where = (doc.path, line, column)
        if isinstance(setting, dict):
            options = dict(setting)
            enabled, severity = True, None
            if "severity" in options:
                enabled, severity = _severity_or_switch(doc, (*key, ref, "severity"), options.pop("severity"))
            settings.append(RuleSetting(ref, enabled, severity, options, where))
        else:
            enabled, severity = _severity_or_switch(doc, (*key, ref), setting)
            settings.append(RuleSetting(ref, enabled, severity, {}, where))
    return tuple(settings)


def _override(doc: LocatedYaml, key: PathKey, item: Any) -> Override:
    if not isinstance(item, dict):
        raise doc.error(key, "an override is a mapping with 'files' and 'rules' or 'language'")
    for sub in item:
        if sub not in ("files", "rules", "language"):
            raise doc.error((*key, sub), f"unknown override key {sub!r} (known: files, language, rules)",
                            of_key=True)
    if "files" not in item:
        raise doc.error(key, "an override needs 'files' (a list of globs)")
    files = tuple(_globs(doc, (*key, "files"), item["files"]))
    rules = _rule_settings(doc, (*key, "rules"), item.get("rules") or {})
    language = _language(doc, (*key, "language"), item["language"]) if "language" in item else None
    return Override(files, rules, language)
