"""SourceText: the one owner of positions (line index, offsets, UTF-8/16/32 columns)."""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from typing import Literal

from lint.diagnostic import Position

# The line definition markdown-it and LSP use. Not str.splitlines(), which also
# breaks on U+2028, form feed, \x1c-\x1e and \x85 (see docs/architecture.md §4.3).
EOL = re.compile(r"\r\n|\r|\n")

ColumnUnit = Literal["utf-8", "utf-16", "utf-32"]
COLUMN_UNITS: tuple[ColumnUnit, ...] = ("utf-8", "utf-16", "utf-32")


class DecodeError(ValueError):
    """Bytes that are not valid UTF-8; `offset` is the 0-based byte offset of the bad byte."""

    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(f"not valid UTF-8 at byte offset {offset}: {reason}")
        self.offset = offset
        """0-based offset into the bytes as read (a byte-order mark counts)."""
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    """Immutable document text with its line index.

    Internal positions are 0-based lines and 0-based code-point columns; conversions to
    other units happen only through `column_in` / `column_from`, and the 1-based numbers
    users see are made by the reporters.
    """

    text: str
    """The decoded text, byte-order mark removed, line endings untouched."""
    bom: bool = False
    """True when the file started with a UTF-8 byte-order mark (kept for writing back)."""
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """Code-point offset of the first character of each line (0-based)."""
    _astral: dict[int, list[int]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    """Per line, the sorted columns of characters outside the BMP (filled lazily)."""

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(m.end() for m in EOL.finditer(self.text))
        object.__setattr__(self, "line_starts", tuple(starts))

    @classmethod
    def decode(cls, data: bytes) -> SourceText:
        """Decode UTF-8 bytes (optional BOM). Raises DecodeError naming the byte offset."""
        bom = data.startswith(codecs.BOM_UTF8)
        body = data[len(codecs.BOM_UTF8) :] if bom else data
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            # The offset is reported into the bytes as read, so the BOM counts.
            skipped = len(codecs.BOM_UTF8) if bom else 0
            raise DecodeError(exc.start + skipped, exc.reason) from None
        return cls(text, bom=bom)

    def encode(self) -> bytes:
        """The bytes this text came from (BOM restored, line endings untouched)."""
        return (codecs.BOM_UTF8 if self.bom else b"") + self.text.encode("utf-8")

    # -- lines ---------------------------------------------------------------------------
    @property
    def line_count(self) -> int:
        """Number of lines; a text ending with an EOL has a last, empty line."""
        return len(self.line_starts)

    def line_end(self, line: int) -> int:
        """Offset just past the last character of `line`, before its EOL."""
        if line + 1 < len(self.line_starts):
            nxt = self.line_starts[line + 1]
            if self.text.startswith("\r\n", nxt - 2) and nxt - 2 >= self.line_starts[line]:
                return nxt - 2
            return nxt - 1
        return len(self.text)

    def line_text(self, line: int) -> str:
        """The text of `line` (0-based) without its line ending."""
        return self.text[self.line_starts[line] : self.line_end(line)]

    def line_ending(self, line: int) -> str:
        """The EOL sequence that ends `line` ('' for the last line)."""
        if line + 1 < len(self.line_starts):
            return self.text[self.line_end(line) : self.line_starts[line + 1]]
        return ""

    def dominant_eol(self) -> str:
        """The most common line ending, '\\n' for a one-line text."""
        counts: dict[str, int] = {}
        for m in EOL.finditer(self.text):
            counts[m.group()] = counts.get(m.group(), 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else "\n"

    # -- offsets and positions -------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        """0-based line holding code-point `offset` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> Position:
        """0-based (line, code-point column) of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        # An offset inside a \r\n pair (or on any EOL) is the end of its line.
        return Position(line, min(offset, self.line_end(line)) - self.line_starts[line])

    def offset(self, position: Position) -> int:
        """Code-point offset of a 0-based position (line and column clamped)."""
        line = max(0, min(position.line, len(self.line_starts) - 1))
        start = self.line_starts[line]
        return min(start + max(position.column, 0), self.line_end(line))

    # -- column units ----------------------------------------------------------------------
    def _astral_columns(self, line: int) -> list[int]:
        cached = self._astral.get(line)
        if cached is None:
            text = self.line_text(line)
            # Fast path: a line with no astral character has identical UTF-16 columns.
            cached = [] if text.isascii() or max(text) <= "\uffff" else [
                i for i, ch in enumerate(text) if ord(ch) > 0xFFFF
            ]
            self._astral[line] = cached
        return cached

    def column_in(self, position: Position, unit: ColumnUnit) -> int:
        """The column of `position` counted in `unit` (utf-32 = code points).

        Columns past the end of the line count one unit per missing character, so the
        conversion is monotonic and `column_from` inverts it.
        """
        if unit == "utf-32":
            return position.column
        if not 0 <= position.line < len(self.line_starts):
            return position.column
        if unit == "utf-16":
            astral = self._astral_columns(position.line)
            return position.column + bisect.bisect_left(astral, position.column)
        if unit == "utf-8":
            text = self.line_text(position.line)
            column = max(position.column, 0)
            extra = max(0, column - len(text))
            return len(text[:column].encode("utf-8", "surrogatepass")) + extra
        raise ValueError(f"unknown column unit {unit!r} (expected one of {COLUMN_UNITS})")

    def column_from(self, line: int, column: int, unit: ColumnUnit) -> int:
        """Inverse of `column_in`: a code-point column from a column counted in `unit`.

        A column that falls inside a character (the second half of a surrogate pair, a
        continuation byte) rounds up to the next character boundary.
        """
        if unit == "utf-32":
            return column
        if unit not in COLUMN_UNITS:
            raise ValueError(f"unknown column unit {unit!r} (expected one of {COLUMN_UNITS})")
        if not 0 <= line < len(self.line_starts):
            return column
        text = self.line_text(line)
        if unit == "utf-16":
            astral = self._astral_columns(line)
            if not astral:
                return column
        count = 0
        for index, ch in enumerate(text):
            if count >= column:
                return index
            if unit == "utf-16":
                count += 2 if ord(ch) > 0xFFFF else 1
            else:
                count += len(ch.encode("utf-8", "surrogatepass"))
        return len(text) + max(0, column - count)

    def convert(self, offset: int, unit: ColumnUnit) -> tuple[int, int]:
        """0-based (line, column in `unit`) of a code-point offset, for reporters and LSP."""
        pos = self.position(offset)
        return pos.line, self.column_in(pos, unit)
