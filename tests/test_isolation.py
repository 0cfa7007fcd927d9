"""One file that makes newslint fail is reported on that file; the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli as run

import lint.runner
from lint.cli import ExitStatus
from lint.engine import INTERNAL_ERROR


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".newslint.yaml").write_text("packs: [style]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_crash_on_one_file_is_one_diagnostic_and_the_run_goes_on(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = lint.runner.build_document

    def breaks_on_b(source, path, **kwargs):
        if path.endswith("b.md"):
            raise RuntimeError("boom")
        return real(source, path, **kwargs)

    monkeypatch.setattr(lint.runner, "build_document", breaks_on_b)
    for name in ("a.md", "b.md", "c.md"):
        (project / name).write_text("The council met the the mayor.\n", encoding="utf-8")
    status, out, err = run("check", "a.md", "b.md", "c.md")
    assert status == ExitStatus.USAGE
    lines = out.splitlines()
    assert [line for line in lines if INTERNAL_ERROR in line] == [
        f"b.md:1:1: error {INTERNAL_ERROR} newslint failed on this file and did not lint it "
        "(RuntimeError: boom); please report it with the draft"]
    assert any(line.startswith("a.md:1:") and "repeated-word" in line for line in lines)
    assert any(line.startswith("c.md:1:") and "repeated-word" in line for line in lines)


@pytest.mark.parametrize("text", [
    "---\ntitle: x\n---",          # the closing fence ends the file, no newline after it
    "---\ntitle: x\n---   ",
    "---\r\ntitle: x\r\n...",
])
def test_front_matter_closed_at_end_of_file_lints(project: Path, text: str) -> None:
    (project / "a.md").write_bytes(text.encode())
    status, out, err = run("check", "a.md")
    assert (status, err) == (ExitStatus.CLEAN, "")
    assert out == "No problems in 1 file.\n"


def test_invalid_date_in_front_matter_is_one_front_matter_error(project: Path) -> None:
    (project / "a.md").write_text("---\ntitle: x\ndate: 2024-02-30\n---\nThe the end.\n",
                                  encoding="utf-8")
    (project / "b.md").write_text("The council met the the mayor.\n", encoding="utf-8")
    status, out, err = run("check", "--format", "json", "a.md", "b.md")
    assert INTERNAL_ERROR not in out
    files: dict[str, list[dict]] = {}
    for d in json.loads(out):
        files.setdefault(d["path"], []).append(d)
    front = [d for d in files["a.md"] if d["rule"] == "newslint.front-matter"]
    assert len(front) == 1
    assert (front[0]["line"], front[0]["column"]) == (3, 7)
    assert "2024-02-30" in front[0]["message"]
    assert any(d["rule"] == "style.repeated-word" for d in files["a.md"])  # body still linted
    assert any(d["rule"] == "style.repeated-word" for d in files["b.md"])
