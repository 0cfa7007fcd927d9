"""Lint one file end to end (read → SourceText → Document → engine), for the CLI and LSP."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lint import rule_ids
from lint.config import Config, RuleSetting
from lint.diagnostic import Diagnostic, FileResult, Position, Severity
from lint.document import Document
from lint.document.builder import build_document
from lint.document.docx_reader import WordError, docx_text, is_word_document
from lint.document.language import Languages
from lint.engine import INTERNAL_ERROR, ActiveRule, Ruleset, lexicon_problems, run
from lint.files import BINARY_PROBE, looks_wide, special_kind
from lint.globs import any_match
from lint.lexicon import LexiconStore
from lint.option_merge import combine, with_defaults
from lint.packs import Catalog, builtin_rules_dir, lexicon_languages, load_catalog, message_errors
from lint.patterns import trusted_patterns
from lint.rule_types import RULE_TYPES, RuleContext
from lint.rule_types.base import OptionError
from lint.rulespec import RuleSpec
from lint.source import DecodeError, SourceText
from lint.waivers import apply_waivers, unknown_rule_errors
from lint.yamlio import InputError


class Linter:
    """A loaded configuration and rule catalog, reusable across many files.

    Construction validates everything the user wrote (config keys, rule references,
    option values, lexicon additions) and collects the problems in `errors`.
    """

    def __init__(
        self,
        config: Config,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        isolate: bool = False,
    ) -> None:
        self.config = config
        self.isolate = isolate
        """Turn a failure while linting one file into a diagnostic on it (the CLI, which
        lints many files); the language server catches and logs failures itself."""
        self.catalog: Catalog = load_catalog(config)
        self.errors: list[InputError] = list(self.catalog.errors)
        self.lexicons = LexiconStore(self.catalog.pack_dirs, config.lexicons)
        self.errors.extend(self.lexicons.errors)
        self.errors.extend(message_errors(self.catalog, self.lexicons))
        # Built once: detection, sentence and byline data, messages and lexicon gates.
        self.languages = Languages.from_lexicons(
            {lang: self.lexicons.get(lang) for lang in sorted(self.lexicons.languages())},
            lexicon_languages(self.catalog, self.lexicons),
        )
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.context = RuleContext(lexicons=self.lexicons)
        self._rulesets: dict[tuple[int, ...], Ruleset] = {}
        self.trusted = _only_shipped_patterns(config, self.catalog)
        self._validate()

    # -- validation -------------------------------------------------------------
    def _validate(self) -> None:
        self._validate_languages()
        ids = self.catalog.ids
        known_lists = self._lexicon_names()
        for spec in self.catalog.specs:
            for key, message in lexicon_problems(spec, known_lists):
                self.errors.append(spec.error(key, message))
        settings = list(self.config.rules) + [s for o in self.config.overrides for s in o.rules]
        for setting in settings:
            if not rule_ids.is_known(setting.reference, ids):
                self.errors.append(setting.error((), f"unknown rule or pack {setting.reference!r}",
                                                 of_key=True))
            elif setting.options:
                self._validate_options(setting)
        self.errors.extend(unknown_rule_errors(self.config.located, self.config.path or "",
                                               self.config.waivers, ids))
        for lang, lists in self.config.lexicons.items():
            if lang not in self.lexicons.languages():
                self.errors.append(self.config.error(("lexicons", lang),
                                                     f"no lexicons for language {lang!r}",
                                                     of_key=True))
                continue
            # Checked here, against the lexicon schema, so that a bad addition is one
            # configuration error before linting, not a rule error on every file.
            for name, value in lists.items():
                for sub, message, of_key in self.lexicons.addition_problems(lang, name, value):
                    self.errors.append(self.config.error(("lexicons", lang, name, *sub),
                                                         message, of_key=of_key))

    def _lexicon_names(self) -> set[str]:
        """Every list name of every language's lexicon ('@name' in rule options)."""
        return {name for lang in self.lexicons.languages() if not lang.startswith("_")
                for name in self.lexicons.names(lang)}

    def _validate_languages(self) -> None:
        """`language:` (top level and per override) must be auto or an installed language."""
        available = ("auto", *self.languages.codes)

        def unknown(value: str) -> str:
            return f"unknown language {value!r} (available: {', '.join(available)})"

        if self.config.language not in available:
            self.errors.append(self.config.error(("language",), unknown(self.config.language)))
        for i, override in enumerate(self.config.overrides):
            if override.language is None or override.language in available:
                continue
            # A nested configuration's `language:` or override: point into its own file.
            if override.located is not None:
                key = (*override.key, "language") if override.key[:1] == ("overrides",) else (
                    "language",)
                self.errors.append(override.located.error(key, unknown(override.language)))
            else:
                self.errors.append(self.config.error(("overrides", i, "language"),
                                                     unknown(override.language)))

    def _validate_options(self, setting: RuleSetting) -> None:
        """The setting's options must suit every rule it names, in every language."""
        for spec in self._specs_for(setting.reference):
            for key, message in lexicon_problems(spec, self._lexicon_names(), setting.options):
                if key and key[0] in setting.options:  # the rule file's own are reported above
                    self.errors.append(setting.error(key, message))
            cls = RULE_TYPES[spec.type]
            for lang in ("", *spec.languages):
                merged = with_defaults(spec.options_for(lang), setting.options)
                try:
                    cls.build_options(merged)
                except OptionError as exc:
                    key = _written_key(exc.key, merged, setting.options)
                    self.errors.append(setting.error(key, f"{spec.id}: {exc}",
                                                     of_key=exc.of_key))
                    return

    def _specs_for(self, reference: str) -> list[RuleSpec]:
        return [s for s in self.catalog.specs if rule_ids.matches(reference, s.id)]

    def unknown_references(self, references: Sequence[str]) -> list[str]:
        return [r for r in references if not rule_ids.is_known(r, self.catalog.ids)]

    # -- rule resolution --------------------------------------------------------
    def _selected(self, spec: RuleSpec) -> bool:
        if self.select and not any(rule_ids.matches(r, spec.id) for r in self.select):
            return False
        return not any(rule_ids.matches(r, spec.id) for r in self.ignore)

    def _relative(self, path: str) -> str:
        try:
            return Path(os.path.abspath(path)).relative_to(self.config.root).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def overrides_for(self, path: str) -> tuple[int, ...]:
        rel = self._relative(path)
        return tuple(i for i, o in enumerate(self.config.overrides) if any_match(o.files, rel))

    def ruleset_for(self, path: str) -> Ruleset:
        """The ruleset for a file: project settings, then each matching override."""
        return self._ruleset_with(self.overrides_for(path))

    def _ruleset_with(self, key: tuple[int, ...]) -> Ruleset:
        if key not in self._rulesets:
            layers: list[Sequence[RuleSetting]] = [self.config.rules]
            layers.extend(self.config.overrides[i].rules for i in key)
            active = []
            for spec in self.catalog.specs:
                if not self._selected(spec):
                    continue
                enabled, resolved = _resolve(spec, layers)
                if enabled:
                    active.append(resolved)
            self._rulesets[key] = Ruleset(active, self.context, self.catalog.ids, self.languages)
        return self._rulesets[key]

    def configured(self, spec: RuleSpec) -> ActiveRule:
        """`spec` with the project's severity and options, even if the project turns it off
        (`test-rules` checks every rule's examples)."""
        return _resolve(spec, [self.config.rules])[1]

    def project_ruleset(self) -> Ruleset:
        """The ruleset before any per-glob override (what `newslint rules` lists)."""
        return self._ruleset_with(())

    def language_for(self, path: str) -> str:
        language = self.config.language
        for index in self.overrides_for(path):
            language = self.config.overrides[index].language or language
        return language

    def is_included(self, path: str) -> bool:
        """Matches the `files.include` globs (used when walking folders)."""
        return any_match(self.config.include, self._relative(path))

    def is_excluded(self, path: str) -> bool:
        """Matches the `files.exclude` globs (applies to named files too)."""
        return any_match(self.config.exclude, self._relative(path))

    # -- linting ----------------------------------------------------------------
    def lint_source(
        self, source: SourceText, path: str, kind: str | None = None, lang: str | None = None
    ) -> FileResult:
        """Lint text already in memory; `lang` forces the language (else front matter,
        configuration, detection).

        With `isolate`, any failure inside becomes one `newslint.internal-error`
        diagnostic on this file, so that one odd draft never stops a run over many.
        """
        if not self.isolate:
            return self._lint_source(source, path, kind, lang)
        try:
            return self._lint_source(source, path, kind, lang)
        except Exception as exc:  # noqa: BLE001 - isolation: the other files still run
            message = (f"newslint failed on this file and did not lint it "
                       f"({type(exc).__name__}: {exc}); please report it with the draft")
            failure = Diagnostic.at(source, INTERNAL_ERROR, Severity.ERROR, message, 0, 0)
            return FileResult(path, source, [failure])

    def _lint_source(self, source: SourceText, path: str, kind: str | None,
                     lang: str | None) -> FileResult:
        with trusted_patterns(self.trusted):
            document = build_document(source, path, kind=kind,
                                      default_lang=self.language_for(path),
                                      languages=self.languages, lang=lang)
            ruleset = self.ruleset_for(path)
            found = self.after_rules(document, run(document, ruleset), path)
            diagnostics, waived = apply_waivers(document, found, self.config.waivers,
                                                self._relative(path), ruleset.known_ids)
        return FileResult(path, source, diagnostics, lang=document.lang, waived=waived)

    def after_rules(self, document: Document, diagnostics: list[Diagnostic],
                    path: str) -> list[Diagnostic]:
        """The findings of `document` as this linter reports them, before waivers: all of
        them here; a subclass may drop or move some knowing the document (lint.vale)."""
        return diagnostics

    def lint_bytes(self, data: bytes, path: str, kind: str | None = None) -> FileResult:
        decoded = self._decoded(data, path)
        if isinstance(decoded, FileResult):
            return decoded
        return self.lint_source(decoded, path, kind)

    def _decoded(self, data: bytes, path: str) -> SourceText | FileResult:
        """The draft's text, or the FileResult that says why it cannot be read."""
        if len(data) > self.config.max_size:
            return FileResult(path, None, error=self._too_large(len(data)))
        head = data[:BINARY_PROBE]
        if b"\0" in head and looks_wide(head):  # NULs are valid UTF-8: check first
            return FileResult(path, None, error="UTF-16 or UTF-32 text, not UTF-8: save it "
                                                "as UTF-8 to lint it")
        try:
            return SourceText.decode(data)
        except DecodeError as exc:
            return FileResult(path, None, error=str(exc), error_at=_byte_position(data, exc.offset))

    def lint_path(self, path: str, kind: str | None = None) -> FileResult:
        if kind_of := special_kind(path):  # never opened: a FIFO would block the run
            return FileResult(path, None, error=f"{kind_of}, not a regular file: not read")
        try:
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > self.config.max_size:
                    return FileResult(path, None, error=self._too_large(size))
                data = handle.read(self.config.max_size + 1)
        except OSError as exc:
            return FileResult(path, None, error=exc.strerror or str(exc))
        if is_word_document(path):
            # Paragraphs become lines: a finding's line is its paragraph's number.
            try:
                return self.lint_source(SourceText(docx_text(data)), path, "text")
            except WordError as exc:
                return FileResult(path, None, error=str(exc))
        decoded = self._decoded(data, path)
        # The bytes are not needed once decoded: dropped before the lint, so a long draft
        # is not held twice (1.1 MiB of a 200k-word document's peak).
        del data
        if isinstance(decoded, FileResult):
            return decoded
        return self.lint_source(decoded, path, kind)

    def _too_large(self, size: int) -> str:
        where = f" ({self.config.path})" if self.config.path else ""
        return (f"{size / 1e6:.1f} MB, over the {self.config.max_size / 1e6:g} MB limit per "
                f"draft: not read (raise `files: max_size` in the configuration{where} "
                "to lint it)")


def _only_shipped_patterns(config: Config, catalog: Catalog) -> bool:
    """True when every pattern of the run comes from the shipped packs: no rule folder,
    lexicon addition or rule option of the user's. Those patterns are checked on every
    corpus, so their searches may skip the per-call timeout (lint.patterns)."""
    shipped = builtin_rules_dir().resolve()
    settings = [*config.rules, *(s for o in config.overrides for s in o.rules)]
    return (all(Path(d).resolve().is_relative_to(shipped) for d in catalog.pack_dirs)
            and not config.lexicons and not any(s.options for s in settings))


def _resolve(spec: RuleSpec, layers: Sequence[Sequence[RuleSetting]]) -> tuple[bool, ActiveRule]:
    """Apply the settings that name `spec`: layer by layer (project, then each matching
    override), and within a layer from the least to the most specific reference."""
    enabled, severity = True, spec.severity
    options: dict[str, Any] = {}
    for layer in layers:
        matching = sorted(
            (s for s in layer if rule_ids.matches(s.reference, spec.id)),
            key=lambda s: rule_ids.specificity(s.reference, spec.id),
        )
        for setting in matching:
            enabled = setting.enabled
            if setting.severity is not None:
                severity = setting.severity
            # A later layer extends an earlier one's lists (lint.option_merge).
            for key, value in setting.options.items():
                options[key] = combine(options[key], value) if key in options else value
    return enabled, ActiveRule(spec, severity, options)


def _written_key(key: tuple[object, ...], merged: dict[str, Any],
                 written: Mapping[str, Any]) -> tuple[object, ...]:
    """Where an option error is in the configuration: an index into an extended list
    counts the built-in entries first, so find the entry in the list as written."""
    if len(key) < 2 or not isinstance(key[1], int) or key[0] not in written:
        return key
    values, own = merged.get(key[0]), written[key[0]]
    own = own.get("replace") if isinstance(own, Mapping) else own
    if isinstance(values, list) and isinstance(own, list) and key[1] < len(values):
        if values[key[1]] in own:
            return (key[0], own.index(values[key[1]]), *key[2:])
    return key


def _byte_position(data: bytes, offset: int) -> Position:
    """Line and code-point column of a byte offset, decoding the valid prefix."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    if prefix.startswith("\ufeff"):
        prefix = prefix[1:]
    source = SourceText(prefix)
    return source.position(len(prefix))
