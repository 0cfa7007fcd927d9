"""Shared test helpers: build a rule and lint a snippet, run the CLI in-process, render a reporter."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import pytest

from lint.cli import main
from lint.diagnostic import Diagnostic, FileResult
from lint.document.builder import build_document
from lint.engine import ActiveRule, Ruleset, run
from lint.report import Summary, load_reporter
from lint.rulespec import RuleSpec, rule_from_mapping
from lint.source import SourceText


def make_rule(type_name: str, rule_id: str = "test.rule", **fields: Any) -> RuleSpec:
    """A RuleSpec of `type_name`; `fields` are any rule-file keys (options, message, ...)."""
    data = {"type": type_name, "message": "{match}", **fields}
    return rule_from_mapping(data, rule_id)


def lint_snippet(
    text: str, *rules: RuleSpec, kind: str = "markdown", lang: str | None = "en"
) -> list[Diagnostic]:
    """Diagnostics of `rules` (default severities and options) on `text`."""
    path = "snippet.md" if kind == "markdown" else "snippet.txt"
    document = build_document(SourceText(text), path, kind=kind, default_lang=lang)
    return run(document, Ruleset([ActiveRule(r, r.severity) for r in rules]))


def spans(diagnostics: Iterable[Diagnostic]) -> list[tuple[str, int, int]]:
    """(rule_id, start, end) of each diagnostic, in code-point offsets: what tables compare."""
    return [(d.rule_id, d.offset, d.end_offset) for d in diagnostics]


@pytest.fixture(scope="session", autouse=True)
def _private_pattern_store(tmp_path_factory):
    """The suite's own compiled-pattern store (lint/regex_programs.py), for this process
    and the newslint processes it starts: thousands of test-only patterns must not fill
    the user's ~/.cache/newslint store and push out the programs of their real runs."""
    patch = pytest.MonkeyPatch()
    patch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path_factory.mktemp("pattern-store")))
    yield
    patch.undo()


@pytest.fixture
def write(tmp_path):
    """write("a/b.yaml", text) creates the file under tmp_path and returns its path."""

    def _write(relative: str, text: str):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def run_cli(*argv: str, stdin: bytes = b"", stdout: io.StringIO | None = None) -> tuple[int, str, str]:
    """`newslint ARGV...` in this process: (exit status, stdout, stderr)."""
    out, err = stdout or io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err, stdin=io.BytesIO(stdin))
    return status, out.getvalue(), err.getvalue()


def render_report(name: str, results: Iterable[FileResult], **options: Any) -> str:
    """What reporter `name` writes for `results`, driven as the CLI drives it."""
    out = io.StringIO()
    reporter = load_reporter(name)(out, **options)
    summary = Summary()
    reporter.start()
    for result in results:
        reporter.file(result)
        summary.add(result)
    reporter.finish(summary)
    return out.getvalue()
