"""Classify who a sentence attributes its claim to: named, anonymous, weasel, social media, or nobody."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from lint.editorial.lexicon import EditorialLexicon
from lint.patterns import finditer, fullmatch, search

# Clause boundaries for finding the holder of an attribution verb.
_BOUNDARY = regex.compile(r"[,;:()\[\]«»“”\"\ufffc—–]|\s-\s|\b(?:that|que|qu['’])\b", regex.I)
_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&'’.-]*")
_ELIDED = regex.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]")
# Participles that attribute to the sentence's subject: "X cut its target, saying...".
_PARTICIPLE = regex.compile(
    r"^(?:saying|adding|arguing|estimating|warning|predicting|forecasting|noting|citing|"
    r"explaining|stressing|expecting|estimant|jugeant|affirmant|expliquant|précisant|"
    r"soulignant|prévoyant|tablant|ajoutant|rappelant|anticipant|considérant)$", regex.I)
_MAX_SEGMENTS = 3
_SHORT_QUOTE = regex.compile(r"([\"“«]\s?)([^\"”»\s]+(?:\s[^\"”»\s]+){0,3})(\s?[\"”»])")
_PASSIVE_BEFORE = regex.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|est|sont|été|étaient|était|serait|seraient)\s+"
    r"(?:\p{L}+(?:ly|ment)\s+)?)$", regex.I
)
_INVERSION_BEFORE = regex.compile(r"[,«»“”\"\ufffc]\s*$")
_BOUNDARY_CHARS = regex.compile(r"[,;:.!?()\[\]«»“”\"\ufffc—–]")
_MAX_HOLDER_WORDS = 12
_MAX_COORDINATED_WORDS = 5


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


@dataclass(frozen=True)
class Attribution:
    kind: Kind
    start: int
    """0-based offset of the attribution phrase in the analysed text."""
    end: int
    phrase: str


class SourceClassifier:
    """Finds attributions in one sentence; knows the document's vocabulary for proper nouns."""

    def __init__(self, lexicon: EditorialLexicon, lowercase_words: Iterable[str]) -> None:
        self.lex = lexicon
        self.lowercase_words = frozenset(lowercase_words)

    # -- holders --------------------------------------------------------------------
    def is_proper_noun(self, token: str, sentence_initial: bool) -> bool:
        """A capitalised word that is a name: not a function word, and if it starts the
        sentence, never written in lower case elsewhere in the draft."""
        if not token[:1].isupper():
            return False
        word = token.lower().strip("'’.")
        if word in self.lex.function_words or word in self.lex.characterisers:
            return False
        if token in ("X",):  # the platform, handled as social media
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
            if self.is_proper_noun(_ELIDED.sub("", token), sentence_initial and index == 0):
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
        text = holder.strip()
        if not text or search(self.lex.negated_holders, text):
            return Kind.NONE  # "aucun modèle de Météo-France ne retient": nobody says it
        if search(self.lex.social_ci, text) and (
            search(self.lex.named_accounts, text) or not self._named_outside_social(text)
        ):
            # The account is the whole identity ("the account @x", "le compte Coinvo"), or
            # nobody is named; a named owner's post or account is the owner's word.
            return Kind.SOCIAL
        if search(self.lex.anonymous, text) or search(self.lex.anonymous_persons, text):
            return Kind.ANONYMOUS
        head = search(self.lex.named_heads, text)
        if head is not None and self._only_function_words(text[: head.start()]):
            return Kind.NAMED  # "the researchers", "les auteurs": people named earlier
        weasel = search(self.lex.weasels, text)
        if weasel and self._only_function_words(text[: weasel.start()]) and not search(
            self.lex.rescues, text[weasel.end() :]
        ) and not self._named_crowd(text, weasel):
            return Kind.WEASEL
        if self.named_evidence(text, sentence_initial):
            return Kind.NAMED
        return Kind.NONE

    def _named_crowd(self, text: str, weasel: regex.Match[str]) -> bool:
        """"Grammy producers", "Ofgem analysts": a name before the crowd noun says whose
        people they are (not at the start of a sentence, where any word is capitalised)."""
        words = _TOKEN.findall(weasel.group())[:-1]
        offset = weasel.start()
        return any(self.is_proper_noun(_ELIDED.sub("", w), sentence_initial=(offset == 0 and i == 0))
                   for i, w in enumerate(words)) and weasel.start() > 0

    def _only_function_words(self, prefix: str) -> bool:
        """True when the holder starts with the weasel noun ("Les analystes", "Some")."""
        return all(_ELIDED.sub("", t).lower() in self.lex.function_words or not _ELIDED.sub("", t)
                   for t in _TOKEN.findall(prefix))

    def _named_outside_social(self, text: str) -> bool:
        stripped = self.lex.social_ci.sub(" ", text)
        return self.named_evidence(stripped, False)

    # -- sentence ---------------------------------------------------------------------
    def attributions(self, text: str) -> list[Attribution]:
        """Every attribution found in `text` (quoted speech already masked by the caller)."""
        # Quotation marks around a short name ('the channel "Whale Alerts Pro" said') do not
        # end a clause: blank them for the boundary search (offsets stay the same).
        text = _SHORT_QUOTE.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text)
        found: list[Attribution] = []
        for m in finditer(self.lex.attribution_cues, text):
            if self.lex.negated_before.search(text, 0, m.start()):
                continue  # "aucun modèle de Météo-France ne retient": a denial
            holder_end = _next_boundary(text, m.end())
            holder = _limit_words(text[m.end() : holder_end])
            kind = self.classify_holder(holder)
            if kind != Kind.NAMED and text[holder_end : holder_end + 1] == ",":
                # "according to figures gathered by industry watchdog, Ofcom, ...": the
                # name may follow as an appositive.
                apposition_end = _next_boundary(text, holder_end + 1)
                apposition = text[holder_end + 1 : apposition_end]
                if len(apposition.split()) <= 4 and self.classify_holder(apposition) == Kind.NAMED:
                    holder = text[m.end() : apposition_end]
                    kind = Kind.NAMED
            found.append(Attribution(kind, m.start(), m.end() + len(holder), text[m.start() : m.end() + len(holder)]))
        for m in finditer(self.lex.attribution_verbs, text):
            before = text[: m.start()]
            if _PASSIVE_BEFORE.search(before) and not m.group().lower().endswith(("ing", "ant")):
                continue  # "is expected to": an agentless forecast, not an attribution
            found.extend(self._verb_attribution(text, m))
        for pattern, kind in (
            (self.lex.social_ci, Kind.SOCIAL),
            (self.lex.anonymous, Kind.ANONYMOUS),
            (self.lex.weasels, Kind.WEASEL),
        ):
            for m in finditer(pattern, text):
                if kind == Kind.WEASEL and not _is_impersonal(m.group()):
                    continue  # a crowd noun only counts as a source next to a verb or cue
                if kind == Kind.SOCIAL and not self._social_is_source(text, m):
                    continue
                found.append(Attribution(kind, m.start(), m.end(), m.group()))
        # "Whatever the critics say, ...": a concession names who disagrees, not a source.
        conceded = [(m.start(), _next_boundary(text, m.end()))
                    for m in finditer(self.lex.concessive_frames, text)]
        return [a for a in found if not any(lo <= a.start < hi for lo, hi in conceded)]

    def _verb_attribution(self, text: str, verb: regex.Match[str]) -> list[Attribution]:
        before = text[: verb.start()]
        speaker_suffix = regex.search(r"-t-|-(?:il|elle)s?$", verb.group()) is not None
        inverted = (bool(_INVERSION_BEFORE.search(before))
                    and fullmatch(self.lex.speech_verbs, verb.group()) is not None) or speaker_suffix
        if speaker_suffix:  # "a-t-il déclaré", "ajoute-t-elle": a pronoun speaker
            return [Attribution(Kind.NAMED, verb.start(), verb.end(), verb.group())]
        if _PARTICIPLE.match(verb.group()) and regex.search(r",\s*$", before):
            # The subject of the main clause is the holder.
            end = _next_boundary(text, 0)
            kind = self.classify_holder(_limit_words(text[:end]), sentence_initial=True)
            if kind != Kind.NONE:
                return [Attribution(kind, 0, verb.end(), text[: verb.end()])]
        if inverted and not regex.match(r"(?:told|tells|tell)$", verb.group(), regex.I):
            end = _next_boundary(text, verb.end())
            holder = _limit_words(text[verb.end() : end])
            # '@x, claimed on Friday that...', '@x, annonce 45 °C': what follows the verb
            # is its complement, not an inverted speaker; the subject is before it.
            complement = regex.match(r"\s*\d", holder) or search(self.lex.complement_markers, holder)
            kind = self.classify_holder(holder) if holder.strip() and not complement else Kind.NONE
            if kind != Kind.NONE:
                return [Attribution(kind, verb.start(), verb.end() + len(holder),
                                    text[verb.start() : verb.end() + len(holder)])]
        # The subject before the verb: the nearest clause segment, or up to
        # _MAX_SEGMENTS segments back past appositives and incidental phrases
        # ("Oddo BHF, plus optimiste, table sur...").
        stop = verb.start()
        for segment in range(_MAX_SEGMENTS):
            start = _previous_boundary(text, stop)
            # Further back, the holder is everything up to the verb: 'a message on the
            # Telegram channel "Whale Alerts Pro" claimed' is one holder, not a name.
            holder = text[start : verb.start()] if segment else text[start:stop]
            kind = self.classify_holder(_last_words(holder, 20 if segment else _MAX_HOLDER_WORDS),
                                        sentence_initial=start == 0)
            if kind == Kind.NONE and segment == 0:
                # "... is unlikely to dampen and experts predict that": the subject of a
                # coordinated clause starts after the conjunction.
                # Not when it sits in another clause or is negated ("funerals because
                # people think", "not the people who put them in power").
                coordinated = self.lex.coordination.search(holder)
                subject = holder[coordinated.end() :] if coordinated else ""
                if subject and len(subject.split()) <= _MAX_COORDINATED_WORDS and not (
                        self.lex.subordinate_or_negated.search(subject)):
                    kind = self.classify_holder(subject)
                    if kind != Kind.NONE:
                        start += coordinated.end()
                        return [Attribution(kind, start, verb.end(), text[start : verb.end()].strip())]
            # Further back, only a name can be the subject; a crowd noun there belongs to
            # another clause ("Traders pointed to figures, which revived bets on a cut").
            if kind == Kind.NAMED or (kind != Kind.NONE and segment == 0):
                return [Attribution(kind, start, verb.end(), text[start : verb.end()].strip())]
            if start == 0:
                break
            stop = start - 1
        return []

    def _social_is_source(self, text: str, m: regex.Match[str]) -> bool:
        """A platform mention is a source when it is cited for a claim: after "according
        to / selon / by", or in a sentence that attributes something to somebody."""
        if regex.search(r"(?:cité|cited|selon|according|d['’]après|par|by)\W+(?:\w+\W+){0,8}$",
                        text[: m.start()], regex.I):
            return True
        mentioned = bool(search(self.lex.account_words, m.group())) or m.group().startswith("@") or (
            regex.search(r"\b(?:post|tweet|message|publication|vidéo|video|thread|images?)",
                         m.group(), regex.I) is not None)
        return mentioned and search(self.lex.attribution_verbs, text) is not None


def _is_impersonal(phrase: str) -> bool:
    """Weasel phrases that attribute on their own ("it is expected", "on estime", "reportedly")."""
    return regex.match(
        r"(?:it |there |on |il |is |are |was |were |reportedly|allegedly|supposedly|rumou?red|"
        r"figures circulating|circulating|in (?:financial|industry|market|business|banking|tech|political) circles|"
        r"estimates suggest|figures suggest|research (?:shows|suggests)|studies (?:show|suggest)|dans les milieux|selon les milieux|circulant|"
        r"des chiffres qui|bruits|selon des rumeurs|selon la presse|selon plusieurs|d['’]après des|selon certain|"
        r"à en croire|d['’]après certains|les estimations)",
        phrase, regex.I,
    ) is not None


def _next_boundary(text: str, pos: int) -> int:
    m = _BOUNDARY_CHARS.search(text, pos)
    return m.start() if m else len(text)


def _previous_boundary(text: str, pos: int) -> int:
    last = 0
    for m in _BOUNDARY.finditer(text, 0, pos):
        last = m.end()
    return last


def _limit_words(text: str) -> str:
    words = text.split()
    return text if len(words) <= _MAX_HOLDER_WORDS else " " + " ".join(words[:_MAX_HOLDER_WORDS])


def _last_words(text: str, limit: int = _MAX_HOLDER_WORDS) -> str:
    words = text.split()
    return text if len(words) <= limit else " ".join(words[-limit:])


def strongest(attributions: Iterable[Attribution]) -> Attribution | None:
    best = None
    for a in attributions:
        if best is None or a.kind > best.kind:
            best = a
    return best
