"""Compile an editorial lexicon (rules/editorial/lexicons/<lang>.yaml) into regex patterns once."""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from lint.patterns import compile_pattern, compile_terms

# Compiled lexicons per LexiconStore (weak keys: a reloaded configuration drops its cache).
_CACHE: weakref.WeakKeyDictionary[Any, dict[str, EditorialLexicon]] = weakref.WeakKeyDictionary()
_NO_STORE: dict[str, EditorialLexicon] = {}


def _terms(entries: Any) -> list[str]:
    """Lexicon lists hold regex strings; anything else is a configuration mistake."""
    if entries is None:
        return []
    if isinstance(entries, str):
        return [entries]
    return [str(e) for e in entries]


@dataclass(frozen=True)
class Trigger:
    pattern: regex.Pattern[str]
    weight: int
    name: str
    group: str | None = None
    """Triggers of one group add up to at most the group's cap (trigger_group_caps)."""


class EditorialLexicon:
    """All patterns of one language, compiled case-insensitively on word boundaries."""

    def __init__(self, lang: str, data: Mapping[str, Any]) -> None:
        self.lang = lang
        self.data = data

        def terms(name: str, nonword: bool = False) -> regex.Pattern[str]:
            return compile_terms(_terms(data.get(name)), ignorecase=True, nonword=nonword)

        self.quantities = terms("quantities")
        self.not_quantities = terms("not_quantities")
        self.forward = terms("forward_markers")
        self.forward_exceptions = terms("forward_exceptions")
        self.plain_future = terms("plain_future")
        self.plain_future_exceptions = terms("plain_future_exceptions")
        self.future_tense = terms("future_tense")
        self.future_tense_exceptions = terms("future_tense_exceptions")
        self.future_time = terms("future_time")
        self.year_refs = compile_pattern(
            "|".join(f"(?:{t})" for t in _terms(data.get("year_refs"))) or r"(?!x)x",
            ignorecase=True,
        )
        self.past = terms("past_markers")
        self.journalistic_conditional = terms("journalistic_conditional")
        self.hypothetical = compile_pattern(
            "|".join(_terms(data.get("hypothetical_openers"))) or r"(?!x)x", ignorecase=True
        )
        self.scheduled = terms("scheduled_verbs")
        self.dates = terms("dates")
        self.specific_dates = terms("specific_dates")
        self.attribution_verbs = terms("attribution_verbs")
        self.attribution_cues = terms("attribution_cues")
        self.named_heads = terms("named_source_heads")
        self.pronouns = compile_terms(_terms(data.get("pronoun_holders")), ignorecase=True)
        self.weasels = terms("weasel_holders")
        self.rescues = compile_terms(_terms(data.get("weasel_rescues")), nonword=True)
        self.anonymous = terms("anonymous_holders")
        self.anonymous_persons = terms("anonymous_persons")
        self.social = compile_terms(_terms(data.get("social_sources")), ignorecase=False)
        self.social_ci = terms("social_sources")
        self.account_words = terms("social_account_words", nonword=True)
        self.named_accounts = terms("social_named_accounts")
        self.speech_verbs = terms("speech_verbs")
        self.complement_markers = terms("complement_markers")
        negative = _alternation(data.get("negative_determiners"))
        self.negated_holders = compile_pattern(rf"^(?:{negative})(?![\p{{L}}])", ignorecase=True)
        self.negated_before = compile_pattern(rf"(?<![\p{{L}}])(?:{negative})\s+$", ignorecase=True)
        self.concessive_frames = terms("concessive_frames")
        hedges = data.get("hedges") or {}
        self.hedges = {cat: terms_of(values) for cat, values in hedges.items()}
        certainty = data.get("certainty") or {}
        self.certainty_future = terms_of(certainty.get("future"))
        self.boosters = terms_of(certainty.get("booster"))
        self.adverbial_boosters = terms_of(certainty.get("adverbial"))
        self.superlatives = terms_of(certainty.get("superlative"))
        self.future_fillers = compile_pattern(
            r"^(?:\s*(?:" + "|".join(_terms(data.get("future_fillers"))) + r")(?![\p{L}]))*\s*"
            if data.get("future_fillers") else r"^\s*", ignorecase=True)
        self.certainty_exceptions = terms("certainty_exceptions")
        self.outcome_verbs = terms("outcome_verbs")
        self.future_auxiliaries = terms("future_auxiliaries")
        self.copulas = terms("copulas")
        self.record_superlatives = terms("record_superlatives")
        self.timed_outcomes = terms("timed_outcomes")
        self.unscheduled_outcomes = terms("unscheduled_outcomes")
        # Anchored at the start of the text after a future's verb (see _governs_value).
        particles = _alternation(data.get("verb_particles"))
        self.particle_lead = compile_pattern(rf"\s*(?:(?:{particles})(?![\p{{L}}])\s+)?", ignorecase=True)
        prepositions = _alternation(data.get("value_prepositions"))
        self.value_preposition = compile_pattern(rf"(?:{prepositions})(?![\p{{L}}])\s*", ignorecase=True)
        qualifiers = _alternation(data.get("value_qualifiers"))
        self.value_qualifiers = compile_pattern(rf"\s*(?:(?:{qualifiers})(?![\p{{L}}])\s*){{0,2}}", ignorecase=True)
        measures = _alternation(data.get("measure_of"))
        self.measure_lead = compile_pattern(rf"\s*(?:{measures})\s*", ignorecase=True)
        # Clause edges: a subordinate clause ends the clause of a future's verb, and a
        # subject after a coordinating conjunction starts a new clause.
        subordinators = _alternation(data.get("subordinators"))
        self.clause_end = compile_pattern(
            rf"[,;:()\[\]«»“”\"\ufffc—–]|\s-\s|(?<![\p{{L}}])(?:{subordinators})(?![\p{{L}}])", ignorecase=True)
        negations = _alternation(data.get("negations"))
        self.subordinate_or_negated = compile_pattern(
            rf"(?<![\p{{L}}])(?:{subordinators}|{negations})(?![\p{{L}}])", ignorecase=True)
        coordinators = _alternation(data.get("coordinators"))
        self.coordination = compile_pattern(rf".*\s(?:{coordinators})\s+", ignorecase=True)
        self.characterisers = frozenset(
            w.strip().lower() for t in _terms(data.get("characterisers")) for w in t.split("|")
        )
        self.function_words = frozenset(
            w.strip().lower() for t in _terms(data.get("function_words")) for w in t.split("|")
        )
        self.conditional = compile_pattern(
            "|".join(_terms(data.get("conditional_frames"))) or r"(?!x)x", ignorecase=True
        )
        self.rewordings = {str(k).lower(): str(v) for k, v in (data.get("hedged_rewordings") or {}).items()}
        self.triggers = [
            Trigger(compile_terms([t["pattern"]], ignorecase=True), int(t.get("weight", 1)),
                    t["pattern"], t.get("group"))
            for t in data.get("investment_triggers") or []
        ]
        self.group_caps = {str(k): int(v) for k, v in (data.get("trigger_group_caps") or {}).items()}
        self.boilerplate = compile_pattern(
            "|".join(f"(?:{t})" for t in _terms(data.get("boilerplate"))) or r"(?!x)x",
            ignorecase=True,
        )
        self.labels = dict(data.get("labels") or {})

    def label(self, key: str) -> str:
        return str(self.labels.get(key, key))


def _alternation(values: Any) -> str:
    """One regex alternation of a lexicon list, or a pattern that never matches."""
    terms = _terms(values)
    return "|".join(f"(?:{t})" for t in terms) if terms else r"(?!x)x"


def terms_of(values: Any) -> regex.Pattern[str]:
    return compile_terms(_terms(values), ignorecase=True)


def lexicon_for(store: Any, lang: str) -> EditorialLexicon:
    """The compiled lexicon of `lang` from a LexiconStore, cached per store."""
    cache = _CACHE.setdefault(store, {}) if store is not None else _NO_STORE
    if lang not in cache:
        cache[lang] = EditorialLexicon(lang, store.get(lang) if store is not None else {})
    return cache[lang]


def disclaimer_patterns(store: Any, extra: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """Accepted disclaimer wording of every language, plus project additions."""
    terms: list[str] = list(extra)
    for lang in sorted(store.languages()) if store is not None else []:
        terms.extend(_terms(store.get(lang).get("disclaimers")))
    return compile_terms(terms, ignorecase=True)
