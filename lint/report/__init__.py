"""Reporters: small classes with a lifecycle (start, file, finish), loaded by format name."""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, ClassVar
from urllib.parse import quote

from lint.diagnostic import FileResult, Position, Severity
from lint.files import STDIN

if TYPE_CHECKING:
    from lint.engine import ActiveRule
    from lint.rulespec import RuleSpec
    from lint.source import ColumnUnit, SourceText

INPUT_ERROR = "newslint.input-error"
"""Rule id of the record a machine-readable report gives a file that could not be read."""

STDIN_URI = "untitled:stdin"
"""The URI of standard input read without --stdin-filename (LSP's name for an unsaved
buffer); with --stdin-filename, that name is the document's path."""

REPORTER_MODULES = {
    "text": "lint.report.text",
    "json": "lint.report.json_report",
    "github": "lint.report.github",
    "sarif": "lint.report.sarif",
    "lsp": "lint.report.lsp_json",
    "line": "lint.report.line",
}
"""Where each --format lives. Modules are imported only when chosen, so a run pays for
one reporter; a module that does not exist yet makes its format "not available"."""

REPORTERS: dict[str, type[Reporter]] = {}
"""Reporter classes by name, filled by @reporter as their modules are imported."""


class ReporterUnavailable(LookupError):
    """The format is known but its reporter is not part of this installation yet."""


@dataclass
class Summary:
    """Totals over a run, for closing lines and exit statuses."""

    files: int = 0
    """Files linted (files that could not be read are counted in `input_errors`)."""
    input_errors: int = 0
    counts: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))
    hidden: int = 0
    """Findings not shown because they are below --min-severity (min_severity:)."""

    def add(self, result: FileResult) -> None:
        if result.error is not None:
            self.input_errors += 1
            return
        self.files += 1
        for diagnostic in result.diagnostics:
            self.counts[diagnostic.severity] += 1

    @property
    def problems(self) -> int:
        return sum(self.counts.values())

    @property
    def worst(self) -> Severity | None:
        """The highest severity reported, None when nothing was."""
        return max((s for s, n in self.counts.items() if n), default=None)


class Reporter:
    """Base reporter: `start`, then `file` once per file (linted or not), then `finish`.

    Input problems are also written to standard error by the CLI, so a reporter shows a
    `FileResult` with `error` set only if its format has a place for it.
    """

    name: ClassVar[str] = ""

    def __init__(self, out: IO[str], *, color: bool = False,
                 rules: dict[str, RuleSpec] | None = None) -> None:
        self.out = out
        self.color = color
        # Specs of every loaded rule by id, in catalog order: metadata for SARIF.
        self.rules = rules or {}
        self.active: dict[str, ActiveRule] = {}
        """The rules that ran on at least one file, by id, first configuration seen."""

    def start(self) -> None:
        pass

    def ran(self, rules: Iterable[ActiveRule]) -> None:
        """Told by the front end, before `file`, which rules ran on that file.

        Only SARIF uses it (it lists the rules that ran, findings or not); a rule can be
        on for some files only (overrides, languages), so the set grows file by file.
        """
        for active in rules:
            self.active.setdefault(active.spec.id, active)

    def file(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def reporter(cls: type[Reporter]) -> type[Reporter]:
    """Class decorator: register a reporter under its `name`."""
    REPORTERS[cls.name] = cls
    return cls


def load_reporter(name: str) -> type[Reporter]:
    """The reporter class for a format name; ReporterUnavailable if it is not installed."""
    if name not in REPORTERS:
        module = REPORTER_MODULES.get(name)
        if module is None:
            raise ReporterUnavailable(f"unknown output format {name!r}")
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # the module exists but one of its imports is missing
                raise
            raise ReporterUnavailable(f"--format {name} is not available yet") from None
        if name not in REPORTERS:
            raise ReporterUnavailable(f"{module} does not register a {name!r} reporter")
    return REPORTERS[name]


def is_available(name: str) -> bool:
    """True when the format's module is installed (checked without importing it)."""
    module = REPORTER_MODULES.get(name)
    return name in REPORTERS or (module is not None and
                                 importlib.util.find_spec(module) is not None)


def choose_format(name: str) -> str:
    """Resolve `auto`: GitHub annotations under GitHub Actions, plain text elsewhere."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true" and is_available("github"):
        return "github"
    return "text"


def one_based(line: int, column: int) -> tuple[int, int]:
    """The only place reporters turn 0-based positions into 1-based ones."""
    return line + 1, column + 1


def coordinates(source: SourceText, position: Position, unit: ColumnUnit = "utf-32", *,
                base: int = 1) -> tuple[int, int]:
    """(line, column) of an internal position as a format counts it.

    `unit` is the column unit (utf-32 = code points for text, JSON and GitHub; utf-16
    for SARIF and LSP); `base` is 1 for every format but LSP, which is 0-based.
    """
    line, column = position.line, source.column_in(position, unit)
    return one_based(line, column) if base == 1 else (line, column)


def file_uri(path: str) -> str:
    """`file:///abs/path` for a path (relative to the cwd), percent-encoded as editors do.

    Standard input without a name (`-`) is STDIN_URI.
    """
    if path == STDIN:
        return STDIN_URI
    absolute = Path(os.path.abspath(path))
    if absolute.drive:  # Windows: file:///C:/dir/draft.md
        return absolute.as_uri()
    # quote() the bytes, so undecodable (surrogate-escaped) names survive; only "/" stays
    # bare, which is what VS Code sends (":" becomes %3A, a space %20, "é" %C3%A9).
    return "file://" + quote(os.fsencode(absolute.as_posix()), safe="/")


def relative_path(path: str) -> str | None:
    """`path` relative to the cwd with "/" separators, None when it is outside the cwd."""
    try:
        relative = Path(os.path.relpath(os.path.abspath(path))).as_posix()
    except ValueError:  # another drive (Windows)
        return None
    if relative == ".." or relative.startswith("../"):
        return None
    return relative


def relative_uri(path: str) -> str | None:
    """`relative_path` as a percent-encoded relative URI reference, None outside the cwd."""
    relative = relative_path(path)
    return None if relative is None else quote(os.fsencode(relative), safe="/")
