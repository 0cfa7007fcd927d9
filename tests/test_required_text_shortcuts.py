"""The disclaimer rule's shortcuts (each trigger scanned only where its required factors
are, lint/required_factors.py; the wordings looked for term by term, lint/term_gate.py, and
only once the draft surely needs one; the scan stopped once the finding is sure) find
exactly what the plain path finds: every trigger scanned on every paragraph, the accepted
wordings looked for first with their whole alternation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lint.config import load_config
from lint.document.quotes import quote_spans
from lint.editorial.analysis import claim_blocks
from lint.required_factors import fold, holds, required_clauses, stored_clauses_each
from lint.editorial.lexicon import disclaimer_patterns
from lint.patterns import compile_terms, normalise_term
from lint.rule_types.repeats import disclaimer_gate
from lint.rule_types.required_text import RequiredText, source_word
from lint.runner import Linter
from lint.term_gate import TermGate

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


def test_shipped_triggers_hold_their_factors_in_every_corpus_match(linted: list[Any]) -> None:
    # Stronger than equal hits: no paragraph with a match of a trigger lacks its factors.
    matches = 0
    for rule, document, _ in linted:
        for trigger in rule.triggers:
            if trigger.clauses is None:
                continue
            for block in document.blocks:
                for found in trigger.pattern.finditer(block.text):
                    matches += 1  # the factors of a lookahead lie beside the match: the
                    assert holds(trigger.clauses, fold(block.text))  # text holds them
    assert matches > 500
    assert all(clauses is not None for clauses in stored_clauses_each([s for _, s in trigger_sources()]))


def test_clauses_kept_between_runs_are_the_derived_ones() -> None:
    sources = [source for _, source in trigger_sources()]
    derived = [required_clauses([source]) for source in sources]
    assert stored_clauses_each(sources) == derived  # computed, then kept
    assert stored_clauses_each(sources) == derived  # read back


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
