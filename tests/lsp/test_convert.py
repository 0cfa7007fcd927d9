"""lint.lsp.convert: LSP positions in every encoding, diagnostics, fixes, suppressions, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types

from lint.config import Config
from lint.diagnostic import Diagnostic, Edit, Fix, Related, Severity
from lint.lsp import convert
from lint.runner import Linter
from lint.source import SourceText

URI = "file:///drafts/nova.md"
# Line 1: "Le 😀 marché" then the finding "a a"; CRLF endings throughout.
CRLF_EMOJI = "Titre\r\n\r\nLe marché 🚀😀 a a progressé.\r\n"
FINDING = CRLF_EMOJI.index("a a")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(root=Path.cwd()))


def finding(source: SourceText, **extra: object) -> Diagnostic:
    return Diagnostic.at(source, "style.repeated-word", Severity.WARNING, "repeated",
                         FINDING, FINDING + 3, **extra)


@pytest.mark.parametrize(("encoding", "expected"), [
    (None, "utf-16"), ("", "utf-16"), ("utf-8", "utf-8"), ("UTF-32", "utf-32"),
    (types.PositionEncodingKind.Utf32, "utf-32"), (types.PositionEncodingKind.Utf8, "utf-8"),
    ("latin-1", "utf-16"),
])
def test_column_unit(encoding: object, expected: str) -> None:
    assert convert.column_unit(encoding) == expected


@pytest.mark.parametrize(("unit", "start", "end"), [
    # "Le marché " is 10 code points (11 UTF-8 bytes); 🚀 and 😀 are 2 UTF-16 units and
    # 4 UTF-8 bytes each.
    ("utf-32", 13, 16),
    ("utf-16", 15, 18),
    ("utf-8", 20, 23),
])
def test_range_on_a_crlf_line_after_emoji(unit: str, start: int, end: int) -> None:
    source = SourceText(CRLF_EMOJI)
    assert convert.lsp_range(source, FINDING, FINDING + 3, unit) == {  # type: ignore[arg-type]
        "start": {"line": 2, "character": start}, "end": {"line": 2, "character": end}}
    # And back: the client's position gives the same offset.
    where = {"line": 2, "character": start}
    assert convert.offset_at(source, where, unit) == FINDING  # type: ignore[arg-type]


def test_the_end_of_a_crlf_line_is_before_the_cr() -> None:
    source = SourceText("ab\r\ncd")
    assert convert.position(source, 3) == {"line": 0, "character": 2}  # inside \r\n
    assert convert.position(source, 4) == {"line": 1, "character": 0}


def test_offset_at_clamps_and_rounds_inside_a_surrogate_pair() -> None:
    source = SourceText("a😀b\nz")
    assert convert.offset_at(source, {"line": 0, "character": 2}, "utf-16") == 2
    assert convert.offset_at(source, {"line": 0, "character": 99}, "utf-16") == 3
    assert convert.offset_at(source, {"line": 9, "character": 0}, "utf-16") == 4


def test_diagnostic_fields() -> None:
    source = SourceText(CRLF_EMOJI)
    found = finding(source, link="https://example.org/rules#repeated-word")
    assert convert.diagnostic(found, source, URI) == {
        "range": {"start": {"line": 2, "character": 15}, "end": {"line": 2, "character": 18}},
        "severity": 2,
        "code": "style.repeated-word",
        "codeDescription": {"href": "https://example.org/rules#repeated-word"},
        "source": "newslint",
        "message": "repeated",
    }
    assert "codeDescription" not in convert.diagnostic(finding(source), source, URI)


@pytest.mark.parametrize(("severity", "number"), [
    (Severity.ERROR, 1), (Severity.WARNING, 2), (Severity.INFO, 3), (Severity.HINT, 4)])
def test_severity(severity: Severity, number: int) -> None:
    source = SourceText("x")
    found = Diagnostic.at(source, "a.b", severity, "m", 0, 1)
    assert convert.diagnostic(found, source, URI)["severity"] == number


def test_related_information_in_the_same_document_and_in_others() -> None:
    source = SourceText("😀 First paragraph.\r\n\r\n😀 First paragraph.\r\n")
    second = source.text.rindex("😀")
    related = (Related(2, 18, "first occurrence"),
               Related(0, 3, "elsewhere", path="other.md"))
    found = Diagnostic.at(source, "editorial.repeated-paragraph", Severity.WARNING, "m",
                          second, second + 18, related=related)
    result = convert.diagnostic(found, source, URI)
    assert result["range"]["start"] == {"line": 2, "character": 0}
    assert result["relatedInformation"] == [{
        "location": {"uri": URI, "range": {"start": {"line": 0, "character": 3},
                                           "end": {"line": 0, "character": 19}}},
        "message": "first occurrence",
    }]  # the other file's text is unknown, so it is left out ...
    other = SourceText("ab😀")
    result = convert.diagnostic(found, source, URI, "utf-8", others={"other.md": other})
    assert result["relatedInformation"][1] == {
        "location": {"uri": convert.path_to_uri("other.md"),
                     "range": {"start": {"line": 0, "character": 0},
                               "end": {"line": 0, "character": 6}}},
        "message": "elsewhere",
    }  # ... unless given


def test_repeated_paragraph_points_at_the_first_one(linter: Linter) -> None:
    spec = next(s for s in linter.catalog.specs if s.id == "editorial.repeated-paragraph")
    text = "🚀 " + spec.fail_examples[0].text.replace("\n", "\r\n")
    source = SourceText(text)
    result = linter.lint_source(source, "draft.md", lang=spec.fail_examples[0].lang)
    found = next(d for d in result.diagnostics if d.rule_id == spec.id)
    lsp = convert.diagnostic(found, source, URI)
    assert lsp["range"]["start"] == {"line": 4, "character": 0}
    first = lsp["relatedInformation"][0]["location"]
    assert first == {"uri": URI, "range": {"start": {"line": 0, "character": 0},
                                           "end": {"line": 0, "character": len(
                                               source.line_text(0)) + 1}}}
    assert lsp["codeDescription"] == {"href": spec.link}


def test_fix_action_is_a_versioned_workspace_edit() -> None:
    source = SourceText(CRLF_EMOJI)
    fix = Fix("Remove the repeated 'a'", (Edit(FINDING + 1, FINDING + 3, ""),))
    found = finding(source, fixes=(fix,))
    lsp = convert.diagnostic(found, source, URI)
    action = convert.fix_action(fix, lsp, source, URI, "utf-16", version=7, versioned=True,
                                preferred=True)
    assert action == {
        "title": "Remove the repeated 'a'",
        "kind": "quickfix",
        "diagnostics": [lsp],
        "isPreferred": True,
        "edit": {"documentChanges": [{
            "textDocument": {"uri": URI, "version": 7},
            "edits": [{"range": {"start": {"line": 2, "character": 16},
                                 "end": {"line": 2, "character": 18}}, "newText": ""}],
        }]},
    }
    plain = convert.fix_action(fix, lsp, source, URI, "utf-32")
    assert plain["edit"] == {"changes": {URI: [{
        "range": {"start": {"line": 2, "character": 14}, "end": {"line": 2, "character": 16}},
        "newText": ""}]}}
    # Everything is plain JSON, and lsprotocol reads it as a CodeAction.
    json.dumps(action)
    from lsprotocol import converters

    assert converters.get_converter().structure(action, types.CodeAction).is_preferred


@pytest.mark.parametrize(("kind", "line", "inserted"), [
    ("markdown", "Plain line", "<!-- newslint disable-next-line r.x -->\r\n"),
    ("markdown", "  > > quoted", "  > > <!-- newslint disable-next-line r.x -->\r\n"),
    ("text", "\tindented > text", "\t<!-- newslint disable-next-line r.x -->\r\n"),
])
def test_disable_edit_inserts_a_line_above(kind: str, line: str, inserted: str) -> None:
    source = SourceText(f"first\r\n{line}\r\nlast")
    edit = convert.disable_edit(source, 1, "r.x", kind)
    assert edit == Edit(7, 7, inserted)


@pytest.mark.parametrize("path", ["draft.md", "draft.txt"])
def test_the_disable_action_silences_the_rule(linter: Linter, path: str) -> None:
    text = "Intro line here.\r\n\r\nThe 🚀 rally was was strong on Tuesday.\r\n"
    source = SourceText(text)
    found = next(d for d in linter.lint_source(source, path, lang="en").diagnostics
                 if d.rule_id == "style.repeated-word")
    kind = "markdown" if path.endswith(".md") else "text"
    lsp = convert.diagnostic(found, source, URI)
    action = convert.disable_action(found, lsp, source, URI, "utf-16", kind)
    assert action["title"] == "Disable style.repeated-word for this line"
    edit = convert.disable_edit(source, found.start.line, found.rule_id, kind)
    fixed = text[:edit.start] + edit.text + text[edit.end:]
    assert fixed.splitlines()[2] == "<!-- newslint disable-next-line style.repeated-word -->"
    after = linter.lint_source(SourceText(fixed), path, lang="en").diagnostics
    assert [d.rule_id for d in after] == [
        d.rule_id for d in linter.lint_source(source, path, lang="en").diagnostics
        if d.rule_id != "style.repeated-word"]


def test_rule_help_prefers_an_example_in_the_document_language(linter: Linter) -> None:
    spec = next(s for s in linter.catalog.specs if s.id == "editorial.hedging-gap")
    french = next(e for e in spec.fail_examples if e.lang == "fr")
    text = convert.rule_help(spec, "fr", Severity.ERROR)
    assert text.startswith("**editorial.hedging-gap** (error)\n\n" + spec.description.strip())
    assert f"> {french.text.strip()}" in text
    assert text.endswith(f"[More about editorial.hedging-gap]({spec.link})")
    assert f"> {spec.fail_examples[0].text.strip()}" in convert.rule_help(spec)


def test_uris() -> None:
    path = Path("/tmp/a folder/é.md")
    uri = convert.path_to_uri(str(path))
    assert uri == "file:///tmp/a%20folder/%C3%A9.md"
    assert convert.uri_to_path(uri) == str(path)
    assert convert.uri_to_path("untitled:Untitled-1") is None


def test_convert_does_not_import_pygls() -> None:
    import subprocess
    import sys

    code = ("import sys, lint.lsp.convert\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pygls', 'lsprotocol', 'cattrs') or m == 'lint.lsp.server'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
