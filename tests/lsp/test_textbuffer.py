"""TextBuffer: incremental edits give the same text and line index as a full rebuild."""

from __future__ import annotations

import random

import pytest

from lint.lsp.textbuffer import TextBuffer
from lint.source import SourceText


@pytest.mark.parametrize(("unit", "character"), [("utf-16", 3), ("utf-8", 5), ("utf-32", 2)])
def test_a_range_edit_counts_columns_in_the_negotiated_unit(unit: str, character: int) -> None:
    buffer = TextBuffer("x😀y\r\nsecond")
    buffer.apply({"range": {"start": {"line": 0, "character": character},
                            "end": {"line": 1, "character": 3}}, "text": "Z"}, unit)  # type: ignore[arg-type]
    assert buffer.text == "x😀Zond"
    buffer.apply({"text": "all\nnew"}, "utf-16")
    assert (buffer.text, buffer.starts) == ("all\nnew", [0, 4])


def test_out_of_range_positions_are_clamped_as_the_protocol_says() -> None:
    buffer = TextBuffer("ab\ncd")
    # A column past the line's end is the end of that line (before its line break).
    buffer.apply({"range": {"start": {"line": 0, "character": 99},
                            "end": {"line": 0, "character": 120}}, "text": "!"}, "utf-16")
    assert buffer.text == "ab!\ncd"
    # A line past the last one is the end of the text.
    buffer.apply({"range": {"start": {"line": 7, "character": 0},
                            "end": {"line": 9, "character": 3}}, "text": "?"}, "utf-16")
    assert buffer.text == "ab!\ncd?"


@pytest.mark.parametrize("where", [
    {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 1}},
    {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 1}},
])
def test_a_reversed_or_negative_range_is_refused_and_changes_nothing(where: dict) -> None:
    buffer = TextBuffer("abcdef\n")
    with pytest.raises(ValueError):
        buffer.apply({"range": where, "text": "X"}, "utf-16")
    assert (buffer.text, buffer.starts) == ("abcdef\n", [0, 7])


def test_random_edits_keep_the_line_index_equal_to_a_full_rebuild() -> None:
    # Line breaks of every kind, split and joined by edits (\r + \n -> \r\n), astral and
    # accented characters to exercise the column units.
    pieces = ["a", "b", " ", "\r", "\n", "\r\n", "é", "😀"]
    rng = random.Random(10)
    for _ in range(1500):
        buffer = TextBuffer("".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))))
        for _ in range(5):
            source = SourceText(buffer.text)
            start = rng.randint(0, len(buffer.text))
            end = rng.randint(start, len(buffer.text))
            unit = rng.choice(["utf-8", "utf-16", "utf-32"])
            first, last = source.position(start), source.position(end)
            change = {"range": {
                "start": {"line": first.line, "character": source.column_in(first, unit)},
                "end": {"line": last.line, "character": source.column_in(last, unit)}},
                "text": "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))}
            expected = (buffer.text[:source.offset(first)] + change["text"]
                        + buffer.text[source.offset(last):])
            buffer.apply(change, unit)  # type: ignore[arg-type]
            assert buffer.text == expected
            assert buffer.starts == list(SourceText(buffer.text).line_starts)
