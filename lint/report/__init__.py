"""Reporters: small classes with a lifecycle (start, file, finish), loaded by format name."""

from __future__ import annotations

import importlib
import importlib.util
import os
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, ClassVar

from lint.diagnostic import FileResult, Severity

if TYPE_CHECKING:
    from lint.rulespec import RuleSpec

INPUT_ERROR = "newslint.input-error"
"""Rule id of the record a machine-readable report gives a file that could not be read."""

REPORTER_MODULES = {
    "text": "lint.report.text",
    "json": "lint.report.json_report",
    "github": "lint.report.github",
    "sarif": "lint.report.sarif",
    "lsp": "lint.report.lsp",
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
        # Specs of the loaded rules by id: SARIF lists them, others may show links.
        self.rules = rules or {}

    def start(self) -> None:
        pass

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
