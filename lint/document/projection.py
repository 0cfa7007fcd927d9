"""Projection: prose text with markup removed, plus a run-map back to source offsets."""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

PLACEHOLDER = "\ufffc"
"""Stands in for a code span or autolink: words never match into it, sentences stay whole."""

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@dataclass(frozen=True, slots=True)
class Run:
    """Maps projection text[text_start:text_start+text_len] to source[source_start:...]."""

    text_start: int
    text_len: int
    source_start: int
    source_len: int

    @property
    def exact(self) -> bool:
        """Exact runs are verbatim copies: the invariant test checks them character by character."""
        return self.text_len == self.source_len


@dataclass
class Projection:
    """Prose text of one block and where each of its characters came from.

    Offsets on both sides are 0-based code points; `text` indexes are local to the
    block, source indexes are into the whole SourceText.
    """

    text: str = ""
    runs: list[Run] = field(default_factory=list)
    verbatim: list[bool] = field(default_factory=list)
    """Per run: False for placeholders, entities and escapes (not a verbatim copy)."""
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
        """Add text copied from (or standing in for) source[source_start:+source_len]."""
        if not text:
            return
        if verbatim and len(text) == source_len and self.runs and self.verbatim[-1]:
            last = self.runs[-1]
            if (
                last.exact
                and last.text_start + last.text_len == len(self.text)
                and last.source_start + last.source_len == source_start
            ):
                self.runs[-1] = Run(
                    last.text_start,
                    last.text_len + len(text),
                    last.source_start,
                    last.source_len + source_len,
                )
                self.text += text
                return
        self.runs.append(Run(len(self.text), len(text), source_start, source_len))
        self._starts.append(len(self.text))
        self.verbatim.append(verbatim and len(text) == source_len)
        self.text += text

    def _run_at(self, index: int) -> Run:
        i = max(0, bisect.bisect_right(self._starts, index) - 1)
        return self.runs[i]

    def to_source(self, index: int) -> int:
        """Source offset of the character at projection `index` (clamped to the text)."""
        if not self.runs:
            return 0
        index = max(0, min(index, len(self.text) - 1))
        run = self._run_at(index)
        if run.exact:
            return run.source_start + (index - run.text_start)
        return run.source_start

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of projection text[start:end]; end exclusive."""
        if not self.runs:
            return (0, 0)
        src_start = self.to_source(start)
        if end <= start:
            return (src_start, src_start)
        last = self._run_at(min(end - 1, len(self.text) - 1))
        if last.exact:
            src_end = last.source_start + (end - 1 - last.text_start) + 1
        else:
            src_end = last.source_start + last.source_len
        return (src_start, max(src_start, src_end))


def align_text(proj: Projection, content: str, source: str, cursor: int, limit: int) -> int:
    """Append `content` (an inline text token) aligned to source[cursor:limit].

    Tries a verbatim search first; where backslash escapes or entities make the
    content differ from the source, aligns character by character. Returns the
    new cursor (just past the consumed source).
    """
    found = source.find(content, cursor, limit)
    if found >= 0 and not any(ch.isalnum() for ch in source[cursor:found]):
        proj.append(content, found, len(content))
        return found + len(content)
    pos = cursor
    for ch in content:
        while pos < limit:
            if source[pos] == ch:
                proj.append(ch, pos, 1)
                pos += 1
                break
            if source[pos] == "\\" and pos + 1 < limit and source[pos + 1] == ch and (
                ch in _ESCAPABLE
            ):
                proj.append(ch, pos + 1, 1)
                pos += 2
                break
            entity = _ENTITY.match(source, pos, limit)
            if entity and html.unescape(entity.group()).startswith(ch):
                proj.append(ch, pos, entity.end() - pos, verbatim=False)
                pos = entity.end()
                break
            pos += 1
        else:
            # Not found in the block: keep the text, pinned to the cursor (never crash).
            proj.append(ch, min(pos, limit), 0, verbatim=False)
    return pos
