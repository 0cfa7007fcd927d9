"""Run a ruleset over a document: rule instances per language, error isolation, sorting."""

from __future__ import annotations

import string
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.diagnostic import Diagnostic, Severity
from lint.directives import BAD_DIRECTIVE, UNKNOWN_RULE, apply_directives
from lint.document import Document, TextUnit
from lint.document.language import Languages
from lint.document.scopes import units
from lint.patterns import time_budget
from lint.rule_types import RULE_TYPES, RuleContext, RuleType
from lint.rule_types.base import Finding, OptionError, scoping_of
from lint.option_merge import with_defaults
from lint.rulespec import RuleSpec

RULE_ERROR = "newslint.rule-error"
INTERNAL_ERROR = "newslint.internal-error"
FRONT_MATTER_ERROR = "newslint.front-matter"
NESTING = "newslint.nesting"
LANGUAGE = "newslint.language"
RULE_TIME_BUDGET = 5.0
"""Seconds of pattern searching one rule may spend on one file (a slow user pattern), for
a file of up to BUDGET_CHARACTERS."""
FILE_TIME_BUDGET = 30.0
"""Seconds of pattern searching all rules together may spend on one file of up to
BUDGET_CHARACTERS."""
BUDGET_CHARACTERS = 300_000
"""About 50,000 words. A longer file gets both budgets in proportion to its length: the
rules' work grows with the text (the editorial analysis of a 200,000-word draft takes
longer than 5 s), so a fixed budget would cut a long draft's lint short on a normal
machine, while a slow pattern still ends in a time proportional to the draft."""

INTERNAL_RULES = {
    RULE_ERROR: "A rule raised an error or its pattern timed out on this file.",
    INTERNAL_ERROR: "newslint itself failed on this file (a bug: please report it with the "
                    "draft). The file was not linted; the other files were, and the run "
                    "exits with status 2.",
    FRONT_MATTER_ERROR: "The draft's YAML front matter could not be read.",
    NESTING: "Text nested deeper than the Markdown parser goes (blockquotes or lists "
             "inside each other about 50 times) was not linted.",
    LANGUAGE: "The draft's language has no lexicon for a pack's rules (editorial): they "
              "did not run on it.",
    UNKNOWN_RULE: "A suppression comment names a rule that does not exist.",
    BAD_DIRECTIVE: "A suppression comment has an unknown verb (disable, enable, "
                   "disable-line, disable-next-line or disable-file).",
}


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for a run: its spec, effective severity and option overrides."""

    spec: RuleSpec
    severity: Severity
    overrides: Mapping[str, Any] = field(default_factory=dict)


class Ruleset:
    """The rules enabled for one configuration, instantiated lazily once per language.

    With `languages`, a pack's rules that read its lexicon run only on the languages that
    have it (never on another language's), and messages fall back to the language packs'.
    """

    def __init__(
        self,
        rules: Sequence[ActiveRule],
        context: RuleContext | None = None,
        known_ids: set[str] | None = None,
        languages: Languages | None = None,
    ) -> None:
        self.rules = list(rules)
        self.context = context or RuleContext()
        self.known_ids = set(known_ids or ()) | {r.spec.id for r in rules} | set(INTERNAL_RULES)
        self.languages = languages
        self._by_lang: dict[str, list[tuple[ActiveRule, RuleType | str]]] = {}
        self._notice: dict[str, str | None] = {}

    def for_language(self, lang: str) -> list[tuple[ActiveRule, RuleType | str]]:
        """(rule, instance) pairs for `lang`; the instance is an error message when the
        rule could not be built (bad options, a regex that does not compile)."""
        if lang not in self._by_lang:
            built: list[tuple[ActiveRule, RuleType | str]] = []
            missing: set[str] = set()
            gates = self.languages.lexicon_langs if self.languages else {}
            for active in self.rules:
                if not active.spec.applies_to(lang):
                    continue
                if active.spec.pack in gates and lang not in gates[active.spec.pack]:
                    missing.add(active.spec.pack)
                    continue
                built.append((active, _instantiate(active, lang, self.context)))
            self._by_lang[lang] = built
            self._notice[lang] = (self.languages.missing_lexicon(lang, missing)
                                  if self.languages and missing else None)
        return self._by_lang[lang]

    def notice(self, lang: str) -> str | None:
        """The warning for `lang` when some rules could not run on it, else None."""
        self.for_language(lang)
        return self._notice[lang]

    def message(self, spec: RuleSpec, lang: str) -> str:
        """`spec`'s message template for a draft in `lang` (see RuleSpec.message_for)."""
        overlay = self.languages.get(lang).messages if self.languages else None
        return spec.message_for(lang, overlay)


def _instantiate(active: ActiveRule, lang: str, context: RuleContext) -> RuleType | str:
    cls = RULE_TYPES[active.spec.type]
    raw = with_defaults(active.spec.options_for(lang), active.overrides)
    try:
        return cls(active.spec, cls.build_options(raw), lang, context)
    except OptionError as exc:
        # An option that only fails once lexicons are read (a list missing in this
        # language): point at the option in the rule file.
        where = active.spec.error(_option_key(active.spec, lang, exc.key), str(exc))
        return f"rule {active.spec.id} could not be set up for '{lang}': {where}"
    except Exception as exc:  # noqa: BLE001 - reported on each file, never a crash
        return f"rule {active.spec.id} could not be set up for '{lang}': {_describe(exc)}"


def _option_key(spec: RuleSpec, lang: str, key: tuple[object, ...]) -> tuple[object, ...]:
    """Where option `key` is written: under `languages: {lang: ...}` when set there."""
    if key and key[0] in spec.languages.get(lang, {}):
        return ("languages", lang, *key)
    return key


def lexicon_problems(spec: RuleSpec, known: set[str],
                     overrides: Mapping[str, Any] | None = None) -> list[tuple[tuple[object, ...], str]]:
    """(option path, message) for each '@list' the rule names that no lexicon in `known` has.

    Checked once when the rules load, for the options as written and as merged for
    each `languages:` entry (and with `overrides` from the configuration, when given).
    """
    cls = RULE_TYPES[spec.type]
    problems: dict[tuple[object, ...], str] = {}
    for lang in ("", *spec.languages):
        try:
            options = cls.build_options(with_defaults(spec.options_for(lang), overrides or {}))
        except OptionError:
            continue  # reported where options are validated
        for key, name in cls.lexicon_keys(options):
            if name not in known:
                where = key if overrides is not None else _option_key(spec, lang, key)
                import difflib  # only for a message or a --diff: not at every start

                close = difflib.get_close_matches(name, sorted(known), n=1)
                hint = f"did you mean '@{close[0]}'?" if close else "no lexicon of the enabled packs has it"
                problems.setdefault(where, f"{spec.id}: unknown lexicon list '@{name}' ({hint})")
    return list(problems.items())


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def format_message(template: str, args: Mapping[str, object]) -> str:
    """Fill the named `{placeholders}` of a message; unknown ones are left as written.

    Only plain names are filled (templates are checked when rules load; this is the
    second line of defence): a field such as `{match.__class__}` stays as written.
    """
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return template
    out: list[str] = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if not name.isidentifier() or "{" in (spec or "") or name not in args:
            written = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            out.append("{" + written + "}")
            continue
        value = args[name]
        if conversion:
            value = {"r": repr, "a": ascii, "s": str}.get(conversion, str)(value)
        try:
            out.append(format(value, spec or ""))
        except (ValueError, TypeError):
            out.append(str(value))
    return "".join(out)


def run(document: Document, ruleset: Ruleset) -> list[Diagnostic]:
    """All diagnostics for `document`: rules, then suppression, then dedupe and sort.

    A rule that raises or times out becomes one `newslint.rule-error` diagnostic at
    the start of the file; the other rules still run.
    """
    source = document.source
    found: list[Diagnostic] = [
        Diagnostic.at(source, FRONT_MATTER_ERROR, Severity.ERROR, p.message, p.start, p.end)
        if p.kind == "front-matter" else
        Diagnostic.at(source, NESTING, Severity.WARNING, p.message, p.start, p.end)
        for p in document.problems
    ]
    if notice := ruleset.notice(document.lang):
        found.append(Diagnostic.at(source, LANGUAGE, Severity.WARNING, notice, 0, 0))
    scale = budget_scale(source.text)
    file_budget = FILE_TIME_BUDGET * scale
    file_ends = time.monotonic() + file_budget
    not_run: list[str] = []
    for active, rule in ruleset.for_language(document.lang):
        spec = active.spec
        problem = rule if isinstance(rule, str) else None
        if isinstance(rule, RuleType):
            left = file_ends - time.monotonic()
            if left <= 0:
                not_run.append(spec.id)
                continue
            template = ruleset.message(spec, document.lang)
            try:
                with time_budget(min(RULE_TIME_BUDGET * scale, left)):
                    for finding in _findings(rule, document):
                        found.append(_diagnostic(document, active, template, finding))
            except TimeoutError:
                problem = (f"rule {spec.id} timed out (a pattern is too slow on this text); "
                           "its results for this file are incomplete")
            except Exception as exc:  # noqa: BLE001 - a broken rule must never stop the run
                problem = f"rule {spec.id} failed: {_describe(exc)}"
        if problem:
            found.append(Diagnostic.at(source, RULE_ERROR, Severity.ERROR, problem, 0, 0))
    if not_run:
        found.append(Diagnostic.at(
            source, RULE_ERROR, Severity.ERROR,
            f"the rules' time budget for this file ({round(file_budget, 1):g} s) is spent; not run: "
            f"{', '.join(not_run)}", 0, 0))
    kept = apply_directives(document, found, ruleset.known_ids)
    unique = {(d.key, d.message): d for d in kept}
    return sorted(unique.values(), key=lambda d: d.sort_key)


def budget_scale(text: str) -> float:
    """How many times the base time budgets a file of `text` gets (1 up to BUDGET_CHARACTERS)."""
    return max(1.0, len(text) / BUDGET_CHARACTERS)


def _findings(rule: RuleType, document: Document) -> Iterator[Finding]:
    """The rule's findings within its scope.

    A "findings" type analyses the whole draft whatever its scope (a sentence's source
    may be the next one); its findings outside every unit of the scope are dropped here,
    so `scope:` means the same for every type.
    """
    scope = rule.spec.scope
    if not scope or scoping_of(type(rule)) != "findings":
        yield from rule.check_units(units(document, scope or rule.default_scope))
        return
    inside = [_unit_span(unit) for unit in units(document, scope)]
    for finding in rule.check_units(units(document, rule.default_scope)):
        if any(lo <= finding.start and finding.end <= hi for lo, hi in inside):
            yield finding


def _unit_span(unit: TextUnit) -> tuple[int, int]:
    """Source offsets a unit covers: its sentence, its whole block, or the document."""
    if unit.block is None:
        return 0, len(unit.document.source.text)
    if unit.sentence is None:
        return unit.block.start, unit.block.end
    return unit.span(0, len(unit.text))


def _diagnostic(document: Document, active: ActiveRule, template: str, f: Finding) -> Diagnostic:
    source = document.source
    match = source.text[f.start : f.end]
    args = {"match": match, **f.args}
    return Diagnostic.at(
        source, active.spec.id, f.severity or active.severity, format_message(template, args),
        f.start, f.end, match=match, fixes=f.fixes, related=f.related, link=active.spec.link,
        shape=f.shape,
    )
