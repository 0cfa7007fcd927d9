"""HTML drafts (CMS exports) → blocks of prose from the body, positions in the HTML source."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from lint.data import load_data
from lint.document import Block, Comment, Document
from lint.document.projection import Projection

_TAGS = load_data("html")
_SKIPPED = frozenset(_TAGS["skipped"])
_CODE = frozenset(_TAGS["code"])
_BREAKS = frozenset(_TAGS["breaks"])
_CONTAINERS: dict[str, str] = _TAGS["containers"]
_HEADINGS = frozenset(_TAGS["headings"])
_CELLS = frozenset(_TAGS["cells"])
_VOID = frozenset(_TAGS["void"])


def parse_html(doc: Document) -> None:
    """Fill doc.blocks and doc.comments from an HTML source."""
    reader = _Reader(doc)
    reader.feed(doc.source.text)
    reader.close()
    reader.flush()


class _Reader(HTMLParser):
    """Collects character data into blocks; every piece keeps its source offset."""

    def __init__(self, doc: Document) -> None:
        # Character references arrive separately, so that data stays a verbatim slice.
        super().__init__(convert_charrefs=False)
        self.doc = doc
        self.stack: list[str] = []
        self.skipping = 0
        self.code = 0
        self.pieces: list[tuple[str, int, int, bool]] = []

    # -- positions -------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return self.doc.source.line_starts[line - 1] + column

    # -- structure -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.flush()
        if tag in _VOID:
            return
        if tag in _SKIPPED:
            self.skipping += 1
        if tag in _CODE:
            self.code += 1
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.flush()
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:  # unclosed inner elements end with their parent
            open_tag = self.stack.pop()
            self.skipping -= open_tag in _SKIPPED
            self.code -= open_tag in _CODE
            if open_tag == tag:
                break

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        end = start + len(data) + len("<!---->")
        source = self.doc.source
        line_start = source.line_starts[source.line_of(start)]
        line_end = source.line_end(source.line_of(min(end, len(source.text))))
        own_line = not (source.text[line_start:start].strip()
                        or source.text[end:line_end].strip())
        self.doc.comments.append(Comment(start, end, data.strip(), own_line))

    # -- text ------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        start = self._offset()
        position = 0
        # Line breaks inside a paragraph are spaces to a reader, as in Markdown.
        for index, char in enumerate(data):
            if char in "\r\n":
                self._add(data[position:index], start + position, True)
                self._add(" ", start + index, False, 1)
                position = index + 1
        self._add(data[position:], start + position, True)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, written: str) -> None:
        if self.skipping:
            return
        start = self._offset()
        # The parser also accepts a reference without its semicolon.
        if not self.doc.source.text.startswith(written, start):
            written = written[:-1]
        self._add(html.unescape(written), start, False, len(written))

    def _add(self, text: str, start: int, verbatim: bool, length: int | None = None) -> None:
        if text:
            self.pieces.append((text, start, len(text) if length is None else length,
                                verbatim))

    def flush(self) -> None:
        """End the current block: its pieces, without white space at either end."""
        pieces, self.pieces = self.pieces, []
        while pieces and not pieces[0][0].strip():
            pieces.pop(0)
        while pieces and not pieces[-1][0].strip():
            pieces.pop()
        if not pieces:
            return
        text, start, length, verbatim = pieces[0]
        lead = len(text) - len(text.lstrip())
        pieces[0] = (text[lead:], start + lead, length - lead if verbatim else length, verbatim)
        text, start, length, verbatim = pieces[-1]
        trail = len(text) - len(text.rstrip())
        if trail:
            pieces[-1] = (text[:-trail], start, length - trail if verbatim else length,
                          verbatim)
        projection = Projection()
        for text, start, length, verbatim in pieces:
            projection.append(text, start, length, verbatim)
        if not any(char.isalnum() for char in projection.text):
            return
        end = pieces[-1][1] + pieces[-1][2]
        self.doc.blocks.append(Block(self._scope(), pieces[0][1], end, projection,
                                     len(self.doc.blocks)))

    def _scope(self) -> tuple[str, ...]:
        scope = tuple(_CONTAINERS[t] for t in self.stack if t in _CONTAINERS)
        leaf = next((t for t in reversed(self.stack) if t in _BREAKS or t in _CODE), "")
        if self.code:
            return (*scope, "code")
        if leaf in _HEADINGS:
            return (*scope, "heading", leaf)
        if leaf in _CELLS:
            return (*scope, "cell")
        return (*scope, "paragraph")
