"""Hostile inputs: special files, other encodings, unreadable folders, huge drafts, slow patterns."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from conftest import run_cli as run

import lint.engine
from lint.cli import ExitStatus


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".newslint.yaml").write_text("packs: [style]\n", encoding="utf-8")
    (tmp_path / "ok.md").write_text("The council met the the mayor.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_fifo_named_on_the_command_line_is_never_opened(project: Path) -> None:
    os.mkfifo(project / "x.md")  # opening it for reading would block the run forever
    status, out, err = run("check", "x.md", "ok.md")
    assert status == ExitStatus.USAGE
    assert err == "x.md: error: a FIFO, not a regular file: not read\n"
    assert "ok.md:1:" in out  # the run went on


def test_special_files_met_in_a_walk_are_reported_not_opened(project: Path) -> None:
    os.mkfifo(project / "pipe.md")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(project / "sock.md"))
        status, out, err = run("check", ".")
    finally:
        server.close()
    assert status == ExitStatus.USAGE
    assert err.splitlines() == ["pipe.md: error: a FIFO, not a regular file: not read",
                                "sock.md: error: a socket, not a regular file: not read"]
    assert "ok.md:1:" in out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_draft_met_in_a_walk_is_reported(project: Path, encoding: str) -> None:
    (project / "wide.md").write_bytes("The council met.\n".encode(encoding))
    (project / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0")
    status, out, err = run("check", ".")
    assert status == ExitStatus.USAGE
    # The binary file is still skipped silently; the text in another encoding is not.
    assert err == "wide.md: error: UTF-16 or UTF-32 text, not UTF-8: save it as UTF-8 to lint it\n"


def test_an_unreadable_subfolder_is_reported(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "locked").mkdir()
    (project / "locked" / "a.md").write_text("Text.\n", encoding="utf-8")
    real = os.scandir

    def refusing(path=".", *args):  # what a folder without read permission does (not as root)
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", refusing)
    status, out, err = run("check", ".")
    assert status == ExitStatus.USAGE
    assert err == "locked: error: folder cannot be read: Permission denied\n"
    assert "ok.md:1:" in out


def test_a_draft_over_the_size_limit_is_reported_not_read(project: Path) -> None:
    (project / "big.md").write_bytes(b"word " * 2_100_000 + b"\n")  # 10.5 MB
    (project / "line.txt").write_bytes(b"x" * 10_500_000)  # one 10.5 MB line
    status, out, err = run("check", "big.md", "line.txt", "ok.md")
    assert status == ExitStatus.USAGE
    assert err.splitlines() == [
        f"{name}: error: 10.5 MB, over the 10 MB limit per draft: not read (raise "
        "`files: max_size` in the configuration (.newslint.yaml) to lint it)".replace(
            "(.newslint.yaml)", f"({project / '.newslint.yaml'})")
        for name in ("big.md", "line.txt")]
    assert "ok.md:1:" in out


def test_the_size_limit_is_configurable(project: Path) -> None:
    (project / ".newslint.yaml").write_text("packs: [style]\nfiles:\n  max_size: 20 kB\n",
                                            encoding="utf-8")
    (project / "a.md").write_bytes(b"word " * 5000)
    status, out, err = run("check", "a.md")
    assert status == ExitStatus.USAGE and "over the 0.02 MB limit" in err
    status, out, err = run("check", "-", stdin=b"word " * 5000)
    assert status == ExitStatus.USAGE and "over the 0.02 MB limit" in err
    (project / ".newslint.yaml").write_text("files:\n  max_size: -3\n", encoding="utf-8")
    status, out, err = run("check", "a.md")
    assert status == ExitStatus.USAGE
    assert err.startswith(".newslint.yaml:2:13: error: max_size must be a positive size")


SLOW_RULE = ("type: existence\nmessage: 'slow {match}'\ntokens: ['(?:a|aa)+$']\n"
             "examples: {fail: [zzz], pass: [yyy]}\n")
"""A pattern that backtracks: about 0.6 s on each paragraph of 29 'a's and a '!'."""


def slow_pack(project: Path) -> None:
    (project / "house").mkdir()
    (project / "house" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (project / "house" / "slower.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (project / ".newslint.yaml").write_text("rule_dirs: [house]\npacks: [house, style]\n",
                                            encoding="utf-8")


def test_a_catastrophic_pattern_cannot_hang_a_run(project: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lint.engine, "RULE_TIME_BUDGET", 0.5)
    slow_pack(project)
    (project / "many.md").write_text("".join("a" * 29 + "!\n\n" for _ in range(100)),
                                     encoding="utf-8")  # about 60 s per rule without budget
    (project / "long.md").write_text("a" * 20_000 + "!\n", encoding="utf-8")
    # The proof that the run ends is that this returns (about 60 s per file without the
    # budget; with it, half a second per file).
    status, out, err = run("check", "--ignore", "house.slower", "many.md", "long.md", "ok.md")
    lines = out.splitlines()
    for name in ("many.md", "long.md"):
        timed_out = [line for line in lines if line.startswith(name + ":")]
        assert timed_out == [f"{name}:1:1: error newslint.rule-error rule house.slow timed out "
                             "(a pattern is too slow on this text); its results for this file "
                             "are incomplete"]
    assert any(line.startswith("ok.md:1:") for line in lines)


def test_the_file_budget_stops_the_remaining_rules_once(project: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lint.engine, "RULE_TIME_BUDGET", 1.0)
    monkeypatch.setattr(lint.engine, "FILE_TIME_BUDGET", 1.5)
    slow_pack(project)
    (project / "many.md").write_text("".join("a" * 29 + "!\n\n" for _ in range(100)),
                                     encoding="utf-8")
    status, out, err = run("check", "many.md")
    errors = [line for line in out.splitlines() if "rule-error" in line]
    assert len(errors) == 3, errors
    assert "rule house.slow timed out" in errors[0]
    assert "rule house.slower timed out" in errors[1]
    assert errors[2].endswith("the rules' time budget for this file (1.5 s) is spent; not run: "
                              "style.acronym-defined, style.repeated-word, "
                              "style.sentence-length, style.spelling-consistency, style.wordy")


def test_a_long_draft_gets_budgets_in_proportion_to_its_length(monkeypatch: pytest.MonkeyPatch) -> None:
    """A book-length draft's editorial analysis takes longer than the base 5 s: the budgets
    grow with the text past BUDGET_CHARACTERS, so its lint is whole, not cut short."""
    import contextlib

    from lint.config import Config
    from lint.runner import Linter

    given: list[float] = []

    @contextlib.contextmanager
    def recording_budget(seconds: float):
        given.append(seconds)
        yield

    monkeypatch.setattr(lint.engine, "time_budget", recording_budget)
    monkeypatch.setattr(lint.engine, "BUDGET_CHARACTERS", 1_000)
    paragraph = "The council met on Monday and approved the plan.\n\n"
    linter = Linter(Config())
    for copies, scale in ((10, 1.0), (60, len(paragraph) * 60 / 1_000)):
        given.clear()
        linter.lint_bytes((paragraph * copies).encode(), "draft.md")
        assert given and all(seconds == pytest.approx(lint.engine.RULE_TIME_BUDGET * scale)
                             for seconds in given)


@pytest.mark.parametrize("text", [
    ">" * 25 + " The council met the the mayor.\n",
    "".join("  " * i + "- item\n" for i in range(12)) + "  " * 12 + "- The council met the the mayor.\n",
    "".join(">" * i + "\n" for i in range(1, 40)) + ">" * 40 + " The council met the the mayor.\n",
])
def test_deeply_nested_text_is_linted(project: Path, text: str) -> None:
    (project / "deep.md").write_text(text, encoding="utf-8")
    status, out, err = run("check", "deep.md")
    assert "style.repeated-word" in out and "newslint.nesting" not in out


@pytest.mark.parametrize("text", [
    ">" * 120 + " The council met the the mayor.\n",
    "".join("  " * i + "- item\n" for i in range(70)) + "  " * 70 + "- The council met the the mayor.\n",
])
def test_text_too_deep_to_parse_gets_one_notice(project: Path, text: str) -> None:
    (project / "deep.md").write_text("The the start.\n\n" + text, encoding="utf-8")
    status, out, err = run("check", "deep.md")
    notices = [line for line in out.splitlines() if "newslint.nesting" in line]
    assert len(notices) == 1
    assert notices[0].endswith("text nested deeper than the Markdown parser goes (100 levels: "
                               "a blockquote counts one, a list level two) is not linted")
    assert out.startswith("deep.md:1:1: warning style.repeated-word")  # the rest is linted


def test_a_wide_table_maps_every_cell(project: Path) -> None:
    columns = 1000
    row = "|" + "|".join(f"x{i} the the" for i in range(columns)) + "|\n"
    (project / "wide.md").write_text("|" + "|".join("h" for _ in range(columns)) + "|\n|"
                                     + "|".join("-" for _ in range(columns)) + "|\n" + row,
                                     encoding="utf-8")
    status, out, err = run("check", "--format", "json", "wide.md")
    import json

    found = [d for d in json.loads(out) if d["rule"] == "style.repeated-word"]
    assert len(found) == columns
    starts = [row.index("the the", row.index(f"|x{i} ")) + 1 for i in range(columns)]
    assert [(d["line"], d["column"]) for d in found] == [(3, s) for s in starts]


def test_a_timed_out_editorial_analysis_is_not_run_again_for_each_rule(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lint.editorial import analysis

    calls = []

    def slow(self: object) -> None:
        calls.append(1)
        raise TimeoutError("regex timed out")

    monkeypatch.setattr(analysis._Analyser, "run", slow)
    (project / ".newslint.yaml").write_text("packs: [editorial]\n", encoding="utf-8")
    (project / "a.md").write_text("Shares could rise 10% next year, analysts say.\n",
                                  encoding="utf-8")
    status, out, err = run("check", "--select", "editorial.hedging-gap,editorial.stacked-hedges,"
                           "editorial.unsourced-projection", "a.md")
    timed_out = [line for line in out.splitlines() if "timed out" in line]
    assert len(timed_out) == 3  # each rule still says it, once
    assert len(calls) == 1
