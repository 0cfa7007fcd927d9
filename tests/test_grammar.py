"""The claim grammar: named shapes of the lexicons, their matcher, merging, and Finding.shape."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import lint.engine
from lint.config import Config
from lint.editorial.analysis import AnalysisOptions, analyse
from lint.editorial.grammar import GrammarError, compile_family
from lint.editorial.lexicon import LexiconKeyError, lexicon_for
from lint.lexicon import LexiconStore
from lint.packs import builtin_rules_dir
from lint.patterns import compile_terms, finditer
from lint.runner import Linter
from lint.source import SourceText

EDITORIAL_DIR = builtin_rules_dir() / "editorial"
STORE = LexiconStore([EDITORIAL_DIR])
CLASSES = {
    "modals": ["could|might|may"],
    "pourrait": ["pourrai(?:t|ent)"],
    "adverbs": [r"\p{L}+ly"],
    "adverbes": [r"\p{L}+ment"],
    "negations": ["not|never"],
    "negations_fr": ["ne|n['’]"],
}


def classes(key: str) -> str:
    if key not in CLASSES:
        raise KeyError(key)
    return "|".join(f"(?:{t})" for t in CLASSES[key])


def shapes(family, text: str) -> list[tuple[str, str]]:
    return [(m.group(), family.shape(m)) for m in finditer(family, text)]


# -- the matcher ----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Prices could rise.", [("could rise", "modal-verb")]),
    ("Prices could quite easily rise.", [("could quite easily", "modal-verb")]),  # 2-word gap
    ("Prices could, quite easily, rise.", []),  # punctuation is not a word of a gap
])
def test_seq_with_a_gap_en(text: str, expected: list) -> None:
    family = compile_family("forward_markers", [
        {"name": "modal-verb", "seq": ["@modals", r"\p{L}+"], "gap": 2},
    ], classes)
    # The gap is lazy: the shortest match, so "could quite" (0 words skipped) wins.
    found = shapes(family, text)
    assert [name for _, name in found] == [name for _, name in expected]
    if expected:
        assert found[0][0].startswith("could")


@pytest.mark.parametrize("text, matched", [
    ("Les prix pourraient grimper.", "pourraient grimper"),
    ("Les prix pourraient encore fortement grimper.", "pourraient encore"),
    ("Les prix pourraient, selon lui, grimper.", None),
])
def test_seq_with_a_gap_fr(text: str, matched: str | None) -> None:
    family = compile_family("forward_markers", [
        {"name": "conditionnel", "seq": ["@pourrait", r"\p{L}+"], "gap": 1},
    ], classes)
    found = shapes(family, text)
    assert (found[0][0] if found else None) == matched


def test_optional_elements_en_and_fr() -> None:
    en = compile_family("f", [{"name": "passive", "seq": ["is", "@adverbs?", "expected", "to"]}], classes)
    assert shapes(en, "It is expected to rise.") == [("is expected to", "passive")]
    assert shapes(en, "It is widely expected to rise.") == [("is widely expected to", "passive")]
    assert shapes(en, "It is very much expected to rise.") == []
    fr = compile_family("f", [{"name": "parole", "seq": ["a", "@adverbes?", "déclaré"]}], classes)
    assert shapes(fr, "Il a déclaré.") == [("a déclaré", "parole")]
    assert shapes(fr, "Il a notamment déclaré.") == [("a notamment déclaré", "parole")]
    lead = compile_family("f", [{"name": "lead", "seq": ["@adverbs?", "expected"]}], classes)
    assert shapes(lead, "widely expected") == [("widely expected", "lead")]
    assert shapes(lead, "expected") == [("expected", "lead")]


def test_a_sequence_needs_a_required_element_and_known_classes() -> None:
    with pytest.raises(GrammarError):
        compile_family("f", [{"name": "x", "seq": ["@adverbs?"]}], classes)
    with pytest.raises(GrammarError):
        compile_family("f", [{"name": "x", "seq": ["@nowhere", "to"]}], classes)
    with pytest.raises(GrammarError):
        compile_family("f", [{"name": "x"}], classes)
    with pytest.raises(GrammarError, match="seqs"):
        compile_family("f", [{"name": "x", "seqs": ["to"]}], classes)


def test_not_before_and_not_after() -> None:
    en = compile_family("f", [{"name": "rise", "seq": ["@modals", "rise"], "not_before": "@negations"}], classes)
    assert shapes(en, "Prices could rise.") == [("could rise", "rise")]
    assert shapes(en, "Not could rise, never might rise.") == []
    fr = compile_family("f", [{"name": "grimper", "pattern": "pourrai(?:t|ent)", "not_after": "pas"}], classes)
    assert shapes(fr, "Les prix pourraient grimper.") == [("pourraient", "grimper")]
    assert shapes(fr, "Les prix ne pourraient pas grimper.") == []


def test_guards_hold_for_every_alternative_of_a_pattern() -> None:
    """A shape written as an alternation is guarded as a whole: the guard is not only
    on its first alternative (not_before) or its last (not_after)."""
    family = compile_family("f", [{"name": "hearsay", "pattern": "on dit|il se dit",
                                   "not_before": "en interne,?", "not_after": "non"}], classes)
    assert shapes(family, "Il se dit que les prix montent.") == [("Il se dit", "hearsay")]
    assert shapes(family, "En interne, il se dit que les prix montent.") == []
    assert shapes(family, "On dit non aux hausses.") == []


def test_one_alternation_per_family_names_the_shape() -> None:
    family = compile_family("forward_markers", [
        "could|might",  # a plain string: an unnamed shape
        {"name": "forecast-verb", "pattern": "forecasts?"},
    ], classes)
    assert family.source.count("(?P<s") == 2  # one named group per shape
    assert "(?P<" not in family.pattern.pattern  # the scan itself captures nothing
    assert shapes(family, "The IMF forecasts growth that could slow.") == [
        ("forecasts", "forecast-verb"), ("could", "forward_markers[0]")]


def test_merging_replaces_by_name_switches_off_and_extends() -> None:
    built_in = [{"name": "modal", "pattern": "could"}, {"name": "verb", "pattern": "forecasts?"}]
    house = [{"name": "modal", "pattern": "might"},  # replaces, where it stands
             {"name": "verb", "enabled": False},  # switched off
             {"name": "noun", "pattern": "projections?"}]  # extends
    family = compile_family("f", built_in + house, classes)
    assert family.names() == ["modal", "noun"]
    assert shapes(family, "It could rise, it might rise; forecasts and projections.") == [
        ("might", "modal"), ("projections", "noun")]
    # A switched-off built-in comes back with enabled: true and keeps its pattern.
    again = compile_family("f", built_in + [{"name": "verb", "enabled": False}, {"name": "verb", "enabled": True}],
                           classes)
    assert again.names() == ["modal", "verb"]


# -- today's semantics kept -----------------------------------------------------------
def _sample_texts() -> list[str]:
    root = Path(__file__).parent / "eval"
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/*.md"))[:60]]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("key", ["forward_exceptions", "attribution_cues", "social_sources", "anonymous_persons",
                                 "outcome_verbs", "plain_future"])
def test_named_patterns_match_as_the_plain_list_did(lang: str, key: str) -> None:
    """Turning a list of regexes into named `pattern:` shapes changes no match."""
    entries = STORE.get(lang)[key]
    patterns = [e["pattern"] if isinstance(e, dict) else e for e in entries]
    assert all(isinstance(e, str) or "pattern" in e for e in entries)
    old = compile_terms(patterns, ignorecase=True)
    new = getattr(lexicon_for(STORE, lang), {"forward_exceptions": "forward_exceptions",
                                             "attribution_cues": "attribution_cues", "social_sources": "social",
                                             "anonymous_persons": "anonymous_persons", "outcome_verbs": "outcome_verbs",
                                             "plain_future": "plain_future"}[key])
    for text in _sample_texts():
        assert [m.span() for m in finditer(old, text)] == [m.span() for m in finditer(new, text)]


SEQ_CASES = [
    ("en", "forward_markers", "Bills are widely expected to rise.", "passive-forecast"),
    ("en", "forward_markers", "Bills are set to rise.", "passive-forecast"),
    ("en", "weasel_holders", "The deal is widely said to be close.", "passive-hearsay"),
    ("en", "weasel_holders", "It is generally believed that prices will fall.", "it-is-expected"),
    ("en", "weasel_holders", "He is widely tipped for the job.", "widely-expected"),
    ("en", "anonymous_holders", "People close to the deal said so.", "close-to"),
    ("fr", "attribution_verbs", "Le ministre a notamment déclaré que la dette baisserait.", "perfect-speech-verb"),
    ("fr", "attribution_verbs", "Le ministre a déclaré que la dette baisserait.", "perfect-speech-verb"),
    ("fr", "attribution_verbs", "Aussi a-t-il également précisé que la dette baisserait.", "inverted-perfect"),
    ("fr", "journalistic_conditional", "Le groupe aurait déjà perdu 2 milliards.", "past-conditional"),
    ("fr", "journalistic_conditional", "Le groupe aurait perdu 2 milliards.", "past-conditional"),
    ("fr", "speech_verbs", "a récemment déclaré", "perfect-speech-verb"),
]


@pytest.mark.parametrize("lang, key, text, shape", SEQ_CASES)
def test_the_built_in_seq_shapes(lang: str, key: str, text: str, shape: str) -> None:
    """Each seq shape of the shipped lexicons, compiled on its own (in its family another,
    longer shape may win at the same place)."""
    entries = [e for e in STORE.get(lang)[key] if isinstance(e, dict) and e.get("name") == shape]
    assert entries and "seq" in entries[0]
    family = compile_family(key, entries, lexicon_for(STORE, lang)._class)
    assert [name for _, name in shapes(family, text)] == [shape]


# -- house lexicons: configuration `lexicons:` merges by name ------------------------------
def _lexicon(lang: str, additions: dict) -> object:
    return lexicon_for(LexiconStore([EDITORIAL_DIR], {lang: additions}), lang)


def test_a_house_lexicon_switches_off_replaces_and_extends_shapes_en() -> None:
    off = _lexicon("en", {"forward_markers": [{"name": "modal-verb", "enabled": False}]})
    assert "modal-verb" not in off.forward.names()
    assert not shapes(off.forward, "Sales could reach 5 million units.")
    replaced = _lexicon("en", {"forward_markers": [{"name": "passive-forecast", "pattern": "is tipped to"}]})
    assert shapes(replaced.forward, "It is tipped to win.") == [("is tipped to", "passive-forecast")]
    assert shapes(replaced.forward, "It is expected to win.") == []
    extended = _lexicon("en", {"forward_markers": [{"name": "house-bet", "pattern": "is a lock to"}]})
    assert shapes(extended.forward, "It is a lock to win.") == [("is a lock to", "house-bet")]
    plain = _lexicon("en", {"forward_markers": ["is odds-on to"]})  # an old-style string still works
    # an unnamed entry is named by its position, after the built-in shapes
    position = len(STORE.get("en")["forward_markers"])
    assert shapes(plain.forward, "It is odds-on to win.") == [("is odds-on to", f"forward_markers[{position}]")]


def test_a_house_lexicon_switches_off_replaces_and_extends_shapes_fr() -> None:
    off = _lexicon("fr", {"attribution_verbs": [{"name": "perfect-speech-verb", "enabled": False}]})
    assert "perfect-speech-verb" not in off.attribution_verbs.names()
    added = _lexicon("fr", {"weasel_holders": [{"name": "rumeur", "seq": ["le", "bruit", "court"]}]})
    assert shapes(added.weasels, "Le bruit court que la banque vendra.") == [("Le bruit court", "rumeur")]


def test_a_required_key_is_never_silently_missing() -> None:
    data = dict(STORE.get("fr"))
    del data["holder_boundary_words"]
    from lint.editorial.lexicon import EditorialLexicon

    with pytest.raises(LexiconKeyError, match="holder_boundary_words"):
        EditorialLexicon("fr", data, STORE.schema.keys)
    data = dict(STORE.get("fr"))
    del data["elided_prefixes"]  # optional: English has none
    assert EditorialLexicon("fr", data, STORE.schema.keys).elided.pattern


# -- options and the shared analysis ----------------------------------------------------
def test_rules_with_equal_options_share_one_analysis() -> None:
    from lint.document.builder import build_document  # noqa: PLC0415

    doc = build_document(SourceText("Analysts say it could rise 20% next year.\n"), "a.md", default_lang="en")
    lex = lexicon_for(STORE, "en")
    first = analyse(doc, lex, AnalysisOptions())
    assert analyse(doc, lex, AnalysisOptions()) is first
    assert analyse(doc, lex, AnalysisOptions(max_holder_words=3)) is not first


# -- Finding.shape ------------------------------------------------------------------------
def _shapes_of_findings(monkeypatch, text: str, lang: str) -> list[tuple[str, str | None]]:
    seen: list[tuple[str, str | None]] = []
    original = lint.engine._diagnostic

    def record(document, active, template, finding):  # type: ignore[no-untyped-def]
        seen.append((active.spec.id.split(".", 1)[1], finding.shape))
        return original(document, active, template, finding)

    monkeypatch.setattr(lint.engine, "_diagnostic", record)
    Linter(Config(packs=("editorial",))).lint_source(SourceText(textwrap.dedent(text)), "draft.md", lang=lang)
    return seen


@pytest.mark.parametrize("text, lang, rule, shape", [
    ("OpenAI is expected to lose $14bn in 2026.\n", "en", "unsourced-projection", "passive-forecast"),
    ("Sales could reach 5 million units by 2028.\n", "en", "unsourced-projection", "modal-verb"),
    ("Le chômage pourrait grimper à 9 % d'ici la fin de l'année prochaine.\n", "fr", "unsourced-projection",
     "conditional-modal"),
    ("Analysts say the stock could rise 20% next year.\n", "en", "vague-attribution", "crowd-phrase"),
    ("A listing is likely this month, according to a post on X by @solar_whale.\n", "en", "vague-attribution",
     "post-on-platform"),
    ("Selon certains, le titre pourrait bondir de 20 % l'an prochain.\n", "fr", "vague-attribution",
     "crowd-phrase"),
    ("Bitcoin will definitely hit $200,000.\n", "en", "hedging-gap", "booster"),
    ("The market will rebound strongly.\n", "en", "hedging-gap", "will-or-going-to"),
    ("Le titre va doubler, c'est sans aucun doute la meilleure affaire.\n", "fr", "hedging-gap", "booster"),
])
def test_findings_name_the_shape_that_fired(monkeypatch, text: str, lang: str, rule: str, shape: str) -> None:
    found = _shapes_of_findings(monkeypatch, text, lang)
    assert (rule, shape) in found, found


@pytest.mark.parametrize("rule", ["unsourced-projection", "vague-attribution", "hedging-gap", "stacked-hedges",
                                  "hedge-density"])
def test_rule_yaml_writes_every_analysis_option(rule: str) -> None:
    """The thresholds and windows are rule options whose defaults are written in the rule's
    YAML, equal for every rule so they share one analysis per document."""
    import dataclasses

    import yaml

    data = yaml.safe_load((EDITORIAL_DIR / f"{rule}.yaml").read_text(encoding="utf-8"))
    for f in dataclasses.fields(AnalysisOptions):
        assert data.get(f.name) == f.default, f.name
