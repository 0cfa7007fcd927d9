"""Classify who a sentence attributes its claim to: named, anonymous, weasel, social media, or nobody."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from lint.editorial.lexicon import EditorialLexicon
from lint.patterns import compile_pattern, finditer, fullmatch, match, search, sub

# Punctuation only: every word that bounds a clause or names a holder is in the lexicon.
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’.-]*")
# A handle in brackets right after a capitalised name is that name's account ("Arthur
# Hayes (@CryptoHayes) tweeted"): the owner's word, not an anonymous account.
_OWNED_HANDLE = regex.compile(r"(?<=\p{Lu}[\p{L}\p{N}.'’-]*)\s*\(\s*@[\p{L}\p{N}_]{2,30}\s*\)")
_SHORT_QUOTE = regex.compile(r"([\"“«]\s?)([^\"”»\s]+(?:\s[^\"”»\s]+){0,3})(\s?[\"”»])")
_INVERSION_BEFORE = regex.compile(r"[,«»“”\"\ufffc]\s*$")
_BOUNDARY_CHARS = regex.compile(r"[,;:.!?()\[\]«»“”\"\ufffc—–]")
_COMMA_BEFORE = regex.compile(r",\s*$")
_DIGIT_LEAD = regex.compile(r"\s*\d")


@dataclass(frozen=True)
class SourceOptions:
    """How far the holder search looks (rule options; defaults in rules/editorial/*.yaml)."""

    max_segments: int = 3
    """Clause segments searched back from an attribution verb for its subject."""
    max_holder_words: int = 12
    """Words of a holder phrase that are classified (the nearest ones)."""
    max_far_holder_words: int = 20
    """Words classified when the holder lies beyond the nearest clause segment."""
    max_coordinated_words: int = 5
    """Longest subject after a coordinating conjunction ("... and experts predict")."""
    social_cue_words: int = 8
    """Words a citation cue ("according to", "selon") may stand before a platform mention."""
    max_apposition_words: int = 4
    """Longest appositive name after a cue's vague holder ("figures gathered by the watchdog, Ofcom")."""


class Kind(enum.IntEnum):
    """Attribution classes, weakest first (the strongest one found in a sentence wins)."""

    NONE = 0
    WEASEL = 1
    SOCIAL = 2
    ANONYMOUS = 3
    NAMED = 4

    @property
    def weak(self) -> bool:
        return self in (Kind.WEASEL, Kind.SOCIAL, Kind.ANONYMOUS)


@dataclass(frozen=True, slots=True)
class Attribution:
    kind: Kind
    start: int
    """0-based offset of the attribution phrase in the analysed text."""
    end: int
    phrase: str
    shape: str | None = None
    """The lexicon shape that found the attribution (a cue, a verb or a holder phrase)."""
    holder_shape: str | None = None
    """The lexicon shape that classified its holder (a weasel crowd, a social post...)."""


class SourceClassifier:
    """Finds attributions in one sentence; knows the document's vocabulary for proper nouns."""

    def __init__(self, lexicon: EditorialLexicon, lowercase_words: Iterable[str],
                 options: SourceOptions | None = None, inner_names: Iterable[str] = ()) -> None:
        self.lex = lexicon
        self.lowercase_words = frozenset(lowercase_words)
        # Capitalised words the draft also writes inside a sentence ("by Pantera Capital"):
        # at the start of a sentence they are still names ("Pantera executives say").
        self.inner_names = frozenset(inner_names) - self.lowercase_words
        self.options = options or SourceOptions()
        self._classified: dict[tuple[str, bool], tuple[Kind, str | None]] = {}
        # Crowd nouns a name has owned so far in the draft ("Benchmark analysts"): a later
        # definite one ("the analysts") refers back to them. The analysis reads in order.
        self._named_crowds: set[str] = set()
        # Whether the draft has quoted a person by role only ("a former SEC attorney who asked
        # not to be named"): a later definite role ("the lawyer said") is that person.
        self._anonymous_person = False
        self._social_cue = compile_pattern(
            rf"(?:{lexicon.social_citation_cues})\W+(?:\w+\W+){{0,{self.options.social_cue_words}}}$",
            ignorecase=True)

    # -- holders --------------------------------------------------------------------
    def is_proper_noun(self, token: str, sentence_initial: bool) -> bool:
        """A capitalised word that is a name: not a function word, and if it starts the
        sentence, never written in lower case elsewhere in the draft."""
        if not token[:1].isupper():
            return False
        word = token.lower().strip("'’.")
        if word in self.lex.function_words or word in self.lex.characterisers:
            return False
        if token in self.lex.non_name_tokens:  # "X", the platform: handled as social media
            return False
        if sentence_initial and not any(ch.isupper() for ch in token[1:]):
            # A capital that only starts the sentence proves nothing, unless the word is
            # never written in lower case in the draft ("Kaiko data showed"); "eBay",
            # "BNP" and other inner capitals are names wherever they stand.
            return word not in self.lowercase_words and len(word) > 2
        return True

    def named_evidence(self, holder: str, sentence_initial: bool) -> bool:
        if search(self.lex.named_heads, holder) or self._is_pronoun(holder):
            return True
        for index, token in enumerate(_TOKEN.findall(holder)):
            if self.is_proper_noun(self._unelided(token), sentence_initial and index == 0):
                return True
        return False

    def _is_pronoun(self, holder: str) -> bool:
        """"she said", "it expects", "saying it expects": a pronoun right before the verb
        (or a pronoun holder on its own) refers to a source named earlier."""
        tokens = _TOKEN.findall(holder)
        if not tokens:
            return False
        # "she said", "but they have warned": a pronoun among the last few words (the
        # others being auxiliaries or conjunctions).
        return any(fullmatch(self.lex.pronouns, t) for t in tokens[-3:])

    def classify_holder(self, holder: str, sentence_initial: bool = False) -> Kind:
        """The class of a holder phrase ("analysts at UBS", "a post on X by @x", "Ofgem")."""
        return self.classify(holder, sentence_initial)[0]

    def classify(self, holder: str, sentence_initial: bool = False) -> tuple[Kind, str | None]:
        """The class of a holder phrase and the lexicon shape that decided it (if any)."""
        # A draft asks about the same holder phrase again and again (each sentence, and
        # each paragraph around a quotation); the answer depends on the phrase alone.
        key = (holder, sentence_initial)
        found = self._classified.get(key)
        if found is None:
            found = self._classified[key] = self._classify(holder, sentence_initial)
        if found[0] == Kind.ANONYMOUS and search(self.lex.anonymous_roles, holder):
            self._anonymous_person = True
        elif found[0] == Kind.NAMED and self._anonymous_person and match(self.lex.referring_anonymous, holder):
            return Kind.ANONYMOUS, "anonymous-earlier"
        if found[0] == Kind.NAMED:
            self._named_crowds.update(m.group().lower() for m in finditer(self.lex.crowd_nouns, holder))
        elif found[0] == Kind.WEASEL and self._named_crowds:
            # "the experts wrote" after "Pantera executives acknowledge": a definite crowd
            # refers back to the named crowd before it, whatever noun the writer picks.
            if match(self.lex.referring_crowd, holder):
                return Kind.NAMED, "named-earlier"
        return found

    def _classify(self, holder: str, sentence_initial: bool) -> tuple[Kind, str | None]:
        lex = self.lex
        text = holder.strip()
        if not text or search(lex.negated_holders, text):
            return Kind.NONE, None  # "aucun modèle de Météo-France ne retient": nobody says it
        social = search(lex.social, text)
        if social and (
            search(lex.named_accounts, text) or not self._named_outside_social(text)
        ):
            # The account is the whole identity ("the account @x", "le compte Coinvo"), or
            # nobody is named; a named owner's post or account is the owner's word.
            return Kind.SOCIAL, lex.social.shape(social)
        anonymous = search(lex.anonymous, text)
        if anonymous:
            return Kind.ANONYMOUS, lex.anonymous.shape(anonymous)
        person = search(lex.anonymous_persons, text)
        if person:
            return Kind.ANONYMOUS, lex.anonymous_persons.shape(person)
        head = search(lex.named_heads, text)
        if head is not None and self._only_function_words(text[: head.start()]):
            # "the researchers", "les auteurs": people named earlier
            return Kind.NAMED, lex.named_heads.shape(head)
        weasel = search(lex.weasels, text)
        if weasel and self._only_function_words(text[: weasel.start()]) and not search(
            lex.rescues, text[weasel.end() :]
        ) and not self._named_crowd(text, weasel, sentence_initial):
            return Kind.WEASEL, lex.weasels.shape(weasel)
        if self.named_evidence(text, sentence_initial):
            return Kind.NAMED, None
        return Kind.NONE, None

    def _named_crowd(self, text: str, weasel: regex.Match[str], sentence_initial: bool = True) -> bool:
        """"Grammy producers", "Ofgem analysts": a name before the crowd noun says whose
        people they are (not at the start of a sentence, where any word is capitalised;
        a holder after a cue, "according to Bitfinex analysts", is not at the start)."""
        words = _TOKEN.findall(weasel.group())[:-1]
        offset = weasel.start()
        if offset == 0 and not sentence_initial:
            # After a cue the name must lead the crowd: "Bitfinex analysts", not "some LA critics".
            return bool(words) and self.is_proper_noun(self._unelided(words[0]), sentence_initial=True)
        first = self._unelided(words[0]) if words else ""
        if offset == 0 and any(ch.isupper() for ch in first[1:]) and any(ch.islower() for ch in first):
            # "JPMorgan strategists", "BlackRock analysts": a mixed-case word is a name even
            # at the start (an acronym is not: "US officials").
            return True
        if offset == 0 and first.lower() in self.inner_names and self.is_proper_noun(first, sentence_initial=True):
            # "Pantera executives acknowledge", with "Pantera" capitalised inside a sentence
            # elsewhere in the draft: a name, not a capital that only starts the sentence.
            return True
        return any(self.is_proper_noun(self._unelided(w), sentence_initial=(offset == 0 and i == 0))
                   for i, w in enumerate(words)) and offset > 0

    def _only_function_words(self, prefix: str) -> bool:
        """True when the holder starts with the weasel noun ("Les analystes", "Some")."""
        return all(self._unelided(t).lower() in self.lex.function_words or not self._unelided(t)
                   for t in _TOKEN.findall(prefix))

    def _unelided(self, token: str) -> str:
        """The token without a French-style elided article ("l'Insee" -> "Insee")."""
        return sub(self.lex.elided, "", token)

    def _named_outside_social(self, text: str) -> bool:
        stripped = sub(self.lex.social, " ", text)
        return self.named_evidence(stripped, False)

    # -- sentence ---------------------------------------------------------------------
    def attributions(self, text: str) -> list[Attribution]:
        """Every attribution found in `text` (quoted speech already masked by the caller)."""
        # Quotation marks around a short name ('the channel "Whale Alerts Pro" said') do not
        # end a clause: blank them for the boundary search (offsets stay the same).
        text = _SHORT_QUOTE.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text)
        text = _OWNED_HANDLE.sub(lambda m: " " * len(m.group()), text)
        found: list[Attribution] = []
        for m in finditer(self.lex.attribution_cues, text):
            if search(self.lex.negated_before, text, 0, m.start()):
                continue  # "aucun modèle de Météo-France ne retient": a denial
            holder_end = _next_boundary(text, m.end())
            holder = self._limit_words(text[m.end() : holder_end])
            kind, holder_shape = self.classify(holder)
            if kind != Kind.NAMED and text[holder_end : holder_end + 1] == ",":
                # "according to figures gathered by industry watchdog, Ofcom, ...": the
                # name may follow as an appositive.
                apposition_end = _next_boundary(text, holder_end + 1)
                apposition = text[holder_end + 1 : apposition_end]
                if len(apposition.split()) <= self.options.max_apposition_words and (
                        self.classify_holder(apposition) == Kind.NAMED):
                    holder = text[m.end() : apposition_end]
                    kind, holder_shape = Kind.NAMED, None
            found.append(Attribution(kind, m.start(), m.end() + len(holder), text[m.start() : m.end() + len(holder)],
                                     self.lex.attribution_cues.shape(m), holder_shape))
        for m in finditer(self.lex.attribution_verbs, text):
            before = text[: m.start()]
            if search(self.lex.passive_before, before) and not search(self.lex.participle_ending, m.group()):
                continue  # "is expected to": an agentless forecast, not an attribution
            found.extend(self._verb_attribution(text, m))
        for family, kind in (
            (self.lex.social, Kind.SOCIAL),
            (self.lex.anonymous, Kind.ANONYMOUS),
            (self.lex.weasels, Kind.WEASEL),
        ):
            for m in finditer(family, text):
                if kind == Kind.WEASEL and not match(self.lex.impersonal_weasels, m.group()):
                    continue  # a crowd noun only counts as a source next to a verb or cue
                if kind == Kind.SOCIAL and not self._social_is_source(text, m):
                    continue
                shape = family.shape(m)
                found.append(Attribution(kind, m.start(), m.end(), m.group(), shape, shape))
        if not found:
            return found
        # "Whatever the critics say, ...": a concession names who disagrees, not a source.
        conceded = [(m.start(), _next_boundary(text, m.end()))
                    for m in finditer(self.lex.concessive_frames, text)]
        return [a for a in found if not any(lo <= a.start < hi for lo, hi in conceded)]

    def _verb_attribution(self, text: str, verb: regex.Match[str]) -> list[Attribution]:
        shape = self.lex.attribution_verbs.shape(verb)

        recommends = match(self.lex.recommendation, text[verb.end() :]) is not None
        conduct = fullmatch(self.lex.conduct_verbs, verb.group()) is not None

        def found(kind: Kind, start: int, end: int, phrase: str, holder_shape: str | None) -> list[Attribution]:
            if recommends and kind.weak:
                return []  # "experts stress the need to...": a recommendation, not a claim
            if conduct and kind == Kind.WEASEL:
                return []  # "fans are planning a protest": what a crowd does, not what it says
            return [Attribution(kind, start, end, phrase, shape, holder_shape)]

        before = text[: verb.start()]
        speaker_suffix = search(self.lex.speaker_suffix, verb.group()) is not None
        inverted = (bool(_INVERSION_BEFORE.search(before))
                    and fullmatch(self.lex.speech_verbs, verb.group()) is not None) or speaker_suffix
        if speaker_suffix:  # "a-t-il déclaré", "ajoute-t-elle": a pronoun speaker
            return found(Kind.NAMED, verb.start(), verb.end(), verb.group(), None)
        if match(self.lex.attributing_participles, verb.group()) and _COMMA_BEFORE.search(before):
            # The subject of the main clause is the holder, up to its clause boundary
            # ("X believes that the bank ..., predicting": X, not the bank).
            end = _next_boundary(text, 0)
            clause = search(self.lex.holder_boundary, text, 0, end)
            if clause is not None and clause.start() > 0:
                end = clause.start()
            kind, holder_shape = self.classify(self._limit_words(text[:end]), sentence_initial=True)
            if kind != Kind.NONE:
                return found(kind, 0, verb.end(), text[: verb.end()], holder_shape)
        if inverted and not match(self.lex.addressee_verbs, verb.group()):
            end = _next_boundary(text, verb.end())
            holder = self._limit_words(text[verb.end() : end])
            # '@x, claimed on Friday that...', '@x, annonce 45 °C': what follows the verb
            # is its complement, not an inverted speaker; the subject is before it.
            complement = _DIGIT_LEAD.match(holder) or search(self.lex.complement_markers, holder)
            kind, holder_shape = (self.classify(holder) if holder.strip() and not complement
                                  else (Kind.NONE, None))
            if kind != Kind.NONE:
                return found(kind, verb.start(), verb.end() + len(holder),
                             text[verb.start() : verb.end() + len(holder)], holder_shape)
        # The subject before the verb: the nearest clause segment, or up to
        # max_segments segments back past appositives and incidental phrases
        # ("Oddo BHF, plus optimiste, table sur...").
        stop = verb.start()
        options = self.options
        for segment in range(options.max_segments):
            start = self._previous_boundary(text, stop)
            # Further back, the holder is everything up to the verb: 'a message on the
            # Telegram channel "Whale Alerts Pro" claimed' is one holder, not a name.
            holder = text[start : verb.start()] if segment else text[start:stop]
            kind, holder_shape = self.classify(_last_words(holder, options.max_far_holder_words if segment
                                                           else options.max_holder_words),
                                               sentence_initial=start == 0)
            if kind == Kind.NONE and segment == 0:
                # "... is unlikely to dampen and experts predict that": the subject of a
                # coordinated clause starts after the conjunction.
                # Not when it sits in another clause or is negated ("funerals because
                # people think", "not the people who put them in power").
                coordinated = search(self.lex.coordination, holder)
                subject = holder[coordinated.end() :] if coordinated else ""
                if subject and len(subject.split()) <= options.max_coordinated_words and not (
                        search(self.lex.subordinate_or_negated, subject)):
                    kind, holder_shape = self.classify(subject)
                    if kind != Kind.NONE:
                        start += coordinated.end()
                        return found(kind, start, verb.end(), text[start : verb.end()].strip(), holder_shape)
            # Further back, only a name can be the subject; a crowd noun there belongs to
            # another clause ("Traders pointed to figures, which revived bets on a cut").
            if kind == Kind.NAMED or (kind != Kind.NONE and segment == 0):
                return found(kind, start, verb.end(), text[start : verb.end()].strip(), holder_shape)
            if start == 0:
                break
            stop = start - 1
        return []

    def _social_is_source(self, text: str, m: regex.Match[str]) -> bool:
        """A platform mention is a source when it is cited for a claim: after "according
        to / selon / by", or in a sentence that attributes something to somebody."""
        if search(self._social_cue, text[: m.start()]):
            return True
        mentioned = bool(search(self.lex.account_words, m.group())) or m.group().startswith("@") or (
            search(self.lex.social_post_nouns, m.group()) is not None)
        return mentioned and search(self.lex.attribution_verbs, text) is not None

    def _previous_boundary(self, text: str, pos: int) -> int:
        last = 0
        for m in finditer(self.lex.holder_boundary, text, 0, pos):
            last = m.end()
        return last

    def _limit_words(self, text: str) -> str:
        limit = self.options.max_holder_words
        words = text.split()
        return text if len(words) <= limit else " " + " ".join(words[:limit])


def _next_boundary(text: str, pos: int) -> int:
    m = _BOUNDARY_CHARS.search(text, pos)
    return m.start() if m else len(text)




def _last_words(text: str, limit: int) -> str:
    words = text.split()
    return text if len(words) <= limit else " ".join(words[-limit:])
