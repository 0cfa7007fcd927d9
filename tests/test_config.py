"""Configuration: discovery order, precedence, overrides, and errors at exact line:column."""

from __future__ import annotations

import textwrap

import pytest

from lint.config import load_config
from lint.diagnostic import Severity
from lint.runner import Linter
from lint.source import SourceText
from lint.yamlio import InputError

HOUSE_RULE = "type: existence\nmessage: m\ntokens: [zut]\nexamples: {fail: [zut], pass: [ok]}\n"


def problems(path) -> list[tuple[int, int, str]]:
    """(line, column, message) of every configuration error, from loading or validation."""
    try:
        linter = Linter(load_config(str(path)))
    except InputError as exc:
        return [(exc.line, exc.column, exc.message)]
    assert all(e.path == str(path) for e in linter.errors)
    return [(e.line, e.column, e.message) for e in linter.errors]


def active(linter: Linter, path: str = "draft.md") -> dict[str, str]:
    return {a.spec.id: a.severity.label for a in linter.ruleset_for(path).rules}


# -- discovery -----------------------------------------------------------------------------

def test_no_configuration_gives_the_defaults(tmp_path):
    config = load_config(start=tmp_path)
    assert config.path is None and config.root == tmp_path and config.packs is None


def test_nearest_file_wins_walking_up(write, tmp_path):
    write(".newslint.yaml", "language: fr\n")
    write("a/.newslint.yaml", "language: en\n")
    (tmp_path / "a/b").mkdir()
    assert load_config(start=tmp_path / "a/b").path == str(tmp_path / "a/.newslint.yaml")
    assert load_config(start=tmp_path / "a/b").language == "en"
    assert load_config(start=tmp_path).language == "fr"


def test_yml_spelling_is_found(write, tmp_path):
    write(".newslint.yml", "language: fr\n")
    assert load_config(start=tmp_path).language == "fr"


def test_newslint_yaml_beats_pyproject_in_the_same_folder(write, tmp_path):
    write("pyproject.toml", "[tool.newslint]\nlanguage = 'en'\n")
    write(".newslint.yaml", "language: fr\n")
    assert load_config(start=tmp_path).language == "fr"


def test_nearer_pyproject_beats_a_farther_newslint_yaml(write, tmp_path):
    write(".newslint.yaml", "language: fr\n")
    write("a/pyproject.toml", "[tool.newslint]\nlanguage = 'en'\n")
    config = load_config(start=tmp_path / "a")
    assert config.path == str(tmp_path / "a/pyproject.toml") and config.language == "en"


def test_a_broken_pyproject_that_names_our_table_is_reported(write, tmp_path):
    write(".newslint.yaml", "language: fr\n")
    write("a/pyproject.toml", "[tool.newslint]\nlanguage = \n")
    with pytest.raises(InputError) as caught:
        load_config(start=tmp_path / "a")
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "a/pyproject.toml"), 2)


def test_pyproject_without_our_table_is_skipped(write, tmp_path):
    write(".newslint.yaml", "language: fr\n")
    write("a/pyproject.toml", "[project]\nname = 'x'\n")
    assert load_config(start=tmp_path / "a").path == str(tmp_path / ".newslint.yaml")


@pytest.mark.parametrize("table", ['[tool."\\u006eewslint"]', "[tool]\nnewslint = {language = 'en'}\n#",
                                   "tool.newslint.language = 'en'\n#"])
def test_pyproject_table_found_however_it_is_spelled(write, tmp_path, table):
    """Whether a pyproject.toml has our table is first asked of its text, without parsing
    it: a key spelled through an escape, an inline table or a dotted key still counts."""
    write(".newslint.yaml", "language: fr\n")
    write("a/pyproject.toml", f"{table}\nlanguage = 'en'\n")
    config = load_config(start=tmp_path / "a")
    assert config.path == str(tmp_path / "a/pyproject.toml") and config.language == "en"


def test_explicit_config_wins_over_discovery(write, tmp_path):
    write(".newslint.yaml", "language: fr\n")
    other = write("elsewhere/custom.yaml", "language: en\n")
    assert load_config(str(other), start=tmp_path).language == "en"


def test_explicit_toml_file_reads_our_table(write, tmp_path):
    path = write("conf/pyproject.toml", "[tool.newslint]\nlanguage = 'fr'\n")
    assert load_config(str(path)).language == "fr"


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(InputError, match="configuration file not found"):
        load_config(str(tmp_path / "nope.yaml"))


# -- precedence ----------------------------------------------------------------------------

@pytest.mark.parametrize("off", ["off", "'off'", "false", "no", "False"])
def test_off_in_every_spelling(write, off):
    path = write(".newslint.yaml", f"packs: [style]\nrules:\n  style.wordy: {off}\n")
    linter = Linter(load_config(str(path)))
    assert not linter.errors
    assert "style.wordy" not in active(linter) and "style.repeated-word" in active(linter)


@pytest.mark.parametrize("on", ["on", "'on'", "true", "yes"])
def test_on_in_every_spelling_keeps_the_default_severity(write, on):
    path = write(".newslint.yaml", f"packs: [style]\nrules:\n  style: off\n  style.wordy: {on}\n")
    assert active(Linter(load_config(str(path)))) == {"style.wordy": "info"}


def test_longest_prefix_wins_whatever_the_order(write):
    path = write(".newslint.yaml", textwrap.dedent("""\
        packs: [style]
        rules:
          style.repeated-word: error
          style: off
          style.wordy: hint
        """))
    assert active(Linter(load_config(str(path)))) == {
        "style.repeated-word": "error", "style.wordy": "hint"}


def test_full_id_beats_bare_name_beats_pack(write):
    path = write(".newslint.yaml", textwrap.dedent("""\
        packs: [style]
        rules:
          style.wordy: error
          wordy: hint
          repeated-word: info
          style: warning
        """))
    levels = active(Linter(load_config(str(path))))
    assert levels["style.wordy"] == "error"
    assert levels["style.repeated-word"] == "info"
    assert levels["style.sentence-length"] == "warning"


def test_rule_options_from_configuration(write):
    path = write(".newslint.yaml",
                 "packs: [style]\nrules:\n  style.sentence-length: {max: 3, severity: error}\n")
    linter = Linter(load_config(str(path)))
    result = linter.lint_source(SourceText("One two three four five."), "a.md", lang="en")
    assert [(d.rule_id, d.severity) for d in result.diagnostics] == [
        ("style.sentence-length", Severity.ERROR)]


def test_overrides_apply_per_glob_after_project_settings(write, tmp_path):
    path = write(".newslint.yaml", textwrap.dedent("""\
        packs: [style]
        language: en
        rules:
          style.wordy: error
        overrides:
          - files: ["news/**"]
            language: fr
            rules: {style: off, style.repeated-word: hint}
        """))
    linter = Linter(load_config(str(path)))
    assert active(linter, str(tmp_path / "news/a/b.md")) == {"style.repeated-word": "hint"}
    assert active(linter, str(tmp_path / "blog/b.md"))["style.wordy"] == "error"
    assert linter.language_for(str(tmp_path / "news/b.md")) == "fr"
    assert linter.language_for(str(tmp_path / "blog/b.md")) == "en"


def test_include_and_exclude_globs_are_relative_to_the_config(write, tmp_path):
    path = write("site/.newslint.yaml",
                 "files:\n  include: ['drafts/**/*.md']\n  exclude: [archive/, '*.tmp.md']\n")
    linter = Linter(load_config(str(path)))
    site = tmp_path / "site"
    assert linter.is_included(str(site / "drafts/x/a.md"))
    assert not linter.is_included(str(site / "notes/a.md"))
    assert linter.is_excluded(str(site / "archive/2020/a.md"))
    assert linter.is_excluded(str(site / "drafts/a.tmp.md"))
    assert not linter.is_excluded(str(site / "drafts/a.md"))


def test_rule_dirs_are_relative_to_the_config_file(write, tmp_path):
    write("house/no-zut.yaml", HOUSE_RULE)
    path = write("conf/.newslint.yaml", "rule_dirs: [../house]\nrules: {house.no-zut: error}\n")
    linter = Linter(load_config(str(path)))
    assert not linter.errors
    assert {"house.no-zut", "style.wordy"} <= set(active(linter))
    result = linter.lint_source(SourceText("Oh zut."), "a.md", lang="fr")
    assert [d.rule_id for d in result.diagnostics] == ["house.no-zut"]


def test_packs_select_built_in_and_house_packs(write):
    write("house/no-zut.yaml", HOUSE_RULE)
    path = write(".newslint.yaml", "packs: [house]\nrule_dirs: [house]\n")
    assert set(active(Linter(load_config(str(path))))) == {"house.no-zut"}


HOUSE_SCHEMA = """\
keys:
  mots: {kind: terms, required: true, meaning: Words the house pack flags.}
  seuils: {kind: counts, required: false, meaning: House thresholds.}
"""


def test_lexicon_additions_reach_the_pack(write):
    write("house/lexicons/_schema.yaml", HOUSE_SCHEMA)
    write("house/lexicons/fr.yaml", "mots: [zut]\n")
    write("house/no-zut.yaml", HOUSE_RULE)
    path = write(".newslint.yaml", "packs: [house]\nrule_dirs: [house]\n"
                                   "lexicons:\n  fr:\n    mots: [flûte]\n")
    linter = Linter(load_config(str(path)))
    assert not linter.errors
    assert linter.lexicons.get("fr")["mots"] == ["zut", "flûte"]


@pytest.mark.parametrize(("addition", "expected"), [
    ("    motz: [x]\n", (5, 5, "unknown lexicon key 'motz' (did you mean 'mots'?)")),
    ("    mots: flûte\n", (5, 11, "lexicon 'mots': expected a list of regexes, not text")),
    ("    mots: ['(zut']\n", (5, 12, "lexicon 'mots': invalid regex '(zut'")),
    ("    seuils: [3]\n", (5, 13, "lexicon 'seuils': expected a mapping of names to whole")),
    ("    seuils: {max: lots}\n", (5, 19, "lexicon 'seuils': expected a whole number")),
])
def test_lexicon_addition_errors(write, addition, expected):
    write("house/lexicons/_schema.yaml", HOUSE_SCHEMA)
    write("house/lexicons/fr.yaml", "mots: [zut]\nseuils: {max: 2}\n")
    write("house/no-zut.yaml", HOUSE_RULE)
    path = write(".newslint.yaml", "packs: [house]\nrule_dirs: [house]\nlexicons:\n  fr:\n"
                 + addition)
    [(line, column, message)] = problems(path)
    assert (line, column) == expected[:2] and expected[2] in message


# -- errors at exact positions ---------------------------------------------------------------

YAML_ERRORS = [
    ("language: fr\nsevrity: high\n", (2, 1, "unknown configuration key 'sevrity'")),
    ("packs: [style]\nrules:\n  style.wordyy: off\n",
     (3, 3, "unknown rule or pack 'style.wordyy'")),
    ("packs: [style]\nrules:\n  nope: info\n", (3, 3, "unknown rule or pack 'nope'")),
    ("packs: [style]\nrules:\n  style.wordy: loud\n", (3, 16, "expected a severity")),
    ("packs: [style]\nrules:\n  style.wordy:\n    severity: 3\n", (4, 15, "expected a severity")),
    ("packs: [style]\nrules:\n  style.wordy: {swapp: {}}\n", (3, 17, "unknown option 'swapp'")),
    ("packs: [style]\nrules:\n  style.sentence-length:\n    max: many\n",
     (4, 10, "option 'max' must be an integer")),
    ("packs: [style]\nrules:\n  style.wordy:\n    swap: {'(x': y}\n", (4, 12, "invalid regex")),
    ("packs: [style, stlye]\n", (1, 16, "unknown pack 'stlye'")),
    ("language: de\n", (1, 11, "unknown language 'de' (available: auto, en, fr)")),
    ("rule_dirs: [missing]\n", (1, 13, "rule directory not found")),
    ("files:\n  include: ['*.md']\n  exlude: [x]\n", (3, 3, "unknown key 'exlude' in 'files'")),
    ("files:\n  exclude: ['[abc']\n", (2, 13, "unclosed '['")),
    ("overrides:\n  - files: [a]\n    rule: {}\n", (3, 5, "unknown key 'rule'")),
    ("overrides:\n  - rules: {}\n", (2, 5, "an override needs 'files'")),
    ("packs: [style]\noverrides:\n  - files: [a]\n    rules:\n      style.nope: off\n",
     (5, 7, "unknown rule or pack 'style.nope'")),
    ("lexicons:\n  xx: {a: [b]}\n", (2, 3, "no lexicons for language 'xx'")),
    ("rules: [a]\n", (1, 8, "'rules' maps rule ids")),
    ("rules:\n  style: [\n", (3, 1, "invalid YAML")),
]


@pytest.mark.parametrize(("text", "expected"), YAML_ERRORS, ids=[e[1][2] for e in YAML_ERRORS])
def test_yaml_errors_name_line_and_column(write, text, expected):
    line, column, message = expected
    [(got_line, got_column, got_message)] = problems(write(".newslint.yaml", text))
    assert (got_line, got_column) == (line, column), got_message
    assert message in got_message


TOML_ERRORS = [
    ("[tool.newslint]\nlanguage = 'fr'\nsevrity = 'high'\n", (3, 1, "unknown configuration key")),
    ("[tool.newslint]\npacks = ['style']\n[tool.newslint.rules]\n'style.wordyy' = 'off'\n",
     (4, 1, "unknown rule or pack 'style.wordyy'")),
    ("[tool.newslint]\npacks = ['style']\nrules = { 'style.wordy' = 'loud' }\n",
     (3, 27, "expected a severity")),
    ("[tool.newslint]\npacks = ['style']\n[tool.newslint.rules]\n"
     "'style.sentence-length' = { max = 'many' }\n", (4, 35, "must be an integer")),
    ("[tool.newslint]\npacks = [\n  'style',\n  'stlye',\n]\n", (4, 3, "unknown pack 'stlye'")),
    ("[tool.newslint]\npacks = ['style']\n[[tool.newslint.overrides]]\nfiles = ['a']\n"
     "[[tool.newslint.overrides]]\nfiles = ['b']\n[tool.newslint.overrides.rules]\n"
     "'style.nope' = false\n", (8, 1, "unknown rule or pack 'style.nope'")),
    # A bare dotted key is a nested table in TOML: style = {nope = false}.
    ("[tool.newslint]\npacks = ['style']\n[tool.newslint.rules]\nstyle.nope = false\n",
     (4, 7, "unknown option 'nope'")),
    ("[tool.newslint]\nlanguage = \n", (2, 12, "invalid TOML")),
]


@pytest.mark.parametrize(("text", "expected"), TOML_ERRORS, ids=[e[1][2] for e in TOML_ERRORS])
def test_pyproject_errors_name_line_and_column(write, text, expected):
    line, column, message = expected
    [(got_line, got_column, got_message)] = problems(write("pyproject.toml", text))
    assert (got_line, got_column) == (line, column), got_message
    assert message in got_message


def test_pyproject_settings_work_like_yaml(write, tmp_path):
    write("pyproject.toml", textwrap.dedent("""\
        [project]
        name = "site"

        [tool.newslint]
        packs = ["style"]
        language = "fr"

        [tool.newslint.rules]
        style = "off"
        "style.wordy" = "hint"
        """))
    linter = Linter(load_config(start=tmp_path))
    assert linter.config.language == "fr"
    assert active(linter) == {"style.wordy": "hint"}


def test_language_default_applies_unless_front_matter_says_otherwise(write, tmp_path):
    path = write(".newslint.yaml", "packs: [style]\nlanguage: fr\n")
    linter = Linter(load_config(str(path)))
    assert linter.lint_source(SourceText("The the cat sat."), "a.md").lang == "fr"
    text = "---\nlang: en\n---\nThe the cat sat.\n"
    assert linter.lint_source(SourceText(text), "a.md").lang == "en"
