"""Markdown documents: scoped blocks, what is not prose, comments, front matter, bylines."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.document import Document
from lint.document.builder import build_document, kind_for_path
from lint.document.projection import PLACEHOLDER
from lint.source import SourceText

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
DEV = Path(__file__).parent.parent.parent / "shared" / "eval" / "dev"


def _doc(text: str, path: str = "draft.md", **kwargs: object) -> Document:
    return build_document(SourceText(text), path, **kwargs)  # type: ignore[arg-type]


def _fixture(name: str) -> Document:
    path = FIXTURES / name
    return build_document(SourceText.decode(path.read_bytes()), str(path))


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _outline(doc: Document) -> list[tuple[int, str, str]]:
    """(1-based line, dotted scope, text) of every block, for readable comparisons."""
    return [
        (doc.source.position(b.start).line + 1, ".".join(b.scope), b.text) for b in doc.blocks
    ]


# -- scopes ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Just a paragraph.", [("paragraph", "Just a paragraph.")]),
        ("## Sub *head*", [("heading.h2", "Sub head")]),
        ("Setext\n===", [("heading.h1", "Setext")]),
        ("- one\n- two", [("list.item.paragraph", "one"), ("list.item.paragraph", "two")]),
        ("1. one\n   - deep", [("list.item.paragraph", "one"),
                               ("list.item.list.item.paragraph", "deep")]),
        ("> quoted", [("blockquote.paragraph", "quoted")]),
        ("> - listed", [("blockquote.list.item.paragraph", "listed")]),
        ("| h |\n|---|\n| c |", [("table.header.row.cell", "h"), ("table.body.row.cell", "c")]),
        ("```\ncode\n```", [("code", "```\ncode\n```")]),
        ("    indented", [("code", "    indented")]),
        ("<div>\nhtml\n</div>", [("html", "<div>\nhtml\n</div>")]),
        ("> ```\n> quoted code\n> ```", [("blockquote.code", "> ```\n> quoted code\n> ```")]),
        ("*By Jane Doe*", [("byline", "By Jane Doe")]),
        ("---", []),
        ("![only an image](x.png)", []),
    ],
)
def test_block_scopes(markdown: str, expected: list[tuple[str, str]]) -> None:
    doc = _doc(markdown)
    assert [(".".join(b.scope), b.text) for b in doc.blocks] == expected
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_code_html_and_bylines_are_not_prose() -> None:
    doc = _doc("```\nx\n```\n\n<p>html</p>\n\nBy Jane Doe\n\nProse.")
    assert [b.is_prose for b in doc.blocks] == [False, False, False, True]
    assert [b.text for b in doc.prose_blocks] == ["Prose."]
    assert doc.blocks[0].sentences == [] and doc.blocks[3].sentences


# -- what is not prose inside a block ------------------------------------------------------------
def test_link_targets_image_urls_and_code_are_not_prose() -> None:
    doc = _fixture("links.md")
    prose = " ".join(b.text for b in doc.prose_blocks)
    for url_part in ("example.com", "wikipedia", "chart.png", "logo.png", "mailto", "Reference",
                     "https", "The title"):
        assert url_part not in prose
    assert "Read the full report before Friday." in prose
    assert "A reference link, a collapsed one and a shortcut link." in prose
    assert f"Autolinks such as {PLACEHOLDER} and {PLACEHOLDER} are not prose." in prose
    assert f"An image {PLACEHOLDER} and a reference image {PLACEHOLDER} too." in prose
    assert f"A linked image {PLACEHOLDER} then text." in prose
    assert "Emphasis in a link: the bold claim stays prose." in prose
    # Not links: the brackets stay as text.
    assert "[another](not a link with spaces)" in prose


def test_code_spans_become_one_placeholder_each() -> None:
    doc = _fixture("code.md")
    first = doc.blocks[0]
    assert first.text.startswith(f"Run {PLACEHOLDER} before the test, or {PLACEHOLDER} here.")
    assert f"crosses a line: {PLACEHOLDER} then prose again." in first.text
    assert "Unclosed `backtick stays as text." in first.text
    assert "pip" not in first.text
    # The placeholder maps to the whole span, backticks included (double ones too).
    spans = [first.projection.to_source_span(i, i + 1)
             for i, ch in enumerate(first.text) if ch == PLACEHOLDER]
    assert [doc.source.text[s:e] for s, e in spans] == [
        "`pip install newslint`", "``use `backticks` inside``", "`first line\nsecond line`"]
    assert [".".join(b.scope) for b in doc.blocks] == [
        "paragraph", "code", "code", "code", "paragraph"]


def test_escapes_and_entities_are_decoded_and_mapped() -> None:
    doc = _fixture("escapes-entities.md")
    heading, body = doc.blocks
    assert heading.text == "Escapes & entities"
    assert "This is *not emphasis* and 5 * 3 is fifteen." in body.text
    assert "Café owners at AT&T paid £5 & more, © 2025." in body.text
    assert "an unknown &foo; stays, and \ufffd is replaced." in body.text
    assert "# Not a heading, [not a link], a backslash \\ and a path C:\\temp\\new." in body.text
    assert "Entity at line end — then the next line" in body.text
    assert "non-breaking\u00a0space and\u00a0again" in body.text
    source = doc.source.text
    e = body.text.index("é")
    start, end = body.projection.to_source_span(e, e + 1)
    assert source[start:end] == "&#233;"
    star = body.text.index("*")
    start, end = body.projection.to_source_span(star, star + 1)
    assert source[start - 1 : end] == "\\*"


def test_emphasis_markers_are_removed() -> None:
    doc = _fixture("emphasis.md")
    assert doc.blocks[0].text.startswith(
        "Some emphasis, some strong text, some both at once and underscores.")
    assert "snake_case_names" in doc.blocks[0].text
    assert "An unmatched * star and a lone ** pair remain." in doc.blocks[0].text


def test_hard_and_soft_breaks_read_as_spaces_mapped_to_the_eol() -> None:
    doc = _fixture("breaks-headings.md")
    para = doc.blocks[0]
    assert para.text == ("Line with two trailing spaces continues after a hard break. "
                         "Line with a backslash continues after another. "
                         "A soft break here and here.")
    space = para.text.index(" continues")
    start, end = para.projection.to_source_span(space, space + 1)
    assert doc.source.text[start:end] == "\n"
    assert _outline(doc)[1:] == [
        (8, "heading.h1", "Setext heading level one"),
        (11, "heading.h2", "Setext heading over two lines"),
        (15, "heading.h2", "ATX heading with closing hashes"),
        (17, "heading.h3", "Spaced heading"),
        (19, "heading.h4", "C# in a heading"),
        (23, "paragraph", "After a rule."),
    ]


def test_lists_with_lazy_lines_tabs_and_digit_markers() -> None:
    doc = _fixture("lists.md")
    outline = _outline(doc)
    assert (2, "list.item.paragraph", "Second item with a lazy continuation line") in outline
    assert (5, "list.item.list.item.paragraph",
            "Nested item two with an indented continuation") in outline
    assert (12, "list.item.paragraph", "Tenth item, marker with digits") in outline
    assert (15, "list.item.paragraph", "Tab after the marker continued with a tab") in outline
    assert (20, "list.item.paragraph", "Loose item, second paragraph.") in outline
    # Columns: the block starts after the marker, on the right line.
    tenth = next(b for b in doc.blocks if b.text.startswith("Tenth"))
    assert doc.source.position(tenth.start).column == 4


def test_blockquotes() -> None:
    assert _outline(_fixture("blockquote.md")) == [
        (1, "blockquote.paragraph", "A quoted paragraph that runs over two lines."),
        (4, "blockquote.list.item.paragraph", "A list inside a quote"),
        (5, "blockquote.list.item.paragraph", "Its second item continues here"),
        (8, "blockquote.paragraph", "Lazy continuation in a quote without the marker."),
        (11, "blockquote.blockquote.paragraph", "Nested quote level two."),
        (13, "blockquote.paragraph", "Tab after the marker."),
        (15, "blockquote.heading.h2", "A heading in a quote"),
    ]


def test_table_cells_of_one_row_share_a_line() -> None:
    doc = _fixture("tables.md")
    cells = [(doc.source.position(b.start), b.text) for b in doc.blocks if b.scope[-1] == "cell"]
    row5 = [(pos.column, text) for pos, text in cells if pos.line == 4]
    # Identical cell texts on one row map to their own columns, left to right.
    assert row5 == [(2, "same"), (9, "same")]
    texts = [text for _, text in cells]
    assert "Beta | Gamma" in texts and "up 5%" in texts and "see site" in texts
    assert "" not in texts
    assert doc.blocks[-1].scope == ("paragraph",)
    pipe = next(b for b in doc.blocks if b.text == "Beta | Gamma")
    i = pipe.text.index("|")
    start, _ = pipe.projection.to_source_span(i, i + 1)
    assert doc.source.text[start - 1 : start + 1] == "\\|"


def test_emoji_positions_in_utf16() -> None:
    doc = _fixture("emoji.md")
    para = doc.blocks[1]
    i = para.text.index("target")
    start, _ = para.projection.to_source_span(i, i + 6)
    pos = doc.source.position(start)
    assert (pos.line, pos.column) == (3, 35)
    assert doc.source.column_in(pos, "utf-16") == 38  # three astral emoji before it
    assert doc.source.column_in(pos, "utf-8") == 35 + 3 * 3
    assert doc.blocks[2].text == "Item 🚀 with bold 🚀 text"


def test_nul_is_replaced_but_stays_mapped() -> None:
    doc = _doc("a\0b and more")
    block = doc.blocks[0]
    assert block.text == "a\ufffdb and more"
    assert block.projection.to_source_span(0, 3) == (0, 3)


# -- comments --------------------------------------------------------------------------------
def test_html_comments_are_collected() -> None:
    doc = _fixture("html.md")
    got = [(doc.source.position(c.start).line + 1, c.text, c.own_line) for c in doc.comments]
    assert got == [
        (6, "newslint disable-line vague-attribution", False),
        (8, "newslint disable hedging-gap", True),
        (12, "newslint enable hedging-gap", True),
        (14, "A multi-line comment\nis collected too.", True),
        (19, "one", False),
        (19, "two", False),
        (21, "newslint disable-next-line unsourced-projection", True),
    ]
    for comment in doc.comments:
        raw = doc.source.text[comment.start : comment.end]
        assert raw.startswith("<!--") and raw.endswith("-->")
    para = next(b for b in doc.blocks if b.text.startswith("Inline"))
    assert para.text == ("Inline markup is skipped but its text stays. "
                         "Here is a   line break tag and an inline  comment.")


def test_comments_in_code_are_not_collected() -> None:
    doc = _doc("```\n<!-- newslint disable -->\n```\n\nText `<!-- x -->` here.")
    assert doc.comments == []


# -- front matter ----------------------------------------------------------------------------
def test_front_matter_is_cut_out_and_kept_as_meta() -> None:
    doc = _fixture("front-matter.md")
    assert doc.meta == {"title": "A headline: with a colon", "lang": "fr", "category": "crypto"}
    assert doc.front_matter == (0, doc.source.text.index("---", 3) + 3)
    assert doc.lang == "fr"
    assert doc.problems == []
    assert _outline(doc) == [
        (7, "heading.h1", "Titre de l’article"),
        (9, "byline", "Par Camille Renaud"),
        (11, "paragraph", "Le texte commence ici, à la ligne 9."),
    ]
    assert all("title" not in b.text for b in doc.blocks)


def test_invalid_front_matter_is_a_problem_at_its_position() -> None:
    doc = _fixture("front-matter-invalid.md")
    assert doc.meta == {}
    assert doc.front_matter is not None
    (problem,) = doc.problems
    pos = doc.source.position(problem.start)
    assert (pos.line, pos.column) == (3, 4)  # "lang: en", where YAML gave up
    assert problem.message.startswith("invalid front matter YAML")
    assert problem.end > problem.start
    assert [b.text for b in doc.blocks] == ["The body is still linted."]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("---\n- a list\n---\nBody.", "front matter must be a YAML mapping", 1),
        ("---\r\na: 1\r\n\tb: 2\r\n---\r\nBody.", "invalid front matter YAML", 2),
    ],
)
def test_front_matter_problems(text: str, message: str, line: int) -> None:
    doc = _doc(text)
    assert [p.message.startswith(message) for p in doc.problems] == [True]
    assert doc.source.position(doc.problems[0].start).line == line
    assert [b.text for b in doc.blocks] == ["Body."]


def test_unclosed_front_matter_is_plain_markdown() -> None:
    doc = _doc("---\ntitle: x\n\nBody.")
    assert doc.front_matter is None and doc.meta == {}
    assert doc.blocks[-1].text == "Body."


def test_front_matter_with_bom_and_crlf() -> None:
    source = SourceText.decode(b"\xef\xbb\xbf---\r\nlang: fr\r\n---\r\n\r\nTexte.\r\n")
    doc = build_document(source, "x.md")
    assert doc.meta == {"lang": "fr"} and doc.lang == "fr"
    assert _outline(doc) == [(5, "paragraph", "Texte.")]


# -- line endings ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.md")))
@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_endings_do_not_change_the_document(name: str, eol: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    reference = _doc(lf, name)
    other = _doc(lf.replace("\n", eol), name)
    assert [(line, scope) for line, scope, _ in _outline(other)] == [
        (line, scope) for line, scope, _ in _outline(reference)]
    assert [b.text for b in other.prose_blocks] == [b.text for b in reference.prose_blocks]
    assert [(_lf(c.text), c.own_line) for c in other.comments] == [
        (c.text, c.own_line) for c in reference.comments]


def test_crlf_fixture() -> None:
    doc = _fixture("crlf.md")
    assert doc.meta == {"lang": "en"}
    assert _outline(doc) == [
        (5, "heading.h1", "A CRLF draft"),
        (7, "paragraph", "First paragraph on two lines, with a word."),
        (10, "list.item.paragraph", "item one"),
        (11, "list.item.paragraph", "item two after a hard break"),
        (14, "table.header.row.cell", "a"),
        (14, "table.header.row.cell", "b"),
        (16, "table.body.row.cell", "c"),
        (16, "table.body.row.cell", "d"),
        (18, "html", "<!-- newslint disable-file -->"),
        (20, "paragraph", "Last line without a newline."),
    ]
    assert [c.text for c in doc.comments] == ["newslint disable-file"]
    para = doc.blocks[1]
    space = para.text.index(" two")
    assert para.projection.to_source_span(space, space + 1)[1] - para.projection.to_source_span(
        space, space + 1)[0] == 2  # the whole \r\n


def test_mixed_line_endings_and_non_breaks() -> None:
    doc = _fixture("mixed-eol.md")
    assert _outline(doc) == [
        (1, "heading.h1", "Mixed endings"),
        (3, "paragraph", "One line ends CR the next CRLF and LF."),
        (7, "paragraph", "A form\x0cfeed and a line\u2028separator are not breaks."),
    ]


# -- bylines ---------------------------------------------------------------------------------
def test_bylines() -> None:
    doc = _fixture("bylines.md")
    assert [(".".join(b.scope), b.text) for b in doc.blocks] == [
        ("heading.h1", "Kingsmoor Athletic's losses narrow"),
        ("byline", "By Owen Price, sports business correspondent"),
        ("paragraph", "By Tuesday, the club had sold out its stadium."),
        ("byline", "Writer @Ethan"),
        ("byline", "Par Thomas Giraud"),
        ("byline", "Interview by Claire Hughes"),
        ("paragraph", "The body of the story."),
    ]


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("By Daniel Okafor", True),
        ("*By Daniel Okafor*", True),
        ("Par Thomas Giraud", True),
        ("Writer @Ethan", True),
        ("By Monday the shares had recovered", False),
        ("By contrast, the hardware business grew.", False),
        ("By Daniel Okafor, who wrote a long piece about many many things in the market today",
         False),
        ("- By Jane Doe", False),  # a list item is never a byline
    ],
)
def test_byline_rule(text: str, byline: bool) -> None:
    doc = _doc(f"# Title\n\n{text}\n\nBody text.")
    assert (doc.blocks[1].scope == ("byline",)) is byline


# -- dev drafts ------------------------------------------------------------------------------
@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev drafts not available")
def test_dev_draft_structure() -> None:
    doc = build_document(SourceText.decode((DEV / "en-01-earnings-preview.md").read_bytes()),
                         "en-01-earnings-preview.md")
    assert doc.meta["category"] == "markets" and doc.lang == "en"
    outline = _outline(doc)
    assert outline[0][:2] == (7, "heading.h1")
    assert outline[1] == (9, "byline", "By Daniel Okafor")
    assert (17, "html") == outline[5][:2]
    assert [c.own_line for c in doc.comments] == [True]
    assert all(b.scope in {("paragraph",), ("heading", "h2")} for b in doc.blocks[6:])


def test_kind_for_path() -> None:
    assert kind_for_path("a/B.MD") == "markdown"
    assert kind_for_path("x.markdown") == "markdown"
    assert kind_for_path("x.txt") == "text"
    assert kind_for_path("README") == "text"
    text_doc = _doc("# Not markdown here\n\nBody.", "x.txt")
    assert text_doc.kind == "text"
    assert text_doc.blocks[0].text == "# Not markdown here"
    assert _doc("Body.", "x.txt", kind="markdown").kind == "markdown"


def test_cells_without_a_map_use_their_row_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """markdown-it-py versions differ on whether cell inline tokens carry a map."""
    from lint.document import markdown

    real = markdown._PARSER

    class NoCellMaps:
        def parse(self, text: str) -> list[object]:
            tokens = real.parse(text)
            in_cell = False
            for token in tokens:
                if token.type in ("th_open", "td_open"):
                    in_cell = True
                elif token.type == "inline" and in_cell:
                    token.map = None
                    in_cell = False
            return tokens

    monkeypatch.setattr(markdown, "_PARSER", NoCellMaps())
    doc = _doc("Intro.\n\n| a | b |\n|---|---|\n| c | c |\n")
    assert _outline(doc) == [
        (1, "paragraph", "Intro."),
        (3, "table.header.row.cell", "a"),
        (3, "table.header.row.cell", "b"),
        (5, "table.body.row.cell", "c"),
        (5, "table.body.row.cell", "c"),
    ]
    assert [doc.source.position(b.start).column for b in doc.blocks[3:]] == [2, 6]
