"""Fixtures for the language server tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A workspace folder with a configuration file (editorial and style packs)."""
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text("language: auto\n", encoding="utf-8")
    return folder
