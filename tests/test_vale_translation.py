"""Vale rule files and `.vale.ini` as newslint reads them (lint/vale), on small inputs."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from lint.cli import main
from lint.diagnostic import Severity
from lint.vale.ini import expand_braces, read_ini
from lint.vale.rules import load_style, load_vale_rule, vale_message
from lint.yamlio import InputError


def _style(tmp_path: Path, rules: dict[str, str]) -> Path:
    folder = tmp_path / "styles" / "House"
    folder.mkdir(parents=True)
    for name, text in rules.items():
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return folder


def _check(folder: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        status = main(["check", "--output", "line", *args, "."], stdout=out, stderr=err)
    finally:
        os.chdir(here)
    return status, out.getvalue(), err.getvalue()


def test_message_placeholders_follow_vale_argument_order() -> None:
    assert vale_message("Use '%s' instead of '%s'.", ("replacement", "match")) == (
        "Use '{replacement}' instead of '{match}'.")
    assert vale_message("'%s' {x} 100%%", ("match",)) == "'{match}' {{x}} 100%"


def test_existence_rule_loads_with_level_raw_and_append(tmp_path: Path) -> None:
    folder = _style(tmp_path, {
        "Raw": "extends: existence\nmessage: \"'%s'\"\nlevel: error\nraw: ['x', 'y']\n"
               "tokens: [a]\nappend: true\n",
        "Broken": "extends: existence\nmessage: m\nlevel: loud\ntokens: [a]\n",
    })
    spec = load_vale_rule(folder / "Raw.yml", "House")
    assert spec.id == "House.Raw" and spec.type == "existence"
    assert spec.severity is Severity.ERROR
    assert spec.options["tokens"] == [r"(?m:(?:\b(?:a)\b)xy)"]
    assert spec.options["ignorecase"] is False
    specs, errors = load_style(folder)
    assert [s.id for s in specs] == ["House.Raw"]
    assert len(errors) == 1 and errors[0].line == 3 and "level" in errors[0].message


def test_ini_sections_braces_levels_and_errors(tmp_path: Path) -> None:
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = warning\n\n[*.{md,txt}]\n"
                   "BasedOnStyles = House\nHouse.Raw = NO\nHouse.Other = error\n"
                   "House.Bad = maybe\n", encoding="utf-8")
    parsed = read_ini(ini)
    assert parsed.styles_path == (tmp_path / "styles").resolve()
    assert parsed.min_level == "warning"
    section = parsed.sections[1]
    assert section.based_on == ["House"]
    assert section.rules == {"House.Raw": "NO", "House.Other": "error"}
    assert section.matches("docs/a.txt") and section.matches("a.md")
    assert not section.matches("a.rst")
    assert [(e.line, e.column) for e in parsed.errors] == [(8, 13)]
    assert expand_braces("*.{md,{txt,text}}") == ["*.md", "*.txt", "*.text"]


def test_folder_with_vale_ini_is_linted_as_vale_would(tmp_path: Path) -> None:
    _style(tmp_path, {
        "Very": "extends: existence\nmessage: \"Remove '%s'.\"\nlevel: warning\n"
                "tokens: [very]\n",
        "Tiny": "extends: existence\nmessage: \"Tiny '%s'.\"\nlevel: suggestion\n"
                "tokens: [tiny]\n",
        "Utilize": "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\n"
                   "level: error\nswap:\n  utilize: use\n",
        "Broken": "extends: nonsense\nmessage: m\n",
    })
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\nMinAlertLevel = warning\n[*.md]\nBasedOnStyles = House\n"
        "House.Utilize = NO\n[notes/*.md]\nHouse.Utilize = YES\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    text = "A very tiny draft.\n\nWe utilize it.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "notes" / "b.md").write_text(text, encoding="utf-8")
    status, out, err = _check(tmp_path)
    assert out.splitlines() == [
        "a.md:1:3:House.Very:Remove 'very'.",
        "notes/b.md:1:3:House.Very:Remove 'very'.",
        "notes/b.md:3:4:House.Utilize:Use 'use' instead of 'utilize'.",
    ]
    assert status == 1
    assert err.count("Broken.yml:1:10:") == 1 and "skipped" in err


@pytest.mark.parametrize("setting", ["House.Very = suggestion", "House.Very = NO"])
def test_rule_level_or_off_in_ini(tmp_path: Path, setting: str) -> None:
    _style(tmp_path, {"Very": "extends: existence\nmessage: m\nlevel: error\ntokens: [very]\n"})
    (tmp_path / ".vale.ini").write_text(
        f"StylesPath = styles\nMinAlertLevel = warning\n[*.md]\nBasedOnStyles = House\n"
        f"{setting}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("very\n", encoding="utf-8")
    assert _check(tmp_path)[1] == ""


def test_vale_comment_switches(tmp_path: Path) -> None:
    _style(tmp_path, {"Very": "extends: existence\nmessage: m\nlevel: error\ntokens: [very]\n",
                      "Tiny": "extends: existence\nmessage: m\nlevel: error\ntokens: [tiny]\n"})
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
                                        encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "very tiny\n\n<!-- vale off -->\n\nvery tiny\n\n<!-- vale on -->\n\n"
        "<!-- vale House.Very = NO -->\n\nvery tiny\n\n<!-- vale House.Very = YES -->\n\n"
        "very tiny\n", encoding="utf-8")
    assert _check(tmp_path)[1].splitlines() == [
        "a.md:1:1:House.Very:m", "a.md:1:6:House.Tiny:m", "a.md:11:6:House.Tiny:m",
        "a.md:15:1:House.Very:m", "a.md:15:6:House.Tiny:m"]


def test_vocabulary_terms_avoid_and_exceptions_under_an_underscore_config(tmp_path: Path) -> None:
    _style(tmp_path, {"Weasel": "extends: existence\nmessage: \"'%s'\"\nlevel: warning\n"
                                "tokens: [very, fairly]\n",
                      "Strict": "extends: existence\nmessage: \"'%s'\"\nlevel: warning\n"
                                "vocab: false\ntokens: [very]\n"})
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "House"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("# accepted\nvery\nGitHub\n", encoding="utf-8")
    (vocab / "reject.txt").write_text("Mac OS X\n", encoding="utf-8")
    (tmp_path / "_vale").write_text("StylesPath = styles\nVocab = House\n[*.md]\n"
                                    "BasedOnStyles = Vale, House\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("A very fairly github on Mac OS X.\n", encoding="utf-8")
    assert _check(tmp_path)[1].splitlines() == [
        "a.md:1:3:House.Strict:'very'",
        "a.md:1:8:House.Weasel:'fairly'",
        "a.md:1:15:Vale.Terms:Use 'GitHub' instead of 'github'.",
        "a.md:1:25:Vale.Avoid:Avoid using 'Mac OS X'.",
    ]


def test_conjunction_scope_and_bare_substitution_argument(tmp_path: Path) -> None:
    folder = _style(tmp_path, {
        "Sub": "extends: substitution\nmessage: Use %s rather than %s.\nlevel: error\n"
               "swap:\n  VNIC: vNIC\n",
        "Deep": "extends: existence\nmessage: m\nlevel: error\nscope: heading & ~heading.h1\n"
                "tokens: [Title]\n",
        "Both": "extends: existence\nmessage: m\nscope: heading & list\ntokens: [x]\n"})
    assert load_vale_rule(folder / "Deep.yml", "House").scope == ("heading", "~heading.h1")
    assert load_vale_rule(folder / "Sub.yml", "House").messages["*"] == (
        "Use '{replacement}' rather than {match}.")
    with pytest.raises(InputError, match="conjunction"):
        load_vale_rule(folder / "Both.yml", "House")


def test_token_and_block_ignores(tmp_path: Path) -> None:
    _style(tmp_path, {"Act": "extends: existence\nmessage: m\nlevel: error\ntokens: [ACT]\n"})
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n"
        "TokenIgnores = (\\$+?[^\\d][^\\n$]+\\$+?), (<x[^\\n]+>+?)\n"
        "BlockIgnores = (?s)(\\{\\{< file >\\}\\}.*?\\{\\{< /file >\\}\\})\n"
        "[other.md]\nTokenIgnores = ([\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("ACT one\n\n$ACT two$\n\n{{< file >}}\nACT three\n"
                                   "{{< /file >}}\n\nACT four\n", encoding="utf-8")
    status, out, err = _check(tmp_path)
    assert out.splitlines() == ["a.md:1:1:House.Act:m", "a.md:9:1:House.Act:m"]
    assert "TokenIgnores: invalid regex '(['" in err


def test_newslint_configuration_includes_a_vale_ini(tmp_path: Path) -> None:
    _style(tmp_path, {"Very": "extends: existence\nmessage: \"Remove '%s'.\"\nlevel: error\n"
                              "tokens: [very]\n"})
    (tmp_path / "house.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
                                        encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("vale: house.ini\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("A very good day: the the end.\n", encoding="utf-8")
    out = _check(tmp_path)[1].splitlines()
    assert "a.md:1:3:House.Very:Remove 'very'." in out
    assert any(":style.repeated-word:" in line for line in out), out
    (tmp_path / ".newslint.yaml").write_text("vale: missing.ini\n", encoding="utf-8")
    status, _, err = _check(tmp_path)
    assert status == 2 and ".newslint.yaml:1:7:" in err and "missing.ini" in err


def test_vale_sentence_scope_leaves_headings_out_and_list_conjunctions(tmp_path: Path) -> None:
    folder = _style(tmp_path, {
        "Sent": "extends: existence\nmessage: m\nscope: sentence\ntokens: [x]\n",
        "And": "extends: existence\nmessage: m\nscope:\n  - ~blockquote & ~heading\n"
               "tokens: [x]\n",
        "Two": "extends: existence\nmessage: m\nscope:\n  - heading\n  - ~list & ~table\n"
               "tokens: [x]\n"})
    assert load_vale_rule(folder / "Sent.yml", "House").scope == ("sentence", "~heading")
    assert load_vale_rule(folder / "And.yml", "House").scope == ("~blockquote", "~heading")
    with pytest.raises(InputError, match="conjunction"):
        load_vale_rule(folder / "Two.yml", "House")


def test_action_remove_becomes_a_fix(tmp_path: Path) -> None:
    folder = _style(tmp_path, {
        "Adverbs": "extends: existence\nmessage: m\nlevel: error\naction:\n  name: remove\n"
                   "tokens: [very]\n",
        "Edit": "extends: existence\nmessage: m\naction:\n  name: edit\ntokens: [x]\n"})
    assert load_vale_rule(folder / "Adverbs.yml", "House").options["remove_fix"] is True
    assert "remove_fix" not in load_vale_rule(folder / "Edit.yml", "House").options
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
                                        encoding="utf-8")
    (tmp_path / "a.md").write_text("A very good day.\n", encoding="utf-8")
    _check(tmp_path, "--fix")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "A  good day.\n"


def test_rules_lists_the_vale_rules_of_a_vale_folder(tmp_path: Path) -> None:
    _style(tmp_path, {"Very": "extends: existence\nmessage: m\nlevel: error\ntokens: [very]\n",
                      "Tiny": "extends: existence\nmessage: m\nlevel: suggestion\n"
                              "tokens: [tiny]\n"})
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
                                        encoding="utf-8")
    out, here = io.StringIO(), os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["rules"], stdout=out, stderr=io.StringIO()) == 0
    finally:
        os.chdir(here)
    # MinAlertLevel defaults to warning, as in Vale: the suggestion is not listed.
    assert [line.split()[:2] for line in out.getvalue().splitlines()] == [["House.Very", "error"]]


def test_an_unknown_check_type_is_reported_at_its_extends_key(tmp_path: Path) -> None:
    folder = _style(tmp_path, {"Sequence": "message: m\nlevel: error\nextends: sequence\n"
                                           "tokens: []\n"})
    specs, errors = load_style(folder)
    assert specs == [] and [(e.line, e.column) for e in errors] == [(3, 10)]
    assert "unknown rule type 'sequence'" in errors[0].message


def test_limit_keeps_a_rules_first_findings_of_each_file(tmp_path: Path) -> None:
    # As Vale's testdata Limit.Rule: `limit: 1` reports 'hey' once per file, at its first use.
    _style(tmp_path, {
        "Hey": "extends: existence\nmessage: \"Don't use '%s'.\"\nlevel: error\nlimit: 1\n"
               "tokens: [hey]\n",
        "Very": "extends: existence\nmessage: \"'%s'\"\nlevel: error\nlimit: 2\n"
                "tokens: [very]\n",
        "Bad": "extends: existence\nmessage: m\nlevel: error\nlimit: -1\ntokens: [x]\n",
    })
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    text = "very hey here.\n\nhey very very\n\nhey\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text(text, encoding="utf-8")
    status, out, err = _check(tmp_path)
    assert sorted(out.splitlines()) == [
        "a.md:1:1:House.Very:'very'", "a.md:1:6:House.Hey:Don't use 'hey'.",
        "a.md:3:5:House.Very:'very'",
        "b.md:1:1:House.Very:'very'", "b.md:1:6:House.Hey:Don't use 'hey'.",
        "b.md:3:5:House.Very:'very'",
    ]
    assert "Bad.yml:4:8:" in err and "limit must be a whole number" in err


def test_repetition_max_is_read(tmp_path: Path) -> None:
    _style(tmp_path, {
        "Rep": "extends: repetition\nmessage: \"'%s' is repeated!\"\nlevel: error\nmax: 1\n"
               "alpha: true\ntokens: ['[^\\s]+']\n",
    })
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("It is very very good.\n\nIt is so so so good.\n",
                                   encoding="utf-8")
    status, out, err = _check(tmp_path)
    assert out.splitlines() == ["a.md:3:10:House.Rep:'so' is repeated!"], err


def test_config_shows_the_vale_settings_read_for_a_path(tmp_path: Path) -> None:
    _style(tmp_path, {
        "Very": "extends: existence\nmessage: m\nlevel: warning\ntokens: [very]\n",
        "Tiny": "extends: existence\nmessage: m\nlevel: suggestion\ntokens: [tiny]\n",
        "Utilize": "extends: substitution\nmessage: m\nlevel: error\nswap:\n  utilize: use\n",
    })
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\nMinAlertLevel = warning\n\n[*.md]\nBasedOnStyles = House\n"
        "House.Utilize = NO\n\n[notes/*.md]\nHouse.Utilize = YES\n[*.txt]\n"
        "House.Tiny = error\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()

    def shown(path: str) -> list[str]:
        out, err = io.StringIO(), io.StringIO()
        here = os.getcwd()
        os.chdir(tmp_path)
        try:
            assert main(["config", path], stdout=out, stderr=err) == 0, err.getvalue()
        finally:
            os.chdir(here)
        lines = out.getvalue().splitlines()
        assert "packs: none  # a Vale configuration and no newslint one: Vale's styles run " \
               "alone" in lines
        return lines[lines.index("vale: .vale.ini  # no newslint configuration"):]

    assert shown("notes/b.md") == [
        "vale: .vale.ini  # no newslint configuration",
        "StylesPath: styles",
        "MinAlertLevel: warning",
        "sections that apply:",
        "  (global)  # .vale.ini:1",
        "  [*.md] BasedOnStyles = House  # .vale.ini:4",
        "  [notes/*.md]  # .vale.ini:8",
        "vale rules (3 on):",
        "  House.Tiny: suggestion (below MinAlertLevel: not reported)  # .vale.ini:5",
        "  House.Utilize: error  # .vale.ini:9",
        "  House.Very: warning  # .vale.ini:5",
    ]
    assert shown("a.md")[-5:] == [
        "  [*.md] BasedOnStyles = House  # .vale.ini:4",
        "vale rules (2 on):",
        "  House.Tiny: suggestion (below MinAlertLevel: not reported)  # .vale.ini:5",
        "  House.Utilize: off  # .vale.ini:6",
        "  House.Very: warning  # .vale.ini:5",
    ]
    assert shown("a.txt")[-3:] == [
        "  [*.txt]  # .vale.ini:10",
        "vale rules (1 on):",
        "  House.Tiny: error  # .vale.ini:11",
    ]


def test_title_case_rule_with_style_vocabulary_and_expected_form(tmp_path: Path) -> None:
    _style(tmp_path, {
        "Chicago": "extends: capitalization\nmessage: \"'%s' should be in title case ('%s').\"\n"
                   "level: error\nscope: heading\nmatch: $title\nstyle: Chicago\n",
        "Ap": "extends: capitalization\nmessage: \"'%s' should be in title case ('%s').\"\n"
              "level: error\nscope: heading\nmatch: $title\nthreshold: 1\n",
        "Odd": "extends: capitalization\nmessage: m\nlevel: error\nmatch: $title\n"
               "style: Oxford\n",
    })
    vocab = tmp_path / "styles" / "config" / "vocabularies" / "House"
    vocab.mkdir(parents=True)
    (vocab / "accept.txt").write_text("hubba\n", encoding="utf-8")
    (tmp_path / ".vale.ini").write_text(
        "StylesPath = styles\nVocab = House\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Walking Through the Park\n\n## hubba-hubba\n\n"
                                   "## walking through the park\n", encoding="utf-8")
    status, out, err = _check(tmp_path)
    assert sorted(out.splitlines()) == [
        "a.md:1:3:House.Chicago:'Walking Through the Park' should be in title case "
        "('Walking through the Park').",
        "a.md:5:4:House.Ap:'walking through the park' should be in title case "
        "('Walking Through the Park').",
        "a.md:5:4:House.Chicago:'walking through the park' should be in title case "
        "('Walking through the Park').",
    ]
    assert "Odd.yml:5:8:" in err and "style must be one of AP, Chicago" in err
