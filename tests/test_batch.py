"""`newslint check --jobs N` and `--cache`: the same output as a serial, uncached run."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli

from lint import cache as cache_module
from lint.runner import Linter

ROOT = Path(__file__).resolve().parent.parent
HOUSE_SCHEMA = """\
keys:
  mots: {kind: terms, required: true, meaning: Words the house pack flags.}
"""
# A rule that reads its pack's lexicon: every word of `mots` in the draft is listed.
HOUSE_RULE = ("type: required-text\nmessage: 'mots : {triggers}'\ntriggers: ['@mots']\n"
              "accepted: ['fin du message']\nthreshold: 1\nstrong_weight: 1\n"
              "topic_threshold: 1\nexamples: {fail: [zut], pass: [ok]}\n")


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with every labelled draft of tests/eval (English and French, Markdown and
    text: many findings of every rule), plus a draft that is not UTF-8, as the cwd."""
    for path in sorted((ROOT / "tests" / "eval").glob("*/*.md"))[:60]:
        shutil.copy(path, tmp_path / f"{path.parent.name}-{path.name}")
    (tmp_path / "zz-broken.md").write_bytes(b"Caf\xe9 au lait.\n")
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_parallel_output_is_the_serial_output_in_the_same_order(drafts, fmt):
    serial = run_cli("check", "--jobs", "1", "--format", fmt, ".")
    parallel = run_cli("check", "--jobs", "3", "--format", fmt, ".")
    assert serial[0] == 2  # findings, and the file that is not UTF-8
    assert serial[1].count("\n") > 60 and "zz-broken.md" in serial[2]
    assert parallel == serial


def test_default_jobs_give_the_serial_output_too(drafts):
    assert len(list(drafts.glob("*.md"))) >= 32  # enough files for the default to fork
    assert run_cli("check", ".") == run_cli("check", "--jobs", "1", ".")


def test_jobs_must_be_a_positive_number(drafts):
    status, _, err = run_cli("check", "--jobs", "0", ".")
    assert status == 2 and "expected a whole number of 1 or more, not '0'" in err


def _forbid_linting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every file linted (none, when every result comes from the cache)."""
    linted: list[str] = []
    original = Linter.lint_bytes

    def recording(self, data, path, kind=None):
        linted.append(path)
        return original(self, data, path, kind)

    monkeypatch.setattr(Linter, "lint_bytes", recording)
    return linted


def test_a_warm_cache_lints_nothing_and_reports_the_same(drafts, monkeypatch):
    uncached = run_cli("check", "--jobs", "1", ".")
    cold = run_cli("check", "--jobs", "1", "--cache", ".")
    assert (drafts / ".newslint_cache" / "results.sqlite3").is_file()
    linted = _forbid_linting(monkeypatch)
    warm = run_cli("check", "--jobs", "1", "--cache", ".")
    assert warm == cold == uncached
    # Only the file that is not UTF-8 is read again (input errors are never cached).
    assert linted == ["zz-broken.md"]
    assert warm[1].count("\n") > 60


def test_cache_dir_sets_the_location(drafts, tmp_path_factory, monkeypatch):
    elsewhere = tmp_path_factory.mktemp("cache") / "here"
    first = run_cli("check", "--jobs", "1", "--cache-dir", str(elsewhere), ".")
    assert (elsewhere / "results.sqlite3").is_file()
    assert not (drafts / ".newslint_cache").exists()
    linted = _forbid_linting(monkeypatch)
    assert run_cli("check", "--jobs", "1", "--cache-dir", str(elsewhere), ".") == first
    assert linted == ["zz-broken.md"]


def test_a_changed_file_is_linted_again(drafts, monkeypatch):
    run_cli("check", "--jobs", "1", "--cache", ".")
    target = sorted(drafts.glob("*.md"))[0]
    target.write_text("The council met the the mayor.\n", encoding="utf-8")
    linted = _forbid_linting(monkeypatch)
    status, out, _ = run_cli("check", "--jobs", "1", "--cache", ".")
    assert linted == [target.name, "zz-broken.md"]
    assert f"{target.name}:1:17: warning style.repeated-word" in out


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with a house pack (a rule reading its lexicon) and two French drafts."""
    (tmp_path / "house" / "lexicons").mkdir(parents=True)
    (tmp_path / "house" / "lexicons" / "_schema.yaml").write_text(HOUSE_SCHEMA, encoding="utf-8")
    (tmp_path / "house" / "lexicons" / "fr.yaml").write_text("mots: [zut]\n", encoding="utf-8")
    (tmp_path / "house" / "no-zut.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(
        "packs: [house]\nrule_dirs: [house]\nlanguage: fr\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Zut, flûte et crotte.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Rien à signaler.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def _rerun_lints(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], str]:
    linted = _forbid_linting(monkeypatch)
    _, out, err = run_cli("check", "--jobs", "1", "--cache", ".")
    assert err == ""
    return linted, out


def test_the_house_pack_is_cached(house, monkeypatch):
    _, first, _ = run_cli("check", "--jobs", "1", "--cache", ".")
    assert "a.md:1:1: warning house.no-zut mots : Zut\n" in first
    assert _rerun_lints(monkeypatch) == ([], first)


def test_a_changed_rule_invalidates_the_cache(house, monkeypatch):
    run_cli("check", "--jobs", "1", "--cache", ".")
    rule = house / "house" / "no-zut.yaml"
    rule.write_text(HOUSE_RULE.replace("mots :", "mots interdits :"), encoding="utf-8")
    linted, out = _rerun_lints(monkeypatch)
    assert linted == ["a.md", "b.md"]
    assert "a.md:1:1: warning house.no-zut mots interdits : Zut\n" in out


def test_a_changed_lexicon_invalidates_the_cache(house, monkeypatch):
    run_cli("check", "--jobs", "1", "--cache", ".")
    (house / "house" / "lexicons" / "fr.yaml").write_text("mots: [zut, flûte]\n",
                                                          encoding="utf-8")
    linted, out = _rerun_lints(monkeypatch)
    assert linted == ["a.md", "b.md"]
    assert "a.md:1:1: warning house.no-zut mots : Zut, flûte\n" in out


def test_a_changed_configuration_invalidates_the_cache(house, monkeypatch):
    run_cli("check", "--jobs", "1", "--cache", ".")
    (house / ".newslint.yaml").write_text(
        "packs: [house]\nrule_dirs: [house]\nlanguage: fr\nrules: {house.no-zut: error}\n",
        encoding="utf-8")
    linted, out = _rerun_lints(monkeypatch)
    assert linted == ["a.md", "b.md"]
    assert "a.md:1:1: error house.no-zut" in out


def test_another_selection_or_version_does_not_reuse_the_cache(house, monkeypatch):
    run_cli("check", "--jobs", "1", "--cache", ".")
    linted = _forbid_linting(monkeypatch)
    status, out, _ = run_cli("check", "--jobs", "1", "--cache", "--ignore", "no-zut", ".")
    assert linted == ["a.md", "b.md"] and status == 0 and "house.no-zut" not in out
    linted.clear()
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    run_cli("check", "--jobs", "1", "--cache", ".")
    assert linted == ["a.md", "b.md"]


def test_a_corrupt_cache_is_ignored_and_rebuilt(house, monkeypatch):
    _, first, _ = run_cli("check", "--jobs", "1", "--cache", ".")
    database = house / ".newslint_cache" / "results.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    linted, out = _rerun_lints(monkeypatch)
    assert (linted, out) == (["a.md", "b.md"], first)
    assert database.read_bytes().startswith(b"SQLite format 3")  # rebuilt as a database


def test_a_rebuilt_cache_is_used_again(house, monkeypatch):
    _, first, _ = run_cli("check", "--jobs", "1", "--cache", ".")
    database = house / ".newslint_cache" / "results.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    run_cli("check", "--jobs", "1", "--cache", ".")  # rebuilds it
    assert _rerun_lints(monkeypatch) == ([], first)


def test_a_damaged_entry_is_a_miss(house, monkeypatch):
    _, first, _ = run_cli("check", "--jobs", "1", "--cache", ".")
    with sqlite3.connect(house / ".newslint_cache" / "results.sqlite3") as connection:
        connection.execute("UPDATE results SET result = ?", (b"\x80\x05garbage",))
    linted, out = _rerun_lints(monkeypatch)
    assert (linted, out) == (["a.md", "b.md"], first)
    assert _rerun_lints(monkeypatch) == ([], first)


def test_a_full_cache_keeps_only_the_last_runs_results(house, monkeypatch):
    monkeypatch.setattr(cache_module, "MAX_ROWS", 3)
    database = house / ".newslint_cache" / "results.sqlite3"

    def rows() -> tuple[int, int]:
        with sqlite3.connect(database) as connection:
            return connection.execute("SELECT COUNT(*), COUNT(DISTINCT run) FROM results"
                                      ).fetchone()

    run_cli("check", "--jobs", "1", "--cache", ".")
    assert rows() == (2, 1)  # within the limit
    run_cli("check", "--jobs", "1", "--cache", "--ignore", "no-zut", ".")
    assert rows() == (2, 1)  # 4 rows were past it: only this run's are kept
    linted = _forbid_linting(monkeypatch)
    run_cli("check", "--jobs", "1", "--cache", ".")
    assert linted == ["a.md", "b.md"]  # the first run's results were dropped
    linted.clear()
    run_cli("check", "--jobs", "1", "--cache", ".")
    assert linted == [] and rows() == (2, 1)
