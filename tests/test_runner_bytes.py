"""A draft read from disk is linted from its text alone: its bytes are not held as well."""

import sys
from pathlib import Path

import pytest

from lint.config import Config
from lint.runner import Linter


def test_lint_path_drops_the_bytes_before_linting(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes("Revenue rose 12% to £1.9 billion, the company said.\n".encode("utf-8"))
    linter = Linter(Config(packs=("style",)))
    held: list[object] = []
    real = Linter.lint_source

    def lint_source(self: Linter, source, path, kind=None):  # type: ignore[no-untyped-def]
        # Every bytes object the reading frame (lint_path) still refers to while linting.
        held.extend(v for v in sys._getframe(1).f_locals.values() if isinstance(v, bytes))
        return real(self, source, path, kind)

    monkeypatch.setattr(Linter, "lint_source", lint_source)
    result = linter.lint_path(str(path))
    assert held == []
    assert result.error is None


def test_unreadable_bytes_still_reported_with_their_position(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"Fine line.\nBad \xff byte.\n")
    result = Linter(Config(packs=("style",))).lint_path(str(path))
    assert result.error and "UTF-8" in result.error
    assert result.error_at is not None
