"""A Linter whose rules come from a `.vale.ini` and its Vale styles (a folder linted as Vale would)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import regex

from lint.config import Config
from lint.diagnostic import FileResult, Severity
from lint.engine import ActiveRule, Ruleset
from lint.patterns import PatternError, compile_pattern, finditer
from lint.rulespec import RuleSpec
from lint.runner import Linter
from lint.source import SourceText
from lint.vale.ini import IGNORE_KEYS, ValeIni, read_ini, split_patterns
from lint.vale.rules import LEVELS, load_style
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
            specs, errors = load_style(folder, vocab.accept)
            self.styles[style] = specs
            self.catalog.specs.extend(specs)
            self.warnings.extend(errors)
        self.vale_ids = self.catalog.ids - pack_ids
        self.min_severity = Severity.parse(LEVELS[self.vale.min_level])
        self._vale_rulesets: dict[tuple[tuple[int, ...], tuple[int, ...]], Ruleset] = {}
        self._ignores = self._compile_ignores()

    def lint_source(self, source: SourceText, path: str, kind: str | None = None,
                    lang: str | None = None) -> FileResult:
        """As newslint lints it, less the findings inside text the sections' TokenIgnores
        and BlockIgnores patterns match (Vale does not lint that text)."""
        result = super().lint_source(source, path, kind, lang)
        patterns = self._ignore_patterns(path)
        if not patterns or not result.diagnostics:
            return result
        spans = [m.span() for p in patterns for m in finditer(p, source.text)
                 if m.end() > m.start()]
        kept = [d for d in result.diagnostics
                if not any(lo <= d.offset and d.end_offset <= hi for lo, hi in spans)]
        return dataclasses.replace(result, diagnostics=kept)

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
        rel = self._relative(path)
        sections = tuple(i for i, s in enumerate(self.vale.sections) if s.matches(rel))
        overrides = self.overrides_for(path) if self.with_packs else ()
        key = (sections, overrides)
        if key not in self._vale_rulesets:
            packs = self._pack_rules(overrides)
            self._vale_rulesets[key] = Ruleset(packs + self._vale_rules(sections), self.context,
                                               self.catalog.ids, self.languages)
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
        chosen: dict[str, Severity] = {}
        by_id = {s.id: s for specs in self.styles.values() for s in specs}
        for index in sections:
            section = self.vale.sections[index]
            for style in section.based_on:
                for spec in self.styles.get(style, ()):
                    chosen[spec.id] = spec.severity
            for rule_id, setting in section.rules.items():
                if rule_id not in by_id:
                    continue
                if setting == "NO":
                    chosen.pop(rule_id, None)
                elif setting == "YES":
                    chosen[rule_id] = by_id[rule_id].severity
                else:
                    chosen[rule_id] = Severity.parse(LEVELS[setting])
        return [ActiveRule(by_id[i], severity) for i, severity in chosen.items()
                if severity >= self.min_severity and self._selected(by_id[i])]
