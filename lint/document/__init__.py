"""The document model: blocks of prose with scopes, sentences and source mappings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lint.document.projection import Projection
from lint.source import SourceText

NON_PROSE = frozenset({"code", "html", "frontmatter", "byline"})
"""Block kinds that are never prose (docs/editorial-checks.md: code, HTML, front matter, bylines)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a block, as offsets into the block's projection text."""

    start: int
    """0-based code-point offset into the block's projection text."""
    end: int
    """Exclusive end offset into the block's projection text."""


@dataclass
class Block:
    """One structural block (paragraph, heading, list item, cell...) of a document."""

    scope: tuple[str, ...]
    """Scope path, outermost first, e.g. ("blockquote", "paragraph") or ("heading", "h2")."""
    start: int
    """0-based code-point offset of the block's first source character."""
    end: int
    """Exclusive end offset of the block in the source."""
    projection: Projection
    """The block's prose (markup removed) and its map back to the source."""
    index: int = 0
    """Position of the block in Document.blocks."""
    sentences: list[Sentence] = field(default_factory=list)
    inline: list[Inline] = field(default_factory=list)
    """The block's inline markup (emphasis, code spans, links, images), in source order."""

    @property
    def text(self) -> str:
        return self.projection.text

    @property
    def is_prose(self) -> bool:
        return not (set(self.scope) & NON_PROSE)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.projection.text[sentence.start : sentence.end]


@dataclass(frozen=True, slots=True)
class Inline:
    """One inline markup element of a block, named by the HTML tag it renders as
    (`strong`, `em`, `del`, `code`, `a`, `img`, or an inline HTML tag's own name), as
    Vale's IgnoredScopes name them."""

    name: str
    start: int
    """0-based code-point offset of the element's first source character (its markup)."""
    end: int
    """Exclusive end offset in the source, past the closing markup."""
    text_start: int
    """Offset of the element's text in the block's projection text."""
    text_end: int
    """Exclusive end of the element's text in the projection (a stand-in for code spans
    and images)."""
    alt: Block | None = None
    """An image's alt text as a block of its own, scope ending in "alt" (not one of
    Document.blocks: it is not prose the editorial checks read)."""
    classes: tuple[str, ...] = ()
    """An inline HTML element's `class` names (`<span class="x">` in Markdown)."""


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment (or a directive line in plain text) found while parsing."""

    start: int
    """0-based code-point offset of the comment's `<!--` in the source."""
    end: int
    """Exclusive end offset, just past `-->`."""
    text: str
    """The comment's inner text, without <!-- -->, white space trimmed."""
    own_line: bool
    """True when nothing but white space (or blockquote `>` markers) shares the
    comment's line(s)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """An input problem met while building the document (e.g. bad front matter YAML)."""

    start: int
    """0-based code-point offset where the problem is (the YAML error mark)."""
    end: int
    """Exclusive end offset."""
    message: str
    kind: str = "front-matter"
    """"front-matter" (an error of its YAML) or "nesting" (text too deep to parse)."""


@dataclass
class Document:
    """A parsed draft: its source, metadata, language and prose blocks."""

    source: SourceText
    kind: str
    """"markdown" or "text"."""
    path: str = "<string>"
    lang: str = "en"
    meta: dict[str, Any] = field(default_factory=dict)
    """Front matter (YAML mapping), {} when absent or invalid."""
    front_matter: tuple[int, int] | None = None
    """Source (start, end) offsets of the front matter block, fences included."""
    blocks: list[Block] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    alt_texts: list[Block] = field(default_factory=list)
    """Images' alt texts, each a block of its own (scope ending in "alt"), in source order;
    kept apart from `blocks`: they are not the prose the editorial checks read."""
    problems: list[Problem] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Analyses shared by several rules on this document (e.g. the editorial sentence facts)."""

    @property
    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.is_prose]


@dataclass
class TextUnit:
    """The slice of a document a rule checks: a sentence, a block, or the whole document."""

    text: str
    scope: tuple[str, ...]
    document: Document
    block: Block | None = None
    base: int = 0
    """Offset of `text` within block.projection.text (0 for whole blocks)."""
    sentence: Sentence | None = None

    @property
    def lang(self) -> str:
        return self.document.lang

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) offsets of unit-local text[start:end]."""
        if self.block is None:
            return (start, end)
        return self.block.projection.to_source_span(self.base + start, self.base + end)
