"""Configuration follows the draft: the files above each draft cascade, the closest wins."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli

PREDICTION = "Solara is going to become the default payments layer. The ONS said so.\n"
FRENCH = "Le prix va doubler au jour d'aujourd'hui.\n"


@pytest.fixture
def newsroom(write, tmp_path):
    """A repository with house settings, an `opinion/**` override and a French desk."""
    write(".newslint.yaml", "rules:\n  style.acronym-defined: off\n"
                            "overrides:\n  - files: [\"opinion/**\"]\n"
                            "    rules: {hedging-gap: off}\n")
    write("fr/.newslint.yaml", "language: fr\nrules:\n  style.wordy: off\n")
    write("news.md", PREDICTION)
    write("opinion/column.md", PREDICTION)
    write("fr/a.md", FRENCH)
    return tmp_path


def rules_by_file(stdout: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for item in json.loads(stdout):
        found.setdefault(item["path"].split("/")[-2] + "/" + item["path"].split("/")[-1],
                         set()).add(item["rule"])
    return found


def test_settings_follow_the_draft_not_the_working_folder(newsroom, monkeypatch):
    monkeypatch.chdir("/")
    status, out, _ = run_cli("check", "--format", "json", str(newsroom / "opinion/column.md"),
                             str(newsroom / "news.md"))
    found = rules_by_file(out)
    # The house setting (no acronym hints) applies to both, the override to opinion only.
    assert found == {f"{newsroom.name}/news.md": {"editorial.hedging-gap"}}
    assert status == 1


def test_a_desk_configuration_applies_when_run_from_the_root(newsroom, monkeypatch):
    monkeypatch.chdir(newsroom)
    _, out, _ = run_cli("check", "--format", "json", ".")
    french = [d for d in json.loads(out) if d["path"] == "fr/a.md"]
    assert {d["rule"] for d in french} == {"editorial.hedging-gap"}  # wordy is off there
    assert "présente une prédiction" in french[0]["message"]  # language: fr
    # The repository's own setting still holds in the desk (closest wins, the rest cascades).
    assert not [d for d in json.loads(out) if d["rule"] == "style.acronym-defined"]


def test_explicit_config_overrides_discovery(newsroom, monkeypatch, write):
    write("other.yaml", "rules: {hedging-gap: off}\n")
    monkeypatch.chdir(newsroom)
    _, out, _ = run_cli("check", "--format", "json", "--config", "other.yaml", "fr/a.md",
                        "news.md")
    rules = {d["rule"] for d in json.loads(out)}
    assert "style.wordy" in rules and "style.acronym-defined" in rules
    assert "editorial.hedging-gap" not in rules


def test_a_nested_configuration_error_points_into_its_file_once(newsroom, monkeypatch, write):
    write("fr/.newslint.yaml", "language: fr\nrules:\n  no-such-rule: off\n")
    write("fr/b.md", FRENCH)
    monkeypatch.chdir(newsroom)
    status, out, err = run_cli("check", ".")
    assert status == 2 and out == ""
    assert err.splitlines() == [
        "fr/.newslint.yaml:3:3: error: unknown rule or pack 'no-such-rule'"]


def test_nested_lists_add_up_and_scalars_take_the_closest(write, tmp_path, monkeypatch):
    write(".newslint.yaml", "files: {exclude: ['old-*.md']}\nmin_severity: info\n")
    write("desk/.newslint.yaml", "files: {exclude: ['draft-*.md']}\nmin_severity: warning\n")
    for name in ("old-a.md", "draft-a.md", "a.md"):
        write(f"desk/{name}", "The ONS said so in order to win.\n")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("check", "--format", "json", ".")
    assert json.loads(out) == []  # both excludes apply; wordy (info) hidden by the closest
    _, out, _ = run_cli("check", "--format", "json", "--min-severity", "hint", ".")
    assert {d["path"] for d in json.loads(out)} == {"desk/a.md"}


def test_config_command_says_where_each_setting_comes_from(newsroom, monkeypatch):
    monkeypatch.chdir(newsroom)
    status, out, _ = run_cli("config", "fr/a.md")
    assert status == 0
    assert out.splitlines()[:3] == ["fr/a.md: configuration files, outermost first:",
                                    "  .newslint.yaml", "  fr/.newslint.yaml"]
    assert "language: fr  # fr/.newslint.yaml:1:1" in out
    assert "  style.acronym-defined: off  # .newslint.yaml:2:3" in out
    assert "  style.wordy: off  # fr/.newslint.yaml:3:3, for fr/**" in out
    _, out, _ = run_cli("config", "opinion/column.md")
    assert "  hedging-gap: off  # .newslint.yaml:5:13, for opinion/**" in out
    assert "language: auto  # default" in out


def test_a_bad_lexicon_pattern_is_one_configuration_error(newsroom, monkeypatch, write):
    """Reported once (not once per linted draft), at the nested file's line and column."""
    write("fr/.newslint.yaml", "language: fr\nlexicons:\n  fr:\n    weasel_holders: ['des (x']\n")
    for name in ("b.md", "c.md", "d/e.md"):
        write(f"fr/{name}", FRENCH)
    monkeypatch.chdir(newsroom)
    status, out, err = run_cli("check", ".")
    assert (status, out) == (2, "")
    assert err.splitlines() == ["fr/.newslint.yaml:4:22: error: lexicon 'weasel_holders': "
                                "invalid regex 'des (x': missing ) at position 6"]


def test_explain_place_uses_the_drafts_configuration(newsroom, monkeypatch):
    monkeypatch.chdir("/")
    path = str(newsroom / "opinion/column.md")
    status, out, _ = run_cli("explain", f"{path}:1")
    assert status == 0
    assert "hedging-gap" not in out and "acronym-defined" not in out
    _, out, _ = run_cli("explain", f"{newsroom / 'news.md'}:1")
    assert "editorial.hedging-gap" in out and "acronym-defined" not in out


def test_pyproject_and_yaml_files_cascade(write, tmp_path, monkeypatch):
    write("pyproject.toml", '[project]\nname = "desk"\n\n[tool.newslint]\nmin_severity = "warning"\n'
                            '\n[tool.newslint.rules]\n"style.repeated-word" = "error"\n')
    write("desk/.newslint.yaml", "rules:\n  style.wordy: warning\n")
    write("desk/a.md", "The the council met in order to vote.\n")
    monkeypatch.chdir(tmp_path / "desk")
    _, out, _ = run_cli("check", "--format", "json", "a.md")
    assert sorted((d["rule"], d["severity"]) for d in json.loads(out)) == [
        ("style.repeated-word", "error"), ("style.wordy", "warning")]
    _, out, _ = run_cli("config", "a.md")
    # A file above the working folder is shown with its full path.
    assert f"min_severity: warning  # {tmp_path / 'pyproject.toml'}:5:1" in out
    assert "  style.wordy: warning  # .newslint.yaml:2:3, for desk/**" in out
