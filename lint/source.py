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


class DecodeError(ValueError):
    """Bytes that are not valid UTF-8; `offset` is the 0-based byte offset of the bad byte."""

    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(f"not valid UTF-8 at byte offset {offset}: {reason}")
        self.offset = offset
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    """Immutable document text with its line index.

    Internal positions are 0-based lines and 0-based code-point columns; conversions to
    other units happen only through `column_in` / `column_from`.
    """

    text: str
    """The decoded text, byte-order mark removed, line endings untouched."""
    bom: bool = False
    """True when the file started with a UTF-8 byte-order mark (kept for writing back)."""
    line_starts: tuple[int, ...] = field(init=False, repr=False)
    """Code-point offset of the first character of each line."""

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(m.end() for m in EOL.finditer(self.text))
        object.__setattr__(self, "line_starts", tuple(starts))

    @classmethod
    def decode(cls, data: bytes) -> SourceText:
        """Decode UTF-8 bytes (optional BOM). Raises DecodeError naming the byte offset."""
        bom = data.startswith(codecs.BOM_UTF8)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DecodeError(exc.start, exc.reason) from None
        return cls(text, bom=bom)

    def encode(self) -> bytes:
        """The bytes this text came from (BOM restored)."""
        return (codecs.BOM_UTF8 if self.bom else b"") + self.text.encode("utf-8")

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_end(self, line: int) -> int:
        """Offset just past the last character of `line`, before its EOL."""
        if line + 1 < len(self.line_starts):
            nxt = self.line_starts[line + 1]
            if self.text.startswith("\r\n", nxt - 2):
                return nxt - 2
            return nxt - 1
        return len(self.text)

    def line_text(self, line: int) -> str:
        """The text of `line` (0-based) without its line ending."""
        return self.text[self.line_starts[line] : self.line_end(line)]

    def line_ending(self, line: int) -> str:
        """The EOL sequence that ends `line` ('' for the last line)."""
        return self.text[self.line_end(line) : self.line_starts[line + 1]] if (
            line + 1 < len(self.line_starts)
        ) else ""

    def dominant_eol(self) -> str:
        """The most common line ending, '\\n' for a one-line text."""
        counts: dict[str, int] = {}
        for m in EOL.finditer(self.text):
            counts[m.group()] = counts.get(m.group(), 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else "\n"

    def position(self, offset: int) -> Position:
        """0-based (line, code-point column) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        # An offset inside a \r\n pair belongs to the end of the line, not column +1.
        return Position(line, min(offset, self.line_end(line)) - self.line_starts[line])

    def offset(self, position: Position) -> int:
        """Code-point offset of a 0-based position (column clamped to the line)."""
        line = max(0, min(position.line, len(self.line_starts) - 1))
        start = self.line_starts[line]
        return min(start + max(position.column, 0), self.line_end(line))

    def column_in(self, position: Position, unit: ColumnUnit) -> int:
        """The column of `position` counted in `unit` (utf-32 = code points)."""
        if unit == "utf-32":
            return position.column
        prefix = self.line_text(position.line)[: position.column]
        if unit == "utf-16":
            return position.column + sum(1 for ch in prefix if ord(ch) > 0xFFFF)
        return len(prefix.encode("utf-8"))

    def column_from(self, line: int, column: int, unit: ColumnUnit) -> int:
        """Inverse of `column_in`: a code-point column from a column counted in `unit`."""
        if unit == "utf-32":
            return column
        text = self.line_text(line) if 0 <= line < len(self.line_starts) else ""
        count = 0
        for index, ch in enumerate(text):
            if count >= column:
                return index
            count += (2 if ord(ch) > 0xFFFF else 1) if unit == "utf-16" else len(
                ch.encode("utf-8")
            )
        return len(text)
