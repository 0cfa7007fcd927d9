"""HTML and Word drafts: prose from the body, positions in the HTML source or as paragraph
numbers, the same document model as Markdown and plain text."""

from __future__ import annotations

import json
import shutil

import pytest

from lint.document.builder import build_document
from lint.source import SourceText
from tests.conftest import run_cli

PAGE = """<!DOCTYPE html>
<html><head><title>Solara will definitely win</title>
<script>var x = "Analysts say it will double";</script></head>
<body>
<nav><a href="/">Analysts say it will double</a></nav>
<article>
<h1>Solara&nbsp;news</h1>
<p>Analysts say Bitcoin will hit $200,000 next year.
The council met the the mayor.</p>
<!-- newslint disable-next-line -->
<p>Solara is going to become the default payments layer for online merchants.</p>
<p>Caf&eacute; owners &amp; staff are going to become the default payments layer.</p>
<pre>the the</pre>
</article>
</body></html>
"""


def test_html_blocks_map_back_to_the_source():
    doc = build_document(SourceText(PAGE), "page.html")
    assert doc.kind == "html"
    prose = [(b.scope, b.text) for b in doc.blocks if b.is_prose]
    assert prose == [
        (("heading", "h1"), "Solara\xa0news"),
        (("paragraph",), "Analysts say Bitcoin will hit $200,000 next year. "
                         "The council met the the mayor."),
        (("paragraph",), "Solara is going to become the default payments layer for "
                         "online merchants."),
        (("paragraph",), "Café owners & staff are going to become the default payments "
                         "layer."),
    ]
    # Every verbatim run of every block is the source text it claims to be.
    for block in doc.blocks:
        for run in block.projection.runs:
            if run.verbatim:
                text = block.text[run.text_start:run.text_start + run.text_len]
                assert PAGE[run.source_start:run.source_start + run.source_len] == text


def test_html_findings_point_into_the_html_source(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run_cli("check", "--no-color", "page.html")
    assert out.splitlines() == [
        "page.html:8:4: warning editorial.vague-attribution Vague attribution (weasel "
        "words): \"Analysts say\" is the only source of this claim; name the source.",
        "page.html:8:25: warning editorial.hedging-gap \"will\" states a prediction as "
        "certain, with no hedge and no source: hedge it (may, is expected to) or attribute it.",
        "page.html:9:17: warning style.repeated-word Repeated word: 'the the'.",
        "page.html:12:35: warning editorial.hedging-gap \"are going to\" states a prediction "
        "as certain, with no hedge and no source: hedge it (may, is expected to) or "
        "attribute it.",
        "4 problems (4 warnings) in 1 file.",
    ]
    assert status == 1


def test_html_included_by_configuration_is_linted_when_walking(tmp_path, monkeypatch):
    (tmp_path / ".newslint.yaml").write_text('files: {include: ["**/*.html"]}\n',
                                             encoding="utf-8")
    (tmp_path / "cms").mkdir()
    (tmp_path / "cms" / "page.html").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("check", "--format", "json", ".")
    assert {d["path"] for d in json.loads(out)} == {"cms/page.html"}
    assert len(json.loads(out)) == 4


@pytest.fixture
def word_draft(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Council news", 1)
    document.add_paragraph("")
    document.add_paragraph("The council met the the mayor on Monday.")
    document.add_paragraph("Analysts say Bitcoin will hit $200,000 next year.")
    path = tmp_path / "draft.docx"
    document.save(str(path))
    return path


def test_word_findings_give_paragraph_numbers(word_draft, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    shutil.copy(word_draft, tmp_path / "notes" / "copy.docx")
    (tmp_path / ".newslint.yaml").write_text('files: {include: ["**/*.docx"]}\n',
                                             encoding="utf-8")
    status, out, _ = run_cli("check", "--no-color", "draft.docx")
    assert out.splitlines()[:2] == [
        "draft.docx:¶2:17: warning style.repeated-word Repeated word: 'the the'.",
        "draft.docx:¶3:1: warning editorial.vague-attribution Vague attribution (weasel "
        "words): \"Analysts say\" is the only source of this claim; name the source.",
    ]
    _, out, _ = run_cli("check", "--format", "json", ".")
    # Walking a folder finds Word documents (zip files) too, when included.
    assert {(d["path"], d["line"]) for d in json.loads(out)} >= {("notes/copy.docx", 2),
                                                                 ("draft.docx", 3)}


def test_word_documents_are_never_rewritten(word_draft, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = word_draft.read_bytes()
    status, _, err = run_cli("check", "--fix", "draft.docx")
    assert word_draft.read_bytes() == before
    assert "draft.docx: note: Word documents are not fixed" in err


def test_a_broken_word_document_is_an_input_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "a.md").write_text("The the cat.\n", encoding="utf-8")
    status, out, err = run_cli("check", "bad.docx", "a.md")
    assert status == 2
    assert err.startswith("bad.docx: error: not a readable Word document")
    assert "a.md:1:1: warning style.repeated-word" in out
