"""The disclaimer rule's shortcuts (lint/required_literals.py's prefilter, the wordings looked
for only once the draft surely needs them, the scan stopped once the finding is sure) find
exactly what the plain path finds: every trigger scanned on every paragraph, the accepted
wordings looked for first."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
import regex

from lint.config import load_config
from lint.document.quotes import quote_spans
from lint.editorial.analysis import claim_blocks
from lint.editorial.lexicon import disclaimer_patterns
from lint.patterns import compile_terms, normalise_term
from lint.required_literals import (SAFE_CHARACTERS, TermGate, fold, required_condition,
                                   required_conditions, satisfied)
from lint.rule_types.repeats import disclaimer_gate
from lint.rule_types.required_text import RequiredText, source_word
from lint.runner import Linter

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LEXICONS = Path(__file__).resolve().parents[1] / "rules" / "editorial" / "lexicons"
# English: business news (triggers seldom add up) and crypto news (they nearly always do,
# with and without disclaimers); French: Wikinews and OrangeSum.
SETS = [("bbc-news/business", "*.txt", 80), ("crypto-news-en/articles", "*.txt", 87),
        ("wikinews-fr/articles", "*.txt", 60), ("orangesum-fr/articles", "*.txt", 60)]


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return [p for folder, pattern, count in SETS
            for p in sorted((CORPUS / folder).glob(pattern))[:count]]


def trigger_sources() -> list[tuple[str, str]]:
    import yaml

    out = []
    for lang in ("en", "fr"):
        data = yaml.safe_load((LEXICONS / f"{lang}.yaml").read_text(encoding="utf-8"))
        for entry in data["investment_triggers"]:
            out.append((lang, normalise_term(entry if isinstance(entry, str) else entry["pattern"])))
    return out


# -- the reader ---------------------------------------------------------------------------

@pytest.mark.parametrize("source, expected", [
    ("bitcoin|ether", [[{"bitcoin"}], [{"ether"}]]),
    ("price (?:targets?|action)", [[{"price "}, {"target", "action"}]]),
    ("bitcoin (?:rose|fell) to", [[{"bitcoin "}, {"rose", "fell"}, {" to"}]]),
    ("(?:be|is|was) priced in", [[{" priced in"}]]),  # literals under 3 letters are no help
    (normalise_term("(?:be|is|was) priced in"), [[{"priced"}]]),  # spaces become a class
    ("colou?r chart", [[{"colo"}, {"r chart"}]]),
    ("colou?r", [[{"colo"}]]),
    ("(?:key )?support", [[{"support"}]]),
    ("(?<!spot )ETFs?", [[{"etf"}]]),
    ("(?=abc)defg", [[{"defg"}]]),
    ("(?:abc){2}", [[{"abc"}]]),
    ("x+yzw", [[{"yzw"}]]),
    ("(?:ab|cde)fgh", [[{"fgh"}]]),  # a group whose best literal is too short adds nothing
    ("(?-i:[A-Z]{3})|stablecoin", None),  # one alternative holds no literal
    (r"\d+%", [[{"%"}]]),  # a symbol is worth a look, short as it is
    (r"\d+ %|\d+ pc", None),
    ("ab", None),  # too short to be worth a look
    ("(?x)bit coin", None),  # verbose: spaces do not read as written
    ("(?i)bitcoin", None),
    (r"\u00e9lan", [[{"lan"}]]),  # a character code is never read as its digits
    (r"caf\x{e9}s", [[{"caf"}]]),
    (r"\$BTC", [[{"$btc"}]]),
    ("(?:rose|fell) sharply", [[{" sharply"}, {"rose", "fell"}]]),
    ("(?:rose|fell)?", None),
    ("Straße", None),  # ß is not a character the prefilter trusts
])
def test_required_condition_of_sources(source: str, expected: list[list[set[str]]] | None) -> None:
    found = required_condition(source)
    as_sets = None if found is None else {frozenset(map(frozenset, needed)) for needed in found.alternatives}
    assert as_sets == (None if expected is None else
                       {frozenset(map(frozenset, needed)) for needed in expected})


def test_conditions_kept_between_runs_are_the_derived_ones() -> None:
    sources = [source for _, source in trigger_sources()]
    derived = [required_condition(source) for source in sources]
    assert required_conditions(sources) == derived  # computed, then kept
    assert required_conditions(sources) == derived  # read back


def test_conditions_are_met_by_their_literals() -> None:
    condition = required_condition("bitcoin (?:rose|fell) to|ether")
    assert condition is not None
    assert satisfied(condition, "bitcoin fell to")
    assert satisfied(condition, "so ether")
    assert not satisfied(condition, "bitcoin was flat")


def test_safe_characters_fold_like_the_regex_module() -> None:
    # Every code point the regex module (version 0, IGNORECASE) takes for a safe character
    # folds to what that character folds to: a literal matched case-insensitively is then
    # found in the folded text. (str.casefold alone fails here: "ı" matches "I".)
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for char in sorted(SAFE_CHARACTERS):
        equals = regex.findall(regex.escape(char), every, flags=regex.V0 | regex.IGNORECASE)
        assert equals, char
        assert {fold(e) for e in equals} == {fold(char)}, (char, equals)


def _random_source(rng: random.Random, depth: int = 0) -> str:
    """A random regex over a small alphabet, with groups, optional parts and classes."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.45:
            parts.append("".join(rng.choice("abciAB -'") for _ in range(rng.randint(1, 5))))
        elif kind < 0.6:
            parts.append(rng.choice([r"\d", "[ab]", r"\s", ".", r"\p{L}", r"\u0061", "(?=ab)", "(?<!c)"]))
        elif depth < 2:
            body = "|".join(_random_source(rng, depth + 1) for _ in range(rng.randint(1, 3)))
            parts.append(rng.choice(["(?:", "(", "(?-i:"]) + body + ")")
        if parts and rng.random() < 0.3:
            parts[-1] = f"(?:{parts[-1]})" + rng.choice(["?", "*", "+", "{2}", "{0,2}", "??"])
    return "".join(parts)


def test_random_regexes_hold_their_literals_in_every_match() -> None:
    rng = random.Random(9)
    texts = ["".join(rng.choice("abcAB -'1äıİ") for _ in range(rng.randint(0, 60))) for _ in range(400)]
    checked = derived = 0
    for _ in range(1500):
        source = _random_source(rng)
        literals = required_condition(source)
        if literals is None:
            continue
        derived += 1
        for flags in (regex.V0, regex.V0 | regex.IGNORECASE):
            pattern = regex.compile(source, flags)
            for text in texts:
                for found in pattern.finditer(text):
                    checked += 1
                    assert satisfied(literals, fold(found.group())), (source, text, found)
    assert derived > 300 and checked > 1000


# -- the rule on real copy ----------------------------------------------------------------

def plain_hits(rule: RequiredText, text: str) -> tuple[Any, ...]:
    """Every trigger scanned on the whole text, no prefilter."""
    return tuple((m.group().lower().rstrip("s"), trigger.weight, m.start(), m.end(), trigger.group)
                 for trigger in rule.triggers for m in trigger.pattern.finditer(text))


def plain_accepts(rule: RequiredText, text: str) -> bool:
    """An accepted wording outside quotations, searched with the whole alternation."""
    found = list(compile_terms(rule._accepted_terms, ignorecase=True).finditer(text))
    if rule.options.quoted_accepted:
        return bool(found)
    spans = quote_spans(text)
    return any(not any(s <= m.start() and m.end() <= e for s, e in spans) for m in found)


def plain_findings(rule: RequiredText, document: Any) -> list[tuple[int, int, str]]:
    """The rule's finding as it was computed before the shortcuts: the accepted wordings
    first, then every trigger on every paragraph."""
    prose = [b for b in document.blocks if b.is_prose]
    if any(plain_accepts(rule, b.text) for b in prose):
        return []
    hits: dict[str, tuple[int, int, int, str | None]] = {}
    for block in prose:
        if "h1" in block.scope:
            continue
        for word, weight, start, end, group in plain_hits(rule, block.text):
            if word not in hits:
                start, end = block.projection.to_source_span(start, end)
                hits[word] = (weight, start, end, group)
    score = rule._score(hits.values())
    strong = any(h[0] >= rule.options.strong_weight for h in hits.values())
    reason = rule._required_by_front_matter(document.meta)
    if score < (rule.options.threshold if strong else rule.options.topic_threshold) and reason is None:
        return []
    if hits:
        first = min(hits.values(), key=lambda hit: hit[1])
        start, end = first[1], first[2]
    elif prose:
        start, end = prose[0].start, prose[0].start
    else:
        start, end = 0, 0
    ordered = [w for w, _ in sorted(((w, h[1]) for w, h in hits.items()), key=lambda x: x[1])]
    listed = [source_word(document, hits[w][1], hits[w][2]) for w in ordered][: rule.options.max_listed]
    return [(start, end, ", ".join(listed + ([reason] if reason else [])))]


@pytest.fixture(scope="module")
def linted() -> list[tuple[RequiredText, Any, list[tuple[int, int, str]]]]:
    """(rule, document, its findings) for every corpus draft."""
    seen: list[tuple[RequiredText, Any, list[tuple[int, int, str]]]] = []
    original = RequiredText.check

    def spy(self: RequiredText, unit: Any) -> Any:
        found = list(original(self, unit))
        seen.append((self, unit.document, [(f.start, f.end, f.args["triggers"]) for f in found]))
        return iter(found)

    linter = Linter(load_config(None, start=Path(__file__).parent))
    RequiredText.check = spy  # type: ignore[method-assign]
    try:
        for path in corpus_files():
            linter.lint_bytes(path.read_bytes(), str(path))
    finally:
        RequiredText.check = original  # type: ignore[method-assign]
    return seen


def test_both_languages_and_both_outcomes_are_covered(linted: list[Any]) -> None:
    langs = {rule.lang for rule, _, _ in linted}
    assert langs == {"en", "fr"}
    reported = sum(bool(found) for _, _, found in linted)
    assert 10 <= reported < len(linted)


def test_prefiltered_hits_are_the_plain_scan_on_every_paragraph(linted: list[Any]) -> None:
    for rule, document, _ in linted:
        for block in document.blocks:
            assert rule._block_hits(block.text) == plain_hits(rule, block.text)


def test_findings_are_the_plain_path_s(linted: list[Any]) -> None:
    for rule, document, found in linted:
        assert found == plain_findings(rule, document), document.source.text[:80]


def test_shipped_triggers_hold_their_literals_in_every_corpus_match(linted: list[Any]) -> None:
    # Stronger than equal hits: no match of any trigger lacks its literals.
    matches = 0
    for rule, document, _ in linted:
        for trigger in rule.triggers:
            if trigger.literals is None:
                continue
            for block in document.blocks:
                for found in trigger.pattern.finditer(block.text):
                    matches += 1
                    assert satisfied(trigger.literals, fold(found.group()))
    assert matches > 500
    assert sum(required_condition(source) is not None for _, source in trigger_sources()) >= 40


def test_accepted_wordings_outside_quotations_as_the_whole_alternation_finds(linted: list[Any]) -> None:
    outcomes = []
    for rule, document, _ in linted:
        for block in document.blocks:
            outcomes.append(rule._accepts(block.text))
            assert outcomes[-1] == plain_accepts(rule, block.text)
    assert 10 <= sum(outcomes) < len(outcomes)


def test_disclaimer_gate_answers_as_the_alternation_of_every_language(linted: list[Any]) -> None:
    # The near-duplicate rules' boilerplate check, on every paragraph and sentence.
    rule = linted[0][0]
    gate, whole = disclaimer_gate(rule.context.lexicons), disclaimer_patterns(rule.context.lexicons)
    outcomes = []
    for _, document, _ in linted:
        for block in claim_blocks(document):
            for text in [block.text] + [block.sentence_text(s) for s in block.sentences]:
                outcomes.append(gate.search(text.strip()))
                assert outcomes[-1] == (whole.search(text.strip()) is not None), text
    assert 20 <= sum(outcomes) < len(outcomes)


def test_a_term_with_a_global_flag_is_searched_with_the_others() -> None:
    # "(?x)" in one term makes the whole alternation verbose: spaces in the other terms
    # then match nothing, so the gate must not search them one by one.
    terms = ["(?x) past \\s performance", "capital at risk"]
    gate, whole = TermGate(terms), compile_terms(terms, ignorecase=True)
    for text in ["Capital at risk.", "capitalatrisk", "Past performance", "nothing here"]:
        assert gate.search(text) == (whole.search(text) is not None), text
