"""Compile an editorial lexicon (rules/editorial/lexicons/<lang>.yaml) into regex patterns once."""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import Any

import regex

from lint.editorial.grammar import Family, class_source, compile_family
from lint.lexicon_schema import Declaration
from lint.patterns import compile_pattern, compile_terms

# Compiled lexicons per LexiconStore (weak keys: a reloaded configuration drops its cache).
_CACHE: weakref.WeakKeyDictionary[Any, dict[str, EditorialLexicon]] = weakref.WeakKeyDictionary()
_NO_STORE: dict[str, EditorialLexicon] = {}

_NEVER = r"(?!x)x"


class LexiconKeyError(KeyError):
    """A lexicon lacks a key its schema declares required (never silently an empty list)."""


def _terms(entries: Any) -> list[str]:
    """Lexicon lists hold regex strings; anything else is a configuration mistake."""
    if entries is None:
        return []
    if isinstance(entries, str):
        return [entries]
    return [str(e) for e in entries]


class EditorialLexicon:
    """All patterns of one language, compiled case-insensitively on word boundaries.

    Word-bounded lists are families of named shapes (lint/editorial/grammar.py): one
    alternation per family, one scan per family and sentence.
    """

    def __init__(self, lang: str, data: Mapping[str, Any],
                 declared: Mapping[str, Declaration] | None = None) -> None:
        self.lang = lang
        self.data = data
        # The store's schema (lint/lexicon_schema.py): which keys exist and which a
        # language must give.
        self.declared: Mapping[str, Declaration] = declared or {}

        def family(name: str, nonword: bool = False) -> Family:
            return compile_family(name, self._get(name), self._class, nonword=nonword)

        def raw(name: str) -> str:
            return _alternation(self._get(name))

        self.quantities = family("quantities")
        self.not_quantities = family("not_quantities")
        self.forward = family("forward_markers")
        self.forward_exceptions = family("forward_exceptions")
        self.plain_future = family("plain_future")
        self.plain_future_exceptions = family("plain_future_exceptions")
        self.future_tense = family("future_tense")
        self.future_tense_exceptions = family("future_tense_exceptions")
        self.future_time = family("future_time")
        self.year_refs = compile_pattern(raw("year_refs"), ignorecase=True)
        self.past = family("past_markers")
        self.journalistic_conditional = family("journalistic_conditional")
        self.hypothetical = compile_pattern(
            "|".join(_terms(self._get("hypothetical_openers"))) or _NEVER, ignorecase=True)
        self.market_calls = family("market_calls")
        self.hypothetical_examples = family("hypothetical_examples")
        self.figure_anaphora = family("figure_anaphora")
        self.level_figures = family("level_figures")
        self.present_figures = family("present_figures")
        self.contrast_clauses = family("contrast_clauses", nonword=True)
        self.agentless_hearsay = family("agentless_hearsay")
        self.named_reports = family("named_reports")
        self.documentary_sources = family("documentary_sources")
        self.crowd_member_roles = family("crowd_member_roles")
        self.crowd_member_affiliations = family("crowd_member_affiliations")
        self.crowd_organisations = family("crowd_organisations")
        self.exemplified_crowds = family("exemplified_crowds")
        self.continuation_markers = family("continuation_markers")
        self.event_dates = family("event_dates", nonword=True)
        self.embedded_posts = family("embedded_posts", nonword=True)
        self.market_conditions = family("market_conditions")
        self.scheduled = family("scheduled_verbs")
        self.dates = family("dates")
        self.specific_dates = family("specific_dates")
        self.attribution_verbs = family("attribution_verbs")
        self.attribution_cues = family("attribution_cues")
        self.named_heads = family("named_source_heads")
        self.pronouns = family("pronoun_holders")
        self.conduct_verbs = family("conduct_verbs")
        self.weasels = family("weasel_holders")
        self.rescues = compile_family("weasel_rescues", self._get("weasel_rescues"), self._class,
                                      nonword=True, ignorecase=False)
        self.anonymous = family("anonymous_holders")
        self.anonymous_persons = family("anonymous_persons")
        self.social = family("social_sources")
        self.account_words = family("social_account_words", nonword=True)
        self.named_accounts = family("social_named_accounts")
        self.speech_verbs = family("speech_verbs")
        self.complement_markers = family("complement_markers")
        negative = raw("negative_determiners")
        self.negated_holders = compile_pattern(rf"^(?:{negative})(?![\p{{L}}])", ignorecase=True)
        self.negated_before = compile_pattern(rf"(?<![\p{{L}}])(?:{negative})\s+$", ignorecase=True)
        self.concessive_frames = family("concessive_frames")
        hedges = self._get("hedges") or {}
        self.hedges = {cat: family_of(f"hedges.{cat}", values, self._class) for cat, values in hedges.items()}
        certainty = self._get("certainty") or {}
        self.boosters = family_of("certainty.booster", certainty.get("booster"), self._class)
        self.adverbial_boosters = family_of("certainty.adverbial", certainty.get("adverbial"), self._class)
        self.superlatives = family_of("certainty.superlative", certainty.get("superlative"), self._class)
        self.speculative_effects = family_of("certainty.speculative_effect", certainty.get("speculative_effect"),
                                             self._class)
        fillers = self._get("future_fillers")
        self.future_fillers = compile_pattern(
            r"^(?:\s*(?:" + "|".join(_terms(fillers)) + r")(?![\p{L}]))*\s*" if fillers else r"^\s*",
            ignorecase=True)
        self.certainty_exceptions = family("certainty_exceptions")
        self.stance_frames = family("stance_frames")
        self.belief_frames = family("belief_frames")
        self.plan_sources = family("plan_sources")
        self.outcome_verbs = family("outcome_verbs")
        self.future_auxiliaries = family("future_auxiliaries")
        self.copulas = family("copulas")
        self.record_superlatives = family("record_superlatives")
        self.timed_outcomes = family("timed_outcomes")
        self.unscheduled_outcomes = family("unscheduled_outcomes")
        # Anchored at the start of the text after a future's verb (see _governs_value).
        particles = raw("verb_particles")
        self.particle_lead = compile_pattern(rf"\s*(?:(?:{particles})(?![\p{{L}}])\s+)?", ignorecase=True)
        prepositions = raw("value_prepositions")
        self.value_preposition = compile_pattern(rf"(?:{prepositions})(?![\p{{L}}])\s*", ignorecase=True)
        qualifiers = raw("value_qualifiers")
        self.value_qualifiers = compile_pattern(rf"\s*(?:(?:{qualifiers})(?![\p{{L}}])\s*){{0,2}}", ignorecase=True)
        measures = raw("measure_of")
        self.measure_lead = compile_pattern(rf"\s*(?:{measures})\s*", ignorecase=True)
        # Clause edges: a subordinate clause ends the clause of a future's verb, and a
        # subject after a coordinating conjunction starts a new clause.
        subordinators = raw("subordinators")
        self.clause_end = compile_pattern(
            rf"[,;:()\[\]«»“”\"\ufffc—–]|\s-\s|(?<![\p{{L}}])(?:{subordinators})(?![\p{{L}}])", ignorecase=True)
        negations = raw("negations")
        self.subordinate_or_negated = compile_pattern(
            rf"(?<![\p{{L}}])(?:{subordinators}|{negations})(?![\p{{L}}])", ignorecase=True)
        coordinators = raw("coordinators")
        self.coordination = compile_pattern(rf".*\s(?:{coordinators})\s+", ignorecase=True)
        self.characterisers = _word_set(self._get("characterisers"))
        self.function_words = _word_set(self._get("function_words"))
        self.conditional = compile_pattern(
            "|".join(_terms(self._get("conditional_frames"))) or _NEVER, ignorecase=True)
        self.rewordings = {str(k).lower(): str(v) for k, v in (self._get("hedged_rewordings") or {}).items()}
        self.boilerplate = compile_pattern(
            "|".join(f"(?:{t})" for t in _terms(self._get("boilerplate"))) or _NEVER, ignorecase=True)
        self.labels = dict(self._get("labels") or {})

        # -- the holder and clause grammar of sources.py and claim_rules.py ---------------
        # Structure (punctuation, anchors, windows) stays in code; every word comes from
        # the lexicon, so a language is YAML only.
        self.holder_boundary = compile_pattern(
            rf"[,;:()\[\]«»“”\"\ufffc—–]|\s-\s|\b(?:{raw('holder_boundary_words')})\b", ignorecase=True)
        self.elided = compile_pattern(rf"^(?:{raw('elided_prefixes')})['’]")
        self.elision = compile_pattern(rf"\b(?:{raw('elided_prefixes')})['’]", ignorecase=True)
        self.attributing_participles = compile_pattern(
            rf"^(?:{raw('attributing_participles')})$", ignorecase=True)
        self.passive_before = compile_pattern(
            rf"(?:\b(?:{raw('passive_auxiliaries')})\s+(?:(?:{raw('manner_adverbs')})\s+)?)$", ignorecase=True)
        self.participle_ending = compile_pattern(rf"(?:{raw('participle_endings')})$", ignorecase=True)
        self.addressee_verbs = compile_pattern(rf"(?:{raw('addressee_verbs')})$", ignorecase=True)
        self.speaker_suffix = compile_pattern(raw("speaker_suffixes"), ignorecase=True)
        self.non_name_tokens = frozenset(w for t in _terms(self._get("non_name_tokens")) for w in t.split("|"))
        self.impersonal_weasels = compile_pattern(raw("impersonal_weasels"), ignorecase=True)
        # A definite crowd noun alone ("the analysts", « les analystes ») refers back to a
        # crowd named earlier in the draft; the determiners and nouns are lexicon words.
        crowds = "|".join(_terms(self._get("crowd_nouns")))
        determiners = "|".join(_terms(self._get("referring_determiners")))
        self.crowd_nouns = compile_pattern(rf"\b(?:{crowds or _NEVER})\b", ignorecase=True)
        self.referring_crowd = compile_pattern(
            rf"^\s*(?:{determiners or _NEVER})\s+(?P<noun>{crowds or _NEVER})\s*$", ignorecase=True)
        roles = "|".join(_terms(self._get("anonymous_roles")))
        singular = "|".join(_terms(self._get("anonymous_referring_determiners")))
        self.anonymous_roles = compile_pattern(rf"\b(?:{roles or _NEVER})\b", ignorecase=True)
        self.referring_anonymous = compile_pattern(
            rf"^\s*(?:{singular or _NEVER})\s*(?:[\p{{L}}-]+\s+){{0,3}}(?:{roles or _NEVER})\s*$", ignorecase=True)
        # A recommendation after a speech verb ("stress the need to"): no claim to source.
        self.recommendation = compile_pattern(
            rf"^\s*(?:{raw('recommendation_complements')})(?![\p{{L}}])", ignorecase=True)
        self.social_citation_cues = raw("social_citation_cues")
        self.social_post_nouns = compile_pattern(rf"\b(?:{raw('social_post_nouns')})", ignorecase=True)
        self.clause_break = compile_pattern(
            rf"[;:(]|\s[-–—]\s|,\s*(?:{raw('comma_clause_openers')})\b|\b(?:{raw('clause_openers')})\b",
            ignorecase=True)
        self.passive_forecast = compile_pattern(
            rf"(?:\b(?:{raw('forecast_auxiliaries')})\s+(?:\p{{L}}+\s+)?(?:{raw('forecast_participles')}))$"
            rf"|^(?:{raw('forecast_frame_openers')})\b", ignorecase=True)
        # "from <figure> [last year] to <figure>": the words around a change's first figure.
        self.range_origin = compile_pattern(rf"(?:^|\s)(?:{raw('range_origins')})\s*$", ignorecase=True)
        self.range_target = compile_pattern(
            rf"^\s*(?:[\p{{L}}'’-]+\s+){{0,3}}?(?:{raw('range_targets')})\s*$", ignorecase=True)
        counts = raw("count_prepositions")
        self.of_after_figure = compile_pattern(rf"(?:^|\s)(?:{counts})\s*$", ignorecase=True)
        self.of_before_noun = compile_pattern(rf"\s*(?:{counts})", ignorecase=True)
        self.reworded_negation = compile_pattern(rf"\s+(?:{raw('negated_future')})\b", ignorecase=True)

    def _get(self, key: str) -> Any:
        """The lexicon value of `key`; a key the schema declares required may not be
        missing from a language that has a lexicon at all."""
        if key in self.data:
            return self.data[key]
        declared = self.declared.get(key)
        if self.data and declared is not None and declared.required:
            raise LexiconKeyError(f"lexicon {self.lang!r} lacks the required key {key!r} "
                                  f"({declared.meaning})")
        return None

    def _class(self, key: str) -> str:
        """The alternation of lexicon class `key`, for `@key` in a shape."""
        if key not in self.data and key not in self.declared:
            raise KeyError(key)
        return class_source(self._get(key))

    def label(self, key: str) -> str:
        return str(self.labels.get(key, key))


def _word_set(values: Any) -> frozenset[str]:
    return frozenset(w.strip().lower() for t in _terms(values) for w in t.split("|"))


def _alternation(values: Any) -> str:
    """One regex alternation of a lexicon list, or a pattern that never matches."""
    terms = _terms(values)
    return "|".join(f"(?:{t})" for t in terms) if terms else _NEVER


def family_of(name: str, values: Any, classes: Any) -> Family:
    return compile_family(name, values, classes)


def lexicon_for(store: Any, lang: str) -> EditorialLexicon:
    """The compiled lexicon of `lang` from a LexiconStore, cached per store."""
    cache = _CACHE.setdefault(store, {}) if store is not None else _NO_STORE
    if lang not in cache:
        cache[lang] = (EditorialLexicon(lang, store.get(lang), store.schema.keys)
                       if store is not None else EditorialLexicon(lang, {}))
    return cache[lang]


def disclaimer_patterns(store: Any, extra: tuple[str, ...] = ()) -> regex.Pattern[str]:
    """Accepted disclaimer wording of every language, plus project additions."""
    terms: list[str] = list(extra)
    # The store never loads '_'-prefixed files (schemas) as languages.
    for lang in sorted(store.languages()) if store is not None else []:
        terms.extend(_terms(store.get(lang).get("disclaimers")))
    return compile_terms(terms, ignorecase=True)
