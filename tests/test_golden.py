"""Whole-draft golden output: the reference draft (examples/seed-fr.txt) as docs/editorial-checks.md requires."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed-fr.txt"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("NEWSLINT_UPDATE_GOLDEN") == "1"


def run(*args: str, cwd: Path = ROOT) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    os.chdir(cwd)
    try:
        status = main(["check", "--no-color", *args], stdout=out, stderr=err)
    finally:
        os.chdir(old)
    return status, out.getvalue()


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), (
        f"output differs from {path}; review and rerun with NEWSLINT_UPDATE_GOLDEN=1")


def test_seed_text_output_is_the_golden_file() -> None:
    status, out = run("examples/seed-fr.txt")
    assert status == 1
    check_golden("seed-fr.expected.txt", out)


def _records(path: Path, cwd: Path) -> list[dict]:
    status, out = run("--format", "json", str(path), cwd=cwd)
    return json.loads(out)


def test_seed_shows_what_the_contract_lists() -> None:
    records = _records(SEED, ROOT)
    found = {(r["rule"], r["line"]) for r in records}
    assert ("editorial.vague-attribution", 1) in found
    assert ("editorial.vague-attribution", 3) in found
    assert ("editorial.vague-attribution", 11) in found
    assert ("editorial.repeated-paragraph", 59) in found
    assert not any(r["rule"] == "editorial.missing-disclaimer" for r in records)
    by_line = {r["line"]: r for r in records if r["rule"] == "editorial.vague-attribution"}
    assert "selon des chiffres circulant dans les milieux financiers" in by_line[1]["message"]
    assert "réseau social seul" in by_line[3]["message"] and "Coinvo" in by_line[3]["message"]
    assert "Les analystes du secteur estiment" in by_line[11]["message"]
    (repeat,) = [r for r in records if r["rule"] == "editorial.repeated-paragraph"]
    assert "ligne 1" in repeat["message"]
    assert repeat["related"][0]["line"] == 1


def test_seed_without_its_disclaimer_reports_missing_disclaimer(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    del lines[66:69]  # lines 67-69 hold the disclaimer
    copy = tmp_path / "seed-fr-sans-avertissement.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    records = _records(copy, tmp_path)
    (finding,) = [r for r in records if r["rule"] == "editorial.missing-disclaimer"]
    assert finding["severity"] == "error"
    assert "fix" in finding
    status, out = run(copy.name, cwd=tmp_path)
    check_golden("seed-fr-sans-avertissement.expected.txt", out)


@pytest.mark.parametrize("example", sorted(p.name for p in (ROOT / "examples").glob("*.md")))
def test_markdown_examples_are_golden(example: str) -> None:
    status, out = run(f"examples/{example}")
    check_golden(example.replace(".md", ".expected.txt"), out)
