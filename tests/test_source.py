"""SourceText: line index, offsets and positions, column units, decoding and the BOM."""

from __future__ import annotations

import codecs

import pytest

from lint.diagnostic import Position
from lint.source import DecodeError, SourceText


NOT_BREAKS = "a\u2028b\u2029c\x0cd\x0be\x85f\x1cg\x1dh\x1ei"
"""Separators str.splitlines() breaks on, and markdown-it and LSP do not."""


# -- lines -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "lines", "endings"),
    [
        ("a\nb\n", ["a", "b", ""], ["\n", "\n", ""]),
        ("a\r\nb\r\n", ["a", "b", ""], ["\r\n", "\r\n", ""]),
        ("a\rb\r", ["a", "b", ""], ["\r", "\r", ""]),
        ("a\r\nb\rc\nd", ["a", "b", "c", "d"], ["\r\n", "\r", "\n", ""]),
        ("a\n\r\nb", ["a", "", "b"], ["\n", "\r\n", ""]),
        ("\r\r\n", ["", "", ""], ["\r", "\r\n", ""]),
        ("no newline at end", ["no newline at end"], [""]),
        ("", [""], [""]),
        # Not line breaks, although str.splitlines() thinks so.
        (NOT_BREAKS, [NOT_BREAKS], [""]),
    ],
)
def test_lines_split_on_cr_lf_and_crlf_only(
    text: str, lines: list[str], endings: list[str]
) -> None:
    source = SourceText(text)
    assert source.line_count == len(lines)
    assert [source.line_text(i) for i in range(source.line_count)] == lines
    assert [source.line_ending(i) for i in range(source.line_count)] == endings
    # Lines and endings rebuild the text exactly.
    assert "".join(l + e for l, e in zip(lines, endings)) == text


def test_line_starts_and_line_end() -> None:
    source = SourceText("ab\r\ncd\ref\n")
    assert source.line_starts == (0, 4, 7, 10)
    assert [source.line_end(i) for i in range(4)] == [2, 6, 9, 10]


@pytest.mark.parametrize(
    ("text", "eol"),
    [("a\r\nb\r\nc\n", "\r\n"), ("a\nb\rc\n", "\n"), ("one line", "\n"), ("a\rb\r", "\r")],
)
def test_dominant_eol(text: str, eol: str) -> None:
    assert SourceText(text).dominant_eol() == eol


# -- positions -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("ab\ncd", 0, Position(0, 0)),
        ("ab\ncd", 2, Position(0, 2)),  # on the EOL: end of line 0
        ("ab\ncd", 3, Position(1, 0)),
        ("ab\ncd", 5, Position(1, 2)),  # end of file without newline
        ("ab\r\ncd", 2, Position(0, 2)),
        ("ab\r\ncd", 3, Position(0, 2)),  # inside \r\n: still the end of line 0
        ("ab\r\ncd", 4, Position(1, 0)),
        ("ab\rcd", 3, Position(1, 0)),
        ("ab\n", 3, Position(1, 0)),  # after a final newline: the empty last line
        ("ab", -5, Position(0, 0)),  # clamped
        ("ab", 99, Position(0, 2)),
        ("a\u2028b", 2, Position(0, 2)),  # U+2028 is an ordinary character
    ],
)
def test_position_of_offset(text: str, offset: int, expected: Position) -> None:
    source = SourceText(text)
    assert source.position(offset) == expected
    assert source.line_of(offset) == expected.line


@pytest.mark.parametrize("text", ["ab\ncd", "ab\r\ncd\r\n", "x\ry\r\n\nz", "😀\r\né", ""])
def test_offset_position_round_trip(text: str) -> None:
    source = SourceText(text)
    for offset in range(len(text) + 1):
        inside_crlf = text[offset - 1 : offset + 1] == "\r\n"
        back = source.offset(source.position(offset))
        assert back == (offset - 1 if inside_crlf else offset)


def test_offset_clamps_line_and_column() -> None:
    source = SourceText("ab\r\ncd")
    assert source.offset(Position(0, 99)) == 2  # never into the EOL
    assert source.offset(Position(9, 1)) == 5
    assert source.offset(Position(-1, -1)) == 0


# -- column units ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "column", "utf16", "utf8"),
    [
        ("abc", 2, 2, 2),
        ("é€x", 2, 2, 5),  # é is 2 bytes, € 3
        ("😀x", 1, 2, 4),  # astral: 2 UTF-16 units, 4 bytes
        ("😀😀x", 2, 4, 8),
        ("a😀b😀c", 4, 6, 10),
        ("👩‍👩‍👧 x", 6, 9, 19),  # a ZWJ family: 3 astral characters + 2 joiners
        ("x", 3, 3, 3),  # past the end: one unit per missing character
    ],
)
def test_column_in_units(line: str, column: int, utf16: int, utf8: int) -> None:
    source = SourceText(f"first line\r\n{line}\n")
    pos = Position(1, column)
    assert source.column_in(pos, "utf-32") == column
    assert source.column_in(pos, "utf-16") == utf16
    assert source.column_in(pos, "utf-8") == utf8
    assert source.column_from(1, utf16, "utf-16") == column
    assert source.column_from(1, utf8, "utf-8") == column


@pytest.mark.parametrize("line", ["plain ascii", "café 😀 naïve 🚀🚀 end", "€€€", "😀"])
def test_column_from_inverts_column_in_everywhere(line: str) -> None:
    source = SourceText(line)
    for column in range(len(line) + 1):
        for unit in ("utf-8", "utf-16", "utf-32"):
            converted = source.column_in(Position(0, column), unit)  # type: ignore[arg-type]
            assert source.column_from(0, converted, unit) == column  # type: ignore[arg-type]


def test_column_inside_a_character_rounds_up() -> None:
    source = SourceText("😀x")
    assert source.column_from(0, 1, "utf-16") == 1  # the low surrogate
    assert source.column_from(0, 2, "utf-8") == 1  # a continuation byte


def test_columns_are_per_line() -> None:
    source = SourceText("😀😀😀\nabc")
    assert source.column_in(Position(1, 2), "utf-16") == 2
    assert source.convert(source.text.index("c"), "utf-16") == (1, 2)
    assert source.convert(3, "utf-16") == (0, 6)


def test_unknown_unit_is_an_error() -> None:
    with pytest.raises(ValueError, match="utf-7"):
        SourceText("x").column_in(Position(0, 0), "utf-7")  # type: ignore[arg-type]


# -- decoding and encoding -------------------------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [b"plain\n", b"crlf\r\nkept\r\n", b"cr\ronly", "caf\u00e9 \U0001f600".encode(), b""],
)
def test_decode_encode_round_trip(data: bytes) -> None:
    for raw in (data, codecs.BOM_UTF8 + data):
        source = SourceText.decode(raw)
        assert source.bom is raw.startswith(codecs.BOM_UTF8)
        assert not source.text.startswith("\ufeff")
        assert source.encode() == raw


def test_bom_is_not_a_character_of_the_text() -> None:
    source = SourceText.decode(codecs.BOM_UTF8 + b"# Title\n")
    assert source.text == "# Title\n"
    assert source.position(0) == Position(0, 0)
    assert SourceText.decode(b"# Title\n").bom is False


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        (b"ab\xffcd", 2),
        (codecs.BOM_UTF8 + b"ab\xffcd", 5),  # the offset counts the BOM's three bytes
        ("é".encode() + b"\x80", 2),  # a lone continuation byte
        (b"line\nab\xe2\x82", 7),  # a truncated sequence at the end
        (b"\xed\xa0\x80", 0),  # an encoded surrogate is not UTF-8
        (b"\xc0\xaf", 0),  # overlong
    ],
)
def test_decode_error_names_the_byte_offset(data: bytes, offset: int) -> None:
    with pytest.raises(DecodeError) as info:
        SourceText.decode(data)
    assert info.value.offset == offset
    assert f"byte offset {offset}" in str(info.value)


def test_source_text_is_immutable_and_compares_by_text() -> None:
    source = SourceText("a\nb")
    with pytest.raises(AttributeError):
        source.text = "other"  # type: ignore[misc]
    assert source == SourceText("a\nb")
    assert hash(source) == hash(SourceText("a\nb"))
    assert source != SourceText("a\nb", bom=True)
