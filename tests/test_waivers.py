"""Waivers: accepted findings leave the text output and the exit status, and show with their
reason in JSON and SARIF; a waiver without a reason is an error."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import run_cli
from newsroom import CONFIG, make_newsroom
from test_report_cli import validate_sarif

from lint.cli import ExitStatus
from lint.report.json_report import SCHEMA as JSON_SCHEMA

INLINE = ('Oh zut. <!-- newslint waive house.zut: reason="the mayor\'s words" by="jd" '
          'date="2026-12-01" -->\n\n'
          "Well, bof.\n")
CONFIG_WAIVERS = CONFIG + """\
waivers:
  - rule: bof
    files: "opinion/**"
    text: Bof
    reason: a columnist's voice
    by: desk chief
    date: 2026-11-30
"""


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_newsroom(tmp_path, {"news/a.md": INLINE, "opinion/b.md": "Bof, and zut.\n"},
                  CONFIG_WAIVERS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def test_waived_findings_leave_the_text_output(newsroom: Path) -> None:
    status, out, err = run_cli("check", "news", "opinion")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    assert out.splitlines() == [
        "news/a.md:3:7: info house.bof Say what you mean instead of 'bof'.",
        "opinion/b.md:1:10: warning house.zut Avoid 'zut': say 'flûte'.",
        "2 problems (1 warning, 1 info) in 2 files.",
    ]
    status, out, _ = run_cli("check", "news/a.md")  # the only warning is waived inline
    assert status == ExitStatus.CLEAN


def test_json_shows_each_waiver(newsroom: Path) -> None:
    _, out, _ = run_cli("check", "--format", "json", "news", "opinion")
    jsonschema.validate(json.loads(out), JSON_SCHEMA)
    waived = {(r["path"], r["rule"]): r["waiver"] for r in json.loads(out) if "waiver" in r}
    assert waived == {
        ("news/a.md", "house.zut"): {"kind": "inSource", "reason": "the mayor's words",
                                     "by": "jd", "date": "2026-12-01",
                                     "where": "news/a.md:1:9"},
        ("opinion/b.md", "house.bof"): {"kind": "external", "reason": "a columnist's voice",
                                        "by": "desk chief", "date": "2026-11-30",
                                        "files": "opinion/**", "text": "Bof",
                                        "where": f"{newsroom / '.newslint.yaml'}:4:5"},
    }


def test_sarif_shows_waivers_as_suppressions(newsroom: Path) -> None:
    _, out, _ = run_cli("check", "--format", "sarif", "news", "opinion")
    log = json.loads(out)
    validate_sarif(log)
    results = log["runs"][0]["results"]
    suppressed = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r["ruleId"]): r["suppressions"] for r in results if "suppressions" in r}
    assert suppressed == {
        ("news/a.md", "house.zut"): [{"kind": "inSource", "status": "accepted",
                                      "justification": "the mayor's words",
                                      "properties": {"by": "jd", "date": "2026-12-01"}}],
        ("opinion/b.md", "house.bof"): [{"kind": "external", "status": "accepted",
                                         "justification": "a columnist's voice",
                                         "properties": {"by": "desk chief",
                                                        "date": "2026-11-30"}}],
    }
    assert len(results) == 4


def test_config_waiver_is_limited_to_its_files_and_text(newsroom: Path) -> None:
    (newsroom / "opinion" / "c.md").write_text("BOF.\n", encoding="utf-8")
    (newsroom / "news" / "d.md").write_text("Bof.\n", encoding="utf-8")
    _, out, _ = run_cli("check", "opinion/c.md", "news/d.md")
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["opinion/c.md",
                                                                      "news/d.md"]


def test_config_waiver_without_reason_is_an_error_with_its_place(newsroom: Path) -> None:
    (newsroom / ".newslint.yaml").write_text(CONFIG + "waivers:\n  - rule: house.zut\n"
                                             "    files: news/**\n", encoding="utf-8")
    status, out, err = run_cli("check", "news")
    assert (status, out) == (ExitStatus.USAGE, "")
    assert err == ".newslint.yaml:4:5: error: a waiver needs a non-empty 'reason'\n"


def test_config_waiver_of_an_unknown_rule_is_an_error(newsroom: Path) -> None:
    (newsroom / ".newslint.yaml").write_text(CONFIG + "waivers:\n  - rule: house.zutt\n"
                                             "    reason: typo\n", encoding="utf-8")
    status, _, err = run_cli("check", "news")
    assert (status, err) == (ExitStatus.USAGE, ".newslint.yaml:4:11: error: unknown rule or "
                                               "pack 'house.zutt' in waiver\n")


def test_inline_waiver_without_reason_is_reported_and_waives_nothing(newsroom: Path) -> None:
    (newsroom / "news" / "a.md").write_text("<!-- newslint waive house.bof -->\nWell, bof.\n",
                                            encoding="utf-8")
    _, out, _ = run_cli("check", "news/a.md")
    assert out.splitlines()[:2] == [
        "news/a.md:1:1: warning newslint.bad-directive a newslint waive directive needs a "
        'reason: reason="why this is accepted"',
        "news/a.md:2:7: info house.bof Say what you mean instead of 'bof'.",
    ]


def test_inline_waiver_on_the_line_above_covers_the_next_line_only(newsroom: Path) -> None:
    (newsroom / "news" / "a.md").write_text(
        '<!-- newslint waive bof reason="quoted" -->\nWell, bof.\n\nBof again.\n', "utf-8")
    _, out, _ = run_cli("check", "--format", "json", "news/a.md")
    assert [(r["line"], "waiver" in r) for r in json.loads(out)] == [(2, True), (4, False)]


def test_a_desk_configuration_adds_its_own_waivers(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Configuration follows the draft: a nested desk's waivers add to the house's, with
    their globs relative to the desk's folder."""
    make_newsroom(tmp_path, {"opinion/b.md": "Bof, and zut.\n", "news/c.md": "Bof, and zut.\n"})
    (tmp_path / "opinion" / ".newslint.yaml").write_text(
        "waivers:\n  - rule: house.zut\n    files: \"*.md\"\n    reason: the columnist's voice\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("check", "opinion", "news")
    assert [line.split(" ")[:3] for line in out.splitlines()[:-1]] == [
        ["opinion/b.md:1:1:", "info", "house.bof"],  # its zut is waived by the desk
        ["news/c.md:1:1:", "info", "house.bof"],
        ["news/c.md:1:10:", "warning", "house.zut"],
    ]
