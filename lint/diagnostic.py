"""The diagnostic data model shared by the engine, the reporters and the language server."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.source import SourceText
    from lint.waivers import Waived


class Severity(enum.IntEnum):
    """Ordered, so thresholds such as --fail-on are comparisons."""

    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True, order=True)
class Position:
    line: int
    """0-based line (line endings are \\r\\n, \\r or \\n)."""
    column: int
    """0-based column in code points (a Python str index within the line)."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source[start:end] by `text` (offsets: 0-based code points into the text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A named set of edits that together apply one correction."""

    title: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Related:
    """Another place in a document that explains a diagnostic (LSP relatedInformation)."""

    start: int
    """0-based code-point offset into the same document."""
    end: int
    """Exclusive end offset."""
    message: str
    path: str | None = None
    """None means the same file as the diagnostic."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding, positioned in the document's SourceText.

    `start` and `end` are 0-based line / code-point column positions (end exclusive);
    `offset` and `end_offset` are the same span as code-point offsets.
    """

    rule_id: str
    severity: Severity
    message: str
    offset: int
    end_offset: int
    start: Position
    end: Position
    match: str = ""
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    link: str | None = None
    shape: str | None = None
    """The named lexicon shape that made the finding, when the rule says (not part of `key`)."""

    @property
    def key(self) -> tuple[str, Position, Position]:
        """What unit tests compare; message wording is pinned only by golden files."""
        return (self.rule_id, self.start, self.end)

    @property
    def sort_key(self) -> tuple[Position, Position, str]:
        return (self.start, self.end, self.rule_id)

    @classmethod
    def at(
        cls,
        source: SourceText,
        rule_id: str,
        severity: Severity,
        message: str,
        start: int,
        end: int,
        **extra: object,
    ) -> Diagnostic:
        """Build a diagnostic from code-point offsets into `source`."""
        end = max(start, end)
        return cls(
            rule_id=rule_id,
            severity=severity,
            message=message,
            offset=start,
            end_offset=end,
            start=source.position(start),
            end=source.position(end),
            **extra,  # type: ignore[arg-type]
        )


@dataclass
class FileResult:
    """Everything one file produced: its text, its diagnostics, and what stopped it."""

    path: str
    source: SourceText | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    """A fatal input problem (unreadable, not UTF-8): the file could not be linted."""
    error_at: Position | None = None
    """Where the input problem is, when known (0-based line, code-point column)."""
    lang: str | None = None
    waived: list[Waived] = field(default_factory=list)
    """Findings accepted on purpose (lint.waivers): shown with their waiver in JSON, SARIF
    and the report, never counted as problems."""
