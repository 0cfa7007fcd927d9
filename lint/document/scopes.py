"""Scope selectors (Vale-style: `paragraph`, `heading.h2`, `~blockquote`) and unit selection."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.document import Block, Document, TextUnit

BLOCK_NAMES = frozenset(
    {"paragraph", "heading", "h1", "h2", "h3", "h4", "h5", "h6", "list", "item",
     "blockquote", "table", "header", "body", "row", "cell", "code", "html", "byline"}
)
SPECIAL_NAMES = frozenset({"text", "sentence", "document", "raw"})


def validate_selector(selector: str) -> str | None:
    """An error message for a malformed selector, None when it is valid."""
    body = selector[1:] if selector.startswith("~") else selector
    parts = body.split(".")
    for part in parts:
        if part not in BLOCK_NAMES | SPECIAL_NAMES:
            known = ", ".join(sorted(BLOCK_NAMES | SPECIAL_NAMES))
            return f"unknown scope {part!r} in {selector!r} (known: {known})"
    if len(parts) > 1 and set(parts) & SPECIAL_NAMES:
        return f"{selector!r}: text, sentence, document and raw cannot be dotted"
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
