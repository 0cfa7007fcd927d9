"""A third language added with YAML only: a Spanish pack in a temporary folder runs the
editorial rules' examples in Spanish, with Spanish messages; a language with no
editorial lexicon gets one warning and no other language's lexicon."""

from __future__ import annotations

import shutil
import string
from pathlib import Path

import pytest

from lint.config import load_config
from lint.diagnostic import Diagnostic
from lint.document.builder import build_document
from lint.engine import LANGUAGE
from lint.runner import Linter
from lint.source import SourceText
from lint.yamlio import load_yaml

# The whole Spanish pack is this one YAML file (language keys, editorial keys, messages).
SPANISH = Path(__file__).parent / "fixtures/languages/es.yaml"
GERMAN = "detection_words: [der, die, das, und, ist, nicht, mit, von, den, zu, sich, auf]\n"

_HEDGED = ("Los precios quizás podrían subir. El crecimiento tal vez podría frenarse. "
           "La demanda posiblemente podría caer. Los costes quizás podrían aumentar. ")
_PLAIN = ("El ayuntamiento aprobó el lunes el presupuesto tras un debate de tres horas. "
          "El gasto en servicios sociales aumentó en 14 millones de euros. El director "
          "financiero dijo que la institución había cerrado sus cuentas sin déficit por "
          "segundo año consecutivo. Los concejales votaron 32 a favor y 19 en contra. ")
_REPEATED = ("El bitcoin subió un 12 % en dos días hasta los 71.000 dólares el martes por la "
             "noche, según los datos de CoinMarketCap.")

# One fail and one pass example per editorial rule, in Spanish.
EXAMPLES = {
    "unsourced-projection": (
        "Bitcoin alcanzará los 200.000 dólares el próximo año.",
        "Bitcoin podría alcanzar los 200.000 dólares el próximo año, según Goldman Sachs."),
    "hedging-gap": (
        "Bitcoin alcanzará los 200.000 dólares el próximo año.",
        "Bitcoin podría alcanzar los 200.000 dólares el próximo año, según Goldman Sachs."),
    "vague-attribution": (
        "Los analistas dicen que la acción podría duplicarse el próximo año.",
        "Los analistas de UBS esperan que la acción suba un 10 % el próximo año."),
    "stacked-hedges": (
        "Los precios quizás podrían recuperarse el próximo trimestre.",
        "Los precios podrían recuperarse el próximo trimestre."),
    "hedge-density": (_HEDGED * 8, _PLAIN * 3),
    "missing-disclaimer": (
        "El bitcoin subió un 12 % esta semana y los inversores compran criptomonedas.",
        "El bitcoin subió un 12 % esta semana y los inversores compran criptomonedas. "
        "Este artículo no constituye asesoramiento financiero."),
    "repeated-paragraph": (
        f"{_REPEATED}\n\nLos volúmenes superaron los 800 millones de dólares.\n\n{_REPEATED}\n",
        f"{_REPEATED}\n\nLos volúmenes superaron los 800 millones de dólares.\n"),
    "repeated-sentence": (
        f"{_REPEATED} Los volúmenes superaron los 800 millones de dólares, impulsados por "
        "la llegada de nuevos fondos cotizados y por las compras de grandes empresas.\n\n"
        "El mercado siguió nervioso toda la semana, con fuertes caídas el jueves y una "
        f"recuperación parcial el viernes por la tarde en todas las plataformas. {_REPEATED}\n",
        f"{_REPEATED} Los volúmenes superaron los 800 millones de dólares.\n\n"
        "El mercado siguió nervioso toda la semana.\n"),
}


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    """<tmp>/packs/es and <tmp>/packs/de: lexicon-only language packs, and a config naming
    that folder in rule_dirs."""
    (tmp_path / "packs/es/lexicons").mkdir(parents=True)
    shutil.copy(SPANISH, tmp_path / "packs/es/lexicons/es.yaml")
    (tmp_path / "packs/de/lexicons").mkdir(parents=True)
    (tmp_path / "packs/de/lexicons/de.yaml").write_text(GERMAN, encoding="utf-8")
    return tmp_path


def _linter(root: Path, config: str = "", select: tuple[str, ...] = ()) -> Linter:
    path = root / ".newslint.yaml"
    path.write_text("rule_dirs: [packs]\n" + config, encoding="utf-8")
    linter = Linter(load_config(str(path)), select=select)
    assert [str(e) for e in linter.errors] == []
    return linter


def _lint(linter: Linter, text: str) -> tuple[str, list[Diagnostic]]:
    result = linter.lint_source(SourceText(text), "draft.md")
    return result.lang, result.diagnostics


def _literal(template: str) -> str:
    """The longest fixed text of a message template (what any message from it contains)."""
    return max((lit for lit, _, _, _ in string.Formatter().parse(template)), key=len).strip()


def test_the_spanish_pack_is_a_language_and_language_es_is_accepted(packs: Path) -> None:
    linter = _linter(packs, "language: es\n")
    assert linter.languages.codes == ("de", "en", "es", "fr")
    assert linter.languages.lexicon_langs["editorial"] == {"en", "es", "fr"}
    assert linter.language_for("draft.md") == "es"


def test_a_spanish_draft_is_detected_as_spanish(packs: Path) -> None:
    linter = _linter(packs)
    assert _lint(linter, _PLAIN)[0] == "es"
    assert _lint(linter, "The council approved the budget on Monday, the mayor said.")[0] == "en"
    assert _lint(linter, "Le conseil municipal a adopté le budget, selon le maire.")[0] == "fr"


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_each_editorial_rule_runs_in_spanish_with_a_spanish_message(packs: Path, rule: str) -> None:
    linter = _linter(packs, select=(f"editorial.{rule}",))
    messages = load_yaml(SPANISH.read_text(encoding="utf-8"), str(SPANISH)).data["messages"]
    fail, passing = EXAMPLES[rule]
    lang, found = _lint(linter, fail)
    hits = [d for d in found if d.rule_id == f"editorial.{rule}"]
    assert lang == "es" and hits, found
    assert all(_literal(messages[rule]) in d.message for d in hits), hits[0].message
    lang, found = _lint(linter, passing)
    assert lang == "es" and not [d for d in found if d.rule_id == f"editorial.{rule}"], found


def test_spanish_sentences_use_the_spanish_abbreviations(packs: Path) -> None:
    linter = _linter(packs)
    text = "La Srta. García llegó el lunes según el informe del ministerio. El resto no."
    doc = build_document(SourceText(text), "draft.md", languages=linter.languages)
    assert doc.lang == "es"
    assert [doc.blocks[0].sentence_text(s) for s in doc.blocks[0].sentences] == [
        "La Srta. García llegó el lunes según el informe del ministerio.", "El resto no."]
    # Without the Spanish pack, "Srta." is not an abbreviation and ends a sentence.
    assert len(build_document(SourceText(text), "draft.md").blocks[0].sentences) == 3


@pytest.mark.parametrize(("front", "installed"), [
    ("lang: de", "en, es, fr"),   # a pack gives German detection words, no editorial lexicon
    ("lang: xx", "en, es, fr"),   # no pack at all for it
])
def test_a_language_without_a_lexicon_gets_one_warning_and_no_editorial_finding(
        packs: Path, front: str, installed: str) -> None:
    linter = _linter(packs)
    code = front.split()[-1]
    text = (f"---\n{front}\n---\nBitcoin will hit $200,000 next year, analysts say.\n\n"
            "Die Preise steigen und und fallen.\n")
    lang, found = _lint(linter, text)
    assert lang == code
    notes = [d for d in found if d.rule_id == LANGUAGE]
    assert [(d.start.line, d.start.column, d.severity.label) for d in notes] == [(0, 0, "warning")]
    assert notes[0].message == (f"no editorial lexicon for language {code!r} (installed: "
                                f"{installed}): the editorial rules did not run")
    assert not [d for d in found if d.rule_id.startswith("editorial.")]
    assert [d.rule_id for d in found if d.rule_id.startswith("style.")] == ["style.repeated-word"]


def test_a_german_draft_is_detected_and_warned_about(packs: Path) -> None:
    linter = _linter(packs)
    lang, found = _lint(linter, "Die Preise sind nicht mit der Inflation gestiegen, und das "
                                "ist auf den Markt zu beziehen.")
    assert lang == "de" and [d.rule_id for d in found] == [LANGUAGE]
