"""Markdown → blocks: the markdown-it-py token walk (the only module that imports it)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from lint.document import Block, Comment, Document
from lint.document.projection import PLACEHOLDER, Projection, align_text
from lint.source import SourceText

_PARSER = MarkdownIt("commonmark").enable("table")

# Open-token type → the scope name it pushes (closing tokens pop it).
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
_LEAVES = {"paragraph_open": "paragraph", "th_open": "cell", "td_open": "cell"}


def parse_markdown(doc: Document, parse_text: str) -> None:
    """Fill doc.blocks and doc.comments from `parse_text`.

    `parse_text` is the source with front matter lines blanked, so that line numbers and
    offsets are those of the real source.
    """
    source = doc.source
    stack: list[str] = []
    leaf: tuple[str, ...] | None = None
    row_cursor: int | None = None  # cells of one table row share a line
    for token in _PARSER.parse(parse_text):
        if token.type in _CONTAINERS:
            stack.append(_CONTAINERS[token.type])
            if token.type == "tr_open":
                row_cursor = None
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in (
            _CONTAINERS
        ):
            stack.pop()
        elif token.type in _LEAVES:
            leaf = (*stack, _LEAVES[token.type])
        elif token.type == "heading_open":
            leaf = (*stack, "heading", token.tag)
        elif token.type == "inline" and token.map is not None:
            scope = leaf or (*stack, "paragraph")
            lo, hi = _line_range(source, token.map)
            cursor = row_cursor if (scope[-1] == "cell" and row_cursor is not None) else lo
            projection = Projection()
            cursor = _project_inline(doc, token, projection, cursor, hi)
            if scope[-1] == "cell":
                row_cursor = cursor
            if projection.text.strip():
                start, end = projection.to_source_span(0, len(projection.text))
                doc.blocks.append(Block(scope, start, end, projection, len(doc.blocks)))
            leaf = None
        elif token.type in ("fence", "code_block", "html_block") and token.map:
            lo, hi = _line_range(source, token.map)
            kind = "html" if token.type == "html_block" else "code"
            doc.blocks.append(
                Block((*stack, kind), lo, hi, Projection.identity(source.text[lo:hi], lo),
                      len(doc.blocks))
            )
            if kind == "html":
                _collect_comments(doc, lo, hi)


def _line_range(source: SourceText, line_map: list[int]) -> tuple[int, int]:
    """Source offsets covering the 0-based, end-exclusive line range of a block token."""
    first, last = line_map[0], max(line_map[0], line_map[1] - 1)
    last = min(last, source.line_count - 1)
    return source.line_starts[first], source.line_end(last)


def _collect_comments(doc: Document, lo: int, hi: int) -> None:
    text = doc.source.text
    pos = lo
    while (start := text.find("<!--", pos, hi)) >= 0:
        close = text.find("-->", start + 4)
        end = close + 3 if close >= 0 else hi
        line_lo = text.rfind("\n", 0, start) + 1
        line_hi_candidates = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
        line_hi = min(line_hi_candidates) if line_hi_candidates else len(text)
        own_line = not text[line_lo:start].strip() and not text[end:line_hi].strip()
        inner = text[start + 4 : close if close >= 0 else hi]
        doc.comments.append(Comment(start, end, inner.strip(), own_line))
        pos = end


def _skip_destination(text: str, pos: int, limit: int) -> int:
    """Skip a link's `](url "title")` or `][ref]` or `]` starting at or after `pos`."""
    close = text.find("]", pos, limit)
    if close < 0:
        return pos
    pos = close + 1
    if pos < limit and text[pos] == "(":
        depth = 0
        while pos < limit:
            if text[pos] == "\\":
                pos += 2
                continue
            if text[pos] == "(":
                depth += 1
            elif text[pos] == ")":
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
    elif pos < limit and text[pos] == "[":
        end = text.find("]", pos, limit)
        return end + 1 if end >= 0 else pos
    return pos


def _skip_image(text: str, pos: int, limit: int) -> tuple[int, int]:
    """Return (start, end) of the `![alt](src)` image at or after `pos`."""
    start = text.find("![", pos, limit)
    if start < 0:
        return pos, pos
    depth, i = 0, start + 1
    while i < limit:
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                break
        i += 1
    return start, _skip_destination(text, i, limit)


def _project_inline(
    doc: Document, token: Token, proj: Projection, cursor: int, limit: int
) -> int:
    """Append the prose of an inline token to `proj`, aligned to the source."""
    text = doc.source.text
    children = token.children or []
    skip_until_close = False
    for child in children:
        kind = child.type
        if skip_until_close:
            if kind == "link_close":
                skip_until_close = False
            continue
        if kind == "text":
            cursor = align_text(proj, child.content, text, cursor, limit)
        elif kind in ("softbreak", "hardbreak"):
            eol = min((i for i in (text.find("\n", cursor, limit), text.find("\r", cursor, limit))
                       if i >= 0), default=-1)
            if eol < 0:
                proj.append(" ", cursor, 0, verbatim=False)
                continue
            proj.append(" ", eol, 1, verbatim=False)
            cursor = eol + 1
        elif kind == "code_inline":
            start = text.find(child.markup, cursor, limit)
            end = text.find(child.markup, start + len(child.markup), limit) if start >= 0 else -1
            if start < 0 or end < 0:
                continue
            end += len(child.markup)
            proj.append(PLACEHOLDER, start, end - start, verbatim=False)
            cursor = end
        elif kind == "link_open" and child.markup == "autolink":
            start = text.find("<", cursor, limit)
            end = text.find(">", start, limit) + 1 if start >= 0 else 0
            if start >= 0 and end > start:
                proj.append(PLACEHOLDER, start, end - start, verbatim=False)
                cursor = end
            skip_until_close = True
        elif kind == "link_close":
            cursor = _skip_destination(text, cursor, limit)
        elif kind == "image":
            start, end = _skip_image(text, cursor, limit)
            if end > start:
                proj.append(PLACEHOLDER, start, end - start, verbatim=False)
                cursor = end
        elif kind == "html_inline":
            start = text.find(child.content, cursor, limit)
            if start >= 0:
                end = start + len(child.content)
                if child.content.startswith("<!--"):
                    _collect_comments(doc, start, end)
                cursor = end
    return cursor
