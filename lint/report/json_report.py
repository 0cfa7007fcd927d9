"""JSON output: one array of diagnostics, positions 1-based, end-exclusive, in code points."""

from __future__ import annotations

import json
from typing import Any

from lint.diagnostic import Diagnostic, FileResult, Fix, Related
from lint.report import INPUT_ERROR, Reporter, Summary, coordinates, one_based, reporter
from lint.source import SourceText
from lint.waivers import EXTERNAL, IN_SOURCE, Waiver

_POSITION = {"type": "integer", "minimum": 1}
SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["path", "line", "column", "end_line", "end_column", "rule", "severity",
                     "message"],
        "additionalProperties": False,
        "properties": {
            "path": {"type": "string"},
            "line": _POSITION,
            "column": _POSITION,
            "end_line": _POSITION,
            "end_column": _POSITION,
            "rule": {"type": "string", "pattern": r"^[\w-]+(\.[\w-]+)+$"},
            "severity": {"enum": ["error", "warning", "info", "hint"]},
            "message": {"type": "string"},
            "shape": {"type": "string"},
            "waiver": {
                "type": "object",
                "required": ["kind", "reason", "where"],
                "additionalProperties": False,
                "properties": {"kind": {"enum": [EXTERNAL, IN_SOURCE]},
                               "reason": {"type": "string"}, "by": {"type": "string"},
                               "date": {"type": "string"}, "files": {"type": "string"},
                               "text": {"type": "string"}, "where": {"type": "string"}},
            },
            "related": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["path", "line", "column", "end_line", "end_column", "message"],
                    "additionalProperties": False,
                    "properties": {"path": {"type": "string"}, "line": _POSITION,
                                   "column": _POSITION, "end_line": _POSITION,
                                   "end_column": _POSITION, "message": {"type": "string"}},
                },
            },
            "fix": {
                "type": "object",
                "required": ["title", "edits"],
                "additionalProperties": False,
                "properties": {
                    "title": {"type": "string"},
                    "edits": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["line", "column", "end_line", "end_column", "text"],
                            "additionalProperties": False,
                            "properties": {"line": _POSITION, "column": _POSITION,
                                           "end_line": _POSITION, "end_column": _POSITION,
                                           "text": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}
"""JSON Schema of the output (the README documents it; tests validate against it)."""


def diagnostic_record(path: str, source: SourceText, d: Diagnostic) -> dict[str, Any]:
    """The documented JSON shape of one diagnostic.

    Keys: path, line, column, end_line, end_column, rule, severity, message, and, only
    when known, `shape` (the named lexicon shape that fired), `related` (list) and
    `fix` (the first fix the rule offers).
    """
    line, column = coordinates(source, d.start)
    end_line, end_column = coordinates(source, d.end)
    record: dict[str, Any] = {
        "path": path, "line": line, "column": column,
        "end_line": end_line, "end_column": end_column,
        "rule": d.rule_id, "severity": d.severity.label, "message": d.message,
    }
    if d.shape:
        record["shape"] = d.shape
    if d.related:
        record["related"] = [related_record(path, source, r) for r in d.related]
    if d.fixes:
        record["fix"] = fix_record(source, d.fixes[0])
    return record


def related_record(path: str, source: SourceText, related: Related) -> dict[str, Any]:
    # Related offsets index the diagnostic's own document; a related place in another
    # file would need that file's text, which no rule produces today.
    line, column, end_line, end_column = _span(source, related.start, related.end)
    return {"path": related.path or path, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column, "message": related.message}


def fix_record(source: SourceText, fix: Fix) -> dict[str, Any]:
    edits = []
    for edit in fix.edits:
        line, column, end_line, end_column = _span(source, edit.start, edit.end)
        edits.append({"line": line, "column": column, "end_line": end_line,
                      "end_column": end_column, "text": edit.text})
    return {"title": fix.title, "edits": edits}


def file_entries(result: FileResult) -> list[tuple[Diagnostic, Waiver | None]]:
    """A linted file's findings and waived findings (with their waiver), in document order."""
    entries: list[tuple[Diagnostic, Waiver | None]] = [(d, None) for d in result.diagnostics]
    entries += [(w.diagnostic, w.waiver) for w in result.waived]
    entries.sort(key=lambda entry: entry[0].sort_key)
    return entries


def entry_record(result: FileResult, diagnostic: Diagnostic, waiver: Waiver | None
                 ) -> dict[str, Any]:
    """One JSON record; a waived finding carries a `waiver` key (what, why, by whom)."""
    assert result.source is not None
    record = diagnostic_record(result.path, result.source, diagnostic)
    if waiver is not None:
        record["waiver"] = waiver.record()
    return record


def file_records(result: FileResult) -> list[dict[str, Any]]:
    """The records of a linted file in document order, waived findings included."""
    return [entry_record(result, d, w) for d, w in file_entries(result)]


def error_record(result: FileResult) -> dict[str, Any]:
    """A file that could not be read, as a record of the same shape (rule newslint.input-error)."""
    at = result.error_at
    line, column = one_based(at.line, at.column) if at else (1, 1)
    return {"path": result.path, "line": line, "column": column, "end_line": line,
            "end_column": column, "rule": INPUT_ERROR, "severity": "error",
            "message": result.error}


def _span(source: SourceText, start: int, end: int) -> tuple[int, int, int, int]:
    return (*coordinates(source, source.position(start)),
            *coordinates(source, source.position(end)))


@reporter
class JsonReporter(Reporter):
    name = "json"

    def start(self) -> None:
        self.records: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        if result.error is not None or result.source is None:
            self.records.append(error_record(result))
            return
        self.records.extend(file_records(result))

    def finish(self, summary: Summary) -> None:
        json.dump(self.records, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
