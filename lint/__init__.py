"""newslint, an editorial linter for news drafts: the public Python API."""

from __future__ import annotations

__version__ = "0.1.0"
"""The single source of the version (pyproject.toml reads it from here)."""

__all__ = ["Diagnostic", "FileResult", "Position", "Severity", "__version__", "lint_path",
           "lint_text"]


def __getattr__(name: str) -> object:
    """The diagnostic classes, imported on first use: `newslint --version` and the other
    commands that lint nothing start without loading them."""
    if name in ("Diagnostic", "FileResult", "Position", "Severity"):
        from lint import diagnostic

        return getattr(diagnostic, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")


def lint_text(text: str, path: str = "draft.md", config_path: str | None = None) -> FileResult:
    """Lint `text` as if it were the file `path` (which picks Markdown or plain text),
    with the project configuration (`config_path`, else the one found from the cwd)."""
    from lint.config import load_config
    from lint.runner import Linter
    from lint.source import SourceText

    return Linter(load_config(config_path)).lint_source(SourceText(text), path)


def lint_path(path: str, config_path: str | None = None) -> FileResult:
    """Lint one file; a file that cannot be read or decoded has `error` set instead."""
    from lint.config import load_config
    from lint.runner import Linter

    return Linter(load_config(config_path)).lint_path(path)
