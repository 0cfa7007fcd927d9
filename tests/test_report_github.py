"""GitHub annotations: one workflow command per diagnostic, escaping, levels, `--format auto`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import render_report

from lint import report
from lint.diagnostic import Diagnostic, FileResult, Position, Severity
from lint.report import INPUT_ERROR, choose_format
from lint.report.github import escape_data, escape_property
from lint.source import SourceText

# An astral emoji before the finding and CRLF endings: columns stay code points.
TEXT = "Wow 😀 the the end.\r\nSee line one again.\r\n"


def render(results: list[FileResult]) -> list[str]:
    text = render_report("github", results)
    assert text.endswith("\n") or text == ""
    return text.splitlines()


def diagnostic(source: SourceText, rule: str, severity: Severity, start: int, end: int,
               message: str = "m") -> Diagnostic:
    return Diagnostic.at(source, rule, severity, message, start, end)


@pytest.fixture(autouse=True)
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_one_command_per_diagnostic_with_code_point_columns() -> None:
    source = SourceText(TEXT)
    the_the, again = TEXT.index("the the"), TEXT.index("again")
    lines = render([FileResult("drafts/a.md", source, [
        diagnostic(source, "style.repeated-word", Severity.WARNING, the_the, the_the + 7,
                   "Repeated word: 'the the'."),
        diagnostic(source, "house.echo", Severity.INFO, again, again + 5),
    ])])
    # "Wow 😀 " is 6 code points: "the the" is columns 7..14 (end exclusive).
    assert lines == [
        "::warning file=drafts/a.md,line=1,col=7,endLine=1,endColumn=14,"
        "title=style.repeated-word::Repeated word: 'the the'.",
        "::notice file=drafts/a.md,line=2,col=14,endLine=2,endColumn=19,title=house.echo::m",
    ]
    assert TEXT.split("\r\n")[0][7 - 1:14 - 1] == "the the"


@pytest.mark.parametrize(("severity", "command"), [
    (Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice"),
    (Severity.HINT, "notice"),
])
def test_levels(severity: Severity, command: str) -> None:
    source = SourceText("abc\n")
    [line] = render([FileResult("a.md", source, [diagnostic(source, "h.r", severity, 0, 3)])])
    assert line.startswith(f"::{command} file=a.md,line=1,col=1,endLine=1,endColumn=4,")


def test_multi_line_span_drops_columns() -> None:
    # GitHub accepts col/endColumn only when line == endLine.
    source = SourceText(TEXT)
    start, end = TEXT.index("end."), TEXT.index("line")
    [line] = render([FileResult("a.md", source, [
        diagnostic(source, "h.r", Severity.WARNING, start, end)])])
    assert line == "::warning file=a.md,line=1,endLine=2,title=h.r::m"


def test_escaping() -> None:
    assert escape_data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad"
    assert escape_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad"
    assert escape_data("%0A") == "%250A"  # "%" first, so nothing is decoded twice
    source = SourceText("abc\n")
    [line] = render([FileResult("dir,x/a:b%.md", source, [
        diagnostic(source, "h.r", Severity.ERROR, 0, 1, "Say 'x': 50%,\nthen y.")])])
    assert line == ("::error file=dir%2Cx/a%3Ab%25.md,line=1,col=1,endLine=1,endColumn=2,"
                    "title=h.r::Say 'x': 50%25,%0Athen y.")


def test_paths_relative_to_the_workspace(cwd: Path, tmp_path_factory) -> None:
    source = SourceText("abc\n")
    inside = str(cwd / "sub" / "a.md")
    outside = str(tmp_path_factory.mktemp("elsewhere") / "b.md")
    lines = render([FileResult(p, source, [diagnostic(source, "h.r", Severity.ERROR, 0, 1)])
                    for p in (inside, outside)])
    assert lines[0].startswith("::error file=sub/a.md,")
    assert lines[1].startswith(f"::error file={escape_property(outside)},")


def test_input_errors_are_error_annotations() -> None:
    bad = FileResult("bad.md", None, error="not valid UTF-8 at byte offset 9: invalid start "
                     "byte", error_at=Position(1, 2))
    gone = FileResult("gone.md", None, error="no such file or directory")
    assert render([bad, gone]) == [
        f"::error file=bad.md,line=2,col=3,title={INPUT_ERROR}::{bad.error}",
        f"::error file=gone.md,title={INPUT_ERROR}::no such file or directory",
    ]


def test_clean_run_prints_nothing() -> None:
    assert render([FileResult("a.md", SourceText("ok\n"), [])]) == []


def test_auto_is_github_under_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert choose_format("auto") == "github"
    assert report.is_available("github")
    assert choose_format("text") == "text"  # an explicit format wins


@pytest.mark.parametrize("value", [None, "", "false", "1", "TRUE"])
def test_auto_is_text_elsewhere(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    else:
        monkeypatch.setenv("GITHUB_ACTIONS", value)
    assert choose_format("auto") == "text"
