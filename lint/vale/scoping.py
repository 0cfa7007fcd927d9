"""Vale's IgnoredScopes and SkippedScopes: the text of a Markdown draft Vale does not lint."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lint.data import load_data
from lint.document import Document

_TAGS = load_data("vale_scopes")
DEFAULT_IGNORED = tuple(_TAGS["ignored_default"])
"""Vale's IgnoredScopes when the `.vale.ini` sets none (inline tags whose text is not linted)."""
DEFAULT_SKIPPED = tuple(_TAGS["skipped_default"])
"""Vale's SkippedScopes when the `.vale.ini` sets none (block tags skipped outright)."""


@dataclass(frozen=True)
class Unlinted:
    """The inline elements and blocks whose text Vale does not lint, by their names here."""

    inline: frozenset[str]
    blocks: frozenset[str]
    classes: frozenset[str] = frozenset()

    @classmethod
    def from_tags(cls, tags: Iterable[str], classes: Iterable[str] = ()) -> Unlinted:
        """From IgnoredScopes and SkippedScopes together (a tag Markdown never renders, such
        as `script`, changes nothing; an inline HTML tag is named as it is), and from
        IgnoredClasses."""
        tags = [t.strip().lower() for t in tags]
        inline, blocks = _TAGS["inline"], _TAGS["blocks"]
        # A tag names both the Markdown element it renders and the same tag written as
        # inline HTML (`b`: `**x**` and `<b>x</b>`).
        return cls(frozenset(n for t in tags if t not in blocks for n in (t, inline.get(t, t))),
                   frozenset(blocks[t] for t in tags if t in blocks), frozenset(classes))

    def spans(self, document: Document) -> list[tuple[int, int]]:
        """Source (start, end) of every such block or inline element of `document`."""
        out: list[tuple[int, int]] = []
        for block in document.blocks:
            if self.blocks.intersection(block.scope):
                out.append((block.start, block.end))
            else:
                out.extend((i.start, i.end) for i in block.inline if i.name in self.inline
                           or self.classes.intersection(i.classes))
        return out
