"""`--format lsp`: LSP Diagnostic objects keyed by file URI, 0-based with UTF-16 characters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import render_report

from lint.diagnostic import Diagnostic, Edit, FileResult, Fix, Position, Related, Severity
from lint.report import INPUT_ERROR, file_uri
from lint.source import SourceText

# Astral emoji before each finding (2 UTF-16 units each) and CRLF line endings.
TEXT = "Wow 😀 the the end.\r\n👩‍💻 See line one again.\r\n"


def render(results: list[FileResult]) -> dict[str, list[dict[str, Any]]]:
    return json.loads(render_report("lsp", results))


def rng(line: int, character: int, end_line: int, end_character: int) -> dict[str, Any]:
    return {"start": {"line": line, "character": character},
            "end": {"line": end_line, "character": end_character}}


@pytest.fixture(autouse=True)
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def result() -> FileResult:
    source = SourceText(TEXT)
    the_the, again = TEXT.index("the the"), TEXT.index("again")
    return FileResult("drafts/a.md", source, [
        Diagnostic.at(source, "style.repeated-word", Severity.WARNING, "Repeated.", the_the,
                      the_the + 7, link="https://example.org/rules#repeated-word",
                      fixes=(Fix("Remove it", (Edit(the_the + 3, the_the + 7, ""),)),)),
        Diagnostic.at(source, "house.echo", Severity.INFO, "Said twice.", again, again + 5,
                      related=(Related(the_the, the_the + 7, "first said here"),)),
        Diagnostic.at(source, "house.err", Severity.ERROR, "e", 0, 3),
        Diagnostic.at(source, "house.hint", Severity.HINT, "h", 0, 3),
    ])


def test_keys_are_file_uris_and_diagnostics_are_lsp_shaped(cwd: Path, result: FileResult
                                                           ) -> None:
    files = render([result])
    uri = (cwd / "drafts" / "a.md").as_uri()
    assert list(files) == [uri]
    repeated, echo, error, hint = files[uri]
    # "Wow 😀 " is 6 code points, 7 UTF-16 units: "the the" is characters 7..14.
    assert repeated == {
        "range": rng(0, 7, 0, 14),
        "severity": 2,
        "code": "style.repeated-word",
        "codeDescription": {"href": "https://example.org/rules#repeated-word"},
        "source": "newslint",
        "message": "Repeated.",
        "data": {"fixes": [{"title": "Remove it",
                            "edits": [{"range": rng(0, 10, 0, 14), "newText": ""}]}]},
    }
    # "👩‍💻 See line one " is 17 code points, 19 UTF-16 units (a ZWJ sequence).
    assert echo == {
        "range": rng(1, 19, 1, 24),
        "severity": 3,
        "code": "house.echo",
        "source": "newslint",
        "message": "Said twice.",
        "relatedInformation": [{"location": {"uri": uri, "range": rng(0, 7, 0, 14)},
                                "message": "first said here"}],
    }
    line = TEXT.split("\r\n")[1].encode("utf-16-le")
    assert line[19 * 2:24 * 2].decode("utf-16-le") == "again"
    assert (error["severity"], hint["severity"]) == (1, 4)
    assert "codeDescription" not in echo  # no link, no codeDescription


def test_clean_files_map_to_an_empty_list(cwd: Path, result: FileResult) -> None:
    clean = FileResult("clean.md", SourceText("ok\n"), [])
    files = render([clean, result])
    assert files[(cwd / "clean.md").as_uri()] == []
    assert list(files)[0] == (cwd / "clean.md").as_uri()  # in the order linted


def test_uris_are_absolute_and_percent_encoded(cwd: Path) -> None:
    clean = [FileResult(p, SourceText("ok\n"), [])
             for p in ("my drafts/été #1.md", str(cwd / "x" / ".." / "b:c.md"), "-")]
    assert list(render(clean)) == [
        cwd.as_uri() + "/my%20drafts/%C3%A9t%C3%A9%20%231.md",
        cwd.as_uri() + "/b%3Ac.md",  # normalised, ":" encoded as VS Code does
        "untitled:stdin",  # standard input read without --stdin-filename
    ]
    assert file_uri("a.md") == cwd.as_uri() + "/a.md"


def test_input_errors_are_error_diagnostics_at_the_line(cwd: Path) -> None:
    bad = FileResult("bad.md", None, error="not valid UTF-8 at byte offset 9: invalid start "
                     "byte", error_at=Position(1, 2))
    gone = FileResult("gone.md", None, error="no such file or directory")
    files = render([bad, gone])
    assert files[(cwd / "bad.md").as_uri()] == [
        {"range": rng(1, 0, 1, 0), "severity": 1, "code": INPUT_ERROR, "source": "newslint",
         "message": bad.error}]
    assert files[(cwd / "gone.md").as_uri()][0]["range"] == rng(0, 0, 0, 0)


def test_empty_run_is_an_empty_object() -> None:
    assert render([]) == {}


def test_diagnostics_round_trip_through_lsprotocol(result: FileResult) -> None:
    """The dicts are what an LSP client accepts: lsprotocol structures them unchanged."""
    lsprotocol = pytest.importorskip("lsprotocol")
    from lsprotocol import converters, types

    assert lsprotocol  # the CLI path never imports it; only this test does
    converter = converters.get_converter()
    [diagnostics] = render([result]).values()
    for record in diagnostics:
        structured = converter.structure(record, types.Diagnostic)
        assert converter.unstructure(structured, types.Diagnostic) == record


def test_same_mapping_as_the_language_server(cwd: Path, result: FileResult) -> None:
    """`--format lsp` and `newslint lsp` must agree on every field they both send."""
    convert = pytest.importorskip("lint.lsp.convert")
    if not hasattr(convert, "diagnostic"):
        pytest.skip("lint.lsp.convert has no diagnostic() yet")
    [(uri, ours)] = render([result]).items()
    assert result.source is not None
    theirs = [convert.diagnostic(d, result.source, uri) for d in result.diagnostics]
    # `data.fixes` is extra here: the server answers code actions itself.
    assert [{k: v for k, v in d.items() if k != "data"} for d in ours] == theirs
