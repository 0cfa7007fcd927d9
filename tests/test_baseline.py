"""`newslint check --baseline FILE [--update-baseline]`: old findings stay hidden, new ones show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from newsroom import make_newsroom

from lint.cli import ExitStatus

DRAFT = "Oh zut, the mayor said.\n\nWell, bof.\n"


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_newsroom(tmp_path, {"news/a.md": DRAFT})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    status, out, err = run_cli("check", "--baseline", "baseline.json", "--update-baseline",
                               "news")
    assert (status, err) == (ExitStatus.CLEAN, "newslint: wrote 2 findings to baseline.json\n")
    return tmp_path


def rules_reported(*argv: str) -> list[tuple[str, int]]:
    status, out, err = run_cli("check", "--format", "json", "--baseline", "baseline.json",
                               *argv, "news")
    return [(r["rule"], r["line"]) for r in json.loads(out)]


def test_baseline_file_is_sorted_documented_json(newsroom: Path) -> None:
    data = json.loads((newsroom / "baseline.json").read_text("utf-8"))
    assert data == {"version": 1, "findings": [
        {"rule": "house.bof", "path": "news/a.md", "text": "bof", "occurrence": 0},
        {"rule": "house.zut", "path": "news/a.md", "text": "zut", "occurrence": 0},
    ]}
    before = (newsroom / "baseline.json").read_bytes()
    run_cli("check", "--baseline", "baseline.json", "--update-baseline", "news")
    assert (newsroom / "baseline.json").read_bytes() == before  # stable


def test_baselined_findings_are_hidden_and_do_not_fail(newsroom: Path) -> None:
    status, out, err = run_cli("check", "--baseline", "baseline.json", "news")
    assert (status, out) == (ExitStatus.CLEAN, "No problems in 1 file.\n")
    assert err == "newslint: 2 findings hidden by baseline.json\n"
    status, out, _ = run_cli("check", "news")  # without the baseline they are all there
    assert status == ExitStatus.FINDINGS and "house.zut" in out


def test_edit_above_a_finding_keeps_it_hidden(newsroom: Path) -> None:
    (newsroom / "news/a.md").write_text("A new lede.\n\nAnother paragraph.\n\n" + DRAFT,
                                        encoding="utf-8")
    assert rules_reported() == []


def test_a_new_finding_shows(newsroom: Path) -> None:
    (newsroom / "news/a.md").write_text(DRAFT + "\nOh zut again.\n", encoding="utf-8")
    assert rules_reported() == [("house.zut", 5)]  # a second 'zut': occurrence 1 is new


def test_changing_the_quoted_text_revives_it(newsroom: Path) -> None:
    (newsroom / "news/a.md").write_text(DRAFT.replace("bof", "BOF"), encoding="utf-8")
    assert rules_reported() == [("house.bof", 3)]


def test_paths_are_relative_to_the_baseline_file(newsroom: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom / "news")
    status, out, _ = run_cli("check", "--baseline", "../baseline.json", "a.md")
    assert (status, out) == (ExitStatus.CLEAN, "No problems in 1 file.\n")


def test_bad_baseline_is_a_clear_error(newsroom: Path) -> None:
    (newsroom / "baseline.json").write_text('{"version": 1,\n  "findings": [}', "utf-8")
    status, out, err = run_cli("check", "--baseline", "baseline.json", "news")
    assert status == ExitStatus.USAGE
    assert err.startswith("baseline.json:2:16: error: not valid JSON")
    status, _, err = run_cli("check", "--update-baseline", "news")
    assert (status, err) == (ExitStatus.USAGE,
                             "newslint: error: --update-baseline needs --baseline FILE\n")


def test_update_on_some_files_keeps_the_other_files_entries(newsroom: Path) -> None:
    (newsroom / "news" / "b.md").write_text("Bof.\n", encoding="utf-8")
    run_cli("check", "--baseline", "baseline.json", "--update-baseline", "news/b.md")
    (newsroom / "news" / "a.md").write_text("Oh zut.\n", encoding="utf-8")  # 'bof' is gone
    status, _, err = run_cli("check", "--baseline", "baseline.json", "--update-baseline",
                             "news/a.md")
    assert err == "newslint: wrote 2 findings to baseline.json\n"
    data = json.loads((newsroom / "baseline.json").read_text("utf-8"))
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [("news/a.md", "house.zut"),
                                                                  ("news/b.md", "house.bof")]
