"""Projection: prose text with markup removed, plus a run-map back to source offsets."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

PLACEHOLDER = "\ufffc"
"""Stands in for a code span, image or autolink: words never match into it, sentences
stay whole."""

ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference as CommonMark recognises it (the semicolon is required)."""
ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
"""ASCII punctuation a backslash can escape in CommonMark."""


@dataclass(frozen=True, slots=True)
class Run:
    """Maps projection text[text_start:text_start+text_len] to source[source_start:...]."""

    text_start: int
    """0-based code-point offset into the projection text."""
    text_len: int
    source_start: int
    """0-based code-point offset into the SourceText."""
    source_len: int
    verbatim: bool = True
    """True when the text is a character-for-character copy of the source slice."""

    @property
    def exact(self) -> bool:
        """Same length on both sides: offsets inside the run map one to one."""
        return self.text_len == self.source_len


@dataclass
class Projection:
    """Prose text of one block and where each of its characters came from.

    Offsets on both sides are 0-based code points; `text` indexes are local to the
    block, source indexes are into the whole SourceText. Runs are sorted and contiguous
    on the text side; on the source side they are increasing.
    """

    text: str = ""
    runs: list[Run] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)
    """Per run: False for placeholders, entities, escapes and line breaks."""
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def identity(cls, text: str, source_start: int) -> Projection:
        """A projection that is a plain slice of the source (plain-text paragraphs)."""
        proj = cls()
        proj.append(text, source_start, len(text))
        return proj

    def append(
        self, text: str, source_start: int, source_len: int, verbatim: bool = True
    ) -> None:
        """Add text copied from (or standing in for) source[source_start:+source_len].

        `verbatim` must only be True when `text` equals that source slice; consecutive
        verbatim pieces that touch on both sides merge into one run.
        """
        if not text:
            return
        verbatim = verbatim and len(text) == source_len
        if verbatim and self.runs and self.verbatim[-1]:
            last = self.runs[-1]
            if last.source_start + last.source_len == source_start:
                self.runs[-1] = Run(last.text_start, last.text_len + len(text),
                                    last.source_start, last.source_len + source_len)
                self.text += text
                return
        self.runs.append(Run(len(self.text), len(text), source_start, source_len, verbatim))
        self._starts.append(len(self.text))
        self.verbatim.append(verbatim)
        self.text += text

    def verbatim_runs(self) -> Iterator[Run]:
        """The runs that copy the source character for character (what the invariant checks)."""
        return (run for run in self.runs if run.verbatim)

    def _run_at(self, index: int) -> Run:
        i = max(0, bisect.bisect_right(self._starts, index) - 1)
        return self.runs[i]

    def to_source(self, index: int) -> int:
        """Source offset of the character at projection `index` (clamped to the text).

        Inside a run that is not one to one (an entity, a placeholder) every character
        maps to the start of the run's source slice.
        """
        if not self.runs:
            return 0
        index = max(0, min(index, len(self.text) - 1))
        run = self._run_at(index)
        if run.exact:
            return run.source_start + (index - run.text_start)
        return run.source_start

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of projection text[start:end]; end exclusive.

        A span that covers part of a placeholder or entity widens to the whole source
        construct, so a finding never points into half of `&amp;` or a code span.
        """
        if not self.runs:
            return (0, 0)
        src_start = self.to_source(start)
        if end <= start:
            return (src_start, src_start)
        last = self._run_at(min(end - 1, len(self.text) - 1))
        if last.exact:
            src_end = last.source_start + (min(end, len(self.text)) - 1 - last.text_start) + 1
        else:
            src_end = last.source_start + last.source_len
        return (src_start, max(src_start, src_end))


@dataclass
class ContentMap:
    """Where each character of a parser's content string lies in the source.

    Parsers hand out block content with container prefixes (`> `, list indentation)
    removed and line endings normalised to `\\n`; this records, per content character,
    its source offset and the length of source it stands for (the EOL length for `\\n`,
    0 for characters the parser inserted, such as spaces for a partly used tab).
    """

    content: str
    offsets: list[int]
    """len(content) + 1 source offsets; the last is the end of the content's source."""
    widths: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of content[start:end]."""
        if end <= start:
            return (self.offsets[start], self.offsets[start])
        last = end - 1
        return (self.offsets[start], self.offsets[last] + max(self.widths[last], 1))


def map_lines(
    source: str, line_spans: list[tuple[int, int, int]], content: str
) -> ContentMap:
    """Map `content` (its lines joined by `\\n`) onto source lines.

    `line_spans` holds (line_start, line_end, eol_len) for the source lines the content
    may come from, in order. Each content line, stripped, is located as a suffix of a
    source line (the prefix is container markup), or else found inside it (ATX headings
    lose a closing `#` sequence); lines are matched monotonically, so a line the parser
    dropped entirely (white space only) is skipped.
    """
    offsets: list[int] = []
    widths: list[int] = []
    pieces = content.split("\n")
    line_index = 0
    for k, piece in enumerate(pieces):
        core = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        found: tuple[int, int, int, int] | None = None  # (line_start, line_end, eol, core_at)
        for j in range(line_index, len(line_spans)):
            start, end, eol = line_spans[j]
            # markdown-it replaces NUL by U+FFFD; the lengths stay equal.
            line = source[start:end].replace("\0", "\ufffd")
            at = _locate(line, core)
            if at is not None:
                found = (start, end, eol, at)
                line_index = j + 1
                break
        if found is None:
            # Never crash on a parser surprise: pin the piece to the next unused line.
            if line_index < len(line_spans):
                start, end, eol = line_spans[line_index]
                line_index += 1
            else:
                start, end, eol = line_spans[-1] if line_spans else (0, 0, 0)
            found = (start, end, eol, 0)
        start, end, eol, at = found
        core_start = start + at
        for i in range(min(lead, len(piece))):
            # Leading white space may be the parser's (tab expansion): pin it just
            # before the core, or at the line start when there is no room.
            src = core_start - (lead - i)
            offsets.append(src if src >= start else start)
            widths.append(1 if src >= start else 0)
        # The rest of the piece is a copy of the source from the core on.
        tail = len(piece) - lead
        inside = max(0, min(tail, end - core_start))
        offsets.extend(range(core_start, core_start + inside))
        widths.extend([1] * inside)
        offsets.extend([end] * (tail - inside))
        widths.extend([0] * (tail - inside))
        if k + 1 < len(pieces):
            offsets.append(end)
            widths.append(eol)
    offsets.append(offsets[-1] + max(widths[-1], 0) if offsets else (
        line_spans[0][0] if line_spans else 0))
    return ContentMap(content, offsets, widths)


def _locate(line: str, core: str) -> int | None:
    """Column of `core` in `line`: as its suffix, else its last occurrence."""
    if not core:
        return len(line) - len(line.lstrip())
    body = line.rstrip()
    if body.endswith(core):
        return len(body) - len(core)
    at = line.rfind(core)
    return at if at >= 0 else None


class Aligner:
    """Walks a content string with a cursor, appending prose to a Projection.

    The markup-specific walk (markdown.py) tells it what each piece of content is; the
    Aligner checks each character against the content and the source, so that every
    run it marks verbatim is a true copy of the source.
    """

    def __init__(
        self,
        source: str,
        cmap: ContentMap,
        projection: Projection,
        decode_entity: Callable[[str], str] | None = None,
    ) -> None:
        self.source = source
        self.decode_entity = decode_entity or _decode_entity
        """Turns `&name;` / `&#nn;` into text; the parser's own table when it has one."""
        self.cmap = cmap
        self.content = cmap.content
        self.projection = projection
        self.pos = 0
        """Cursor: 0-based index into the content string."""
        self.misaligned = 0
        """How many times the walk had to search for text it expected at the cursor."""

    # -- low level --------------------------------------------------------------------
    def emit_content(self, start: int, end: int) -> None:
        """Append content[start:end] as prose, mapped character by character."""
        offsets, widths = self.cmap.offsets, self.cmap.widths
        content, source = self.content, self.source
        i = start
        while i < end:
            # Extend a chunk while the source is a contiguous verbatim copy.
            j = i
            src0 = offsets[i]
            while (
                j < end
                and widths[j] == 1
                and offsets[j] == src0 + (j - i)
                and source[offsets[j]] == content[j]
            ):
                j += 1
            if j > i:
                self.projection.append(content[i:j], src0, j - i)
                i = j
                continue
            self.projection.append(content[i], offsets[i], widths[i], verbatim=False)
            i += 1

    def emit_standin(self, text: str, start: int, end: int) -> None:
        """Append `text` standing for content[start:end] (a placeholder, a decoded entity)."""
        src_start, src_end = self.cmap.span(start, end)
        self.projection.append(text, src_start, src_end - src_start, verbatim=False)

    def expect(self, literal: str) -> bool:
        """Step over `literal` (markup) at the cursor; search forward when it is not there."""
        if not literal:
            return True
        if self.content.startswith(literal, self.pos):
            self.pos += len(literal)
            return True
        found = self.content.find(literal, self.pos)
        self.misaligned += 1
        if found < 0:
            return False
        self.pos = found + len(literal)
        return True

    # -- text tokens ------------------------------------------------------------------
    def text(self, text: str, emit: bool = True) -> None:
        """Align a decoded text token at the cursor: escapes and entities are undone."""
        content = self.content
        if "\\" not in text and "&" not in text and content.startswith(text, self.pos):
            # Fast path: without backslashes or ampersands a literal match is the match.
            if emit:
                self.emit_content(self.pos, self.pos + len(text))
            self.pos += len(text)
            return
        n = len(content)
        j = 0
        chunk_start = self.pos
        while j < len(text):
            i = self.pos
            ch = text[j]
            if i < n and content[i] == "\\" and i + 1 < n and content[i + 1] == ch and (
                ch in ESCAPABLE
            ):
                # `\*` reads as `*`: keep the star (a true copy), drop the backslash.
                if emit:
                    self.emit_content(chunk_start, i)
                    self.emit_content(i + 1, i + 2)
                self.pos = i + 2
                chunk_start = self.pos
                j += 1
                continue
            if i < n and content[i] == "&":
                entity = ENTITY.match(content, i)
                if entity:
                    decoded = self.decode_entity(entity.group())
                    if decoded != entity.group() and text.startswith(decoded, j):
                        if emit:
                            self.emit_content(chunk_start, i)
                            self.emit_standin(decoded, i, entity.end())
                        self.pos = entity.end()
                        chunk_start = self.pos
                        j += len(decoded)
                        continue
            if i < n and content[i] == ch:
                self.pos += 1
                j += 1
                continue
            # Lost: flush what we have and search for the rest of the token.
            if emit:
                self.emit_content(chunk_start, i)
            self.misaligned += 1
            rest = text[j:]
            found = content.find(rest, i)
            if found >= 0:
                self.pos = found
                chunk_start = found
                continue
            nxt = content.find(ch, i)
            if nxt < 0:
                # Keep the character (rules still see it), pinned to the cursor.
                if emit:
                    at = self.cmap.offsets[min(i, n)]
                    self.projection.append(ch, at, 0, verbatim=False)
                j += 1
                chunk_start = self.pos
                continue
            self.pos = nxt
            chunk_start = nxt
        if emit:
            self.emit_content(chunk_start, self.pos)


def _decode_entity(entity: str) -> str:
    """The character(s) a CommonMark entity stands for (U+FFFD for invalid code points)."""
    if entity.startswith("&#"):
        try:
            code = int(entity[3:-1], 16) if entity[2] in "xX" else int(entity[2:-1])
        except ValueError:
            return entity
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return "\ufffd"
        return chr(code)
    return html.unescape(entity)
