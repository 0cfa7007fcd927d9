"""newslint: an editorial linter for news drafts (public API)."""

from __future__ import annotations

__version__ = "0.1.0"

from lint.diagnostic import Diagnostic, FileResult, Position, Severity  # noqa: E402

__all__ = ["Diagnostic", "FileResult", "Position", "Severity", "__version__", "lint_text"]


def lint_text(text: str, path: str = "draft.md", config_path: str | None = None) -> FileResult:
    """Lint `text` as if it were the file `path`, with the project configuration."""
    from lint.config import load_config
    from lint.runner import Linter
    from lint.source import SourceText

    return Linter(load_config(config_path)).lint_source(SourceText(text), path)
