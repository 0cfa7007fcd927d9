"""Property-based tests: generated Markdown and plain text never break newslint.

For every generated draft: no exception and no internal or rule failure; every
diagnostic's range lies inside the text and converts consistently between code points,
UTF-16 and UTF-8; fixing twice gives what fixing once gave, and a pass of fixes changes
no character outside its edits.

A small budget runs in the normal suite. The long run (docs/reliability.md) is
    NEWSLINT_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_properties.py -q
"""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.diagnostic import FileResult
from lint.engine import INTERNAL_ERROR, RULE_ERROR
from lint.fixes import MAX_PASSES, apply_edits, choose_fixes, fix_to_fixed_point
from lint.runner import Linter
from lint.source import SourceText

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "25"))
"""Generated drafts per property; the environment variable sets the long run's count."""

PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)

WORDS = (
    # English and French news prose, hedges, attributions, numbers and currencies.
    "The council met the the mayor on Monday in order to vote . Shares could possibly rise "
    "10% to $2.41 , analysts say . Experts believe bitcoin will hit $100,000 by 2026 . "
    "Le conseil a voté lundi . Les analystes estiment que l'action pourrait bondir de 12 % "
    "à 3,5 milliards d'euros . « C'est historique » , a-t-il dit . Selon des sources , "
    "le prix va probablement grimper . NASA USA EU UE € £ 1.5bn 2024-02-30 q’il aujourd’hui"
).split() + ["in order to", "the the", "at this point in time", "a large number of",
             "le le", "afin de", "it is expected that prices will rise", "Not financial advice."]
ODD = [
    "😀", "👩‍👩‍👧", "🇫🇷", "e\u0301", "n\u0303\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0648\u0642",
    "\u200b", "\u200d", "\u200e", "\u202e", "\ufeff", "\0", "\u2028", "\u00a0", "\u202f", "\t",
    "𝔘𝔫𝔦", "\ud7ff", "\U0010ffff", "\\", "*", "_", "`", "[", "]", "(", ")", "<", ">", "&amp;",
    "&#x1F600;", "|", "#", "---", "\r", "'", '"', "»",
]
DIRECTIVES = [
    "<!-- newslint disable style.repeated-word -->", "<!-- newslint enable -->",
    "<!-- newslint disable-next-line -->", "<!-- newslint disable-line style.wordy -->",
    "<!-- newslint disable-file editorial -->", "<!-- newslint frobnicate x -->",
    "<!-- newslint disable no.such-rule -->", "<!-- unclosed comment",
]


def word() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD),
                     st.text(max_size=6))


def sentence() -> st.SearchStrategy[str]:
    return st.lists(word(), min_size=1, max_size=25).map(" ".join)


@st.composite
def block(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(
        ["para", "para", "heading", "list", "quote", "table", "code", "comment", "long", "deep"]))
    if kind == "para":
        return "\n".join(draw(st.lists(sentence(), min_size=1, max_size=3)))
    if kind == "heading":
        return "#" * draw(st.integers(1, 7)) + " " + draw(sentence())
    if kind == "list":
        items = draw(st.lists(sentence(), min_size=1, max_size=4))
        marker = draw(st.sampled_from(["- ", "* ", "1. ", "+ "]))
        indent = draw(st.integers(0, 3))
        return "\n".join("  " * (i % (indent + 1)) + marker + item for i, item in enumerate(items))
    if kind == "quote":
        levels = draw(st.integers(1, 6))
        return "\n".join(">" * levels + " " + s for s in draw(st.lists(sentence(), min_size=1, max_size=3)))
    if kind == "deep":  # past markdown-it's nesting limit, sometimes
        levels = draw(st.integers(15, 130))
        if draw(st.booleans()):
            return ">" * levels + " " + draw(sentence())
        return "\n".join("  " * i + "- " + draw(sentence()) for i in range(levels // 2))
    if kind == "table":
        columns = draw(st.integers(1, 6))
        rows = draw(st.lists(st.lists(sentence(), min_size=columns, max_size=columns),
                             min_size=1, max_size=4))
        lines = ["| " + " | ".join(f"h{i}" for i in range(columns)) + " |",
                 "|" + "|".join("---" for _ in range(columns)) + "|"]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        return "\n".join(lines)
    if kind == "code":
        fence = draw(st.sampled_from(["```", "~~~", "    "]))
        body = draw(sentence())
        if fence == "    ":
            return "    " + body
        closed = draw(st.booleans())
        return f"{fence}\n{body}\n" + (fence if closed else "")
    if kind == "comment":
        return draw(st.sampled_from(DIRECTIVES)) + ("\n" + draw(sentence()) if draw(st.booleans()) else "")
    # "long": one very long line
    return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=300, max_size=1500)))


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    fields = draw(st.lists(st.sampled_from([
        "title: Markets", "lang: fr", "lang: en", "language: es", "date: 2024-02-30",
        "date: 2024-02-29", "category: crypto", "tags: [a, b", "x: &a [1, *a]", "dup: 1\ndup: 2",
        "key: !tag value", "list:\n  - 1\n  - 2", ": bad", "title: 'unterminated",
    ]), max_size=4))
    closing = draw(st.sampled_from(["---", "...", "--- ", ""]))
    return "---\n" + "\n".join(fields) + ("\n" + closing if closing else "")


@st.composite
def draft(draw: st.DrawFn) -> tuple[bytes, str]:
    """(bytes of a draft, its file name): Markdown or plain text, any line endings."""
    parts = []
    if draw(st.integers(0, 3)) == 0:
        parts.append(draw(front_matter()))
    parts += draw(st.lists(block(), min_size=0, max_size=8))
    gap = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    text = gap.join(parts)
    eol = draw(st.sampled_from(["\n", "\r\n", "\r", "mixed"]))
    if eol == "mixed":
        text = "".join(ch if ch != "\n" else draw(st.sampled_from(["\n", "\r\n", "\r"]))
                       for ch in text)
    else:
        text = text.replace("\n", eol)
    if draw(st.booleans()):
        text += draw(st.sampled_from(["\n", "\r\n", "\r", ""]))
    bom = codecs.BOM_UTF8 if draw(st.integers(0, 4)) == 0 else b""
    name = draw(st.sampled_from(["draft.md", "draft.md", "draft.txt"]))
    return bom + text.encode("utf-8", "surrogatepass"), name


@pytest.fixture(scope="module")
def linter() -> Linter:
    """Every built-in pack, default settings (what `newslint check` runs without a config)."""
    built = Linter(Config())
    assert not built.errors
    return built


def lint(linter: Linter, data: bytes, name: str) -> FileResult:
    result = linter.lint_bytes(data, name)
    if result.error is not None:  # not UTF-8 (a lone surrogate): refused, never a crash
        assert result.source is None and "UTF-8" in result.error
        return result
    assert result.source is not None
    failures = [d.message for d in result.diagnostics
                if d.rule_id == INTERNAL_ERROR or (d.rule_id == RULE_ERROR and "failed" in d.message)]
    assert not failures, failures
    return result


@PROPERTY
@given(case=draft())
def test_positions_are_inside_and_agree_in_every_unit(linter: Linter, case: tuple[bytes, str]) -> None:
    result = lint(linter, *case)
    source = result.source
    if source is None:
        return
    text = source.text
    for d in result.diagnostics:
        assert 0 <= d.offset <= d.end_offset <= len(text), d
        assert (d.start, d.end) == (source.position(d.offset), source.position(d.end_offset))
        for position in (d.start, d.end):
            assert 0 <= position.line < source.line_count
            line = source.line_text(position.line)
            assert 0 <= position.column <= len(line)
            prefix = line[: position.column]
            utf16 = source.column_in(position, "utf-16")
            utf8 = source.column_in(position, "utf-8")
            assert utf16 == len(prefix.encode("utf-16-le", "surrogatepass")) // 2
            assert utf8 == len(prefix.encode("utf-8", "surrogatepass"))
            for unit, column in (("utf-16", utf16), ("utf-8", utf8)):
                assert source.column_from(position.line, column, unit) == position.column
            assert source.offset(position) == source.line_starts[position.line] + position.column
        for fix in d.fixes:
            for edit in fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)


@PROPERTY
@given(case=draft())
def test_fixing_twice_is_fixing_once_and_touches_only_its_edits(
        linter: Linter, case: tuple[bytes, str]) -> None:
    result = lint(linter, *case)
    source = result.source
    if source is None:
        return
    # One pass: every character outside the chosen edits stays, in order.
    edits = sorted((e for c in choose_fixes(source.text, result.diagnostics) for e in c.fix.edits),
                   key=lambda e: (e.start, e.end))
    eol = source.dominant_eol()
    fixed = apply_edits(source.text, edits, eol)
    at = 0
    previous = 0
    for edit in edits:
        gap = source.text[previous:edit.start]
        assert fixed[at : at + len(gap)] == gap
        at += len(gap) + len(apply_edits(source.text, [edit], eol)) - len(source.text) + (
            edit.end - edit.start)
        previous = edit.end
    assert fixed[at:] == source.text[previous:]
    # To the fixed point, then again: nothing more changes.
    once = fix_to_fixed_point(linter, result, MAX_PASSES)
    if not once.settled:
        return  # reported to the user as unsettled; idempotence is not promised then
    again = fix_to_fixed_point(linter, once.result, MAX_PASSES)
    assert again.text == once.text
    assert again.applied == 0
    written = SourceText(once.text, bom=source.bom).encode()
    assert written.startswith(codecs.BOM_UTF8) == source.bom
