"""Plain text → blocks: blank-line paragraphs, or one paragraph per line in CMS exports."""

from __future__ import annotations

import regex

from lint.data import load_data
from lint.document import Block, Comment, Document
from lint.document.projection import Projection

_SENTENCE_END = regex.compile(r"[.!?…:;»”\"')\]]\s*$")
_COMMENT_LINE = regex.compile(r"^[ \t]*(?P<comment><!--(?P<body>.*?)-->)[ \t]*$")


def parse_text(doc: Document, first_line: int) -> bool:
    """Fill doc.blocks from the source lines starting at `first_line` (after front matter).

    Returns whether the draft has blank-line paragraphs (not a one-line-per-paragraph CMS
    export), where short lines between paragraphs can be crossheads (mark_crossheads)."""
    settings = load_data("document")["plain_text"]
    source = doc.source
    lines = range(first_line, source.line_count)
    groups: list[list[int]] = []
    current: list[int] = []
    blank_between = False  # a blank line with text both before and after it
    pending_blank = False
    for line in lines:
        text = source.line_text(line)
        comment = _COMMENT_LINE.match(text)
        if comment:
            # A comment line (a newslint directive) is collected, and is not prose.
            start = source.line_starts[line] + comment.start("comment")
            doc.comments.append(
                Comment(start, start + len(comment.group("comment")),
                        comment.group("body").strip(), True)
            )
        if not text.strip() or comment:
            if current:
                groups.append(current)
            current = []
            pending_blank = pending_blank or (not comment and bool(groups))
        else:
            blank_between = blank_between or pending_blank
            current.append(line)
    if current:
        groups.append(current)

    # A file with no blank line between its lines is a CMS export: one paragraph per line.
    one_per_line = not blank_between
    for group in groups:
        if not one_per_line and _is_hard_wrapped(doc, group, settings["wrap_min"],
                                                 settings["wrap_width"]):
            _add_block(doc, group[0], group[-1])
        else:
            for line in group:
                _add_block(doc, line, line)
    _mark_headline(doc, settings["headline_max_words"], tuple(settings["headline_stops"]))
    return not one_per_line


def _is_hard_wrapped(doc: Document, group: list[int], shortest: int, width: int) -> bool:
    """One paragraph wrapped over several lines, rather than one paragraph per line."""
    if len(group) < 2:
        return True
    heads = [doc.source.line_text(line).rstrip() for line in group[:-1]]
    return all(shortest <= len(h) <= width for h in heads) and any(
        not _SENTENCE_END.search(h) for h in heads
    )


def _add_block(doc: Document, first: int, last: int) -> None:
    source = doc.source
    start, end = source.line_starts[first], source.line_end(last)
    text = source.text[start:end]
    # Trim surrounding white space so block spans start at the first visible character.
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    projection = Projection()
    if first == last:
        projection.append(text, start + lead, len(text))
    else:
        # Line breaks inside a wrapped paragraph read as single spaces.
        pos = start + lead
        for piece in regex.split(r"(\r\n|\r|\n)", text):
            if piece in ("\r\n", "\r", "\n"):
                projection.append(" ", pos, len(piece), verbatim=False)
            else:
                projection.append(piece, pos, len(piece))
            pos += len(piece)
    doc.blocks.append(Block(("paragraph",), start + lead, start + lead + len(text),
                            projection, len(doc.blocks)))


def _mark_headline(doc: Document, max_words: int, stops: tuple[str, ...]) -> None:
    """A short first line without a final full stop is the headline, not body prose.

    Question and exclamation marks and a trailing ellipsis are common in headlines
    ("Can Yahoo dominate next decade?"); a full stop (or a colon) ends body text.
    """
    if len(doc.blocks) < 2:
        return  # a single-line draft has no headline: its only line is the body
    first = doc.blocks[0]
    if doc.source.line_of(first.start) != doc.source.line_of(first.end):
        return
    text = first.text.rstrip()
    final_stop = text.endswith(stops) and not text.endswith(("...", "…"))
    if len(text.split()) < max_words and not final_stop:
        first.scope = ("heading", "h1")


def mark_crossheads(doc: Document) -> None:
    """A short one-line block between two others that does not end like a sentence, and
    introduces a paragraph more than twice its length, is a crosshead ("Bitcoin price prediction", "Observers say Ether is set to surge"): a
    heading, not body prose, as Markdown's `##` would make it. Questions and lines ending
    in a colon still read as text."""
    max_words = load_data("document")["plain_text"]["subhead_max_words"]
    blocks = doc.blocks
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        if block.scope != ("paragraph",):
            continue
        if doc.source.line_of(block.start) != doc.source.line_of(block.end):
            continue
        text = block.text.rstrip()
        words = len(text.split())
        # A crosshead introduces a longer paragraph; a short unpunctuated line followed by
        # another short one is more likely a wire tick or a note than a heading.
        introduces = len(blocks[index + 1].text.split()) > 2 * words
        if (words <= max_words and introduces and not _SENTENCE_END.search(text)
                and not text.endswith("?")):
            block.scope = ("heading", "h2")
