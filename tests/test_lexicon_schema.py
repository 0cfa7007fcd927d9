"""The declared lexicon schema: loading, every error path, generated docs, `newslint explain`."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli

from lint.lexicon import LexiconStore
from lint.lexicon_docs import render_markdown
from lint.lexicon_schema import KINDS, check_value, load_schema
from lint.packs import builtin_rules_dir, packs_in
from lint.rule_types import RULE_TYPES, RuleType
from lint.rule_types.base import Finding

EDITORIAL = builtin_rules_dir() / "editorial"
ROOT = Path(__file__).resolve().parent.parent

HOUSE_SCHEMA = """\
keys:
  mots:
    kind: terms
    required: true
    meaning: Words the house pack flags.
  seuils:
    kind: counts
    required: false
    meaning: House thresholds.
"""


def problems(*pack_dirs: Path) -> list[tuple[str, int, int, str]]:
    """(file name, line, column, message) of every problem met loading the packs' lexicons."""
    store = LexiconStore(list(pack_dirs))
    return [(Path(e.path).name, e.line, e.column, e.message) for e in store.errors]


@pytest.fixture
def house(tmp_path: Path) -> Path:
    """A house pack folder with its own lexicon schema (rules are not needed to load it)."""
    folder = tmp_path / "house"
    (folder / "lexicons").mkdir(parents=True)
    (folder / "lexicons" / "_schema.yaml").write_text(HOUSE_SCHEMA, encoding="utf-8")
    return folder


def lexicon(pack: Path, name: str, text: str) -> Path:
    path = pack / "lexicons" / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the built-in declaration -----------------------------------------------------------


def test_builtin_lexicons_fit_their_schema() -> None:
    # Every regex compiled here: runs trust the built-in lexicons to start fast.
    store = LexiconStore([EDITORIAL, EDITORIAL.parent / "en", EDITORIAL.parent / "fr"],
                         trust_builtin=False)
    assert store.errors == []
    assert store.languages() == {"en", "fr"}  # _schema.yaml is not a language
    used = store.names("en") | store.names("fr")
    required = {name for name, decl in store.schema.keys.items() if decl.required}
    assert required <= used <= set(store.schema.keys), "every required key is used"


def test_a_broken_regex_in_a_builtin_lexicon_is_caught_by_the_suite(tmp_path: Path) -> None:
    # The trusted path skips compiling; the check the suite runs does not.
    assert check_value("terms", ["(unclosed"], regexes=False) == []
    assert check_value("terms", ["(unclosed"])[0][1].startswith("invalid regex")


def test_every_declaration_is_complete() -> None:
    for decl in load_schema([EDITORIAL]).keys.values():
        assert decl.kind in KINDS and decl.case in ("insensitive", "sensitive")
        assert decl.meaning and "\n" not in decl.meaning


def test_docs_lexicons_md_is_up_to_date() -> None:
    expected = render_markdown(load_schema(list(packs_in(builtin_rules_dir()).values())))
    assert (ROOT / "docs" / "lexicons.md").read_text(encoding="utf-8") == expected, (
        "docs/lexicons.md is stale: run scripts/gen_lexicon_docs.py")


# -- errors in language files -----------------------------------------------------------


def test_unknown_key_names_the_closest_and_its_position(house: Path) -> None:
    lexicon(house, "fr.yaml", "mots: [zut]\nmot: [flûte]\n")
    assert problems(house) == [
        ("fr.yaml", 2, 1, "unknown lexicon key 'mot' (did you mean 'mots'?)")]


def test_unknown_key_in_a_copy_of_the_editorial_lexicon(tmp_path: Path) -> None:
    pack = tmp_path / "editorial"
    shutil.copytree(EDITORIAL, pack)
    text = (EDITORIAL / "lexicons" / "en.yaml").read_text(encoding="utf-8")
    (pack / "lexicons" / "en.yaml").write_text(text.replace("\nquantities:", "\nquantites:"),
                                               encoding="utf-8")
    line = text[: text.index("\nquantities:")].count("\n") + 2
    lines = text.splitlines()
    first_key = next(i for i, t in enumerate(lines, 1) if t.strip() and not t.startswith("#"))
    assert problems(pack) == [
        ("en.yaml", line, 1, "unknown lexicon key 'quantites' (did you mean 'quantities'?)"),
        ("en.yaml", first_key, 1, "lexicon 'en' lacks required key declared in "
                                  "editorial/lexicons/_schema-grammar.yaml: quantities"),
    ]


def test_undeclared_key_with_nothing_close_says_where_to_declare_it(house: Path) -> None:
    lexicon(house, "fr.yaml", "mots: [zut]\nzzzz: [x]\n")
    [(_, _, _, message)] = problems(house)
    assert message == ("unknown lexicon key 'zzzz' (declare it in the lexicons/_schema.yaml "
                       "of its pack)")


@pytest.mark.parametrize(("text", "expected"), [
    ("mots: zut\n", (1, 7, "lexicon 'mots': expected a list of regexes, not text ('zut')")),
    ("mots: [zut, 3]\n", (1, 13, "lexicon 'mots': expected a regex (a string), not int")),
    ("mots: ['(zut']\n", (1, 8, "lexicon 'mots': invalid regex '(zut'")),
    ("mots: [zut]\nseuils: [2]\n", (2, 9, "lexicon 'seuils': expected a mapping of names")),
    ("mots: [zut]\nseuils: {max: deux}\n", (2, 15, "lexicon 'seuils': expected a whole number")),
])
def test_values_must_fit_their_kind(house: Path, text: str, expected) -> None:
    lexicon(house, "fr.yaml", text)
    [(name, line, column, message)] = problems(house)
    assert (name, line, column) == ("fr.yaml", *expected[:2])
    assert message.startswith(expected[2]), message


@pytest.mark.parametrize(("kind", "value", "message"), [
    ("terms", ["ok", "(bad"], "invalid regex '(bad'"),
    ("raw", "ok", "expected a list of regexes"),
    ("patterns", ["^ok$"], None),
    ("words", ["a|b", "c||d"], "empty word in 'c||d'"),
    ("words", "a|b", "expected a list of '|'-separated words"),
    ("map", {"will": "could"}, None),
    ("map", {"will": ["could"]}, "expected text, not a list"),
    ("map", ["will"], "expected a mapping of text to text"),
    ("categories", {"modal": ["may"]}, None),
    ("categories", {"modal": "may"}, "expected a list of shapes, not text"),
    ("triggers", [{"pattern": "invest", "weight": 2, "group": "market"}], None),
    ("triggers", ["invest"], "expected {pattern, weight, group}"),
    ("triggers", [{"weight": 2}], "a trigger needs 'pattern'"),
    ("triggers", [{"pattern": "x", "wieght": 2}],
     "unknown field 'wieght' (did you mean 'weight'?)"),
    ("triggers", [{"pattern": "x", "weight": "high"}], "'weight' must be a whole number"),
    ("triggers", [{"pattern": "(x"}], "invalid regex '(x'"),
    ("counts", {"market": 2}, None),
    ("counts", {"market": True}, "expected a whole number"),
    ("shapes", ["will", {"name": "plain-future", "seq": ["future", "outcome"]},
                {"name": "booster", "pattern": "bound to"}], None),
    ("shapes", [{"pattern": "x"}], "a shape needs a 'name'"),
    ("shapes", [{"name": "s"}], "shape 's' needs 'pattern' or 'seq' (or only 'enabled')"),
    ("shapes", [{"name": "s", "pattern": "(x"}], "invalid regex '(x'"),
    ("shapes", [{"name": "s", "seq": "x"}], "'seq' of shape 's' must be a list"),
    ("shapes", [{"name": "s", "seqs": ["x"]}], "unknown field 'seqs' (did you mean 'seq'?)"),
])
def test_kind_validators(kind: str, value, message: str | None) -> None:
    found = [m for _, m in check_value(kind, value)]
    if message is None:
        assert found == []
    else:
        assert any(message in m for m in found), found


def test_missing_required_key(house: Path) -> None:
    lexicon(house, "fr.yaml", "seuils: {max: 2}\n")
    assert problems(house) == [
        ("fr.yaml", 1, 1, "lexicon 'fr' lacks required key declared in "
                          "house/lexicons/_schema.yaml: mots")]


def test_a_language_need_not_carry_the_keys_of_a_schema_it_does_not_use(
        tmp_path: Path) -> None:
    # A lexicon-only pack for a third language that gives only document keys, declared
    # in its own schema file: the editorial keys are not forced on it.
    pack = tmp_path / "es"
    (pack / "lexicons").mkdir(parents=True)
    lexicon(pack, "_schema-language.yaml", "keys:\n  detection_words:\n    kind: words\n"
                                           "    required: true\n    meaning: Frequent words.\n")
    lexicon(pack, "es.yaml", "detection_words: ['el|la|de|que']\n")
    assert problems(EDITORIAL, pack) == []
    # ...but a language that uses one editorial key must give every required one.
    lexicon(pack, "es.yaml", "detection_words: ['el|la']\nquantities: ['\\d+']\n")
    [(name, line, column, message)] = problems(EDITORIAL, pack)
    assert (name, line, column) == ("es.yaml", 1, 1)
    assert message.startswith("lexicon 'es' lacks required keys declared in "
                              "editorial/lexicons/_schema-grammar.yaml: not_quantities, ")


def test_underscore_files_are_not_languages(house: Path) -> None:
    lexicon(house, "fr.yaml", "mots: [zut]\n")
    lexicon(house, "_notes.yaml", "anything: [goes]\n")
    store = LexiconStore([house])
    assert store.errors == [] and store.languages() == {"fr"}


def test_house_pack_declares_its_own_key_beside_the_editorial_pack(house: Path) -> None:
    lexicon(house, "fr.yaml", "mots: [zut]\n")  # a house key in the French lexicon
    store = LexiconStore([EDITORIAL, house])
    assert store.errors == []
    assert store.get("fr")["mots"] == ["zut"] and "quantities" in store.get("fr")
    assert store.schema.keys["mots"].pack == "house"


# -- errors in schema files -------------------------------------------------------------


def test_duplicate_declaration_across_schema_files(house: Path) -> None:
    lexicon(house, "_schema-extra.yaml", "keys:\n  mots:\n    kind: words\n"
                                         "    meaning: Again.\n")
    assert problems(house) == [
        ("_schema-extra.yaml", 2, 3, "lexicon key 'mots' is already declared in "
                                     "house/lexicons/_schema.yaml (set 'replaces: true' to "
                                     "redefine it)")]


def test_replaces_true_redefines_a_key(house: Path) -> None:
    lexicon(house, "_schema-extra.yaml", "keys:\n  mots:\n    kind: words\n"
                                         "    replaces: true\n    meaning: Word sets now.\n")
    schema = load_schema([house])
    assert schema.errors == [] and schema.keys["mots"].kind == "words"


def test_a_house_pack_redefines_an_editorial_key(house: Path) -> None:
    lexicon(house, "_schema.yaml", "keys:\n  labels:\n    kind: map\n    replaces: true\n"
                                   "    required: false\n    meaning: House labels.\n")
    schema = load_schema([EDITORIAL, house])
    assert schema.errors == [] and schema.keys["labels"].meaning == "House labels."


@pytest.mark.parametrize(("text", "expected"), [
    ("keys:\n  mots: {kind: term, meaning: m}\n",
     (2, 16, "kind must be one of terms, raw, patterns, words, map, categories, triggers, "
             "counts, shapes, not 'term' (did you mean 'terms'?)")),
    ("keys:\n  mots: {kind: terms}\n", (2, 9, "'mots' needs a one-line 'meaning'")),
    ("keys:\n  mots: {kind: terms, meaning: m, requird: true}\n",
     (2, 35, "unknown field 'requird' (did you mean 'required'?)")),
    ("keys:\n  mots: {kind: terms, meaning: m, case: upper}\n",
     (2, 41, "case must be one of insensitive, sensitive")),
    ("keys:\n  mots: {kind: terms, meaning: m, required: yes please}\n",
     (2, 45, "'required' must be true or false")),
    ("keys:\n  mots: [terms]\n", (2, 9, "declaration of 'mots' must be a mapping")),
    ("kinds: {}\n", (1, 1, "a lexicon schema declares its keys under 'keys:'")),
    ("keys: {}\nextra: 1\n", (2, 1, "unknown schema section 'extra' (known: keys)")),
])
def test_schema_errors(house: Path, text: str, expected) -> None:
    lexicon(house, "_schema.yaml", text)
    [(_, line, column, message)] = problems(house)
    assert (line, column) == expected[:2] and message.startswith(expected[2]), message


def test_a_key_whose_declaration_is_wrong_is_not_also_unknown(house: Path) -> None:
    lexicon(house, "_schema.yaml", "keys:\n  mots: {kind: term, meaning: m}\n")
    lexicon(house, "fr.yaml", "mots: [zut]\n")
    assert len(problems(house)) == 1


# -- configuration additions ------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("Analysts say Bitcoin will hit $200,000 next year.\n",
                                     encoding="utf-8")
    return tmp_path


def test_bad_regex_in_lexicons_config_is_one_error_before_linting(project: Path) -> None:
    (project / ".newslint.yaml").write_text(
        "packs: [editorial]\nlexicons:\n  en:\n    named_source_heads: ['the desk', '(desk']\n",
        encoding="utf-8")
    status, out, err = run_cli("check", "a.md", "b.md")
    assert status == 2 and out == ""
    assert err == (".newslint.yaml:4:38: error: lexicon 'named_source_heads': invalid regex "
                   "'(desk': missing ) at position 5\n")


def test_unknown_key_in_lexicons_config(project: Path) -> None:
    (project / ".newslint.yaml").write_text(
        "packs: [editorial]\nlexicons:\n  en:\n    named_source_head: ['the desk']\n",
        encoding="utf-8")
    status, _, err = run_cli("check", "a.md")
    assert status == 2
    assert err == (".newslint.yaml:4:5: error: unknown lexicon key 'named_source_head' "
                   "(did you mean 'named_source_heads'?)\n")


def test_config_extends_a_hedge_category_without_dropping_the_others(project: Path) -> None:
    (project / ".newslint.yaml").write_text(
        "packs: [editorial]\nlexicons:\n  en:\n    hedges: {modal: ['ought to']}\n",
        encoding="utf-8")
    status, out, err = run_cli("explain", "--lexicon", "--lang", "en")
    assert status == 0, err
    from lint.config import load_config
    from lint.runner import Linter

    hedges = Linter(load_config(None)).lexicons.get("en")["hedges"]
    assert hedges["modal"][-1] == "ought to" and "adverb" in hedges


# -- explain --lexicon ------------------------------------------------------------------


def test_explain_lexicon_lists_every_key(project: Path) -> None:
    (project / ".newslint.yaml").write_text("packs: [editorial]\n", encoding="utf-8")
    status, out, _ = run_cli("explain", "--lexicon")
    assert status == 0
    assert out.startswith("Lexicon keys of pack 'editorial' (declared in "
                          "editorial/lexicons/_schema.yaml, editorial/lexicons/_schema-grammar.yaml)\n")
    assert "  quantities (shapes, case insensitive, required)\n      Amounts" in out
    # The language packs (always loaded) declare their keys too.
    languages = [EDITORIAL.parent / "en", EDITORIAL.parent / "fr"]
    assert len(re.findall(r"^  \w+ \(", out, re.M)) == len(load_schema([EDITORIAL, *languages]).keys)


def test_explain_lexicon_counts_a_languages_entries(project: Path) -> None:
    (project / ".newslint.yaml").write_text("packs: [editorial]\n", encoding="utf-8")
    status, out, _ = run_cli("explain", "--lexicon", "--lang", "fr")
    assert status == 0
    count = len(LexiconStore([EDITORIAL]).get("fr")["quantities"])
    assert f"  quantities (shapes, case insensitive, required, fr: {count} entries)" in out
    assert "  verb_particles (raw, case insensitive, optional, fr: not given)" in out
    status, _, err = run_cli("explain", "--lexicon", "--lang", "xx")
    assert status == 2 and "no lexicon for language 'xx' (known: en, fr)" in err


def test_explain_lexicon_markdown_is_the_docs_page(project: Path) -> None:
    status, out, _ = run_cli("explain", "--lexicon", "--format", "markdown")
    assert status == 0
    assert out == (ROOT / "docs" / "lexicons.md").read_text(encoding="utf-8")


def test_explain_lexicon_shows_a_house_packs_keys(project: Path) -> None:
    (project / "house" / "lexicons").mkdir(parents=True)
    (project / "house" / "lexicons" / "_schema.yaml").write_text(HOUSE_SCHEMA, encoding="utf-8")
    (project / "house" / "lexicons" / "fr.yaml").write_text("mots: [zut, flûte]\n",
                                                             encoding="utf-8")
    (project / "house" / "no-zut.yaml").write_text(
        "type: existence\nmessage: m\ntokens: [zut]\n", encoding="utf-8")
    (project / ".newslint.yaml").write_text("packs: [editorial, house]\nrule_dirs: [house]\n",
                                            encoding="utf-8")
    status, out, err = run_cli("explain", "--lexicon", "--lang", "fr")
    assert status == 0, err
    assert ("Lexicon keys of pack 'house' (declared in house/lexicons/_schema.yaml)\n"
            "  mots (terms, case insensitive, required, fr: 2 entries)\n"
            "      Words the house pack flags.\n") in out


# -- explain a finding, and the shape it carries -----------------------------------------


class _ShapeRule(RuleType):
    """Flags 'zut' and says which shape fired, as the editorial rules will."""

    def check(self, unit) -> Iterator[Finding]:
        for found in re.finditer("zut", unit.text):
            start, end = unit.span(found.start(), found.end())
            yield Finding(start, end, shape="house.zut-shape")


@pytest.fixture
def shape_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setitem(RULE_TYPES, "test-shape", _ShapeRule)
    monkeypatch.setattr(_ShapeRule, "name", "test-shape")
    (project / "house").mkdir()
    (project / "house" / "zut.yaml").write_text(
        "type: test-shape\nmessage: 'Avoid {match}.'\n"
        "description: Says zut, and which shape saw it.\n", encoding="utf-8")
    (project / ".newslint.yaml").write_text("packs: [house]\nrule_dirs: [house]\n",
                                            encoding="utf-8")
    (project / "draft.md").write_text("Fine.\n\nAh zut, et zut.\n", encoding="utf-8")
    return project


def test_explain_a_finding_prints_rule_match_shape_and_description(shape_project: Path) -> None:
    status, out, err = run_cli("explain", "draft.md:3:13")
    assert status == 0, err
    assert out == ("draft.md:3:12: house.zut (warning)\n"
                   "  message: Avoid zut.\n"
                   "  matched: 'zut'\n"
                   "  shape:   house.zut-shape\n"
                   "  rule:    Says zut, and which shape saw it.\n")
    status, out, _ = run_cli("explain", "draft.md:3")
    assert out.count("house.zut (warning)") == 2
    status, out, _ = run_cli("explain", "draft.md:1")
    assert status == 0 and out == "draft.md:1: nothing flagged here\n"
    status, _, err = run_cli("explain", "missing.md:1")
    assert status == 2 and "missing.md: no such file" in err


def test_explain_without_anything_to_explain(project: Path) -> None:
    status, _, err = run_cli("explain")
    assert status == 2 and "give a RULE, a PATH:LINE[:COL] or --lexicon" in err


def test_shape_reaches_json_and_lsp_but_not_the_key(shape_project: Path) -> None:
    status, out, _ = run_cli("check", "--format", "json", "draft.md")
    records = json.loads(out)
    assert [r["shape"] for r in records] == ["house.zut-shape"] * 2
    status, out, _ = run_cli("check", "--format", "lsp", "draft.md")
    [diagnostics] = json.loads(out).values()
    assert [d["data"] for d in diagnostics] == [{"shape": "house.zut-shape"}] * 2


def test_json_carries_the_shape_only_when_the_rule_gives_one(project: Path) -> None:
    # The editorial claim rules name the shape that fired; the style rules give none.
    (project / "a.md").write_text("Analysts say Bitcoin will hit $200,000 next year. "
                                  "It it rose.\n", encoding="utf-8")
    (project / ".newslint.yaml").write_text("packs: [editorial, style]\n", encoding="utf-8")
    _, out, _ = run_cli("check", "--format", "json", "a.md")
    shapes = {r["rule"]: r.get("shape") for r in json.loads(out)}
    assert shapes["editorial.vague-attribution"]
    assert shapes["style.repeated-word"] is None


def test_shape_is_not_part_of_a_diagnostics_key() -> None:
    from lint.diagnostic import Diagnostic, Severity
    from lint.source import SourceText

    plain = Diagnostic.at(SourceText("zut"), "house.zut", Severity.WARNING, "m", 0, 3)
    shaped = Diagnostic.at(SourceText("zut"), "house.zut", Severity.WARNING, "m", 0, 3,
                           shape="house.zut-shape")
    assert plain.shape is None and shaped.shape == "house.zut-shape"
    assert plain.key == shaped.key
