"""An open document's text and line index, updated in place by incremental edits."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from lint.source import EOL, ColumnUnit, SourceText


class TextBuffer:
    """The text of one open document with the offsets of its line starts.

    Applying an edit rescans only the lines around it (and shifts the later line starts),
    so a keystroke in a 5 MB document does not rebuild the whole index. Lines break where
    SourceText breaks them (\\r\\n, \\r, \\n), which is the protocol's definition.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = list(SourceText(text).line_starts)

    def offset(self, where: Mapping[str, Any], unit: ColumnUnit) -> int:
        """The code-point offset of an LSP position. Out-of-range values are clamped as
        the protocol asks: a column past the line's end is its end, a line past the last
        one is the end of the text."""
        line, character = int(where["line"]), int(where["character"])
        if line < 0 or character < 0:
            raise ValueError(f"negative position {line}:{character}")
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self._line_end(line)
        text = self.text[start:end]
        column = character if unit == "utf-32" else SourceText(text).column_from(0, character, unit)
        return start + min(column, len(text))

    def _line_end(self, line: int) -> int:
        if line + 1 >= len(self.starts):
            return len(self.text)
        after = self.starts[line + 1]
        return after - 2 if self.text.startswith("\r\n", after - 2) else after - 1

    def apply(self, change: Mapping[str, Any], unit: ColumnUnit) -> None:
        """Apply one TextDocumentContentChangeEvent: the whole text, or a range of it.

        Raises ValueError for a range whose end comes before its start (the text is then
        left as it was)."""
        new = str(change["text"])
        where = change.get("range")
        if where is None:
            self.__init__(new)  # type: ignore[misc]  # a full replacement: reindex
            return
        start, end = self.offset(where["start"], unit), self.offset(where["end"], unit)
        if end < start:
            raise ValueError("the range ends before it starts")
        old_length = len(self.text)
        self.text = self.text[:start] + new + self.text[end:]
        delta = len(self.text) - old_length
        # Rescan from the line before the edit (an inserted \n may join a \r there) to two
        # lines after it (a deleted \n may join a \r to the next line's break); line starts
        # outside that window stay, those after it move by `delta`.
        first = max(bisect.bisect_right(self.starts, start) - 2, 0)
        last = bisect.bisect_right(self.starts, end) + 1
        scan_from = self.starts[first]
        old_to = self.starts[last] if last < len(self.starts) else old_length
        new_to = old_to + delta
        middle = [m.end() for m in EOL.finditer(self.text, scan_from, new_to)]
        tail = [s + delta for s in self.starts[last + 1:]] if last < len(self.starts) else []
        self.starts[first + 1:] = middle + tail

    def source(self) -> SourceText:
        return SourceText(self.text)
