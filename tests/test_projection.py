"""Projection run-maps: unit behaviour, and the invariant over every fixture document."""

from __future__ import annotations

import codecs
import html
from pathlib import Path

import pytest
import regex

from lint.document import Document
from lint.document.builder import build_document
from lint.document.projection import (
    PLACEHOLDER,
    Aligner,
    ContentMap,
    Projection,
    Run,
    map_lines,
)
from lint.source import SourceText

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "documents"
SEED = HERE.parent / "examples" / "seed-fr.txt"
DEV = HERE.parent.parent / "shared" / "eval" / "dev"

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")


# -- Projection ---------------------------------------------------------------------------
def test_append_merges_touching_verbatim_pieces() -> None:
    proj = Projection()
    proj.append("ab", 10, 2)
    proj.append("cd", 12, 2)
    assert proj.runs == [Run(0, 4, 10, 4, True)]
    assert proj.text == "abcd"


def test_append_keeps_a_gap_in_the_source_as_a_new_run() -> None:
    proj = Projection()
    proj.append("ab", 10, 2)
    proj.append("cd", 15, 2)
    assert [(r.text_start, r.source_start) for r in proj.runs] == [(0, 10), (2, 15)]
    assert proj.to_source(3) == 16


def test_non_verbatim_pieces_never_merge() -> None:
    proj = Projection()
    proj.append("a", 0, 1)
    proj.append("&", 1, 5, verbatim=False)
    proj.append("b", 6, 1)
    assert [r.verbatim for r in proj.runs] == [True, False, True]
    assert proj.verbatim == [True, False, True]
    assert list(proj.verbatim_runs()) == [proj.runs[0], proj.runs[2]]


def test_append_refuses_verbatim_with_unequal_lengths() -> None:
    proj = Projection()
    proj.append("é", 0, 6)  # claimed verbatim but stands for "&#233;"
    assert proj.runs[0].verbatim is False


def test_to_source_span_widens_to_whole_entity_and_placeholder() -> None:
    # "a &amp; `x` b" → "a & ￼ b"
    proj = Projection()
    proj.append("a ", 0, 2)
    proj.append("&", 2, 5, verbatim=False)
    proj.append(" ", 7, 1)
    proj.append(PLACEHOLDER, 8, 3, verbatim=False)
    proj.append(" b", 11, 2)
    assert proj.text == f"a & {PLACEHOLDER} b"
    assert proj.to_source_span(2, 3) == (2, 7)
    assert proj.to_source_span(4, 5) == (8, 11)
    assert proj.to_source_span(0, len(proj.text)) == (0, 13)
    assert proj.to_source_span(5, 5) == (11, 11)


def test_identity_and_empty_projection() -> None:
    proj = Projection.identity("hello", 40)
    assert proj.to_source_span(1, 4) == (41, 44)
    assert proj.to_source(99) == 44  # clamped to the last character
    assert Projection().to_source_span(0, 3) == (0, 0)


# -- ContentMap / Aligner ------------------------------------------------------------------
def _spans(src: str) -> list[tuple[int, int, int]]:
    s = SourceText(src)
    return [(s.line_starts[i], s.line_end(i), len(s.line_ending(i))) for i in range(s.line_count)]


def test_map_lines_strips_container_prefixes_and_maps_eols() -> None:
    src = "> > one\r\n> two  \nlazy"
    cmap = map_lines(src, _spans(src), "one\ntwo\nlazy")
    assert src[cmap.offsets[0]] == "o"
    assert cmap.offsets[3] == src.index("\r\n") and cmap.widths[3] == 2
    assert src[cmap.offsets[4]] == "t"
    assert src[cmap.offsets[8]] == "l"
    assert cmap.span(0, len(cmap.content)) == (4, len(src))


def test_map_lines_with_tab_expansion_pins_inserted_spaces() -> None:
    src = "-\tTab item\n\tcontinued"
    # markdown-it expands part of a tab into spaces that are not in the source.
    cmap = map_lines(src, _spans(src), "Tab item\n  continued")
    assert src[cmap.offsets[9 + 2]] == "c"
    assert cmap.widths[9] in (0, 1)


def test_map_lines_survives_content_it_cannot_find() -> None:
    src = "abc\ndef"
    cmap = map_lines(src, _spans(src), "zzz\ndef")
    assert len(cmap.offsets) == len(cmap.content) + 1
    assert src[cmap.offsets[4]] == "d"


def test_aligner_undoes_escapes_and_entities() -> None:
    src = r"a \*b\* &amp; caf&#233;"
    cmap = ContentMap(src, list(range(len(src) + 1)), [1] * len(src))
    proj = Projection()
    al = Aligner(src, cmap, proj)
    al.text("a *b* & café")
    assert proj.text == "a *b* & café"
    assert al.misaligned == 0
    for run in proj.verbatim_runs():
        assert src[run.source_start : run.source_start + run.text_len] == proj.text[
            run.text_start : run.text_start + run.text_len]
    star = proj.text.index("*")
    assert proj.to_source_span(star, star + 1) == (src.index("*"), src.index("*") + 1)
    amp = proj.text.index("&")
    assert proj.to_source_span(amp, amp + 1) == (src.index("&amp;"), src.index("&amp;") + 5)


def test_aligner_counts_and_survives_misalignment() -> None:
    src = "hello world"
    cmap = ContentMap(src, list(range(len(src) + 1)), [1] * len(src))
    proj = Projection()
    al = Aligner(src, cmap, proj)
    al.text("world")
    assert al.misaligned == 1
    assert proj.to_source_span(0, 5) == (6, 11)


# -- the invariant -------------------------------------------------------------------------
def _variants(data: bytes) -> dict[str, bytes]:
    """The fixture as saved, plus every line-ending style and a BOM."""
    text = data.decode("utf-8")
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    return {
        "as-is": data,
        "lf": lf.encode(),
        "crlf": lf.replace("\n", "\r\n").encode(),
        "cr": lf.replace("\n", "\r").encode(),
        "bom": codecs.BOM_UTF8 + data,
    }


def _documents() -> list[tuple[str, Path]]:
    paths = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".md", ".txt"))
    paths.append(SEED)
    if DEV.is_dir():
        paths.extend(sorted(p for p in DEV.iterdir() if p.suffix in (".md", ".txt")))
    return [(f"{p.name}[{v}]", p) for p in paths for v in ("as-is", "lf", "crlf", "cr", "bom")]


def _decode_source(piece: str) -> str:
    """What prose a source slice stands for: escapes and entities undone, and emphasis
    delimiters inside a word ("2*3*4", "**un**real") dropped (words never hold them)."""
    return html.unescape(_ESCAPE.sub(r"\1", piece.replace("*", "").replace("_", "")))


def check_invariant(doc: Document) -> list[str]:
    """Every way a projection can lie about the source, as readable messages."""
    text = doc.source.text
    errors: list[str] = []
    for block in doc.blocks:
        proj = block.projection
        where = f"block {block.index} {block.scope}"
        if not 0 <= block.start <= block.end <= len(text):
            errors.append(f"{where}: span {block.start}..{block.end} outside the source")
        covered = 0
        for run in proj.runs:
            if run.text_start != covered:
                errors.append(f"{where}: runs not contiguous at {run.text_start}")
            covered = run.text_start + run.text_len
            if run.verbatim:
                got = text[run.source_start : run.source_start + run.text_len]
                want = proj.text[run.text_start : run.text_start + run.text_len]
                if got != want:
                    errors.append(f"{where}: verbatim run {run} maps {want!r} to {got!r}")
        if covered != len(proj.text):
            errors.append(f"{where}: runs cover {covered} of {len(proj.text)} characters")
        previous = -1
        for i in range(len(proj.text)):
            here = proj.to_source(i)
            if here < previous:
                errors.append(f"{where}: to_source goes backwards at {i}")
                break
            previous = here
        if not block.is_prose:
            continue
        for m in _WORD.finditer(proj.text):
            start, end = proj.to_source_span(m.start(), m.end())
            if _decode_source(text[start:end]) != m.group():
                errors.append(f"{where}: word {m.group()!r} maps to {text[start:end]!r}")
        for sentence in block.sentences:
            if not 0 <= sentence.start < sentence.end <= len(proj.text):
                errors.append(f"{where}: sentence {sentence} outside the block")
    for comment in doc.comments:
        if not text.startswith("<!--", comment.start) or not text[: comment.end].endswith("-->"):
            errors.append(f"comment {comment} does not span <!-- ... -->")
    return errors


@pytest.mark.parametrize(("name", "path"), _documents(), ids=[n for n, _ in _documents()])
def test_every_mapping_is_exact(name: str, path: Path) -> None:
    variant = name.rsplit("[", 1)[1].rstrip("]")
    source = SourceText.decode(_variants(path.read_bytes())[variant])
    doc = build_document(source, str(path))
    assert doc.blocks, "a fixture with no block tests nothing"
    assert check_invariant(doc) == []


def test_the_fixture_set_is_not_empty() -> None:
    md = list(FIXTURES.glob("*.md"))
    txt = list(FIXTURES.glob("*.txt"))
    assert len(md) >= 12 and len(txt) >= 3


def test_invariant_checker_catches_a_wrong_mapping() -> None:
    doc = build_document(SourceText("Some *emphasis* here."), "x.md")
    block = doc.blocks[0]
    assert check_invariant(doc) == []
    broken = Projection()
    broken.append(block.text, block.start, len(block.text))  # ignores the removed stars
    block.projection = broken
    errors = check_invariant(doc)
    assert errors and "verbatim run" in errors[0]


@pytest.mark.parametrize(
    ("markdown", "word", "source_word"),
    [
        ("Caf&#233; au lait.", "Café", "Caf&#233;"),
        ("A \\*starred\\* word.", "starred", "starred"),
        ("- item\n  with **bold** text", "bold", "bold"),
        ("> quoted\n> second line", "second", "second"),
        ("| a | b \\| c |\n|---|---|\n| d | e |", "c", "c"),
        ("Emoji 🚀 then target.", "target", "target"),
        ("Link [the text](http://example.com/the) and the end.", "end", "end"),
        ("Line one  \nline two", "line", "line"),
    ],
)
def test_words_map_back_to_their_source_slice(markdown: str, word: str, source_word: str) -> None:
    for eol in ("\n", "\r\n", "\r"):
        source = SourceText(markdown.replace("\n", eol))
        doc = build_document(source, "x.md")
        hits = [
            (b, m) for b in doc.blocks for m in regex.finditer(rf"\b{word}\b", b.text)
        ]
        assert hits, f"{word!r} not in {[b.text for b in doc.blocks]}"
        block, m = hits[-1]
        start, end = block.projection.to_source_span(m.start(), m.end())
        assert source.text[start:end] == source_word
        assert source.text.rfind(source_word) == start
