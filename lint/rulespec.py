"""Load rule YAML files (rules/<pack>/<name>.yaml) into validated RuleSpec values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.diagnostic import Severity
from lint.document.scopes import validate_selector
from lint.rule_types import RULE_TYPES
from lint.rule_types.base import OptionError
from lint.yamlio import InputError, LocatedYaml, load_yaml

COMMON_KEYS = frozenset(
    {"type", "message", "severity", "scope", "link", "description", "examples", "lang",
     "languages"}
)
SEVERITY_NAMES = tuple(s.label for s in Severity)


@dataclass(frozen=True)
class Example:
    text: str
    lang: str | None = None
    """None: the language is detected as for any draft."""


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

    @property
    def summary(self) -> str:
        """The first sentence of the description (one line for `newslint rules`)."""
        paragraph = " ".join(self.description.strip().split("\n\n")[0].split())
        end = paragraph.find(". ")
        return paragraph if end < 0 else paragraph[: end + 1]

    def message_for(self, lang: str) -> str:
        return self.messages.get(lang) or self.messages.get("*") or next(
            iter(self.messages.values())
        )

    def options_for(self, lang: str) -> dict[str, Any]:
        merged = dict(self.options)
        merged.update(self.languages.get(lang, {}))
        return merged

    def applies_to(self, lang: str) -> bool:
        return not self.only_langs or lang in self.only_langs


def load_rule(path: Path, pack: str) -> RuleSpec:
    """Read and validate one rule file. Raises InputError naming file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), 1, 1, f"not valid UTF-8 at byte offset {exc.start}") from None
    doc = load_yaml(text, str(path))
    return parse_rule(doc, pack, path.stem)


def parse_rule(doc: LocatedYaml, pack: str, name: str) -> RuleSpec:
    data = doc.data
    if not isinstance(data, dict):
        raise doc.error((), "a rule file must be a YAML mapping")
    rule_id = f"{pack}.{name}"
    if "type" not in data:
        raise doc.error((), f"rule {rule_id} has no 'type' (one of: {', '.join(sorted(RULE_TYPES))})")
    type_name = data["type"]
    if type_name not in RULE_TYPES:
        raise doc.error(("type",), f"unknown rule type {type_name!r} "
                                   f"(known: {', '.join(sorted(RULE_TYPES))})")
    rule_cls = RULE_TYPES[type_name]
    messages = _messages(doc, data.get("message"))
    severity = _severity(doc, data.get("severity", "warning"), ("severity",))
    scope = _scope(doc, data.get("scope"))
    only = data.get("lang", ())
    if isinstance(only, str):
        only = (only,)
    if not isinstance(only, (list, tuple)) or not all(isinstance(x, str) for x in only):
        raise doc.error(("lang",), "'lang' must be a language code or a list of them")
    options = {k: v for k, v in data.items() if k not in COMMON_KEYS}
    languages = data.get("languages") or {}
    if not isinstance(languages, dict) or not all(isinstance(v, dict) for v in languages.values()):
        raise doc.error(("languages",), "'languages' must map language codes to option mappings")
    for lang, base in [("", options), *((k, {**options, **v}) for k, v in languages.items())]:
        try:
            rule_cls.build_options(base)
        except OptionError as exc:
            where = ("languages", lang, *exc.key) if lang and exc.key and exc.key[0] in languages[lang] else exc.key
            raise doc.error(where, f"{rule_id}: {exc}", of_key="unknown option" in str(exc)) from None
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
        options=options, languages=languages, only_langs=tuple(only),
        fail_examples=fail, pass_examples=passing,
    )


def _messages(doc: LocatedYaml, raw: Any) -> dict[str, str]:
    if isinstance(raw, str) and raw.strip():
        return {"*": raw}
    if isinstance(raw, dict) and raw and all(
        isinstance(k, str) and isinstance(v, str) for k, v in raw.items()
    ):
        return dict(raw)
    raise doc.error(("message",), "'message' must be a string or a mapping of language to string")


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
    if not isinstance(raw, dict) or set(raw) - {"fail", "pass"}:
        raise doc.error(("examples",), "'examples' must be a mapping with 'fail' and 'pass' lists")
    out: list[tuple[Example, ...]] = []
    for kind in ("fail", "pass"):
        items = raw.get(kind) or []
        if not isinstance(items, list):
            raise doc.error(("examples", kind), f"examples.{kind} must be a list")
        parsed = []
        for index, item in enumerate(items):
            if isinstance(item, str):
                parsed.append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {
                "text", "lang"
            }:
                parsed.append(Example(item["text"], item.get("lang")))
            else:
                raise doc.error(("examples", kind, index),
                                "an example is a string or a mapping {text: ..., lang: ...}")
        out.append(tuple(parsed))
    return out[0], out[1]


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
