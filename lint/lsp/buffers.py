"""Lint one editor buffer (its unsaved text) into diagnostics with their LSP JSON."""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.diagnostic import Diagnostic, FileResult, Severity
from lint.document.builder import kind_for_path
from lint.buffer_memory import remembering
from lint.engine import INTERNAL_RULES, RULE_ERROR
from lint.lsp import convert
from lint.lsp.configs import CONFIG_FILE_NAMES, ConfigStore
from lint.runner import Linter
from lint.source import ColumnUnit, SourceText

logger = logging.getLogger(__name__)

KIND_BY_LANGUAGE = {"markdown": "markdown", "plaintext": "text", "text": "text"}
"""Client language ids that choose the document model (else the file name decides)."""


@dataclass
class Linted:
    """One lint of one version of a document."""

    version: int | None
    source: SourceText
    result: FileResult
    kind: str
    linter: Linter | None
    found: list[tuple[Diagnostic, dict[str, Any]]]
    """Our diagnostics with their LSP JSON (positions in the negotiated unit)."""


@dataclass
class Outcome:
    """What a lint produced besides diagnostics: messages for the user and for the log."""

    errors: list[str] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)


def lint_buffer(configs: ConfigStore, uri: str, text: str, version: int | None,
                language_id: str, unit: ColumnUnit,
                memory: dict[Any, Any] | None = None) -> tuple[Linted, Outcome]:
    """Lint one buffer (on a lint thread). Never raises: an unexpected failure becomes a
    diagnostic at the top of the document, plus a log entry.

    `memory` is kept by the caller for this buffer between lints: analysis of paragraphs
    whose inputs did not change is reused from it (lint/editorial/reuse.py).
    """
    outcome = Outcome()
    source = SourceText(text)
    local = convert.uri_to_path(uri)
    kind = KIND_BY_LANGUAGE.get(language_id) or ""
    # A buffer with no file (untitled:) is linted as a draft of its language.
    path = local or ("untitled.md" if kind == "markdown" else "untitled.txt")
    linter: Linter | None = None
    try:
        linter, outcome.errors = configs.linter_for(Path(local) if local else None)
        if Path(path).name in CONFIG_FILE_NAMES or linter.is_excluded(path):
            result = FileResult(path, source, [])
        else:
            with remembering(memory):
                result = linter.lint_source(source, path, kind=kind or None)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not stop the server
        logger.exception("linting %s failed", uri)
        outcome.logs.append(f"newslint: linting {uri} failed:\n{traceback.format_exc()}")
        result = FileResult(path, source, [Diagnostic.at(
            source, RULE_ERROR, Severity.ERROR,
            f"newslint could not lint this document ({type(exc).__name__}: {exc}); "
            "see the language server log", 0, 0)])
    kind = kind or kind_for_path(path)
    found = [(d, convert.diagnostic(d, source, uri, unit)) for d in result.diagnostics]
    return Linted(version, source, result, kind, linter, found), outcome


def help_for(linted: Linted, found: Diagnostic) -> str:
    """Hover Markdown for a diagnostic: its rule's help, or newslint's own explanation."""
    specs = {s.id: s for s in linted.linter.catalog.specs} if linted.linter else {}
    spec = specs.get(found.rule_id)
    if spec is not None:
        return convert.rule_help(spec, linted.result.lang, found.severity)
    return convert.builtin_help(found.rule_id, INTERNAL_RULES.get(found.rule_id, found.message))
