"""`--format lsp`: LSP Diagnostic objects by file URI, for editor plugins that run the CLI."""

from __future__ import annotations

import json
from typing import Any

from lint.diagnostic import Diagnostic, FileResult, Severity
from lint.lsp import convert  # plain dicts only: no pygls on the check path
from lint.report import INPUT_ERROR, Reporter, Summary, file_uri, reporter
from lint.source import SourceText

# This module speaks the LSP shape as plain dicts: `newslint check` must not import
# pygls/lsprotocol (tests/test_cli.py). The mapping is the one the language server's
# converter uses: 0-based lines, UTF-16 characters, exclusive ends.
def lsp_diagnostic(uri: str, source: SourceText, d: Diagnostic) -> dict[str, Any]:
    """One LSP `Diagnostic`, exactly as the language server publishes it (UTF-16 columns);
    fixes ride along in `data.fixes` as LSP TextEdits for plugins that apply them, and the
    lexicon shape that made the finding, when known, in `data.shape`."""
    record = convert.diagnostic(d, source, uri)
    data: dict[str, Any] = {}
    if d.fixes:
        data["fixes"] = [
            {"title": fix.title, "edits": [convert.text_edit(e, source) for e in fix.edits]}
            for fix in d.fixes
        ]
    if d.shape:
        data["shape"] = d.shape
    if data:
        record["data"] = data
    return record


def input_error_diagnostic(result: FileResult) -> dict[str, Any]:
    """A file that could not be read, as an Error at the start of the line at fault.

    Character 0: without the decoded line the UTF-16 column of the bad byte is unknown,
    and the message already names its byte offset.
    """
    line = result.error_at.line if result.error_at else 0
    here = {"line": line, "character": 0}
    return {"range": {"start": here, "end": here}, "severity": convert.SEVERITY[Severity.ERROR],
            "code": INPUT_ERROR, "source": convert.SOURCE, "message": result.error or ""}


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
