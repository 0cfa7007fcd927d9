"""Plain-text drafts: blank-line paragraphs, CMS exports one paragraph per line, headlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.document import Document
from lint.document.builder import build_document
from lint.source import SourceText

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "documents"
SEED = HERE.parent / "examples" / "seed-fr.txt"
DEV = HERE.parent.parent / "shared" / "eval" / "dev"


def _doc(text: str, path: str = "draft.txt") -> Document:
    return build_document(SourceText(text), path)


def _lines(doc: Document) -> list[tuple[int, int]]:
    """(first, last) 1-based source lines of each block."""
    return [
        (doc.source.position(b.start).line + 1, doc.source.position(b.end).line + 1)
        for b in doc.blocks
    ]


def test_seed_has_one_block_per_non_blank_line() -> None:
    source = SourceText.decode(SEED.read_bytes())
    doc = build_document(source, str(SEED))
    assert doc.kind == "text" and doc.lang == "fr"
    blocks_by_line = {doc.source.position(b.start).line + 1: b for b in doc.blocks}
    non_blank = [n for n in range(1, source.line_count + 1) if source.line_text(n - 1).strip()]
    assert sorted(blocks_by_line) == non_blank
    assert all(first == last for first, last in _lines(doc))
    for line in range(1, 70):
        block = blocks_by_line[line]
        assert block.text == source.line_text(line - 1).strip()
        assert doc.source.position(block.start).column == 0
    assert not source.line_text(69).strip()  # the one blank line, near the end
    assert blocks_by_line[65].scope == ("byline",)  # "Writer @Ethan"
    assert blocks_by_line[1].scope == ("paragraph",)  # a full sentence, not a headline
    assert [blocks_by_line[n].text for n in (71, 72, 73)] == [
        "Finance", "Partager", "Partager cet article"]


def test_cms_export_fixture_is_one_paragraph_per_line() -> None:
    doc = build_document(SourceText.decode((FIXTURES / "cms-export.txt").read_bytes()),
                         "cms-export.txt")
    assert _lines(doc) == [(n, n) for n in range(1, 7)]
    assert [b.scope for b in doc.blocks] == [("paragraph",)] * 4 + [("byline",), ("paragraph",)]
    assert doc.blocks[2].text == "Partager"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    doc = build_document(SourceText.decode((FIXTURES / "hard-wrapped.txt").read_bytes()),
                         "hard-wrapped.txt")
    assert _lines(doc) == [(1, 1), (3, 5), (7, 9), (12, 13), (15, 15), (16, 16), (17, 17)]
    assert doc.blocks[0].scope == ("heading", "h1")
    first = doc.blocks[1]
    assert first.text.startswith("Kingsmoor Athletic narrowed its pre-tax loss to £18.4m in "
                                 "the 2024-25 season, from £31.7m a year earlier,")
    assert "\n" not in first.text
    # The space that joins two lines maps to the line ending.
    i = first.text.index(" from £31.7m")
    start, end = first.projection.to_source_span(i, i + 1)
    assert doc.source.text[start:end] == "\n"
    # The directive line is a comment, not prose, and splits the blocks.
    (comment,) = doc.comments
    assert comment.text == "newslint disable-next-line vague-attribution"
    assert comment.own_line
    assert doc.source.position(comment.start).line == 10
    assert all("newslint" not in b.text for b in doc.blocks)


def test_crlf_plain_text_with_indentation() -> None:
    source = SourceText.decode((FIXTURES / "crlf-fr.txt").read_bytes())
    doc = build_document(source, "crlf-fr.txt")
    assert _lines(doc) == [(1, 1), (2, 2), (3, 3), (4, 4)]
    indented = doc.blocks[2]
    assert indented.text == "Une ligne indentée avec des espaces de fin."
    assert doc.source.position(indented.start).column == 4
    assert all("\r" not in b.text for b in doc.blocks)
    assert doc.lang == "fr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No blank line at all: one paragraph per line, even if short lines look wrapped.
        ("Line one of a story that is long enough\nline two continues it here\n",
         [(1, 1), (2, 2)]),
        # Wrapped prose between blank lines is one paragraph.
        ("Title\n\nThe council approved the budget on Monday after\na long debate "
         "that lasted late into the evening.\n\nEnd.",
         [(1, 1), (3, 4), (6, 6)]),
        # Lines that each end a sentence are separate paragraphs, blank lines or not.
        ("Intro.\n\nFirst sentence of the export is long enough.\n"
         "Second sentence of the export is long enough.\n",
         [(1, 1), (3, 3), (4, 4)]),
        # Short separate lines (share buttons, categories) are not wrapped prose.
        ("Body.\n\nFinance\nPartager\nPartager cet article\n",
         [(1, 1), (3, 3), (4, 4), (5, 5)]),
        # Very long lines are CMS paragraphs, not wrapping.
        ("Body.\n\n" + "word " * 40 + "\n" + "more " * 40 + "\n",
         [(1, 1), (3, 3), (4, 4)]),
        # Leading and trailing blank lines do not make a CMS export wrapped.
        ("\n\nOne line that is long enough to wrap\nand another line after it\n\n\n",
         [(3, 3), (4, 4)]),
    ],
)
def test_paragraph_heuristic(text: str, expected: list[tuple[int, int]]) -> None:
    assert _lines(_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Council approves a 4.99% tax rise\nThe council voted on Monday.", True),
        ("The council voted on Monday.\nIt was late.", False),  # a full stop: body text
        ("Only one line without a stop", False),  # a one-line draft is all body
        ("Why did prices fall?\nBecause.", True),  # a question can be a headline
        ("Rivals of the Apple...\nBody.", True),
        ("Avertissement :\nBody.", False),
        (" ".join(["word"] * 30) + "\nBody.", False),  # too long for a headline
        (" ".join(["word"] * 24) + "\nBody.", True),
    ],
)
def test_headline(text: str, headline: bool) -> None:
    doc = _doc(text)
    assert (doc.blocks[0].scope == ("heading", "h1")) is headline
    assert doc.blocks[0].is_prose


def test_comment_lines_in_plain_text() -> None:
    doc = _doc("Body one.\n   <!-- newslint disable rule-x -->  \nBody two.\n<!-- not -->x\n")
    (comment,) = doc.comments
    assert doc.source.text[comment.start : comment.end] == "<!-- newslint disable rule-x -->"
    assert comment.text == "newslint disable rule-x" and comment.own_line
    assert [b.text for b in doc.blocks] == ["Body one.", "Body two.", "<!-- not -->x"]
    # A comment line does not count as the blank line that would allow wrapping.
    assert _lines(doc) == [(1, 1), (3, 3), (4, 4)]


def test_front_matter_in_plain_text() -> None:
    doc = _doc("---\nlang: fr\n---\nUn texte.\nUne autre ligne.\n")
    assert doc.meta == {"lang": "fr"}
    assert _lines(doc) == [(4, 4), (5, 5)]


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev drafts not available")
@pytest.mark.parametrize("name", sorted(p.name for p in DEV.glob("*.txt")) if DEV.is_dir() else [])
def test_dev_drafts_are_one_paragraph_per_line(name: str) -> None:
    source = SourceText.decode((DEV / name).read_bytes())
    doc = build_document(source, name)
    non_blank = [n for n in range(source.line_count) if source.line_text(n).strip()]
    assert [source.position(b.start).line for b in doc.blocks] == non_blank
    assert doc.lang == name[:2]


LONG_PARAGRAPH = ("The burn rate jumped over the past day as holders sent tokens to dead wallets, "
                  "and trading volumes rose on the main exchanges for the third session.")


@pytest.mark.parametrize(
    ("middle", "crosshead"),
    [
        ("SHIB price action", True),  # a crosshead before a longer paragraph
        ("Observers say Ether price is set to surge", True),
        ("Le bitcoin sous les 60 000 dollars", True),
        ("Is the rally over?", False),  # a question reads as text
        ("Note:", False),  # a colon introduces what follows
        ("The shares closed higher.", False),  # a sentence
        (" ".join(["word"] * 13), False),  # too long for a crosshead
    ],
)
def test_crosshead(middle: str, crosshead: bool) -> None:
    doc = _doc(f"{LONG_PARAGRAPH}\n\n{middle}\n\n{LONG_PARAGRAPH}\n")
    assert (doc.blocks[1].scope == ("heading", "h2")) is crosshead


def test_a_short_line_before_another_short_line_is_not_a_crosshead() -> None:
    # A wire price tick with no full stop, followed by a note: both stay text.
    doc = _doc("Index Gained 0.17%\n\nBitcoin Price Index is up $112.64 today or 0.17%\n\n"
               "Note: index at 4 p.m. ET close\n\nData compiled by Dow Jones Market Data\n")
    assert doc.blocks[1].scope == ("paragraph",)
