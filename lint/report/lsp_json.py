"""`--format lsp`: LSP Diagnostic objects by file URI, for editor plugins that run the CLI."""

from __future__ import annotations

import json
from typing import Any

from lint.diagnostic import Diagnostic, Edit, FileResult, Position, Severity
from lint.report import INPUT_ERROR, Reporter, Summary, coordinates, file_uri, reporter
from lint.source import SourceText

# This module speaks the LSP shape as plain dicts: `newslint check` must not import
# pygls/lsprotocol (tests/test_cli.py). The mapping is the one the language server's
# converter uses: 0-based lines, UTF-16 characters, exclusive ends.
SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3, Severity.HINT: 4}
"""LSP DiagnosticSeverity: Error 1, Warning 2, Information 3, Hint 4."""
SOURCE = "newslint"


def lsp_range(source: SourceText, start: Position, end: Position) -> dict[str, Any]:
    line, character = coordinates(source, start, "utf-16", base=0)
    end_line, end_character = coordinates(source, end, "utf-16", base=0)
    return {"start": {"line": line, "character": character},
            "end": {"line": end_line, "character": end_character}}


def _offsets_range(source: SourceText, start: int, end: int) -> dict[str, Any]:
    return lsp_range(source, source.position(start), source.position(end))


def lsp_diagnostic(uri: str, source: SourceText, d: Diagnostic) -> dict[str, Any]:
    """One LSP `Diagnostic`; fixes ride along in `data.fixes` as LSP TextEdits."""
    record: dict[str, Any] = {
        "range": lsp_range(source, d.start, d.end),
        "severity": SEVERITY[d.severity],
        "code": d.rule_id,
    }
    if d.link:
        record["codeDescription"] = {"href": d.link}
    record["source"] = SOURCE
    record["message"] = d.message
    if d.related:
        record["relatedInformation"] = [
            # Related offsets index this document (see lint.diagnostic.Related).
            {"location": {"uri": file_uri(r.path) if r.path else uri,
                          "range": _offsets_range(source, r.start, r.end)},
             "message": r.message}
            for r in d.related
        ]
    if d.fixes:
        record["data"] = {"fixes": [
            {"title": fix.title, "edits": [_text_edit(source, e) for e in fix.edits]}
            for fix in d.fixes
        ]}
    return record


def _text_edit(source: SourceText, edit: Edit) -> dict[str, Any]:
    return {"range": _offsets_range(source, edit.start, edit.end), "newText": edit.text}


def input_error_diagnostic(result: FileResult) -> dict[str, Any]:
    """A file that could not be read, as an Error at the start of the line at fault.

    Character 0: without the decoded line the UTF-16 column of the bad byte is unknown,
    and the message already names its byte offset.
    """
    line = result.error_at.line if result.error_at else 0
    here = {"line": line, "character": 0}
    return {"range": {"start": here, "end": here}, "severity": SEVERITY[Severity.ERROR],
            "code": INPUT_ERROR, "source": SOURCE, "message": result.error or ""}


@reporter
class LspJsonReporter(Reporter):
    name = "lsp"

    def start(self) -> None:
        self.files: dict[str, list[dict[str, Any]]] = {}

    def file(self, result: FileResult) -> None:
        uri = file_uri(result.path)
        # Every file gets its key, [] when clean, so a plugin can clear stale diagnostics.
        diagnostics = self.files.setdefault(uri, [])
        if result.error is not None or result.source is None:
            diagnostics.append(input_error_diagnostic(result))
            return
        diagnostics.extend(lsp_diagnostic(uri, result.source, d) for d in result.diagnostics)

    def finish(self, summary: Summary) -> None:
        json.dump(self.files, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
