"""Per-sentence facts of a draft (quantities, forecasts, sources, hedges, certainty), computed once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from lint.document import Block, Document
from lint.document.quotes import quote_spans
from lint.editorial.grammar import Family
from lint.editorial.lexicon import EditorialLexicon
from lint.editorial.quantities import Quantity, find_quantities
from lint.buffer_memory import BUFFER_MEMORY
from lint.editorial.reuse import ParagraphMemory
from lint.editorial.sources import Attribution, Kind, SourceClassifier, SourceOptions
from lint.patterns import finditer, fullmatch, match, search

MASK = "\ufffc"
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
# A capitalised word right after a word that starts in lower case, or after a comma:
# inside a sentence, and not the second word of a longer name ("European Fund").
# A short lower-case word between two capitalised ones joins one name ("Center for
# Corporate Governance"): what follows it is inside that name, not the start of one.
_INNER_CAPITAL = regex.compile(r"(?<=(?<![\p{L}\p{N}])[\p{Ll}\p{N}][\p{L}\p{N}'’-]*\s+|[,;]\s+)"
                               r"(?<!\p{Lu}[\p{L}\p{N}'’.-]*\s+\p{Ll}{1,3}\s+)\p{Lu}[\p{L}\p{N}&'’-]*")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*(?![\p{L}])")
_FIRST_WORD = regex.compile(r"[\p{L}]+")
_YEAR_LEAD = regex.compile(r"\s*(\d{4})")
_COLON_QUOTE = regex.compile(r":\s*\ufffc")
_SENTENCE_BREAK = regex.compile(r"[.!?…]\s")
# The display name of an embedded post's signature ("— CryptoQuant.com (@cryptoquant_com) ...").
_SIGNATURE_OWNER = regex.compile(r"[—–]\s*([^—–()\n]{2,60}?)\s*\(@\w{1,30}\)")


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of every match of `pattern` in `text`."""
    return [(m.start(), m.end()) for m in finditer(pattern, text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `position` falls within one of `spans` (end exclusive)."""
    return any(lo <= position < hi for lo, hi in spans)


@dataclass(frozen=True)
class AnalysisOptions(SourceOptions):
    """Thresholds and look-around windows of the shared analysis (rule options, with
    defaults written in rules/editorial/*.yaml). Rules with equal values share one
    analysis per document."""

    min_quote_words: int = 4
    """Shorter quoted fragments are scare quotes, not speech (domain note §0.3)."""
    speech_verb_before: int = 4
    """Characters before a speech verb searched for the end of a quotation ('", said X')."""
    speech_verb_after: int = 40
    """Characters after a speech verb searched for a colon that opens a quotation."""
    speech_colon_gap: int = 30
    """Most characters between that speech verb and its colon."""
    figure_window: int = 60
    """Characters after a word searched for the figure it starts (or the figure's time frame)."""
    outcome_window: int = 80
    """Characters after a future's start searched for an outcome it carries itself."""


def analysis_options(options: Any) -> AnalysisOptions:
    """The analysis fields of a rule's options (any dataclass that extends AnalysisOptions)."""
    if isinstance(options, AnalysisOptions) and type(options) is AnalysisOptions:
        return options
    names = {f.name for f in dataclasses.fields(AnalysisOptions)}
    return AnalysisOptions(**{k: v for k, v in vars(options).items() if k in names}) if options else AnalysisOptions()


@dataclass(slots=True)
class Match:
    start: int
    end: int
    text: str
    shape: str | None = None
    """The named lexicon shape that made this match (lint/editorial/grammar.py)."""


@dataclass(slots=True)
class SentenceFacts:
    """What the editorial rules need to know about one sentence."""

    block: Block
    index: int
    """Position of the sentence in its block."""
    start: int
    """0-based offset of the sentence in the block's projection text."""
    end: int
    text: str
    masked: str
    """`text` with attributed quotations replaced by MASK characters (same length)."""
    quantities: list[Quantity] = field(default_factory=list)
    forward: list[Match] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    hedges: list[tuple[str, Match]] = field(default_factory=list)
    futures: list[Match] = field(default_factory=list)
    """Every plain future (will, va + infinitive, futur simple) that is not a schedule."""
    predictions: list[Match] = field(default_factory=list)
    """Plain futures that predict an outcome or a value ("will never catch up", "va rebondir")."""
    boosters: list[Match] = field(default_factory=list)
    """Boosters that predict by themselves ("is certain to", "rendement garanti")."""
    adverbials: list[Match] = field(default_factory=list)
    market_calls: list[Match] = field(default_factory=list)
    """The writer's market calls on a price level (lexicon market_calls): forward-looking."""
    figure_anaphora: list[Match] = field(default_factory=list)
    """Market moves onto a level named in the sentence before ("could hit it", « pourrait
    l'atteindre »; lexicon figure_anaphora)."""
    """Certainty adverbs ("definitely", "sans aucun doute"): a gap only with a prediction."""
    believed: list[Match] = field(default_factory=list)
    """Plain futures in the complement of a belief or forecast verb ("traders believe the
    Fed is going to cut rates"; lexicon belief_frames): they predict whatever their verb."""
    stances: list[Match] = field(default_factory=list)
    """Fears, hopes, bets and readings that a future may follow (lexicon stance_frames)."""
    planned: bool = False
    """The sentence's source is the actor's own announcement (lexicon plan_sources)."""
    superlative: bool = False
    speculative: bool = False
    """A speculative market effect (lexicon certainty.speculative_effect) that a certainty
    adverb states as certain even with no future ("undoubtedly bolstered investor sentiment")."""
    question: bool = False
    hypothetical: bool = False
    conditional: bool = False
    scheduled: bool = False

    @property
    def best(self) -> Kind:
        return max((a.kind for a in self.attributions), default=Kind.NONE)

    def weak(self, kinds: tuple[Kind, ...] = (Kind.SOCIAL, Kind.ANONYMOUS, Kind.WEASEL)) -> Attribution | None:
        """The weak attribution to report: social first, then anonymous, then weasel
        (only those of `kinds`)."""
        for kind in kinds:
            for a in self.attributions:
                if a.kind == kind:
                    return a
        return None

    def quantity_keys(self) -> set[str]:
        return {q.key for q in self.quantities}


_LIST_FACTS = tuple(f.name for f in dataclasses.fields(SentenceFacts) if f.default_factory is list)


@dataclass
class Analysis:
    document: Document
    lexicon: EditorialLexicon
    reference_year: int | None
    """Year of the front matter `date:`; None when the draft has no date."""
    paragraphs: list[list[SentenceFacts]] = field(default_factory=list)

    def sentences(self) -> list[SentenceFacts]:
        return [s for p in self.paragraphs for s in p]


def analyse(document: Document, lexicon: EditorialLexicon, options: Any = None) -> Analysis:
    """The analysis of `document` with `lexicon` and the analysis `options` of a rule,
    computed once and shared by every editorial rule with the same lexicon and options
    (kept in document.cache)."""
    settings = analysis_options(options)
    shared: dict[tuple[int, AnalysisOptions], Analysis] = document.cache.setdefault("editorial", {})
    key = (id(lexicon), settings)
    if key in document.cache.setdefault("editorial-timed-out", set()):
        # An analysis that ran out of time once would again: every rule sharing it
        # reports its time-out at once instead of spending its own budget on it.
        raise TimeoutError("the shared editorial analysis timed out on this draft")
    cached = shared.get(key)
    if cached is None or cached.lexicon is not lexicon:
        try:
            cached = _Analyser(document, lexicon, settings).run()
        except TimeoutError:
            document.cache["editorial-timed-out"].add(key)
            raise
        shared[key] = cached
    return cached


def claim_blocks(document: Document) -> list[Block]:
    """Prose paragraphs that can carry claims: paragraphs, list items, quotes (not headings,
    bylines or table cells)."""
    return [b for b in document.blocks if b.is_prose and b.scope[-1] == "paragraph"]


def reference_year(meta: dict[str, Any]) -> int | None:
    value = meta.get("date")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, str):
        m = _YEAR_LEAD.match(value)
        if m:
            return int(m.group(1))
    return None


class _Analyser:
    def __init__(self, document: Document, lexicon: EditorialLexicon, options: AnalysisOptions) -> None:
        self.doc = document
        self.lex = lexicon
        self.options = options
        words: set[str] = set()
        inner: set[str] = set()
        for block in document.prose_blocks:
            words.update(w.lower() for w in _LOWER_WORD.findall(block.text))
            inner.update(w.lower() for w in _INNER_CAPITAL.findall(block.text))
        self.sources = SourceClassifier(lexicon, words, options, inner)
        self.year = reference_year(document.meta)
        # '"…," insists X' / 'a-t-il dit : « … »': a colon right after a speech verb.
        self._colon_after_verb = regex.compile(rf"[^.\ufffc]{{0,{options.speech_colon_gap}}}:\s*\ufffc")

    def run(self) -> Analysis:
        analysis = Analysis(self.doc, self.lex, self.year)
        previous: Block | None = None
        earlier: Block | None = None
        # The block right after each one in the document, prose or not (an embed's signature
        # is not prose).
        after = {id(b): n for b, n in zip(self.doc.blocks, self.doc.blocks[1:])}
        store = BUFFER_MEMORY.get()
        memory = ParagraphMemory(store, self.lex, self.options, self.sources) if store is not None else None
        for block in claim_blocks(self.doc):
            following = after.get(id(block))
            if memory is not None:
                key = memory.key(block, *(b.text if b is not None else None for b in (previous, earlier, following)),
                                 self.year)
                reused = memory.reuse(key, block)
                if reused is not None:
                    previous, earlier = block, previous
                    analysis.paragraphs.append(reused)
                    continue
            if following is not None and self._signed_by_named_owner(block.text, following.text, previous, earlier):
                # An embedded post whose signature names an owner the copy introduced
                # ("CryptoQuant says ..." / "— CryptoQuant.com (@cryptoquant_com) June 20"):
                # the post is that owner's word, whatever handle it credits inside.
                masked_block = MASK * len(block.text)
            else:
                masked_block = self._mask_attributed_quotes(block.text, previous, earlier)
            previous, earlier = block, previous
            facts = [
                self._sentence(block, i, s.start, s.end, masked_block[s.start : s.end])
                for i, s in enumerate(block.sentences)
            ]
            if memory is not None:
                memory.keep(key, facts)
            analysis.paragraphs.append(facts)
        return analysis

    # -- quotations ---------------------------------------------------------------------
    def _mask_attributed_quotes(self, text: str, previous: Block | None = None,
                                earlier: Block | None = None) -> str:
        """Quoted speech with a speaker in the paragraph is sourced: hide it from the
        writer's-own-claim checks (docs/editorial-checks.md, "Quotations"). A paragraph that is all
        quotation takes its speaker from the paragraph before ('He said:' / 'a-t-il dit.')."""
        if search(self.lex.embedded_posts, text) and any(
                b is not None and self._introduces_speech(b.text) for b in (previous, earlier)):
            # An embedded post is all quotation, by the speaker the copy introduces just
            # before it ("Analyst Ali Martinez posted ... As Martinez explains, ...").
            return MASK * len(text)
        spans, outside_text = self._blank_speech(text)
        if not spans:
            return text
        whole = len(spans) == 1 and not outside_text.replace(MASK, "").strip(" .,;»”\"")
        attributed = (
            (whole and previous is not None and self._introduces_speech(previous.text))
            or any(a.kind == Kind.NAMED for a in self.sources.attributions(outside_text))
            or self._speaker_before_colon(outside_text)
            or self._speech_verb_at_quote(outside_text)
        )
        return outside_text if attributed else text

    def _blank_speech(self, text: str) -> tuple[list[tuple[int, int]], str]:
        """The quotations long enough to be speech (min_quote_words; shorter ones are scare
        quotes), and `text` with them replaced by MASK characters (same length)."""
        spans = [(s, e) for s, e in quote_spans(text) if len(_WORD.findall(text[s:e])) >= self.options.min_quote_words]
        outside = list(text)
        for s, e in spans:
            outside[s:e] = MASK * (e - s)
        return spans, "".join(outside)

    def _signed_by_named_owner(self, text: str, following: str, previous: Block | None,
                               earlier: Block | None) -> bool:
        """A quotation followed by an embedded post's signature whose display name the
        paragraphs before it name."""
        # The signature test first: it is one regex search, and most blocks fail it.
        if search(self.lex.embedded_posts, following) is None:
            return False
        spans = quote_spans(text)
        if not spans or spans[0][0] > 2:
            return False
        owner = _SIGNATURE_OWNER.search(following)
        if owner is None:
            return False
        context = " ".join(b.text for b in (previous, earlier) if b is not None)
        names = [w for w in _WORD.findall(owner.group(1)) if w[:1].isupper() and len(w) > 2]
        return any(regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(w)}(?![\p{{L}}\p{{N}}])", context)
                   for w in names)

    def _introduces_speech(self, text: str) -> bool:
        """The paragraph before a quotation names its speaker, ends on a colon, or quotes
        someone with a speech verb itself ('"…", and fares will rise, argues the app.'),
        whom the quotation goes on quoting."""
        if text.rstrip().endswith(":") or any(a.kind == Kind.NAMED for a in self.sources.attributions(text)):
            return True
        spans, outside_text = self._blank_speech(text)
        if not spans:
            return False
        return search(self.lex.attribution_verbs, outside_text) is not None or self._speaker_before_colon(outside_text)

    def _speech_verb_at_quote(self, outside: str) -> bool:
        """'"…," insists the billionaire' / '« … », a-t-il ajouté': a speech verb right
        after a quotation (or right before its colon) attributes it, whoever speaks."""
        window = self.options
        for m in finditer(self.lex.attribution_verbs, outside):
            before = outside[max(0, m.start() - window.speech_verb_before) : m.start()]
            after = outside[m.end() : m.end() + window.speech_verb_after]
            if MASK in before or self._colon_after_verb.match(after):
                return True
        return False

    def _speaker_before_colon(self, outside: str) -> bool:
        """"Bertrand Lefebvre reste prudent : « … »" names the speaker without a verb."""
        for m in _COLON_QUOTE.finditer(outside):
            lead = outside[: m.start()]
            lead = _SENTENCE_BREAK.split(lead)[-1]
            first = lead.split()[:1]
            if self.sources.named_evidence(lead, sentence_initial=True) or (
                first and fullmatch(self.lex.pronouns, first[0])
            ):
                return True
        return False

    # -- sentences -------------------------------------------------------------------
    def _sentence(self, block: Block, index: int, start: int, end: int, masked: str) -> SentenceFacts:
        lex = self.lex
        text = block.text[start:end]
        if masked == text:
            masked = text  # one string, not two equal copies, for most sentences of a long draft
        facts = SentenceFacts(block, index, start, end, text, masked)
        facts.question = text.rstrip().rstrip("»”\"' ").endswith("?")
        facts.hypothetical = search(lex.hypothetical, masked.lstrip(" «“\"")) is not None
        facts.conditional = search(lex.conditional, masked) is not None
        facts.market_calls = [Match(m.start(), m.end(), m.group(), lex.market_calls.shape(m))
                              for m in finditer(lex.market_calls, masked)]
        plan_spans: list[tuple[int, int]] | None = None

        def plans() -> list[tuple[int, int]]:
            # The plain-future exceptions (plans, decided measures), scanned at most once
            # and only when a market call or a future needs them.
            nonlocal plan_spans
            if plan_spans is None:
                plan_spans = _spans(lex.plain_future_exceptions, masked)
            return plan_spans

        if facts.market_calls:
            # A future that the plain-future exceptions read as a plan ("spending on health
            # will rise by 9.4%") is no market call either: the two lists must agree.
            facts.market_calls = [c for c in facts.market_calls if not _inside(c.start, plans())]
        facts.figure_anaphora = [Match(m.start(), m.end(), m.group(), lex.figure_anaphora.shape(m))
                                 for m in finditer(lex.figure_anaphora, masked)]
        if (facts.hypothetical or facts.conditional) and (
                facts.market_calls or facts.figure_anaphora
                or search(lex.market_conditions, masked.lstrip(" «“\"")) is not None):
            # A market condition ("if the support holds, XRP could climb toward the $2.41
            # resistance") frames a forecast, and a condition is no hedge ("should it happen,
            # the target will be $88,000"); an example ("if you had invested $1,000") is not one.
            example = search(lex.hypothetical_examples, masked.lstrip(" «“\"")) is not None
            facts.hypothetical = facts.hypothetical and example
            facts.conditional = facts.conditional and example
        facts.quantities = [q for q in find_quantities(masked, lex) if MASK not in q.text]
        facts.attributions = self.sources.attributions(masked)
        for category, family in lex.hedges.items():
            facts.hedges.extend((category, Match(m.start(), m.end(), m.group(), family.shape(m)))
                                for m in finditer(family, masked))
        exception_spans: list[tuple[int, int]] | None = None

        def exceptions() -> list[tuple[int, int]]:
            # Scanned only when a certainty word or a future needs it (most sentences have none).
            nonlocal exception_spans
            if exception_spans is None:
                exception_spans = _spans(lex.certainty_exceptions, masked)
            return exception_spans

        def matches(family: Family) -> list[Match]:
            return [Match(m.start(), m.end(), m.group(), family.shape(m)) for m in finditer(family, masked)
                    if not _inside(m.start(), exceptions())]

        facts.boosters = matches(lex.boosters)
        facts.adverbials = matches(lex.adverbial_boosters)
        facts.superlative = search(lex.superlatives, masked) is not None
        facts.speculative = bool(facts.adverbials) and search(lex.speculative_effects, masked) is not None
        futures = self._plain_futures(masked, plans)
        dated = bool(futures) and self._dated(masked)
        # A date makes most futures a schedule ("will be held on 3 December"), not a
        # vote share ("obtiendra plus de 45 % des suffrages le 22 mars").
        facts.futures = [m for m in futures
                         if not _inside(m.start, exceptions())
                         and not (dated and not facts.boosters
                                  and not self._governs(masked, m, lex.unscheduled_outcomes)
                                  # a market move on a level is no schedule ("franchira les
                                  # 100 000 dollars le 15 janvier")
                                  and not any(c.start <= m.start < c.end for c in facts.market_calls))]
        facts.predictions = [m for m in facts.futures if self._predicts(masked, m)]
        if facts.futures or facts.boosters or facts.adverbials:
            facts.stances = [Match(m.start(), m.end(), m.group(), lex.stance_frames.shape(m))
                             for m in finditer(lex.stance_frames, masked)]
            facts.planned = search(lex.plan_sources, masked) is not None
            beliefs = [m.end() for m in finditer(lex.belief_frames, masked)]
            facts.believed = [m for m in facts.futures
                              if m not in facts.predictions and any(end <= m.start for end in beliefs)]
        facts.forward = sorted(self._forward(masked) + facts.predictions + facts.market_calls,
                               key=lambda m: m.start)
        facts.scheduled = search(lex.scheduled, masked) is not None and search(lex.dates, masked) is not None
        # Most sentences have none of most facts: one shared empty tuple instead of an empty
        # list each (the rules only read facts; about 5 MiB on a 200k-word draft).
        for name in _LIST_FACTS:
            if not getattr(facts, name):
                setattr(facts, name, ())
        return facts

    def _dated(self, text: str) -> bool:
        """A specific date that dates the sentence's own verb, not an event in an apposition
        (", prévu vers le 10 décembre", ", due on 10 December")."""
        dates = list(finditer(self.lex.specific_dates, text))
        if not dates:
            return False
        events = _spans(self.lex.event_dates, text)
        return any(not _inside(d.start(), events) for d in dates)

    def _forward(self, text: str) -> list[Match]:
        """Forward-looking markers that need no outcome: modals, forecast verbs and nouns,
        and years after the article's date."""
        lex = self.lex
        found = list(finditer(lex.forward, text))
        excluded = _spans(lex.forward_exceptions, text) if found else []
        marks = [Match(m.start(), m.end(), m.group(), lex.forward.shape(m)) for m in found
                 if not _inside(m.start(), excluded)]
        if self.year is not None:
            for m in finditer(lex.year_refs, text):
                year = next((int(g) for g in m.groups() if g), None)
                if year is not None and year > self.year:
                    marks.append(Match(m.start(), m.end(), m.group(), "year_refs"))
        return marks

    def _plain_futures(self, text: str, plans: Callable[[], list[tuple[int, int]]]) -> list[Match]:
        """Plain futures (will, va + infinitive, the French future tense) outside the spans
        that `plans()` gives (the plain-future exceptions: plans, decided measures).
        Whether one predicts is _predicts' question."""
        lex = self.lex
        candidates = [(m, lex.plain_future.shape(m)) for m in finditer(lex.plain_future, text)]
        candidates += [(m, lex.future_tense.shape(m)) for m in finditer(lex.future_tense, text)
                       if not fullmatch(lex.future_tense_exceptions, m.group())]
        if not candidates:
            return []
        excluded = plans()
        return [Match(m.start(), m.end(), m.group(), shape)
                for m, shape in sorted(candidates, key=lambda x: x[0].start())
                if not _inside(m.start(), excluded)]

    def _predicts(self, text: str, marker: regex.Match[str] | Match) -> bool:
        """A plain future predicts when it governs an outcome, an impact inside a future
        time frame, or a figure (see _governs_value); otherwise it reports a plan."""
        lex = self.lex
        if isinstance(marker, Match):
            marker = _AsMatch(marker)
        if self._governs(text, marker, lex.outcome_verbs) or self._governs(text, marker, lex.unscheduled_outcomes):
            return True
        if self._timed_outcome(text, marker):
            return True
        return self._governs_value(text, marker, self._head(text, marker))

    def _head(self, text: str, marker: regex.Match[str] | _AsMatch) -> str:
        """The text after a future marker, past adverbs and negation ("will never ...")."""
        after = text[marker.end() :]
        filler = search(self.lex.future_fillers, after)
        return after[filler.end() if filler else 0 :]

    def _governs(self, text: str, marker: regex.Match[str] | Match | _AsMatch, outcomes: Family) -> bool:
        """The future governs one of `outcomes`: the marker carries it ("rebondira", "va
        transformer", "vont représenter un tiers"), or it is the first verb after the
        marker, past adverbs and negation ("will never catch up", "va également rebondir")."""
        if isinstance(marker, Match):
            marker = _AsMatch(marker)
        start = marker.end() - len(marker.group())
        inside = search(outcomes, text[start : marker.end() + self.options.outcome_window])
        if inside is not None and inside.start() < len(marker.group()):
            return True
        outcome = search(outcomes, self._head(text, marker))
        return outcome is not None and outcome.start() == 0

    def _timed_outcome(self, text: str, marker: regex.Match[str] | _AsMatch) -> bool:
        """Impacts and the future perfect predict inside a future time frame ("a quarter
        of adults will have caught flu by the end of January", "seront touchés d'ici à la
        fin de l'hiver"); elsewhere they are generic or look back. A bare year is not
        enough: "runs out in 2006, by which time he will have been at the club..."."""
        return self._governs(text, marker, self.lex.timed_outcomes) and (
            search(self.lex.future_time, text) is not None)

    def _in_future_frame(self, text: str) -> bool:
        """A future time frame or a year reference ("next year", "d'ici 2030", "in 2029")."""
        return bool(search(self.lex.future_time, text) or search(self.lex.year_refs, text))

    def _governs_value(self, text: str, marker: regex.Match[str] | _AsMatch, head: str) -> bool:
        """The verb of a plain future moves towards a figure ("will widen to 68%", "will
        be back above $80 by the summer"), is a value in a future time frame ("will be 2%
        next year", "sera de 2 % l'an prochain"), measures a result through a noun in a future
        time frame ("réalisera un chiffre d'affaires de 300 millions en 2029"), or claims
        a record ("is going to go down as the hottest on record"). A figure that is the
        object of the verb is usually a plan or a deal ("will own 30%", "will spend
        $1bn"), so it does not count here."""
        lex = self.lex
        if fullmatch(lex.future_auxiliaries, marker.group()):
            # "will", "going to": the verb is the first word after the fillers.
            verb = _FIRST_WORD.match(head)
            if verb is None:
                return False
            rest, verb_word = head[verb.end() :], verb.group()
        else:
            # "obtiendra", "va dépasser": the marker carries its own verb.
            rest, verb_word = text[marker.end() :], marker.group()
        copula = fullmatch(lex.copulas, verb_word) is not None
        end = search(lex.clause_end, rest)
        clause = rest[: end.start()] if end else rest
        if search(lex.record_superlatives, clause):
            return True
        lead = match(lex.particle_lead, clause)
        after_verb = clause[lead.end() if lead else 0 :]
        preposition = match(lex.value_preposition, after_verb)
        if preposition is not None and self._starts_with_figure(after_verb[preposition.end() :]):
            # After "be" a value needs a time frame: not "the prize will be over $15,000".
            return not copula or self._in_future_frame(text)
        qualifiers = match(lex.value_qualifiers, after_verb)
        if copula and self._starts_with_figure(after_verb[qualifiers.end() if qualifiers else 0 :]):
            # "will be 2% next year", "sera de 2 % l'an prochain"; not "the prize will be $15,000".
            return self._in_future_frame(text)
        measure = match(lex.measure_lead, after_verb)
        if measure is not None and not copula and self._starts_with_figure(after_verb[measure.end() :]):
            return self._in_future_frame(text)
        return False

    def _starts_with_figure(self, text: str) -> bool:
        figures = find_quantities(text[: self.options.figure_window], self.lex)
        return bool(figures) and figures[0].start == 0


class _AsMatch:
    """A Match seen through the regex.Match methods _predicts uses."""

    def __init__(self, match: Match) -> None:
        self._match = match

    def group(self) -> str:
        return self._match.text

    def end(self) -> int:
        return self._match.end
