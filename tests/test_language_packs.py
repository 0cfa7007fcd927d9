"""Language packs: lexicon-only folders, always loaded; the languages they provide are the
allowed `language:` values; their document data and message overlays."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lint.config import Config, load_config
import lint.data as lint_data
from lint.data import load_data
from lint.document.builder import build_document
from lint.document.language import LANGUAGE_KEYS, builtin_languages, detect_language
from lint.lexicon import LexiconStore
from lint.packs import builtin_rules_dir, is_language_pack, packs_in
from lint.rulespec import rule_from_mapping
from lint.runner import Linter
from lint.source import SourceText

RULES = builtin_rules_dir()
SCHEMA = RULES / "en/lexicons/_schema-language.yaml"


def _problems(path: Path) -> list[tuple[str, int, int, str]]:
    linter = Linter(load_config(str(path)))
    return [(Path(e.path).name, e.line, e.column, e.message) for e in linter.errors]


# -- the built-in language packs ---------------------------------------------------------
def test_english_and_french_are_lexicon_only_packs() -> None:
    assert is_language_pack(RULES / "en") and is_language_pack(RULES / "fr")
    assert not is_language_pack(RULES / "editorial") and not is_language_pack(RULES / "style")
    assert builtin_languages().codes == ("en", "fr")


def test_the_document_data_keeps_only_language_neutral_settings() -> None:
    assert set(load_data("document")) == {"plain_text", "byline_max_words"}


@pytest.mark.parametrize("path", sorted((Path(lint_data.__file__).parent).glob("*.yaml")),
                         ids=lambda p: p.name)
def test_package_data_reads_as_plain_yaml_does(path: Path) -> None:
    """The document model's settings go through the bounded loader and its store: what it
    builds is what PyYAML's own safe loader builds."""
    load_data.cache_clear()
    assert load_data(path.stem) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_language_key_is_declared_once_in_the_schema_format() -> None:
    keys = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))["keys"]
    assert set(keys) == LANGUAGE_KEYS
    for name, spec in keys.items():
        assert set(spec) == {"kind", "case", "required", "meaning"}, name
        assert spec["kind"] in {"terms", "raw", "patterns", "words", "map", "categories",
                                "triggers", "counts", "shapes"}
        assert spec["case"] in {"sensitive", "insensitive"} and isinstance(spec["required"], bool)
    required = {name for name, spec in keys.items() if spec["required"]}
    for lang in ("en", "fr"):
        data = yaml.safe_load((RULES / lang / "lexicons" / f"{lang}.yaml").read_text("utf-8"))
        assert required <= set(data) <= LANGUAGE_KEYS, lang


def test_a_schema_file_is_never_a_language(tmp_path: Path) -> None:
    (tmp_path / "only-schema/lexicons").mkdir(parents=True)
    (tmp_path / "only-schema/lexicons/_schema.yaml").write_text("keys: {}\n", encoding="utf-8")
    assert packs_in(tmp_path) == {}
    assert LexiconStore([RULES / "en"]).languages() == {"en"}


# -- always loaded, whatever packs: lists ------------------------------------------------
def test_language_packs_load_whatever_packs_lists(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("packs: [style]\nlanguage: fr\n", encoding="utf-8")
    linter = Linter(load_config(str(tmp_path / ".newslint.yaml")))
    assert linter.errors == [] and linter.languages.codes == ("en", "fr")
    assert {s.pack for s in linter.catalog.specs} == {"style"}
    result = linter.lint_source(SourceText("Le conseil a adopté le budget."), "x.md")
    assert result.lang == "fr" and result.diagnostics == []


# -- allowed languages come from the packs -----------------------------------------------
@pytest.mark.parametrize(("text", "where"), [
    ("language: es\n", (1, 11)),
    ("overrides:\n  - files: ['es/**']\n    language: es\n", (3, 15)),
])
def test_an_uninstalled_language_is_an_error_naming_the_available_ones(
        tmp_path: Path, text: str, where: tuple[int, int]) -> None:
    (tmp_path / ".newslint.yaml").write_text(text, encoding="utf-8")
    assert _problems(tmp_path / ".newslint.yaml") == [
        (".newslint.yaml", *where, "unknown language 'es' (available: auto, en, fr)")]


def test_a_language_pack_in_rule_dirs_makes_its_language_allowed(tmp_path: Path) -> None:
    (tmp_path / "house/es/lexicons").mkdir(parents=True)
    (tmp_path / "house/es/lexicons/es.yaml").write_text("detection_words: [el, los]\n", "utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_dirs: [house]\nlanguage: es\n", "utf-8")
    assert _problems(tmp_path / ".newslint.yaml") == []


def test_front_matter_lang_of_an_uninstalled_language_does_not_crash() -> None:
    linter = Linter(Config(packs=("editorial",)))
    result = linter.lint_source(SourceText("---\nlang: pt\n---\nO preço vai dobrar.\n"), "x.md")
    assert [(d.rule_id, d.message) for d in result.diagnostics] == [(
        "newslint.language", "no editorial lexicon for language 'pt' (installed: en, fr): "
        "the editorial rules did not run")]


# -- detection, sentences and bylines read the packs -------------------------------------
def test_detection_and_bylines_read_every_installed_language(tmp_path: Path) -> None:
    (tmp_path / "it/lexicons").mkdir(parents=True)
    (tmp_path / "it/lexicons/it.yaml").write_text(
        "detection_words: [il, gli, della, che, è, per, non, sono]\n"
        "bylines: ['^Di\\s+\\p{Lu}']\n", encoding="utf-8")
    linter = Linter(Config(rule_dirs=(tmp_path,)))
    text = "Di Marco Rossi\n\nIl governo ha detto che gli aiuti non sono per tutti.\n"
    doc = build_document(SourceText(text), "x.md", languages=linter.languages)
    assert doc.lang == "it" and doc.blocks[0].scope == ("byline",)
    assert detect_language("il governo della che") == "en"  # the built-in packs know no Italian


def test_sentences_split_with_the_draft_language_abbreviations() -> None:
    # "Me" (Maître) is a French title: in English, "me." ends a sentence.
    text = "They wanted to sell me. If a club wants to, it can."
    en = build_document(SourceText(text), "x.md", default_lang="en")
    fr = build_document(SourceText("Me. Dupont plaide. Il gagne."), "x.md", default_lang="fr")
    assert len(en.blocks[0].sentences) == 2 and len(fr.blocks[0].sentences) == 2


# -- messages per language without copying rule files ------------------------------------
def test_message_precedence_rule_file_then_pack_overlay_then_english() -> None:
    spec = rule_from_mapping({"type": "existence", "message": {"en": "E {match}", "fr": "F {match}"},
                              "tokens": ["a"]}, "house.my-rule")
    overlay = {"my-rule": "S {match}"}
    assert spec.message_for("fr", {"my-rule": "ignored"}) == "F {match}"
    assert spec.message_for("es", overlay) == "S {match}"
    assert spec.message_for("es", {"house.my-rule": "I {match}"}) == "I {match}"
    assert spec.message_for("es") == "E {match}"


def test_a_pack_overlay_translates_a_built_in_rule(tmp_path: Path) -> None:
    (tmp_path / "house/lexicons").mkdir(parents=True)
    (tmp_path / "house/lexicons/es.yaml").write_text(
        "detection_words: [el, los, que]\n"
        "messages: {repeated-word: 'Palabra repetida: «{match} {match}».'}\n", encoding="utf-8")
    linter = Linter(Config(rule_dirs=(tmp_path / "house",), packs=("style",)))
    assert linter.errors == []
    result = linter.lint_source(SourceText("Los precios que que suben."), "x.md", lang="es")
    assert [d.message for d in result.diagnostics] == ["Palabra repetida: «que que»."]


@pytest.mark.parametrize(("entry", "where", "message"), [
    ("  repeated-wrod: 'x'\n", (3, 3), "messages: unknown rule 'repeated-wrod' "
                                       "(did you mean 'repeated-word'?)"),
    ("  repeated-word: 'Palabra {word}'\n", (3, 18), "messages.repeated-word: placeholder "
                                                    "{word} is not in the rule's message"),
    ("  style.wordy: 'Prefiera {}'\n", (3, 16), "message placeholders must be named"),
])
def test_overlay_mistakes_are_errors_at_their_line(tmp_path: Path, entry: str,
                                                   where: tuple[int, int], message: str) -> None:
    (tmp_path / "house/lexicons").mkdir(parents=True)
    (tmp_path / "house/lexicons/es.yaml").write_text(
        "detection_words: [el]\nmessages:\n" + entry, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rule_dirs: [house]\n", encoding="utf-8")
    [(name, line, column, text)] = _problems(tmp_path / ".newslint.yaml")
    assert (name, line, column) == ("es.yaml", *where) and text.startswith(message), text
