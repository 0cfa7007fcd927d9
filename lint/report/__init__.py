"""Reporters: small classes with a lifecycle, chosen by name (`--format`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, ClassVar

from lint.diagnostic import FileResult, Severity

if TYPE_CHECKING:
    from lint.rulespec import RuleSpec


@dataclass
class Summary:
    files: int = 0
    counts: dict[Severity, int] = field(default_factory=lambda: {s: 0 for s in Severity})
    input_errors: int = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error:
            self.input_errors += 1
        for diagnostic in result.diagnostics:
            self.counts[diagnostic.severity] += 1

    @property
    def problems(self) -> int:
        return sum(self.counts.values())


class Reporter:
    """Base reporter: `start`, then `file` once per linted file, then `finish`."""

    name: ClassVar[str] = ""

    def __init__(self, out: IO[str], err: IO[str], *, color: bool = False,
                 rules: dict[str, RuleSpec] | None = None) -> None:
        self.out = out
        self.err = err
        self.color = color
        self.rules = rules or {}

    def start(self) -> None:
        pass

    def file(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


REPORTERS: dict[str, type[Reporter]] = {}


def reporter(cls: type[Reporter]) -> type[Reporter]:
    REPORTERS[cls.name] = cls
    return cls


def choose_format(name: str) -> str:
    """`auto` means GitHub annotations under GitHub Actions, plain text elsewhere."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def one_based(line: int, column: int) -> tuple[int, int]:
    """The only place reporters turn 0-based positions into 1-based ones."""
    return line + 1, column + 1


# Register the built-in reporters (explicit imports: one list to read).
from lint.report import json_report, text  # noqa: E402,F401
