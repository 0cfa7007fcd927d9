"""Reporter output: text lines and summary, the JSON schema, 1-based code-point positions."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import render_report

from lint import report
from lint.diagnostic import Diagnostic, Edit, FileResult, Fix, Position, Related, Severity
from lint.report import (
    INPUT_ERROR,
    ReporterUnavailable,
    Summary,
    choose_format,
    load_reporter,
    one_based,
)
from lint.report.json_report import SCHEMA as JSON_SCHEMA
from lint.source import SourceText

# Line 1 holds an astral emoji (2 UTF-16 units, 4 UTF-8 bytes, 1 code point); the lines
# end in CRLF, which must not shift columns or lines.
TEXT = "Wow 😀 the the end.\r\nSee line one 🎉 again.\r\n"


def _diagnostic(source: SourceText, rule: str, severity: Severity, start: int, end: int,
                **extra: object) -> Diagnostic:
    return Diagnostic.at(source, rule, severity, f"{rule} message", start, end, **extra)


@pytest.fixture
def result() -> FileResult:
    source = SourceText(TEXT)
    the_the = TEXT.index("the the")
    again = TEXT.index("again")
    return FileResult("draft.md", source, [
        _diagnostic(source, "style.repeated-word", Severity.WARNING, the_the, the_the + 7,
                    fixes=(Fix("Remove the repeated 'the'",
                                (Edit(the_the + 3, the_the + 7, ""),)),)),
        _diagnostic(source, "house.echo", Severity.INFO, again, again + 5,
                    related=(Related(the_the, the_the + 7, "first said here"),)),
    ])


def _render(name: str, results: list[FileResult], *, color: bool = False) -> str:
    return render_report(name, results, color=color)


def test_one_based_is_the_only_offset() -> None:
    assert one_based(0, 0) == (1, 1)


def test_text_lines_use_code_point_columns(result: FileResult) -> None:
    lines = _render("text", [result]).splitlines()
    # "Wow 😀 " is 6 code points, so "the" starts in column 7 (it would be 8 in UTF-16).
    assert lines[0] == "draft.md:1:7: warning style.repeated-word style.repeated-word message"
    assert lines[1] == "draft.md:2:16: info house.echo house.echo message"
    assert lines[2] == "2 problems (1 warning, 1 info) in 1 file."


def test_text_colour_only_when_asked(result: FileResult) -> None:
    plain = _render("text", [result])
    painted = _render("text", [result], color=True)
    assert "\x1b[" not in plain
    assert "\x1b[33mwarning\x1b[0m" in painted
    assert painted.replace("\x1b[33m", "").replace("\x1b[36m", "").replace(
        "\x1b[1m", "").replace("\x1b[0m", "") == plain


@pytest.mark.parametrize(("counts", "files", "errors", "expected"), [
    ({}, 1, 0, "No problems in 1 file."),
    ({}, 0, 0, "No problems in 0 files."),
    ({Severity.ERROR: 1}, 2, 0, "1 problem (1 error) in 2 files."),
    ({Severity.WARNING: 2, Severity.INFO: 2, Severity.HINT: 1}, 3, 0,
     "5 problems (2 warnings, 2 info, 1 hint) in 3 files."),
    ({}, 1, 2, "No problems in 1 file. 2 files could not be read."),
])
def test_summary_line(counts: dict[Severity, int], files: int, errors: int,
                      expected: str) -> None:
    from lint.report.text import summary_line

    summary = Summary(files=files, input_errors=errors)
    summary.counts.update(counts)
    assert summary_line(summary) == expected


def test_json_records(result: FileResult) -> None:
    records = json.loads(_render("json", [result]))
    jsonschema.validate(records, JSON_SCHEMA)
    assert records == [
        {"path": "draft.md", "line": 1, "column": 7, "end_line": 1, "end_column": 14,
         "rule": "style.repeated-word", "severity": "warning",
         "message": "style.repeated-word message",
         "fix": {"title": "Remove the repeated 'the'",
                 "edits": [{"line": 1, "column": 10, "end_line": 1, "end_column": 14,
                            "text": ""}]}},
        {"path": "draft.md", "line": 2, "column": 16, "end_line": 2, "end_column": 21,
         "rule": "house.echo", "severity": "info", "message": "house.echo message",
         "related": [{"path": "draft.md", "line": 1, "column": 7, "end_line": 1,
                      "end_column": 14, "message": "first said here"}]},
    ]


def test_json_end_column_is_exclusive_at_end_of_line() -> None:
    source = SourceText("Ends here\r\nnext\n")
    d = _diagnostic(source, "house.x", Severity.ERROR, 5, 9)
    [record] = json.loads(_render("json", [FileResult("a.txt", source, [d])]))
    # The span "here" ends before the CRLF: columns 6..10 (exclusive), same line.
    assert (record["line"], record["column"], record["end_line"], record["end_column"]) == (
        1, 6, 1, 10)


def test_json_empty_run_is_an_empty_array() -> None:
    assert json.loads(_render("json", [])) == []


def test_input_errors_are_json_records_and_not_text_lines(result: FileResult) -> None:
    bad = FileResult("bad.txt", None, error="not valid UTF-8 at byte offset 9: invalid "
                     "start byte", error_at=Position(1, 2))
    missing = FileResult("gone.md", None, error="no such file or directory")
    records = json.loads(_render("json", [bad, missing, result]))
    jsonschema.validate(records, JSON_SCHEMA)
    assert records[0] == {"path": "bad.txt", "line": 2, "column": 3, "end_line": 2,
                          "end_column": 3, "rule": INPUT_ERROR, "severity": "error",
                          "message": bad.error}
    assert (records[1]["path"], records[1]["line"], records[1]["column"]) == ("gone.md", 1, 1)
    text = _render("text", [bad, missing, result])
    assert "bad.txt" not in text  # the CLI writes input errors to standard error
    assert text.endswith("2 problems (1 warning, 1 info) in 1 file. 2 files could not be "
                         "read.\n")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ReporterUnavailable, match="unknown output format"):
        load_reporter("yaml")


def test_format_without_its_module_is_not_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(report.REPORTER_MODULES, "sarif", "lint.report._not_written_yet")
    monkeypatch.delitem(report.REPORTERS, "sarif", raising=False)
    with pytest.raises(ReporterUnavailable, match="--format sarif is not available yet"):
        load_reporter("sarif")


def test_auto_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert choose_format("auto") == "text"
    assert choose_format("json") == "json"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setattr(report, "is_available", lambda name: True)
    assert choose_format("auto") == "github"
    # Until the GitHub reporter exists, `auto` must still produce output.
    monkeypatch.setattr(report, "is_available", lambda name: False)
    assert choose_format("auto") == "text"
