"""Markdown → blocks: the markdown-it-py token walk (the only module that imports it)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.entities import entities as _ENTITIES
from markdown_it.common.utils import isValidEntityCode
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from lint.document import Block, Comment, Document, Inline, Problem
from lint.document.projection import (
    PLACEHOLDER,
    Aligner,
    ContentMap,
    Projection,
    map_lines,
)
from lint.source import SourceText

MAX_NESTING = 100
"""Block nesting markdown-it parses (its default, 20, left text in 20 blockquotes or 10
list levels unparsed and unlinted); deeper text gets one notice (a Problem)."""
_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")

# Open-token type → the scope name it pushes (its closing token pops it).
_CONTAINERS = {
    "blockquote_open": "blockquote",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "item",
    "table_open": "table",
    "thead_open": "header",
    "tbody_open": "body",
    "tr_open": "row",
}
_CLOSERS = {name.replace("_open", "_close") for name in _CONTAINERS}
_LEAVES = {"paragraph_open": "paragraph", "th_open": "cell", "td_open": "cell"}
# Delimiter tokens whose markup is exactly the source characters they stand for.
_DELIMITERS = frozenset(
    {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}
)
# Inline token type (less _open / _close) → the HTML tag it renders as (Inline.name).
_TAGS = {"em": "em", "strong": "strong", "s": "del", "link": "a"}
_SPACE = " \t"


def parse_markdown(doc: Document, parse_text: str) -> None:
    """Fill doc.blocks and doc.comments from `parse_text`.

    `parse_text` is the source with front matter lines blanked, so that line numbers and
    offsets are those of the real source.
    """
    source = doc.source
    stack: list[str] = []
    leaf: tuple[str, ...] | None = None
    row_cursor = 0  # cells of one table row share a line: search on from the last cell
    row_line = 0
    views: dict[int, tuple[str, list[int]]] = {}  # row lines, built once for all their cells
    too_deep: Token | None = None
    for token in _PARSER.parse(parse_text):
        kind = token.type
        if too_deep is None and token.level >= MAX_NESTING - 1 and token.map:
            too_deep = token
        if kind in _CONTAINERS:
            stack.append(_CONTAINERS[kind])
            if kind == "tr_open" and token.map:
                row_line = token.map[0]
                row_cursor = source.line_starts[row_line]
        elif kind in _CLOSERS:
            stack.pop()
        elif kind in _LEAVES:
            leaf = (*stack, _LEAVES[kind])
        elif kind == "heading_open":
            leaf = (*stack, "heading", token.tag)
        elif kind == "inline" and leaf and leaf[-1] == "cell":
            # Some markdown-it versions give cells no map: the row's line is theirs.
            cmap, row_cursor = _cell_map(source, token, row_line, row_cursor, views)
            _add_inline_block(doc, leaf, token, cmap)
            leaf = None
        elif kind == "inline" and token.map is not None:
            scope = leaf or (*stack, "paragraph")
            leaf = None
            cmap = map_lines(source.text, _line_spans(source, token.map), token.content)
            _add_inline_block(doc, scope, token, cmap)
        elif kind in ("fence", "code_block", "html_block") and token.map:
            lo, hi = _line_range(source, token.map)
            name = "html" if kind == "html_block" else "code"
            doc.blocks.append(
                Block((*stack, name), lo, hi, Projection.identity(source.text[lo:hi], lo),
                      len(doc.blocks))
            )
            if name == "html":
                _collect_comments(doc, lo, hi)
    if too_deep is not None:
        # markdown-it stops at MAX_NESTING: what lies deeper was not parsed, so say so.
        start = source.line_starts[min(too_deep.map[0], source.line_count - 1)]
        doc.problems.append(Problem(
            start, source.line_end(source.line_of(start)),
            f"text nested deeper than the Markdown parser goes ({MAX_NESTING} levels: a "
            "blockquote counts one, a list level two) is not linted", kind="nesting"))


def _add_inline_block(
    doc: Document, scope: tuple[str, ...], token: Token, cmap: ContentMap
) -> None:
    projection = Projection()
    aligner = Aligner(doc.source.text, cmap, projection, decode_entity=_decode_entity)
    inline: list[Inline] = []
    _walk(doc, token.children or [], aligner, emit=True, inline=_InlineRecorder(
        aligner, inline, scope))
    # A block of nothing but markup, placeholders or punctuation has no prose to check.
    if any(ch.isalnum() for ch in projection.text):
        start, end = cmap.span(0, len(cmap.content))
        inline.sort(key=lambda i: (i.start, -i.end))  # recorded as they close
        doc.blocks.append(Block(scope, start, end, projection, len(doc.blocks), inline=inline))


def _line_spans(source: SourceText, line_map: Sequence[int]) -> list[tuple[int, int, int]]:
    """(start, end, EOL length) of each source line of a token's 0-based line range."""
    first, stop = line_map[0], min(max(line_map[1], line_map[0] + 1), source.line_count)
    return [
        (source.line_starts[line], source.line_end(line), len(source.line_ending(line)))
        for line in range(first, stop)
    ]


def _line_range(source: SourceText, line_map: Sequence[int]) -> tuple[int, int]:
    """Source offsets covering the 0-based, end-exclusive line range of a block token."""
    first, last = line_map[0], max(line_map[0], line_map[1] - 1)
    last = min(last, source.line_count - 1)
    return source.line_starts[first], source.line_end(last)


def _cell_map(
    source: SourceText, token: Token, row_line: int, cursor: int,
    views: dict[int, tuple[str, list[int]]],
) -> tuple[ContentMap, int]:
    """Map a table cell's content onto its row line, searching from `cursor`.

    markdown-it drops the backslash of an escaped pipe (`\\|`) inside a cell, so the
    search runs on a view of the line without those backslashes. The view of a line is
    built once (in `views`) for all its cells: a wide table stays linear.
    """
    line = token.map[0] if token.map else row_line
    end = source.line_end(line)
    if line not in views:
        views[line] = _row_view(source, line)
    text, where = views[line]
    content = token.content
    begin = bisect.bisect_left(where, cursor)  # `where` ascends
    at = text.find(content, begin) if content else -1
    if at < 0:
        at = begin
        found = False
    else:
        found = True
    offsets: list[int] = []
    widths: list[int] = []
    for i in range(len(content)):
        if found and at + i < len(where):
            offsets.append(where[at + i])
            widths.append(1)
        else:
            offsets.append(where[at] if at < len(where) else end)
            widths.append(0)
    stop = at + len(content) if found else at
    tail = where[stop - 1] + 1 if found and content else (where[at] if at < len(where) else end)
    offsets.append(tail)
    next_cursor = tail if found else cursor
    return ContentMap(content, offsets, widths), next_cursor


def _row_view(source: SourceText, line: int) -> tuple[str, list[int]]:
    """A row line without the backslashes of escaped pipes, and each character's offset."""
    view: list[str] = []
    where: list[int] = []
    escaped = False
    for offset in range(source.line_starts[line], source.line_end(line)):
        ch = source.text[offset]
        if ch == "|" and escaped:
            view.pop()
            where.pop()
        view.append(ch)
        where.append(offset)
        escaped = ch == "\\"
    return "".join(view).replace("\0", "\ufffd"), where


def _own_line(source: SourceText, start: int, end: int) -> bool:
    """Nothing but white space (or blockquote markers) shares the lines of start..end."""
    first, last = source.position(start), source.position(end)
    before = source.line_text(first.line)[: first.column]
    after = source.line_text(last.line)[last.column :]
    return not before.replace(">", "").strip() and not after.strip()


def _collect_comments(doc: Document, lo: int, hi: int) -> None:
    """Record every `<!-- ... -->` of an HTML block (directives live there)."""
    text = doc.source.text
    pos = lo
    while (start := text.find("<!--", pos, hi)) >= 0:
        close = text.find("-->", start + 4, hi)
        end = close + 3 if close >= 0 else hi
        inner = text[start + 4 : close if close >= 0 else hi]
        doc.comments.append(Comment(start, end, inner.strip(), _own_line(doc.source, start, end)))
        pos = end


def _decode_entity(entity: str) -> str:
    """Decode an entity exactly as markdown-it does (unknown names stay as they are)."""
    if entity.startswith("&#"):
        digits = entity[2:-1]
        code = int(digits[1:], 16) if digits[:1] in ("x", "X") else int(digits)
        return chr(code) if isValidEntityCode(code) else "\ufffd"
    return _ENTITIES.get(entity[1:-1], entity)


# -- the inline walk --------------------------------------------------------------------
class _InlineRecorder:
    """Records the inline elements a walk passes (Block.inline): where each opens and
    closes in the content and in the projection, mapped to source offsets."""

    def __init__(self, al: Aligner, out: list[Inline], scope: tuple[str, ...]) -> None:
        self.al, self.out, self.scope = al, out, scope
        self.open: list[tuple[str, int, int]] = []  # (tag, content start, text start)
        self.html: list[tuple[str, int, int, tuple[str, ...]]] = []  # and classes

    def html_tag(self, raw: str, start: int) -> None:
        """An inline HTML tag: an opening one is recorded when its closing tag comes."""
        tag = _read_html_tag(raw)
        if tag is None:
            return
        name, classes, opening = tag
        if opening:
            self.html.append((name, start, len(self.al.projection.text), classes))
            return
        for index in range(len(self.html) - 1, -1, -1):
            if self.html[index][0] == name:
                _, begin, text_start, classes = self.html[index]
                del self.html[index:]
                src_start, src_end = self.al.cmap.span(begin, self.al.pos)
                self.out.append(Inline(name, src_start, src_end, text_start,
                                       len(self.al.projection.text), classes=classes))
                return

    def opened(self, tag: str, content_start: int) -> None:
        self.open.append((tag, content_start, len(self.al.projection.text)))

    def closed(self, tag: str) -> None:
        # Tokens close in the order they opened; a stray close is left unrecorded.
        if self.open and self.open[-1][0] == tag:
            _, start, text_start = self.open.pop()
            self.add(tag, start, self.al.pos, text_start)

    def add(self, tag: str, start: int, end: int, text_start: int,
            alt: Block | None = None) -> None:
        src_start, src_end = self.al.cmap.span(start, end)
        self.out.append(Inline(tag, src_start, src_end, text_start,
                               len(self.al.projection.text), alt))


@functools.cache
def _html_tag_reader() -> type:
    """The reader of one inline HTML tag, built on first use: a Markdown draft with no
    inline HTML never imports html.parser (a few milliseconds of every start)."""
    from html.parser import HTMLParser

    class HtmlTag(HTMLParser):
        """Reads one inline HTML tag: its name, its class names, and whether it opens."""

        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.tag: tuple[str, tuple[str, ...], bool] | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            names = tuple(n for key, value in attrs if key == "class" and value
                          for n in value.split())
            self.tag = (tag, names, True)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tag = None  # <br/>: no element to hold text

        def handle_endtag(self, tag: str) -> None:
            self.tag = (tag, (), False)

    return HtmlTag


def _read_html_tag(raw: str) -> tuple[str, tuple[str, ...], bool] | None:
    """Name, class names and opening-ness of one inline HTML tag (None for `<br/>`)."""
    reader = _html_tag_reader()()
    reader.feed(raw)
    reader.close()
    return reader.tag


def _alt_block(doc: Document, image: Token, al: Aligner, scope: tuple[str, ...]) -> Block:
    """An image's alt text (its label, markup removed) as a block of its own; moves the
    cursor past the label."""
    alt = Aligner(doc.source.text, al.cmap, Projection(), decode_entity=_decode_entity)
    alt.pos = start = al.pos
    _walk(doc, image.children or [], alt, emit=True, comments=False)
    al.pos, al.misaligned = alt.pos, al.misaligned + alt.misaligned
    src_start, src_end = al.cmap.span(start, alt.pos)
    block = Block((*scope, "alt"), src_start, src_end, alt.projection, -1)
    doc.alt_texts.append(block)
    return block


def _walk(doc: Document, children: Sequence[Token], al: Aligner, emit: bool,
          inline: _InlineRecorder | None = None, comments: bool = True) -> None:
    """Advance the aligner over the inline `children`, appending their prose if `emit`
    (and recording their inline elements in `inline`; comments in doc.comments unless
    `comments` is False)."""
    content = al.content
    in_autolink = False
    for child in children:
        kind = child.type
        if in_autolink:
            if kind == "link_close":
                in_autolink = False
            continue
        if kind in ("text", "text_special"):
            al.text(child.content, emit)
        elif kind in ("softbreak", "hardbreak"):
            _line_break(al, emit)
        elif kind in _DELIMITERS:
            al.expect(child.markup)
            if inline is not None:
                tag, _, edge = kind.rpartition("_")
                if edge == "open":
                    inline.opened(_TAGS[tag], al.pos - len(child.markup))
                else:
                    inline.closed(_TAGS[tag])
        elif kind == "code_inline":
            start = _find_at_cursor(al, child.markup)
            end = _closing_backticks(content, start + len(child.markup), len(child.markup))
            al.pos = end
            if emit:
                text_start = len(al.projection.text)
                al.emit_standin(PLACEHOLDER, start, end)
                if inline is not None:
                    inline.add("code", start, end, text_start)
        elif kind == "link_open" and child.markup in ("autolink", "linkify"):
            # The URL is not prose: one placeholder for the whole <...>.
            start = _find_at_cursor(al, "<") if child.markup == "autolink" else al.pos
            close = content.find(">", start)
            end = close + 1 if close >= 0 else len(content)
            al.pos = end
            if emit:
                text_start = len(al.projection.text)
                al.emit_standin(PLACEHOLDER, start, end)
                if inline is not None:
                    inline.add("a", start, end, text_start)
            in_autolink = True
        elif kind == "link_open":
            al.expect("[")
            if inline is not None:
                inline.opened("a", al.pos - 1)
        elif kind == "link_close":
            label_end = _find_at_cursor(al, "]")
            al.pos = _link_tail(content, label_end)
            if inline is not None:
                inline.closed("a")
        elif kind == "image":
            start = _find_at_cursor(al, "![")
            al.pos = start + 2
            alt = None
            if inline is not None:
                alt = _alt_block(doc, child, al, inline.scope)
            else:
                _walk(doc, child.children or [], al, emit=False)
            label_end = _find_at_cursor(al, "]")
            al.pos = _link_tail(content, label_end)
            if emit:
                text_start = len(al.projection.text)
                al.emit_standin(PLACEHOLDER, start, al.pos)
                if inline is not None:
                    inline.add("img", start, al.pos, text_start, alt)
        elif kind == "html_inline":
            start = _find_at_cursor(al, child.content)
            al.pos = start + len(child.content)
            if child.content.startswith("<!--") and emit and comments:
                _inline_comment(doc, al, start, child.content)
            elif emit and child.content[:3].lower() == "<br":
                # A <br> separates words like a line break does.
                al.emit_standin(" ", start, al.pos)
            elif inline is not None and not child.content.startswith("<!"):
                inline.html_tag(child.content, start)
        elif child.markup:
            al.expect(child.markup)


def _find_at_cursor(al: Aligner, literal: str) -> int:
    """Index of `literal` at (or, if the walk lost its place, after) the cursor."""
    if al.content.startswith(literal, al.pos):
        return al.pos
    al.misaligned += 1
    found = al.content.find(literal, al.pos)
    return found if found >= 0 else al.pos


def _line_break(al: Aligner, emit: bool) -> None:
    """A soft or hard break: trailing spaces or `\\`, the EOL, then leading spaces."""
    content = al.content
    pos = al.pos
    while pos < len(content) and content[pos] in " \t\\":
        pos += 1
    if pos >= len(content) or content[pos] != "\n":
        al.misaligned += 1
        found = content.find("\n", al.pos)
        if found < 0:
            return
        pos = found
    if emit:
        # One space standing for the line ending, so words on both sides stay apart.
        al.emit_standin(" ", pos, pos + 1)
    pos += 1
    while pos < len(content) and content[pos] in _SPACE:
        pos += 1
    al.pos = pos


def _closing_backticks(content: str, pos: int, length: int) -> int:
    """End of the code span whose content starts at `pos` (a backtick run of `length`)."""
    while True:
        found = content.find("`", pos)
        if found < 0:
            return len(content)
        run = found
        while run < len(content) and content[run] == "`":
            run += 1
        if run - found == length:
            return run
        pos = run


def _link_tail(src: str, label_end: int) -> int:
    """Index just past a link's destination, mirroring markdown-it's link rule.

    `label_end` is the index of the `]` closing the link text; what follows is an inline
    destination `(url "title")`, a reference `[label]` / `[]`, or nothing (shortcut).
    """
    maximum = len(src)
    pos = label_end + 1
    parse_reference = True
    if pos < maximum and src[pos] == "(":
        parse_reference = False
        pos += 1
        pos = _skip_spaces(src, pos)
        if pos >= maximum:
            return label_end + 1
        res = parseLinkDestination(src, pos, maximum)
        if res.ok:
            if _valid_link(res.str):
                pos = res.pos
            start = pos
            pos = _skip_spaces(src, pos)
            title = parseLinkTitle(src, pos, maximum)
            if pos < maximum and start != pos and title.ok:
                pos = _skip_spaces(src, title.pos)
        if pos >= maximum or src[pos] != ")":
            parse_reference = True
        pos += 1
    if parse_reference:
        if pos < maximum and src[pos] == "[":
            end = _reference_label_end(src, pos)
            pos = end + 1 if end >= 0 else label_end + 1
        else:
            pos = label_end + 1
    return min(pos, maximum)


@functools.lru_cache(maxsize=256)
def _valid_link(raw: str) -> bool:
    """markdown-it's own test (javascript: and the like are not links)."""
    return bool(_PARSER.validateLink(_PARSER.normalizeLink(raw)))


def _skip_spaces(src: str, pos: int) -> int:
    while pos < len(src) and src[pos] in " \t\n":
        pos += 1
    return pos


def _reference_label_end(src: str, pos: int) -> int:
    """Index of the `]` closing the reference label that opens at `pos`, -1 if none."""
    i = pos + 1
    while i < len(src):
        if src[i] == "\\":
            i += 2
            continue
        if src[i] == "[":
            return -1
        if src[i] == "]":
            return i
        i += 1
    return -1


def _inline_comment(doc: Document, al: Aligner, start: int, raw: str) -> None:
    src_start, src_end = al.cmap.span(start, start + len(raw))
    inner = raw[4:-3] if raw.endswith("-->") else raw[4:]
    doc.comments.append(
        Comment(src_start, src_end, inner.strip(), _own_line(doc.source, src_start, src_end))
    )

