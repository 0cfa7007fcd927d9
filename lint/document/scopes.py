"""Scope selectors (Vale-style: `paragraph`, `heading.h2`, `~blockquote`) and unit selection."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.data import load_data
from lint.document import Block, Document, TextUnit
from lint.document.projection import PLACEHOLDER

BLOCK_NAMES = frozenset(
    {"paragraph", "heading", "h1", "h2", "h3", "h4", "h5", "h6", "list", "item",
     "blockquote", "table", "header", "body", "row", "cell", "code", "html", "byline"}
)
SPECIAL_NAMES = frozenset({"text", "sentence", "document", "raw"})
_INLINE_TAGS: dict[str, list[str]] = load_data("vale_scopes")["inline_scopes"]
"""Vale's inline scopes → the Inline.name of the elements whose text each selects."""
INLINE_NAMES = frozenset({*_INLINE_TAGS, "alt"})
"""Scopes inside a block (Vale's): the text of links, strong or emphasised elements
(Block.inline), an image's alt text (Document.alt_texts)."""


def validate_selector(selector: str) -> str | None:
    """An error message for a malformed selector, None when it is valid."""
    body = selector[1:] if selector.startswith("~") else selector
    parts = body.split(".")
    for part in parts:
        if part not in BLOCK_NAMES | SPECIAL_NAMES | INLINE_NAMES:
            known = ", ".join(sorted(BLOCK_NAMES | SPECIAL_NAMES | INLINE_NAMES))
            return f"unknown scope {part!r} in {selector!r} (known: {known})"
    if len(parts) > 1 and set(parts) & (SPECIAL_NAMES | INLINE_NAMES):
        return (f"{selector!r}: text, sentence, document, raw and the inline scopes "
                f"({', '.join(sorted(INLINE_NAMES))}) cannot be dotted")
    return None


def _matches(block: Block, selector: str) -> bool:
    if selector == "text":
        return block.is_prose
    parts = tuple(selector.split("."))
    n = len(parts)
    return any(block.scope[i : i + n] == parts for i in range(len(block.scope) - n + 1))


def units(document: Document, scope: Sequence[str]) -> Iterator[TextUnit]:
    """The units a rule with `scope` checks, in document order."""
    positives = [s for s in scope if not s.startswith("~")]
    negatives = [s[1:] for s in scope if s.startswith("~")]
    if "document" in positives or "raw" in positives:
        yield TextUnit(document.source.text, ("document",), document)
        return
    inside = [s for s in positives if s in INLINE_NAMES]
    if inside:
        yield from _inline_units(document, inside, negatives)
        positives = [s for s in positives if s not in INLINE_NAMES]
        if not positives:
            return
    wanted = [s for s in positives if s not in ("sentence", "text")]
    for block in document.blocks:
        if wanted:
            if not any(_matches(block, s) for s in wanted):
                continue
        elif not block.is_prose:
            continue
        if any(_matches(block, s) for s in negatives):
            continue
        if "sentence" in positives:
            for sentence in block.sentences:
                yield TextUnit(block.sentence_text(sentence), (*block.scope, "sentence"),
                               document, block, sentence.start, sentence)
        else:
            yield TextUnit(block.text, block.scope, document, block)


def _inline_units(document: Document, names: Sequence[str],
                  negatives: Sequence[str]) -> Iterator[TextUnit]:
    """A link's (strong, emphasised) text, a slice of its block, or an image's alt text,
    a block of its own."""
    if "alt" in names:
        for alt in document.alt_texts:
            if not any(_matches(alt, s) for s in negatives):
                yield TextUnit(alt.text, alt.scope, document, alt)
    scope_of = {tag: name for name in names for tag in _INLINE_TAGS.get(name, ())}
    if not scope_of:
        return
    for block in document.blocks:
        if any(_matches(block, s) for s in negatives):
            continue
        for inline in block.inline:
            if inline.name in scope_of and inline.text_end > inline.text_start:
                yield TextUnit(block.text[inline.text_start:inline.text_end],
                               (*block.scope, scope_of[inline.name]), document, block,
                               inline.text_start)


def code_widened(unit: TextUnit) -> tuple[str, list[int]]:
    """The unit's text with each inline code span's placeholder repeated once per character
    of its code (Vale masks the code but still counts it), and for each character of that
    text the index in `unit.text` it stands for."""
    text, origin = [], []
    widths = {}
    if unit.block is not None:
        source = unit.document.source.text
        for inline in unit.block.inline:
            if inline.name == "code":
                code = source[inline.start:inline.end].strip("`")
                if code.startswith(" ") and code.endswith(" ") and code.strip():
                    code = code[1:-1]  # CommonMark strips one space each side
                widths[inline.text_start - unit.base] = max(len(code), 1)
    for index, ch in enumerate(unit.text):
        width = widths.get(index, 1) if ch == PLACEHOLDER else 1
        text.append(ch * width)
        origin.extend([index] * width)
    return "".join(text), origin
