"""A Linter whose rules come from a `.vale.ini` and its Vale styles (a folder linted as Vale would)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import regex

from lint.config import Config
from lint.diagnostic import Diagnostic, Severity
from lint.directives import is_vale_switch
from lint.document import Document
from lint.engine import ActiveRule, Ruleset, run
from lint.patterns import PatternError, compile_pattern, finditer
from lint.rulespec import RuleSpec
from lint.runner import Linter
from lint.vale.ini import IGNORE_KEYS, ValeIni, read_ini, split_patterns
from lint.vale.positions import SentenceLines
from lint.vale.rules import LEVELS, load_style
from lint.vale.scoping import DEFAULT_IGNORED, DEFAULT_SKIPPED, Unlinted
from lint.vale.vocab import BUILTIN_STYLE, builtin_rules, read_vocabularies
from lint.yamlio import InputError


class ValeLinter(Linter):
    """The built-in language packs (sentences, detection) plus the styles a `.vale.ini`
    names, enabled per file by its sections; no newslint rule pack runs.

    Problems in the Vale files are `warnings`: each is reported once and the rest runs,
    as Vale skips nothing else for one bad rule.
    """

    def __init__(self, ini_path: Path, select: Sequence[str] = (),
                 ignore: Sequence[str] = (), base: Config | None = None) -> None:
        """`base`: a newslint configuration whose packs run too (its `vale:` names the
        file); None lints as Vale alone."""
        ini_path = ini_path.resolve()
        self.with_packs = base is not None
        super().__init__(base or Config(path=str(ini_path), root=ini_path.parent, packs=()),
                         select, ignore)
        self.vale: ValeIni = read_ini(ini_path)
        self.warnings: list[InputError] = list(self.vale.errors)
        self.styles: dict[str, list[RuleSpec]] = {}
        self.limits: dict[str, int] = {}
        """Vale's `limit` by rule id: how many of a rule's findings a file keeps."""
        pack_ids = self.catalog.ids
        styles_path = self.vale.styles_path or ini_path.parent
        vocab = read_vocabularies(styles_path, self.vale.vocab, ini_path)
        self.warnings.extend(vocab.errors)
        builtin = builtin_rules(vocab)
        self.styles[BUILTIN_STYLE] = builtin
        self.catalog.specs.extend(builtin)
        for style in self.vale.styles:
            if style == BUILTIN_STYLE:
                continue
            folder = styles_path / style
            if not folder.is_dir():
                self.warnings.append(InputError(str(ini_path), 1, 1,
                                                f"style {style!r} not found in {styles_path}"))
                continue
            specs, errors = load_style(folder, vocab.accept, self.limits)
            self.styles[style] = specs
            self.catalog.specs.extend(specs)
            self.warnings.extend(errors)
        self.vale_ids = self.catalog.ids - pack_ids
        self.min_severity = Severity.parse(LEVELS[self.vale.min_level])
        self._vale_rulesets: dict[tuple[tuple[int, ...], tuple[int, ...]],
                                  tuple[Ruleset, Ruleset]] = {}
        """By (sections, overrides): every rule, and the Vale rules scoped `raw` alone, which
        run again without the comment switches (Vale checks them before it reads those)."""
        self._ignores = self._compile_ignores()
        self.unlinted = Unlinted.from_tags([
            *self.vale.core_list("IgnoredScopes", DEFAULT_IGNORED),
            *self.vale.core_list("SkippedScopes", DEFAULT_SKIPPED)],
            self.vale.core_list("IgnoredClasses", ()))
        self.raw_ids = {s.id for specs in self.styles.values() for s in specs
                        if {"raw", "document"}.intersection(s.scope or ())}
        """The Vale rules of the raw source, which Vale checks as it is: no ignored or
        skipped scope, no comment switch applies to them."""

    def after_rules(self, document: Document, diagnostics: list[Diagnostic],
                    path: str) -> list[Diagnostic]:
        """The findings as Vale reports them: the Vale rules scoped `raw` run again without
        the comment switches; those wholly inside text Vale does not lint are dropped (what
        the sections' TokenIgnores and BlockIgnores match, and for the other Vale rules the
        IgnoredScopes and SkippedScopes elements); a match across inline markup is moved to
        the line Vale gives it (lint.vale.positions); then each rule's `limit`."""
        raw = self._split_rulesets(path)[1]
        switches = [c for c in document.comments if is_vale_switch(c.text)]
        if raw.rules and switches:
            # Vale lints the raw scope before it reads the comment switches.
            unswitched = dataclasses.replace(document, comments=[
                c for c in document.comments if c not in switches])
            diagnostics = sorted([*(d for d in diagnostics if d.rule_id not in self.raw_ids),
                                  *(d for d in run(unswitched, raw)
                                    if d.rule_id in self.raw_ids)],
                                 key=lambda d: d.sort_key)
        if not diagnostics:
            return diagnostics
        text = document.source.text
        spans = [m.span() for p in self._ignore_patterns(path) for m in finditer(p, text)
                 if m.end() > m.start()]
        scoped = self.unlinted.spans(document)

        def inside(d: Diagnostic, spans: list[tuple[int, int]]) -> bool:
            return any(lo <= d.offset and d.end_offset <= hi for lo, hi in spans)

        kept = [d for d in diagnostics if not inside(d, spans)
                and not (d.rule_id in self.vale_ids and d.rule_id not in self.raw_ids
                         and inside(d, scoped))]
        locate = SentenceLines(document)
        kept = [locate.moved(d) if d.rule_id in self.vale_ids and d.rule_id not in self.raw_ids
                else d for d in kept]
        return self._within_limits(kept)

    def _within_limits(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """A rule with a Vale `limit` keeps its first `limit` findings of the file (in
        text order, as Vale reports them); the others are dropped."""
        if not self.limits:
            return diagnostics
        seen: Counter[str] = Counter()
        kept = []
        for diagnostic in sorted(diagnostics, key=lambda d: (d.offset, d.end_offset)):
            limit = self.limits.get(diagnostic.rule_id, 0)
            seen[diagnostic.rule_id] += 1
            if not limit or seen[diagnostic.rule_id] <= limit:
                kept.append(diagnostic)
        order = {id(d): i for i, d in enumerate(diagnostics)}
        return sorted(kept, key=lambda d: order[id(d)])

    def _ignore_patterns(self, path: str) -> list[regex.Pattern[str]]:
        rel = self._relative(path)
        return [p for index, section in enumerate(self.vale.sections) if section.matches(rel)
                for p in self._ignores[index]]

    def _compile_ignores(self) -> dict[int, list[regex.Pattern[str]]]:
        """Each section's TokenIgnores/BlockIgnores, compiled once; a bad one is a warning."""
        compiled: dict[int, list[regex.Pattern[str]]] = {}
        for index, section in enumerate(self.vale.sections):
            compiled[index] = []
            for key in IGNORE_KEYS:
                for source in split_patterns(section.settings.get(key, "")):
                    try:
                        compiled[index].append(compile_pattern(source))
                    except PatternError as exc:
                        self.warnings.append(InputError(
                            str(self.vale.path), 1, 1, f"{key}: invalid regex {source!r}: {exc}"))
        return compiled

    def ruleset_for(self, path: str) -> Ruleset:
        """The rules the `.vale.ini` sections matching `path` turn on, at or above
        MinAlertLevel."""
        return self._split_rulesets(path)[0]

    def _split_rulesets(self, path: str) -> tuple[Ruleset, Ruleset]:
        """Every rule for `path`, and its Vale rules of the raw scope (see _vale_rulesets)."""
        sections = self.sections_for(path)
        overrides = self.overrides_for(path) if self.with_packs else ()
        key = (sections, overrides)
        if key not in self._vale_rulesets:
            packs = self._pack_rules(overrides)
            vale = self._vale_rules(sections)
            self._vale_rulesets[key] = (
                Ruleset(packs + vale, self.context, self.catalog.ids, self.languages),
                Ruleset([a for a in vale if a.spec.id in self.raw_ids], self.context,
                        self.catalog.ids, self.languages))
        return self._vale_rulesets[key]

    def project_ruleset(self) -> Ruleset:
        return Ruleset(self._pack_rules(()) + self._vale_rules(tuple(range(len(
            self.vale.sections)))), self.context, self.catalog.ids, self.languages)

    def _pack_rules(self, overrides: tuple[int, ...]) -> list[ActiveRule]:
        """The newslint packs' rules for these overrides (none when linting as Vale alone)."""
        if not self.with_packs:
            return []
        return [a for a in self._ruleset_with(overrides).rules if a.spec.id not in self.vale_ids]

    def _vale_rules(self, sections: tuple[int, ...]) -> list[ActiveRule]:
        by_id = {s.id: s for specs in self.styles.values() for s in specs}
        return [ActiveRule(by_id[i], severity)
                for i, (severity, _line) in self.rule_settings(sections).items()
                if severity is not None and severity >= self.min_severity
                and self._selected(by_id[i])]

    def sections_for(self, path: str) -> tuple[int, ...]:
        """The indexes of the `.vale.ini` sections that apply to `path`, in file order."""
        rel = self._relative(path)
        return tuple(i for i, s in enumerate(self.vale.sections) if s.matches(rel))

    def rule_settings(self, sections: tuple[int, ...]) -> dict[str, tuple[Severity | None, int]]:
        """Each Vale rule these sections name (through BasedOnStyles or `Style.Rule`): its
        level (None: turned off) and the `.vale.ini` line that decided it; later lines win."""
        chosen: dict[str, tuple[Severity | None, int]] = {}
        by_id = {s.id: s for specs in self.styles.values() for s in specs}

        def put(rule_id: str, severity: Severity | None, line: int) -> None:
            # A rule turned off, or on again, moves last: the rules keep the order in
            # which they were turned on, as without the off entries.
            if severity is None or chosen.get(rule_id, (1, 0))[0] is None:
                chosen.pop(rule_id, None)
            chosen[rule_id] = (severity, line)

        for index in sections:
            section = self.vale.sections[index]
            for style in section.based_on:
                for spec in self.styles.get(style, ()):
                    put(spec.id, spec.severity, section.lines.get("BasedOnStyles", 0))
            for rule_id, setting in section.rules.items():
                if rule_id not in by_id:
                    continue
                line = section.lines.get(rule_id, 0)
                if setting == "NO":
                    put(rule_id, None, line)
                elif setting == "YES":
                    put(rule_id, by_id[rule_id].severity, line)
                else:
                    put(rule_id, Severity.parse(LEVELS[setting]), line)
        return chosen
