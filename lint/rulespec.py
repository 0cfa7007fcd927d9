"""Load rule YAML files (rules/<pack>/<name>.yaml) into validated RuleSpec values."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import re

from lint.diagnostic import Severity
from lint.document.scopes import validate_selector
from lint.rule_types import RULE_TYPES
from lint.rule_types.base import OptionError, RuleType, scoping_of
from lint.yamlio import InputError, LocatedYaml, read_yaml_file

COMMON_KEYS = frozenset(
    {"type", "message", "severity", "scope", "link", "description", "examples", "lang",
     "languages"}
)
SEVERITY_NAMES = tuple(s.label for s in Severity)


@dataclass(frozen=True)
class Example:
    """One `examples:` entry; a `fail` example may pin where its finding is."""

    text: str
    lang: str | None = None
    """None: the language is detected as for any draft."""
    line: int | None = None
    """1-based line of the expected finding's start, within `text`."""
    column: int | None = None
    """1-based column (in characters) of the expected finding's start."""
    span: str | None = None
    """The exact text the expected finding covers."""

    @property
    def pinned(self) -> bool:
        """Whether the example says where its finding must be."""
        return self.line is not None or self.column is not None or self.span is not None


@dataclass(frozen=True)
class RuleSpec:
    """A rule as written in YAML, validated; `id` is `<pack>.<file stem>`."""

    id: str
    pack: str
    path: str
    type: str
    messages: Mapping[str, str]
    """Message templates by language; the key "*" is used for any other language."""
    severity: Severity
    scope: tuple[str, ...] | None
    link: str | None
    description: str
    options: Mapping[str, Any]
    languages: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per-language option overrides, merged over `options`."""
    only_langs: tuple[str, ...] = ()
    """Languages the rule applies to; () means every language."""
    fail_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    located: LocatedYaml | None = field(default=None, compare=False, repr=False)
    """The rule file as loaded, to place errors found later (an unknown lexicon list)."""

    def error(self, key: tuple[object, ...], message: str) -> InputError:
        """An InputError at `key` of the rule file (its start when positions are unknown)."""
        if self.located is None:
            return InputError(self.path, 1, 1, message)
        return self.located.error(key, message)

    @property
    def summary(self) -> str:
        """The first sentence of the description (one line for `newslint rules`)."""
        paragraph = " ".join(self.description.strip().split("\n\n")[0].split())
        end = paragraph.find(". ")
        return paragraph if end < 0 else paragraph[: end + 1]

    @property
    def name(self) -> str:
        """The rule's name within its pack (the file stem)."""
        return self.id.rpartition(".")[2]

    def message_for(self, lang: str, overlay: Mapping[str, str] | None = None) -> str:
        """The rule file's message in `lang`; else `lang`'s pack overlay (`messages:` of its
        lexicon, by full id or name); else the file's default, English, or first message."""
        if lang in self.messages:
            return self.messages[lang]
        for key in (self.id, self.name):
            if overlay and key in overlay:
                return overlay[key]
        return self.messages.get("*") or self.messages.get("en") or next(
            iter(self.messages.values())
        )

    def options_for(self, lang: str) -> dict[str, Any]:
        merged = dict(self.options)
        merged.update(self.languages.get(lang, {}))
        return merged

    def applies_to(self, lang: str) -> bool:
        return not self.only_langs or lang in self.only_langs


RULE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""A rule file stem: no dots (ids are dotted `<pack>.<name>`), no spaces."""


def load_rule(path: Path, pack: str) -> RuleSpec:
    """Read and validate one rule file. Raises InputError naming file, line and column."""
    doc = read_yaml_file(path)
    return parse_rule(doc, pack, path.stem)


def rule_from_mapping(data: Mapping[str, Any], rule_id: str = "test.rule") -> RuleSpec:
    """A RuleSpec from an in-memory mapping (tests, embedders); errors carry no position."""
    pack, _, name = rule_id.rpartition(".")
    return parse_rule(LocatedYaml(f"<{rule_id}>", dict(data)), pack, name)


def parse_rule(doc: LocatedYaml, pack: str, name: str) -> RuleSpec:
    """Validate a loaded rule file; every problem is an InputError at its key or value."""
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "a rule file must be a YAML mapping")
    rule_id = f"{pack}.{name}"
    if not RULE_NAME.fullmatch(name):
        raise doc.error((), f"rule file name {name!r} must be letters, digits, '-' or '_' "
                            "(it becomes the rule id after the pack name)")
    known_types = ", ".join(sorted(RULE_TYPES))
    if "type" not in data:
        raise doc.error((), f"rule {rule_id} has no 'type' (one of: {known_types})")
    type_name = data["type"]
    if not isinstance(type_name, str) or type_name not in RULE_TYPES:
        raise doc.error(("type",), f"unknown rule type {type_name!r} (known: {known_types})")
    rule_cls = RULE_TYPES[type_name]
    messages = _messages(doc, data.get("message"))
    severity = _severity(doc, data.get("severity", "warning"), ("severity",))
    scope = _scope(doc, data.get("scope"))
    if scope is not None and scoping_of(rule_cls) == "none":
        raise doc.error(("scope",), f"type {type_name!r} judges the whole draft and cannot "
                                    "honour 'scope:' (remove it)")
    only = _languages_list(doc, data.get("lang", ()))
    options = {k: v for k, v in data.items() if k not in COMMON_KEYS}
    languages = data.get("languages") or {}
    if not isinstance(languages, dict) or not all(isinstance(v, dict) for v in languages.values()):
        raise doc.error(("languages",), "'languages' must map language codes to option mappings")
    _check_options(doc, rule_cls, rule_id, options, languages)
    fail, passing = _examples(doc)
    link = data.get("link")
    if link is not None and not isinstance(link, str):
        raise doc.error(("link",), "'link' must be a URL string")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise doc.error(("description",), "'description' must be a string")
    return RuleSpec(
        id=rule_id, pack=pack, path=doc.path, type=type_name, messages=messages,
        severity=severity, scope=scope, link=link, description=description,
        options=options, languages=languages, only_langs=only,
        fail_examples=fail, pass_examples=passing, located=doc,
    )


def _check_options(doc: LocatedYaml, rule_cls: type[RuleType], rule_id: str,
                   options: dict[str, Any], languages: dict[str, dict[str, Any]]) -> None:
    """Validate the options as written and as merged for each `languages:` entry."""
    for lang, overrides in [("", {}), *languages.items()]:
        try:
            rule_cls.build_options({**options, **overrides})
        except OptionError as exc:
            # Point into the languages entry when that is where the offending key lives.
            where = ("languages", lang, *exc.key) if exc.key and exc.key[0] in overrides else (
                exc.key)
            raise doc.error(where, f"{rule_id}: {exc}", of_key=exc.of_key) from None


def _messages(doc: LocatedYaml, raw: Any) -> dict[str, str]:
    if isinstance(raw, str) and raw.strip():
        messages, where = {"*": raw}, {"*": ("message",)}
    elif isinstance(raw, dict) and raw and all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in raw.items()
    ):
        messages, where = dict(raw), {k: ("message", k) for k in raw}
    else:
        raise doc.error(("message",),
                        "'message' must be a string or a mapping of language to string")
    for lang, template in messages.items():
        problem = placeholder_problem(template)
        if problem:
            raise doc.error(where[lang], problem)
    return messages


def placeholder_problem(template: str) -> str | None:
    """Why `template` is not a valid message (bad braces, positional `{}`), else None."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        return f"invalid message template: {exc} (write '{{{{' for a literal brace)"
    if any(not name or name[0].isdigit() for name in fields):
        return "message placeholders must be named, e.g. {match}"
    for _, name, spec, _ in string.Formatter().parse(template):
        # Plain names only: `{match.__class__}` or `{match[0]}` would reach into Python
        # objects, and a nested `{...}` in a format spec is a second placeholder.
        if name is not None and (not name.isidentifier() or "{" in (spec or "")):
            return (f"message placeholder {{{name}}} must be a plain name such as {{match}} "
                    "(no '.', '[' or nested braces)")
    return None


def placeholders(template: str) -> set[str]:
    """The named `{placeholders}` of a valid message template."""
    return {f.split(".")[0].split("[")[0]
            for _, f, _, _ in string.Formatter().parse(template) if f}


def _languages_list(doc: LocatedYaml, raw: Any) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, (list, tuple)) or not all(isinstance(x, str) for x in items):
        raise doc.error(("lang",), "'lang' must be a language code or a list of them")
    return tuple(items)


def _severity(doc: LocatedYaml, raw: Any, key: tuple[object, ...]) -> Severity:
    if isinstance(raw, str) and raw.lower() in SEVERITY_NAMES:
        return Severity.parse(raw)
    raise doc.error(key, f"severity must be one of {', '.join(SEVERITY_NAMES)}, not {raw!r}")


def _scope(doc: LocatedYaml, raw: Any) -> tuple[str, ...] | None:
    if raw is None:
        return None
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
        raise doc.error(("scope",), "'scope' must be a selector or a list of selectors")
    for index, selector in enumerate(items):
        problem = validate_selector(selector)
        if problem:
            raise doc.error(("scope",) if isinstance(raw, str) else ("scope", index), problem)
    return tuple(items)


def _examples(doc: LocatedYaml) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    raw = doc.data.get("examples")
    if raw is None:
        return (), ()
    if not isinstance(raw, dict):
        raise doc.error(("examples",), "'examples' must be a mapping with 'fail' and 'pass' lists")
    for key in raw:
        if key not in ("fail", "pass"):
            raise doc.error(("examples", key), f"unknown examples key {key!r} (fail, pass)",
                            of_key=True)
    out: list[tuple[Example, ...]] = []
    for kind in ("fail", "pass"):
        items = raw.get(kind) or []
        if not isinstance(items, list):
            raise doc.error(("examples", kind), f"examples.{kind} must be a list")
        parsed = []
        for index, item in enumerate(items):
            if isinstance(item, str):
                parsed.append(Example(item))
            elif (isinstance(item, dict) and isinstance(item.get("text"), str)
                  and isinstance(item.get("lang", ""), str)):
                parsed.append(_example(doc, item, ("examples", kind, index), kind == "fail"))
            else:
                raise doc.error(("examples", kind, index),
                                "an example is a string or a mapping {text: ..., lang: ...}")
        out.append(tuple(parsed))
    return out[0], out[1]


EXAMPLE_KEYS = ("text", "lang")
PIN_KEYS = ("line", "column", "span")


def _example(doc: LocatedYaml, item: dict[str, Any], where: tuple[object, ...],
             may_pin: bool) -> Example:
    """A mapping example; `fail` ones may pin the finding's line, column and span."""
    allowed = EXAMPLE_KEYS + (PIN_KEYS if may_pin else ())
    for key in item:
        if key not in allowed:
            hint = (" (only a 'fail' example pins a finding)" if key in PIN_KEYS
                    else f" (known: {', '.join(allowed)})")
            raise doc.error((*where, key), f"unknown example key {key!r}{hint}", of_key=True)
    for key in ("line", "column"):
        value = item.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or value < 1):
            raise doc.error((*where, key), f"example {key} must be a whole number from 1, "
                                           f"not {value!r}")
    span = item.get("span")
    if span is not None and (not isinstance(span, str) or not span):
        raise doc.error((*where, "span"), "example span must be the exact text the finding "
                                          "covers (quote it)")
    return Example(item["text"], item.get("lang"), item.get("line"), item.get("column"), span)


def load_pack(directory: Path, pack: str) -> tuple[list[RuleSpec], list[InputError]]:
    """Every rule file directly in `directory` (files starting with '_' are not rules)."""
    specs: list[RuleSpec] = []
    errors: list[InputError] = []
    for path in sorted(directory.iterdir()):
        if path.suffix not in (".yaml", ".yml") or path.name.startswith("_") or not path.is_file():
            continue
        try:
            specs.append(load_rule(path, pack))
        except InputError as exc:
            errors.append(exc)
    return specs, errors
