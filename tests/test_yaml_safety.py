"""Configuration, rule packs, lexicons and front matter: YAML read safely and within bounds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_cli as run

from lint import yaml_parser, yamlio
from lint.cli import ExitStatus
from lint.yamlio import InputError, load_yaml

LAUGHS = "".join(
    [' a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    + [f" {c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")]
)
"""The classic "billion laughs": nine levels of nine aliases, 9**9 strings once expanded
(indented one space, so it can sit under any mapping key)."""


def error_of(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        load_yaml(text, "f.yaml")
    return caught.value


def test_the_c_loader_is_used_when_pyyaml_has_libyaml() -> None:
    assert yaml_parser.SAFE_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if yaml.__with_libyaml__:
        assert yaml_parser.SAFE_LOADER is yaml.CSafeLoader


@pytest.fixture
def nothing_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if YAML data is built at all: a refused text must be refused before that."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("YAML data was built")

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", refuse)


def test_billion_laughs_is_refused_before_anything_is_built(nothing_built: None) -> None:
    error = error_of("bomb:\n" + LAUGHS)
    assert "aliases expand to more than" in error.message
    # Refused at an alias of the line that crosses the bound (line 7: "f" = 9**6 values).
    assert (error.line, error.column) == (7, 9)


def test_recursive_alias_is_refused_before_anything_is_built(nothing_built: None) -> None:
    assert error_of("a: &x [1, *x]\n").message.startswith("recursive alias *x")


def test_aliases_that_stay_small_are_still_read() -> None:
    doc = load_yaml("a: &x [1, 2]\nb: *x\nc: {<<: {q: 1}, r: 2}\n", "f.yaml")
    assert doc.data == {"a": [1, 2], "b": [1, 2], "c": {"q": 1, "r": 2}}


@pytest.mark.parametrize(("text", "where", "words"), [
    ("a: &x [1, *x]\n", (1, 11), "recursive alias *x"),
    ("a: &x {b: {c: *x}}\n", (1, 15), "recursive alias *x"),
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", None, "nesting"),
    ("a: " + "[" * 60 + "]" * 60 + "\n", (1, 53), "nesting deeper than 50"),
    ("a: 1\nb: 2\na: 3\n", (3, 1), "duplicate key 'a' (first at line 1, column 1)"),
    ("x: 1\ndate: 2024-02-30\n", (2, 7), "invalid date '2024-02-30'"),
    ("a: !foo bar\n", (1, 4), "could not determine a constructor for the tag '!foo'"),
    ("a: !!python/object/apply:os.system [echo]\n", (1, 4), "could not determine a constructor"),
    ("a: *nowhere\n", (1, 4), "undefined alias"),
])
def test_bad_yaml_is_one_located_error(text: str, where: tuple[int, int] | None,
                                       words: str) -> None:
    error = error_of(text)
    assert words in error.message
    if where:
        assert (error.line, error.column) == where


def test_a_file_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "en.yaml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        yamlio.read_yaml_file(path)
    assert (caught.value.line, caught.value.column, caught.value.message) == (
        2, 7, "not valid UTF-8 (byte 0xe9)")


# -- through the command line: one line, file:line:column, exit 2 ------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("The council met the the mayor.\n", encoding="utf-8")
    return tmp_path


def one_error(status: int, out: str, err: str) -> str:
    assert status == ExitStatus.USAGE, (out, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize(("config", "expected"), [
    ("packs: [style]\nbomb:\n" + LAUGHS, ".newslint.yaml:8:9: error: aliases expand to more than 100,000 values"),
    ("packs: [style]\nx: &x [*x]\n", ".newslint.yaml:2:8: error: recursive alias *x"),
    ("packs: [style]\nx: " + "[" * 5000 + "]" * 5000, ".newslint.yaml:2:"),
    ("packs: [style]\nx: 2024-02-30\n", ".newslint.yaml:2:4: error: invalid date"),
    ("packs: [style]\nx: !tag 1\n", ".newslint.yaml:2:4: error: invalid YAML: could not"),
    ("packs: [style]\npacks: [editorial]\n", ".newslint.yaml:2:1: error: duplicate key 'packs'"),
    ("files:\n  include: ['[z-a].md']\n", ".newslint.yaml:2:13: error: invalid glob '[z-a].md'"),
    ("rules:\n  editorial.repeated-paragraph:\n    containment: 5\n",
     ".newslint.yaml:3:18: error: editorial.repeated-paragraph: option 'containment' must be "
     "between 0 and 1, not 5.0"),
    ("rules:\n  editorial.missing-disclaimer:\n    threshold: -3\n",
     ".newslint.yaml:3:16: error: editorial.missing-disclaimer: option 'threshold' must be "
     "at least 0, not -3"),
    ("rules:\n  editorial.hedge-density:\n    max_per_100_words: .nan\n",
     ".newslint.yaml:3:24: error: editorial.hedge-density: option 'max_per_100_words' must "
     "be a finite number, not nan"),
    ("lexicons:\n  en:\n    disclaimers: ['(unclosed']\n",
     ".newslint.yaml:3:19: error: lexicon 'disclaimers': invalid regex '(unclosed'"),
    ("rules:\n  editorial.missing-disclaimer:\n    accepted: ['(unclosed']\n",
     ".newslint.yaml:3:16: error: editorial.missing-disclaimer: invalid regex '(unclosed'"),
])
def test_configuration_problems_are_one_line_before_linting(project: Path, config: str,
                                                            expected: str) -> None:
    (project / ".newslint.yaml").write_text(config, encoding="utf-8")
    assert one_error(*run("check", "a.md")).startswith(expected)


def test_deep_array_in_an_unrelated_pyproject_is_ignored(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.other]\nx = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    status, out, err = run("check", "--select", "style", "a.md")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    assert "repeated-word" in out


def test_deep_array_in_the_newslint_table_is_one_error(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.newslint]\nx = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    assert one_error(*run("check", "a.md")).startswith(
        "pyproject.toml:2:105: error: invalid TOML: nesting too deep")


def pack(project: Path, rule: str, lexicon: bytes | None = None) -> Path:
    folder = project / "house"
    (folder / "lexicons").mkdir(parents=True)
    (folder / "bad.yaml").write_text(rule, encoding="utf-8")
    if lexicon is not None:
        (folder / "lexicons" / "en.yaml").write_bytes(lexicon)
    (project / ".newslint.yaml").write_text("rule_dirs: [house]\npacks: [style, house]\n",
                                            encoding="utf-8")
    return folder


RULE = ("type: existence\nmessage: 'x {match}'\ntokens: [zzz]\n"
        "examples: {fail: [zzz], pass: [yyy]}\n")


@pytest.mark.parametrize(("rule", "expected"), [
    (RULE + "bomb:\n" + LAUGHS, "house/bad.yaml:11:9: error: aliases expand"),
    (RULE + "x: 2024-02-30\n", "house/bad.yaml:5:4: error: invalid date"),
    (RULE.replace("{match}", "{match.__class__.__mro__}"),
     "house/bad.yaml:2:10: error: message placeholder {match.__class__.__mro__} must be a "
     "plain name"),
])
def test_rule_file_problems_are_one_line(project: Path, rule: str, expected: str) -> None:
    pack(project, rule)
    for command in (("check", "a.md"), ("check-rules",)):
        assert one_error(*run(*command)).startswith(expected)


def test_a_lexicon_that_is_not_utf8_is_one_error(project: Path) -> None:
    pack(project, RULE, lexicon="disclaimers: [caf\xe9]\n".encode("latin-1"))
    assert one_error(*run("check", "a.md")) == (
        "house/lexicons/en.yaml:1:18: error: not valid UTF-8 (byte 0xe9)")


def test_check_rules_validates_without_linting(project: Path) -> None:
    (project / ".newslint.yaml").write_text("packs: [style]\n", encoding="utf-8")
    (project / "a.md").write_bytes(b"\xff\xfe not a draft")  # would be an input error
    status, out, err = run("check-rules")
    assert (status, err) == (ExitStatus.CLEAN, "")
    assert out.endswith("and the configuration are valid.\n")
    pack(project, RULE.replace("tokens: [zzz]", "tokens: ['(zzz']"))
    status, out, err = run("check-rules", "house")
    assert status == ExitStatus.USAGE and out == ""
    assert err.startswith("house/bad.yaml:3:10: error:")


def test_front_matter_bomb_is_refused_at_once(project: Path) -> None:
    (project / "a.md").write_text("---\nbomb:\n" + LAUGHS + "---\nThe the end.\n",
                                  encoding="utf-8")
    status, out, err = run("check", "--select", "style", "a.md")
    assert status == ExitStatus.FINDINGS
    lines = out.splitlines()
    assert lines[0].startswith("a.md:8:9: error newslint.front-matter invalid front matter "
                               "YAML: aliases expand to more than")
    assert any("repeated-word" in line for line in lines)  # the body is still linted


def test_message_placeholders_are_plain_names_even_unchecked() -> None:
    from lint.engine import format_message

    assert format_message("{match.__class__.__mro__} {match!r} {n:03d} {other}",
                          {"match": "ab", "n": 5}) == "{match.__class__.__mro__} 'ab' 005 {other}"
