"""Editorial claim rule types: unsourced-projection, vague-attribution and hedging-gap."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, islice
from dataclasses import dataclass

import regex

from lint.diagnostic import Edit, Fix
from lint.document import TextUnit
from lint.document.quotes import quote_spans
from lint.editorial.analysis import Analysis, AnalysisOptions, Match, SentenceFacts, analyse
from lint.editorial.lexicon import EditorialLexicon, lexicon_for
from lint.editorial.quantities import Quantity
from lint.editorial.sources import Attribution, Kind
from lint.patterns import finditer, fullmatch, match, search
from lint.rule_types.base import Finding, RuleType, rule_type

_YEAR = regex.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")
_CLAUSE_PUNCTUATION = regex.compile(r"[,;:()]")


@dataclass(frozen=True)
class ClaimOptions(AnalysisOptions):
    association_words: int = 8
    """A figure before a forward-looking marker belongs to it when at most this many
    words apart with no comma between (figures after the marker always do)."""
    figure_context_words: int = 4
    """A time phrase ("in 2026", "l'an prochain") this close after a figure is quoted with it."""


class _ClaimRule(RuleType):
    """Shared set-up: the draft's language lexicon and its sentence analysis."""

    Options = ClaimOptions
    options: ClaimOptions
    default_scope = ("document",)

    def setup(self) -> None:
        self.lex: EditorialLexicon = lexicon_for(self.context.lexicons, self.lang)

    def analysis(self, unit: TextUnit) -> Analysis:
        return analyse(unit.document, self.lex, self.options)

    def span(self, unit: TextUnit, s: SentenceFacts, start: int, end: int) -> tuple[int, int]:
        """Source offsets of sentence-local text[start:end]."""
        return s.block.projection.to_source_span(s.start + start, s.start + end)

    # -- projections ------------------------------------------------------------------
    def projection_figures(self, s: SentenceFacts, year: int | None) -> list[Quantity]:
        """Figures of `s` that a forward-looking marker governs (empty: not a projection)."""
        return [q for q, _ in self.projections(s, year)]

    def projections(self, s: SentenceFacts, year: int | None) -> list[tuple[Quantity, Match]]:
        """Each governed figure of `s` with the forward-looking marker that governs it."""
        if not s.forward or not s.quantities or s.question or s.hypothetical or s.scheduled:
            return []
        if self._historical(s, year):
            return []
        lex = self.lex
        figures = []
        for q in s.quantities:
            if match(lex.present_figures, s.masked[q.end :]):
                continue  # "92% of all ENS is profitable currently": a present figure
            for marker in s.forward:
                if marker.end <= q.start:
                    # A figure after the marker, in the same clause ("is expected to
                    # reach £1.38bn"), not in a relative clause that reports a fact.
                    if not search(lex.clause_break, s.masked[marker.end : q.start]):
                        figures.append((q, marker))
                        break
                elif q.end <= marker.start and search(lex.passive_forecast, marker.text):
                    # A figure before a bare passive forecast ("a loss of $5bn is
                    # expected this year"); elsewhere a figure before the marker is the
                    # subject's history ("prices of 7.1% could stoke inflation").
                    between = s.masked[q.end : marker.start]
                    if not search(lex.clause_break, between) and (
                        len(between.split()) <= self.options.association_words
                    ):
                        figures.append((q, marker))
                        break
                elif q.end <= marker.start and self._counted_subject(s, q, marker):
                    figures.append((q, marker))
                    break
        return figures

    def carried_projection(self, paragraph: list[SentenceFacts], s: SentenceFacts,
                           year: int | None) -> tuple[SentenceFacts, Quantity, Match] | None:
        """A market move onto a level named just before ("XRP's next target is $0.60. The
        token could hit it", « Le prochain objectif se situe à 2,60 dollars. Le jeton pourrait
        l'atteindre »): the sentence that names the level (an earlier clause of `s`, else the
        sentence before in the paragraph), its figure nearest to the move (a price or level
        figure), and the move that carries it. None when `s` has no such move
        or projects a figure of its own, or when no level figure comes before the move. A
        sentence before that itself projects the level is a second projection ("could hit
        it" predicts the move), reported on its own."""
        if not s.figure_anaphora or s.question or s.hypothetical:
            return None
        if self._historical(s, year) or self.projections(s, year):
            return None
        move = s.figure_anaphora[0]
        # An earlier clause of the same sentence ("The $0.51 support is key; the altcoin
        # will likely land here") names the level first; else the sentence before.
        before = [q for q in s.quantities if q.end <= move.start]
        if before:
            source, figure = s, before[-1]
        elif s.index > 0 and paragraph[s.index - 1].quantities and not paragraph[s.index - 1].question:
            source = paragraph[s.index - 1]
            figure = source.quantities[-1]
        else:
            return None
        if fullmatch(self.lex.level_figures, figure.text) is None:
            return None
        return source, figure, move

    def _counted_subject(self, s: SentenceFacts, q: Quantity, marker: Match) -> bool:
        """"A quarter of all adults will have caught flu by the end of January", "plus de
        2,5 millions de Français seront touchés d'ici à la fin de l'hiver": the figure
        counts the subject of a predictive future with a future time frame. Elsewhere a
        figure before the marker is history ("the 7.1% rise will hit households")."""
        predicts = any(p.start == marker.start for p in s.predictions)
        if search(self.lex.future_time, s.masked) is None:
            return False
        between = s.masked[q.end : marker.start]
        # "<figure> of <noun>": the figure counts the noun that is the subject.
        counts_noun = bool(search(self.lex.of_after_figure, q.text) or match(self.lex.of_before_noun, between))
        # A plain future's subject is short ("a quarter of all adults will"); a modal's may
        # be longer ("jusqu'à 15 % de la puissance de calcul du réseau pourrait").
        limit = self.options.association_words // 2 if predicts else self.options.association_words
        return counts_noun and not _CLAUSE_PUNCTUATION.search(between) and not search(
            self.lex.clause_break, between) and len(between.split()) <= limit

    def _historical(self, s: SentenceFacts, year: int | None) -> bool:
        """A future tense about a year before the article's date is history ("il deviendra
        ministre en 1995"), and so is the journalistic conditional ("aurait perdu")."""
        if search(self.lex.journalistic_conditional, s.masked) and not any(
            search(self.lex.forward, m.text) for m in s.forward
        ):
            return True
        if year is None:
            return False
        years = [int(y) for y in _YEAR.findall(s.masked)]
        return bool(years) and max(years) < year

    def sourced_by_neighbour(self, paragraph: list[SentenceFacts], s: SentenceFacts,
                             figures: list[Quantity]) -> bool:
        """docs/editorial-checks.md: the sentence right before or after, in the same paragraph, names the
        source when it plainly introduces the same figure."""
        keys = {q.key for q in figures}
        for other in (paragraph[s.index - 1] if s.index > 0 else None,
                      paragraph[s.index + 1] if s.index + 1 < len(paragraph) else None):
            if other is not None and other.best == Kind.NAMED and keys & other.quantity_keys():
                return True
        if s.index > 0 and s.best == Kind.NONE:
            # The named forecast right before, with no figure of its own, that this sentence
            # goes on to quantify ("According to Le Parisien, the cost should rise. It should
            # rise 11% on the 2018 budget."): the same forecast, the same source.
            before = paragraph[s.index - 1]
            if before.best == Kind.NAMED and before.forward and not before.quantities:
                return True
        return False

    def destination(self, s: SentenceFacts, q: Quantity) -> Quantity:
        """The figure a change moves to when `q` is where it starts ("falling from 3.2% last
        year to 2.5%", « passer de 7,5 % à 8 % »): the first is a past or present value."""
        if not search(self.lex.range_origin, s.masked[: q.start]):
            return q
        for after in s.quantities:
            if after.start >= q.end:
                between = s.masked[q.end : after.start]
                return after if search(self.lex.range_target, between) else q
        return q

    def figure_text(self, s: SentenceFacts, q: Quantity) -> tuple[int, str]:
        """The figure as quoted in messages, with its time frame when it follows closely."""
        tail = s.masked[q.end : q.end + self.options.figure_window]
        best_end = q.end
        for pattern in (self.lex.future_time, self.lex.year_refs):
            m = search(pattern, tail)
            if m and len(tail[: m.start()].split()) <= self.options.figure_context_words and (
                not _CLAUSE_PUNCTUATION.search(tail[: m.start()])
            ):
                best_end = max(best_end, q.end + m.end())
        return best_end, s.text[q.start : best_end].strip()


@rule_type("unsourced-projection")
class UnsourcedProjection(_ClaimRule):
    """A forecast with a figure and no named source (unsourced-projection)."""

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        analysis = self.analysis(unit)
        for paragraph in analysis.paragraphs:
            for s in paragraph:
                projections = self.projections(s, analysis.reference_year)
                figures = [q for q, _ in projections]
                if not figures:
                    yield from self._carried(unit, paragraph, s, analysis.reference_year)
                    continue
                if s.best == Kind.NAMED or s.weak() is not None:
                    continue  # weak sources are vague-attribution's business, never both
                if self.sourced_by_neighbour(paragraph, s, figures):
                    continue
                reported = self.destination(s, figures[0])
                end, figure = self.figure_text(s, reported)
                start, stop = self.span(unit, s, reported.start, end)
                yield Finding(start, stop, {"figure": figure}, shape=projections[0][1].shape)


    def _carried(self, unit: TextUnit, paragraph: list[SentenceFacts], s: SentenceFacts,
                 year: int | None) -> Iterator[Finding]:
        """A move onto the level of the sentence before: flagged on the move, quoting that
        figure, unless either sentence names a source (or `s` has only a weak one)."""
        carried = self.carried_projection(paragraph, s, year)
        if carried is None:
            return
        previous, figure, move = carried
        if Kind.NAMED in (s.best, previous.best) or s.weak() is not None:
            return
        if self.sourced_by_neighbour(paragraph, s, [figure]):
            return
        _, text = self.figure_text(previous, figure)
        start, stop = self.span(unit, s, move.start, move.end)
        yield Finding(start, stop, {"figure": text}, shape=move.shape)


_WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class VagueOptions(ClaimOptions):
    identification_sentences: int = 2
    """An unnamed source is identified when the next attribution, within this many
    sentences of the next paragraph, names its speaker (0: never)."""
    crowd_noun_words: int = 3
    """Leading words of a weak phrase searched for the noun of a crowd the copy has just
    given with named examples (exemplified_crowds)."""
    member_sentences: int = 3
    """A crowd's next source in the same paragraph, at most this many sentences on, is one
    of the crowd when an affiliation presents the speaker so (crowd_member_affiliations)
    and speaks of the same kind of thing (0: only commentator roles identify a crowd)."""
    unidentified_shapes: tuple[str, ...] = ()
    """Shapes of weak sources that a later name never identifies (a rumour: "amid
    speculation that ..."): delayed identification does not apply to them."""


@rule_type("vague-attribution")
class VagueAttribution(_ClaimRule):
    """A claim whose only source is a crowd, an anonymous source or a social-media post."""

    Options = VagueOptions
    options: VagueOptions

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        analysis = self.analysis(unit)
        paragraphs = analysis.paragraphs
        for p, paragraph in enumerate(paragraphs):
            following = paragraphs[p + 1] if p + 1 < len(paragraphs) else []
            for s in paragraph:
                weak = s.weak()
                if weak is None or s.question:
                    continue
                # A named source closes the sentence unless every name lies inside a weak
                # speaker's quotation ("they'll come out and say ...") or a weasel holds a
                # contrast clause of its own after the names.
                if s.best == Kind.NAMED and not self.named_only_in_quotes(s):
                    weak = self.weasel_after_contrast(s)
                    if weak is None:
                        continue
                if weak.kind == Kind.SOCIAL and self.vox_pop(s):
                    # A social-media user's quoted reaction with no figure and no forecast
                    # (a vox pop) is colour, not a claim resting on the account.
                    weak = s.weak((Kind.ANONYMOUS, Kind.WEASEL))
                    if weak is None:
                        continue
                if self.hearsay_resolved(paragraph, s):
                    continue
                if weak.kind == Kind.ANONYMOUS and self.role_named_later(paragraph, following, s, weak):
                    continue
                if weak.kind == Kind.WEASEL and self.crowd_exemplified_before(paragraphs, p, s, weak):
                    continue
                if (weak.kind != Kind.SOCIAL
                        and _shape_of(weak) not in self.options.unidentified_shapes
                        and self.delayed_identification(paragraphs, p, s, weak)):
                    continue
                figures = self.projection_figures(s, analysis.reference_year)
                if weak.kind == Kind.ANONYMOUS and not (s.forward or s.quantities):
                    # Anonymous sourcing of plain news (agentless reports included) is an
                    # editor's call; a weasel or a social post beside it is still reported.
                    weak = s.weak((Kind.SOCIAL, Kind.WEASEL))
                    if weak is None:
                        continue
                if figures and self.sourced_by_neighbour(paragraph, s, figures):
                    continue
                start, end = self.span(unit, s, weak.start, weak.end)
                yield Finding(start, end, {"kind": self.lex.label(weak.kind.name.lower()),
                                           "phrase": weak.phrase.strip()}, shape=_shape_of(weak))


    def vox_pop(self, s: SentenceFacts) -> bool:
        """A quoted reaction with no figure and no forecast, in or out of the quotation (the
        quotation may be hidden from the sentence's facts when a speech verb introduces it)."""
        if s.forward or s.quantities:
            return False
        spans = quote_spans(s.text)
        return bool(spans) and not any(self._forecast_or_figure(s.text[lo:hi]) for lo, hi in spans)

    def named_only_in_quotes(self, s: SentenceFacts) -> bool:
        """Every named attribution lies inside a quotation that a weak source speaks: it is
        the speaker's own wording ("they'll come out and say ..."), not the writer's source."""
        spans = quote_spans(s.text)
        if not spans:
            return False
        def quoted(a: Attribution) -> bool:
            return any(lo <= a.start and a.end <= hi for lo, hi in spans)
        return all(quoted(a) for a in s.attributions if a.kind == Kind.NAMED) and any(
            a.kind.weak and not quoted(a) for a in s.attributions)

    def hearsay_resolved(self, paragraph: list[SentenceFacts], s: SentenceFacts) -> bool:
        """Agentless hearsay ("which reportedly said", "is said to") that the sentences around
        it in the paragraph attribute: the previous or next one names the report it comes
        from ("According to a May 9 Los Angeles Times report", "is reported by Reuters"), or
        it sits between two named attributions whose account it continues ("According to
        the Financial Times, ... Activision is said to be on its list. ..., the paper quoted").
        A single named speaker next to it may say something else ("But his agent told The
        Sun the bid was a waste of time"), so one plain named attribution is not enough."""
        weak = [a for a in s.attributions if a.kind.weak]
        if not weak or not all(search(self.lex.agentless_hearsay, a.phrase) for a in weak):
            return False
        neighbours = [paragraph[i].attributions if 0 <= i < len(paragraph) else []
                      for i in (s.index - 1, s.index + 1)]
        named = [[a for a in around if self._names_a_source(a)] for around in neighbours]
        if any(search(self.lex.named_reports, a.phrase) for around in named for a in around):
            return True
        return all(named)

    def role_named_later(self, paragraph: list[SentenceFacts], following: list[SentenceFacts],
                         s: SentenceFacts, weak: Attribution) -> bool:
        """An unnamed person whose role the copy soon gives again with a name: "selon un
        délégué du personnel" then, in the next paragraph, "comme l'assure Khoran Tiryaki,
        délégué du personnel"; "an official said" then "Anna Weber, an official at the
        ministry". The rest of the paragraph and the next one are searched for a name
        standing next to the same role words (the role identifies the person wherever it
        is given, with or without a speech verb)."""
        role = search(self.lex.anonymous_roles, weak.phrase)
        if role is None:
            return False
        holder = weak.phrase[role.start():]
        verb = search(self.lex.attribution_verbs, holder, role.end() - role.start())
        words = regex.escape((holder[: verb.start()] if verb else holder).strip(" ,"))
        # The name before the role ("Khoran Tiryaki, délégué du personnel", an article
        # allowed between) or after it ("spokesman John Reid").
        named_role = regex.compile(
            rf"\p{{Lu}}[\p{{Ll}}'’-]+,?\s+(?:\p{{Ll}}{{1,3}}['’\s]\s*)?(?i:{words})(?!\p{{L}})"
            rf"|(?<!\p{{L}})(?i:{words}),?\s+\p{{Lu}}[\p{{Ll}}'’-]+\s+\p{{Lu}}")
        return any(named_role.search(t.text) for t in [*paragraph[s.index + 1 :], *following])

    def crowd_exemplified_before(self, paragraphs: list[list[SentenceFacts]], p: int, s: SentenceFacts,
                                 weak: Attribution) -> bool:
        """A crowd that the copy has just given with named examples, earlier in the paragraph
        or in the one before ("d'autres personnalités ont soutenu la collecte, comme le
        philosophe Etienne Balibar" then "certaines personnalités ont expliqué"): the same
        noun refers to those named people."""
        # The crowd's noun is the first content word of the weak phrase, among its leading
        # words ("certaines personnalités ont expliqué"), not a word of its claim further on.
        leading = [w.lower() for w in _WORD.findall(weak.phrase)[: self.options.crowd_noun_words]]
        noun = next((w for w in leading if w not in self.lex.function_words), None)
        if noun is None:
            return False
        earlier = [t.text for t in paragraphs[p][: s.index]]
        if p:
            earlier += [t.text for t in paragraphs[p - 1]]
        return any(noun in {w.lower() for w in _WORD.findall(m.group())}
                   for text in earlier for m in finditer(self.lex.exemplified_crowds, text))

    def _names_a_source(self, a: Attribution) -> bool:
        """A named attribution that gives an account: not a named holder's own hearsay
        ("He is said to ...") nor their conduct ("has plans to")."""
        return (a.kind == Kind.NAMED and not search(self.lex.agentless_hearsay, a.phrase)
                and not search(self.lex.conduct_verbs, a.phrase))

    def delayed_identification(self, paragraphs: list[list[SentenceFacts]], p: int,
                               s: SentenceFacts, weak: Attribution) -> bool:
        """An unnamed source that the next paragraph's first source names: the wire
        convention of delayed identification, not an unnamed source. A lede teases its
        source ("..., a charity has warned", "reports say") and the next paragraph names it
        ("Christian Aid condemned the move", "told Reuters"); further down, a paragraph that
        ends on "analysts warned ..." is followed by a named member of the crowd ("said Marc
        Touati, an economist at Natexis"). A named holder's hearsay or conduct names no
        source, and a weak one first names none."""
        lex = self.lex
        paragraph, lede = paragraphs[p], p == 0
        documentary = bool(search(lex.documentary_sources, weak.phrase))
        commentators = not documentary and bool(search(lex.crowd_nouns, weak.phrase)
                                                or search(lex.crowd_organisations, weak.phrase))
        later = [t for t in paragraph[s.index + 1 :] if t.attributions]
        if later:
            # The paragraph goes on to other sources: only a named member of the crowd,
            # quoted next, identifies it ("Analysts said ... 'It suggests ...,' said Rick
            # Egelton, deputy chief economist at BMO").
            member = later[0]
            close = member.index - s.index <= self.options.member_sentences
            return commentators and self._named_member(
                member, paragraph[s.index : member.index + 1] if close else None)
        if not lede and not commentators:
            return False  # past the lede, only a crowd of commentators waits for its member
        size = self.options.identification_sentences
        if lede and documentary:
            # A lede's teased report or poll may be named past a short paragraph that names
            # nothing ("Le scepticisme ... ne semble pas être en vogue." then "Selon un
            # sondage Ipsos ..."): the window counts sentences, not paragraphs.
            window = list(islice(chain.from_iterable(paragraphs[1:]), size))
        else:
            window = paragraphs[p + 1][:size] if p + 1 < len(paragraphs) else []
        for t in window:
            if not t.attributions:
                continue
            # The sentence's first source is the one it names ("On Friday, Bloomberg reported
            # that sources familiar with the matter revealed ...": Bloomberg).
            first = min(t.attributions, key=lambda a: a.start)
            if not self._names_a_source(first):
                return False
            if documentary:
                return True  # a lede's report or data set, named by whoever the next paragraph cites
            # A crowd of people ("analysts say") is identified by a named speaker, not by
            # named data about another fact ("according to Labor Department figures"); past
            # the lede, by a speaker the paragraph presents as one of them ("an economist").
            if search(lex.documentary_sources, first.phrase):
                return False
            return lede or self._named_member(t)
        return False

    def _named_member(self, t: SentenceFacts, run: list[SentenceFacts] | None = None) -> bool:
        """`t`'s first source is a named speaker in a commentator's role ("an economist at").
        When `t` closely follows the crowd's sentence in its paragraph (`run`: the crowd's
        sentence through `t`), an affiliation with the crowd is enough ("said Paschoal Tadeu
        Buonomo, head of equities trading at brokers TOV") if the speaker speaks of the same
        kind of thing: a crowd's forecast or figure is not identified by a speaker who gives
        neither ("is expected to reach 200,000 by 2008, according to analysts. 'Users need to
        be wary ...,' said Professor Brian Collins, head of information systems at ...")."""
        first = min(t.attributions, key=lambda a: a.start)
        if not self._names_a_source(first):
            return False
        if search(self.lex.crowd_member_roles, t.text):
            return True
        if run is None or not search(self.lex.crowd_member_affiliations, t.text):
            return False
        crowd, speaker = run[0], run[1:]
        return not (crowd.forward or crowd.quantities) or any(
            self._forecast_or_figure(x.text) for x in speaker)

    def _forecast_or_figure(self, text: str) -> bool:
        """The raw text (quotations included) states a figure or speaks of the future."""
        lex = self.lex
        return any(search(family, text)
                   for family in (lex.quantities, lex.forward, lex.plain_future, lex.future_tense))

    def weasel_after_contrast(self, s: SentenceFacts) -> Attribution | None:
        """A weasel that holds a claim of its own, in a clause opened by a contrast after the
        sentence's named sources ("according to official data, though most observers
        believe ..."): the named source does not source that clause."""
        named_end = max(a.end for a in s.attributions if a.kind == Kind.NAMED)
        for contrast in finditer(self.lex.contrast_clauses, s.masked, pos=named_end):
            for a in s.attributions:
                if a.kind == Kind.WEASEL and a.start >= contrast.start():
                    return a
        return None


@rule_type("hedging-gap")
class HedgingGap(_ClaimRule):
    """A prediction stated as certain, with neither a hedge nor a source (hedging-gap)."""

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        analysis = self.analysis(unit)
        paragraphs = analysis.paragraphs
        for p, paragraph in enumerate(paragraphs):
            for s in paragraph:
                marker = self.certainty_marker(s, analysis.reference_year)
                if marker is None or self.continues_named_forecast(s, self._previous(paragraphs, p, s)):
                    continue
                start, end = self.span(unit, s, marker.start, marker.end)
                yield Finding(start, end, {"phrase": marker.text},
                              fixes=self.rewording(unit, start, end, marker.text), shape=marker.shape)

    def _previous(self, paragraphs: list[list[SentenceFacts]], p: int,
                  s: SentenceFacts) -> SentenceFacts | None:
        """The sentence a forecast may continue: the one before in the paragraph, or across
        the break when an additive word carries the list over ("Du côté des entreprises,
        l'investissement va également soutenir ...")."""
        if s.index:
            return paragraphs[p][s.index - 1]
        if p and paragraphs[p - 1] and search(self.lex.continuation_markers, s.masked):
            return paragraphs[p - 1][-1]
        return None

    @staticmethod
    def continues_named_forecast(s: SentenceFacts, previous: SentenceFacts | None) -> bool:
        """A sourceless plain future right after a named forecaster's forecast in the same
        paragraph ("The OFCE forecasts a moderate rise. Job creation will stay high in
        2019."): the forecaster's account goes on. A booster is the writer's own, and after a
        paragraph break the writer often answers the forecaster with a call of their own, so
        `previous` crosses a break only when an additive word continues the list ("also",
        « également »; lexicon continuation_markers)."""
        return (previous is not None and s.best == Kind.NONE and not s.boosters
                and previous.best == Kind.NAMED and bool(previous.forward or previous.futures))

    def certainty_marker(self, s: SentenceFacts, year: int | None) -> Match | None:
        """The word that states the prediction as certain, or None when hedged, sourced,
        conditional, scheduled or not a prediction at all."""
        if s.question or s.hypothetical or s.conditional:
            return None
        if s.best == Kind.NAMED:
            return None  # certainty attributed to a named source is the source's; a weak one is not
        if self._historical(s, year):
            return None
        if s.boosters:
            marker = s.boosters[0]
        elif s.adverbials and (s.futures or s.forward or s.superlative or s.speculative):
            marker = s.adverbials[0]
        elif s.predictions and not s.scheduled:
            marker = s.predictions[0]
        elif s.believed and not s.scheduled and s.weak() is not None:
            # a weak holder's belief or forecast ("traders believe the Fed is going to
            # cut rates"): the future is a prediction, and a vague source does not close it
            marker = s.believed[0]
        else:
            return None
        if any(frame.end <= marker.start for frame in s.stances):
            return None  # a fear, hope, bet or reading ("amid concerns that costs will hit profit")
        if s.planned and not s.boosters:
            return None  # the actor's own announced plan ("X will expand ..., according to an announcement")
        if any(not _overlaps(h, marker) or _contains(h, marker) for _, h in s.hedges):
            # hedged elsewhere in the sentence ("will probably", "sans doute"), or the
            # marker is part of a hedge ("almost certainly")
            return None
        return marker

    def rewording(self, unit: TextUnit, start: int, end: int, phrase: str) -> tuple[Fix, ...]:
        """A hedged rewording of the certainty phrase, from the lexicon's hedged_rewordings.

        The longest entry that matches the source at the marker wins ("will never" before
        "will"), so a negation is never dropped: "will not" has no entry and gets no fix
        rather than a reworded meaning.
        """
        source = unit.document.source.text
        best = None
        for key, replacement in self.lex.rewordings.items():
            candidate = source[start : start + len(key)]
            if candidate.lower() == key and (best is None or len(key) > len(best[0])):
                following = source[start + len(key) : start + len(key) + 1]
                if not following.isalnum():
                    best = (candidate, replacement)
        if best is None:
            return ()
        original, replacement = best
        if match(self.lex.reworded_negation, source[start + len(original) :]):
            return ()  # "will not", "va ne pas": no rewording keeps the meaning
        if original[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        return (Fix(f"Hedge: replace '{original}' with '{replacement}'",
                    (Edit(start, start + len(original), replacement),)),)


def _shape_of(attribution: Attribution) -> str | None:
    """The shape that made a weak attribution weak: its holder's shape, else its cue's."""
    return attribution.holder_shape or attribution.shape


def _contains(outer: Match, inner: Match) -> bool:
    """`outer` covers `inner` and is longer: "almost certainly" around "certainly"."""
    return (outer.start <= inner.start and inner.end <= outer.end
            and outer.end - outer.start > inner.end - inner.start)


def _overlaps(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end
