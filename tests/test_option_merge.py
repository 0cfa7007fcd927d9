"""Configuration options extend a rule's built-in lists and mappings; `{replace: ...}` replaces."""

from __future__ import annotations

import json

from lint.option_merge import combine, with_defaults
from tests.conftest import run_cli

DRAFT = ("The BBC, NATO and the FBI met GCSE and MEP officials and the ONS. In order to win, "
         "at the end of the day, they left.\n")


def findings(tmp_path, monkeypatch, config: str, *args: str) -> list[tuple[str, str]]:
    (tmp_path / ".newslint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("check", "--format", "json", "--select", "style", *args, "a.md")
    return sorted((d["rule"], d["message"].split("'")[1]) for d in json.loads(out))


def test_list_and_mapping_options_extend_the_built_in_ones(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, """\
rules:
  style.acronym-defined: {exceptions: [GCSE, MEP]}
  style.wordy: {swap: {at the end of the day: in the end}}
""")
    # BBC, NATO and FBI stay exceptions; the built-in pair 'in order to' still swaps.
    assert found == [("style.acronym-defined", "ONS"), ("style.wordy", "To"),
                     ("style.wordy", "in the end")]


def test_replace_marker_replaces_the_built_in_value(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, """\
rules:
  style.acronym-defined: {exceptions: {replace: [GCSE, MEP]}}
  style.wordy: {swap: {replace: {at the end of the day: in the end}}}
""")
    assert found == [("style.acronym-defined", "BBC"), ("style.acronym-defined", "FBI"),
                     ("style.acronym-defined", "NATO"), ("style.acronym-defined", "ONS"),
                     ("style.wordy", "in the end")]


def test_an_override_extends_the_project_setting(tmp_path, monkeypatch):
    found = findings(tmp_path, monkeypatch, """\
rules:
  style.acronym-defined: {exceptions: [GCSE]}
overrides:
  - files: ["*.md"]
    rules: {style.acronym-defined: {exceptions: [MEP, ONS]}}
""")
    assert [f for f in found if f[0] == "style.acronym-defined"] == []


def test_combine_rules():
    assert combine([1, 2], [2, 3]) == [1, 2, 3]
    assert combine({"a": [1]}, {"a": [2], "b": 3}) == {"a": [1, 2], "b": 3}
    assert combine([1], {"replace": [2]}) == {"replace": [2]}
    assert combine({"replace": [2]}, [3]) == {"replace": [2, 3]}
    assert combine("x", "y") == "y"
    assert with_defaults({"e": [1], "n": 5}, {"e": {"replace": [9]}, "n": 6}) == {
        "e": [9], "n": 6}
    assert with_defaults({"e": [1]}, {"e": {"replace": [9]}, "f": {"replace": 2}}) == {
        "e": [9], "f": 2}


def test_min_severity_hides_findings_but_not_from_the_exit_status(tmp_path, monkeypatch):
    config = "rules:\n  style.acronym-defined: {exceptions: [GCSE, MEP]}\n"
    assert findings(tmp_path, monkeypatch, config, "--min-severity", "info") == [
        ("style.wordy", "To"), ]
    status, out, _ = run_cli("check", "--select", "style", "--min-severity", "warning",
                             "--fail-on", "info", "a.md")
    assert status == 1 and out == "No problems in 1 file. 2 below --min-severity not shown.\n"
    (tmp_path / ".newslint.yaml").write_text(config + "min_severity: info\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "--select", "style", "a.md")
    assert {d["rule"] for d in json.loads(out)} == {"style.wordy"}


def test_an_error_in_an_extended_list_points_at_the_entry_as_written(tmp_path, monkeypatch):
    (tmp_path / ".newslint.yaml").write_text(
        "rules:\n  editorial.missing-disclaimer:\n"
        "    accepted: [\"ne vaut pas conseil\", \"ne vaut (pas\"]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run_cli("check", "a.md", "b.md")
    assert (status, out) == (2, "")
    [line] = err.splitlines()  # once, not once per draft
    assert line.startswith(".newslint.yaml:3:39: error: editorial.missing-disclaimer: "
                           "invalid regex 'ne vaut (pas'")
