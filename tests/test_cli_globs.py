"""Quoted globs on the command line are expanded by newslint: `*`, `**` and `!` negation."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

DRAFT = "The council met the the mayor.\n"


@pytest.fixture
def drafts(tmp_path, monkeypatch):
    for name in ("drafts/a.md", "drafts/b.md", "drafts/old/c.md", "drafts/old/d.txt",
                 "other/e.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def linted(*args: str) -> list[str]:
    status, out, err = run_cli("check", "--format", "json", *args)
    assert err == "" and status == 1
    return sorted({d["path"] for d in json.loads(out)})


def test_star_stays_in_one_folder(drafts):
    assert linted("drafts/*.md") == ["drafts/a.md", "drafts/b.md"]


def test_double_star_spans_folders(drafts):
    assert linted("drafts/**/*.md") == ["drafts/a.md", "drafts/b.md", "drafts/old/c.md"]


def test_negation_removes_matches_from_globs_and_walked_folders(drafts):
    assert linted("drafts/**/*.md", "!drafts/old/**") == ["drafts/a.md", "drafts/b.md"]
    assert linted(".", "!drafts/**") == ["other/e.md"]
    assert linted("drafts", "!*.txt") == ["drafts/a.md", "drafts/b.md", "drafts/old/c.md"]


def test_a_glob_that_matches_nothing_is_reported(drafts):
    status, out, err = run_cli("check", "nowhere/*.md")
    assert status == 2
    assert err == "nowhere/*.md: error: no such file or directory\n"
