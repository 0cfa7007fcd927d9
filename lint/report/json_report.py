"""JSON output: one array of diagnostics with 1-based, end-exclusive, code-point positions."""

from __future__ import annotations

import json
from typing import Any

from lint.diagnostic import Diagnostic, FileResult, Fix
from lint.report import Reporter, Summary, one_based, reporter
from lint.source import SourceText


def diagnostic_record(path: str, source: SourceText, d: Diagnostic) -> dict[str, Any]:
    """The documented JSON shape of one diagnostic (see README, "JSON output")."""
    line, column = one_based(d.start.line, d.start.column)
    end_line, end_column = one_based(d.end.line, d.end.column)
    record: dict[str, Any] = {
        "path": path, "line": line, "column": column, "end_line": end_line,
        "end_column": end_column, "rule": d.rule_id, "severity": d.severity.label,
        "message": d.message,
    }
    if d.related:
        record["related"] = [
            dict(zip(("line", "column"), one_based(*_pos(source, r.start))),
                 path=r.path or path, message=r.message)
            for r in d.related
        ]
    if d.fixes:
        record["fix"] = fix_record(source, d.fixes[0])
    return record


def fix_record(source: SourceText, fix: Fix) -> dict[str, Any]:
    edits = []
    for e in fix.edits:
        line, column = one_based(*_pos(source, e.start))
        end_line, end_column = one_based(*_pos(source, e.end))
        edits.append({"line": line, "column": column, "end_line": end_line,
                      "end_column": end_column, "text": e.text})
    return {"title": fix.title, "edits": edits}


def _pos(source: SourceText, offset: int) -> tuple[int, int]:
    p = source.position(offset)
    return p.line, p.column


@reporter
class JsonReporter(Reporter):
    name = "json"

    def start(self) -> None:
        self.records: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        if result.error:
            at = result.error_at
            line, column = one_based(at.line, at.column) if at else (1, 1)
            self.records.append({
                "path": result.path, "line": line, "column": column, "end_line": line,
                "end_column": column, "rule": "newslint.input-error", "severity": "error",
                "message": result.error,
            })
            self.err.write(f"{result.path}:{line}:{column}: error {result.error}\n")
            return
        assert result.source is not None
        self.records.extend(diagnostic_record(result.path, result.source, d) for d in result.diagnostics)

    def finish(self, summary: Summary) -> None:
        json.dump(self.records, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
