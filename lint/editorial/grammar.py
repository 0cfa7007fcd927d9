"""The claim grammar: lexicon families of named shapes, each compiled once into one scan."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from lint import regex_programs, regex_source
from lint.editorial import leads
from lint.editorial.leads import lead_guard
from lint.patterns import (SPACE, WORD_END, WORD_START, PatternError, compile_pattern, match_timeout,
                           normalise_term)
from lint.regex_source import UnknownConstruct, top_level_alternatives
from lint.required_factors import folded, holds, stored_clauses

# A word that a `gap` may skip between two elements of a sequence: letters, digits and
# the apostrophes and hyphens inside words (never punctuation, so a gap stays in a clause).
_GAP_WORD = r"[\p{L}\p{N}][\p{L}\p{N}'’-]*"
_NEVER = r"(?!x)x"
_GUARD_KIND = regex_programs.code_kind("lead-guard", leads.__file__, regex_source.__file__)
"""What a stored guard depends on besides its shapes: the code that reads them."""
SHAPE_FIELDS = frozenset({"name", "pattern", "seq", "gap", "not_before", "not_after", "enabled"})


class GrammarError(ValueError):
    """A shape that cannot compile: unknown class, bad regex, a sequence of optionals only."""


@dataclass(frozen=True)
class Shape:
    """One way a sentence says something: a regex (`pattern:`) or a sequence (`seq:`)."""

    name: str
    source: str
    """The shape's regex source, normalised, ready to be one alternative of its family."""
    order: int
    """The length the family sorts by (today's rule: longest source first)."""


class Family:
    """Named shapes compiled into ONE alternation with one named group per shape, so one
    scan finds every shape of the family and a match tells which shape fired."""

    def __init__(self, name: str, shapes: Sequence[Shape], *, nonword: bool = False,
                 ignorecase: bool = True) -> None:
        self.name = name
        self.shapes = tuple(shapes)
        self._groups = {f"s{i}": shape.name for i, shape in enumerate(self.shapes)}
        ordered = sorted(range(len(self.shapes)), key=lambda i: -self.shapes[i].order)
        named = "|".join(f"(?P<s{i}>{self.shapes[i].source})" for i in ordered) or _NEVER
        plain = "|".join(f"(?:{self.shapes[i].source})" for i in ordered) or _NEVER

        def wrap(body: str, guard: str = "") -> str:
            return f"{guard}(?:{body})" if nonword else f"{WORD_START}{guard}(?:{body}){WORD_END}"

        self.source = wrap(named)
        # Scans use the alternation without capture groups (capture groups slow the
        # regex module's matching); a match's shape is read once, when asked, by matching
        # the named twin at the same place: same alternatives in the same order, so the
        # same alternative wins. The scan also carries the shapes' leading atoms as a
        # lookahead (lint/editorial/leads.py): an exact prefilter of every position.
        self.pattern = _compile_guarded(wrap, plain, _stored_lead_guard([s.source for s in self.shapes]), ignorecase)
        self._ignorecase = ignorecase
        self._named_pattern: regex.Pattern[str] | None = None  # compiled on first use
        sources = [s.source for s in self.shapes]
        # A scan is skipped on a text that holds none of the literals every match needs
        # (lint/required_factors.py): an exact sentence-level prefilter. The analysis
        # checks one sentence against every family in turn, and the folded sentence is
        # kept, so the check costs a few substring searches.
        self.clauses = stored_clauses(sources)
        # Shapes anchored at the end of the text ("some analysts$": they classify a holder
        # phrase) can only match where the rest of the text matches them, yet a forward
        # scan tries them at every word. A reverse search of those shapes alone fails at
        # once wherever the text does not end, so it tells cheaply whether one of them
        # matches anywhere; when none does, the scan without them finds exactly the same
        # matches (an alternative that matches nowhere never wins).
        anchored = [i for i in ordered if _end_anchored(self.shapes[i].source)]
        self._probe: regex.Pattern[str] | None = None
        self._rest: regex.Pattern[str] | None = None
        if anchored:
            rest = [self.shapes[i].source for i in ordered if i not in anchored]
            probe = "|".join(f"(?:{self.shapes[i].source})" for i in anchored)
            self._probe = compile_pattern("(?r)" + wrap(probe), ignorecase=ignorecase)
            if rest:
                self._rest = _compile_guarded(wrap, "|".join(f"(?:{source})" for source in rest),
                                              _stored_lead_guard(rest), ignorecase)
        if self.clauses is None and self._probe is None:
            # The compiled pattern's own methods, so that lint.patterns' time-bounded
            # helpers (finditer, search, match, fullmatch, sub) take a family like any
            # pattern, with no Python call in between.
            self.finditer = self.pattern.finditer
            self.search = self.pattern.search
            self.match = self.pattern.match
            self.fullmatch = self.pattern.fullmatch
            self.sub = self.pattern.sub

    def scan_for(self, text: str, pos: int | None = None, endpos: int | None = None,
                 timeout: float | None = None) -> regex.Pattern[str] | None:
        """The compiled scan that finds this family's matches in `text` (between `pos` and
        `endpos`): the whole alternation, or the one without the end-anchored shapes when
        none of them matches there; None when no shape can match at all."""
        if self.clauses is not None and not holds(self.clauses, folded(text)):
            return None
        if self._probe is None or self._probe.search(text, pos, endpos, timeout=timeout) is not None:
            return self.pattern
        return self._rest

    def finditer(self, text: str, pos: int | None = None, endpos: int | None = None,
                 **kwargs: Any) -> Iterator[regex.Match[str]]:
        scan = self.scan_for(text, pos, endpos, kwargs.get("timeout"))
        return iter(()) if scan is None else scan.finditer(text, pos, endpos, **kwargs)

    def search(self, text: str, pos: int | None = None, endpos: int | None = None,
               **kwargs: Any) -> regex.Match[str] | None:
        scan = self.scan_for(text, pos, endpos, kwargs.get("timeout"))
        return None if scan is None else scan.search(text, pos, endpos, **kwargs)

    def match(self, text: str, pos: int | None = None, endpos: int | None = None,
              **kwargs: Any) -> regex.Match[str] | None:
        scan = self.scan_for(text, pos, endpos, kwargs.get("timeout"))
        return None if scan is None else scan.match(text, pos, endpos, **kwargs)

    def fullmatch(self, text: str, pos: int | None = None, endpos: int | None = None,
                  **kwargs: Any) -> regex.Match[str] | None:
        scan = self.scan_for(text, pos, endpos, kwargs.get("timeout"))
        return None if scan is None else scan.fullmatch(text, pos, endpos, **kwargs)

    def sub(self, replacement: Any, text: str, count: int = 0, **kwargs: Any) -> str:
        if set(kwargs) - {"timeout"}:  # a window or flags: the whole alternation, as written
            return self.pattern.sub(replacement, text, count, **kwargs)
        scan = self.scan_for(text, timeout=kwargs.get("timeout"))
        return text if scan is None else scan.sub(replacement, text, count, **kwargs)


    @property
    def _named(self) -> regex.Pattern[str]:
        """The alternation with one named group per shape; compiled only when a shape name is
        asked for (explain, messages), which keeps start-up to one compilation per family."""
        if self._named_pattern is None:
            self._named_pattern = compile_pattern(self.source, ignorecase=self._ignorecase)
        return self._named_pattern

    def names(self) -> list[str]:
        return [s.name for s in self.shapes]

    def shape(self, m: regex.Match[str]) -> str:
        """The name of the shape that made match `m`."""
        if m.re is not self._named:
            m = self._named.match(m.string, m.start(), m.endpos, timeout=match_timeout()) or m
        group = m.lastgroup
        if group not in self._groups:  # a shape's own inner named group closed last
            group = next((g for g, v in m.groupdict().items() if v is not None and g in self._groups), None)
        return self._groups.get(group, self.name) if group else self.name


def _end_anchored(source: str) -> bool:
    """Whether every top-level alternative of `source` ends with an unescaped '$'."""
    if not source.endswith("$"):
        return False  # the last alternative does not: most shapes, at no cost
    try:
        alternatives = top_level_alternatives(source)
    except (UnknownConstruct, ValueError, IndexError):
        return False
    return all(a.endswith("$") and (len(a) - len(a[:-1].rstrip("\\")) - 1) % 2 == 0 for a in alternatives)


def _stored_lead_guard(sources: list[str]) -> str | None:
    """lead_guard(sources), kept in the start-up store: deriving the guards of every family
    is about 12 ms of each cold start, and they change only with the shapes or leads.py."""
    return regex_programs.remember(_GUARD_KIND, "\x00".join(sources), lambda: lead_guard(sources))


def _compile_guarded(wrap: Callable[..., str], body: str, guard: str | None, ignorecase: bool) -> regex.Pattern[str]:
    """The family's scan with its leading-atom guard; without it when there is none, or
    when the guard does not compile on its own (inside the scan, an unclosed class could
    swallow the shapes) or beside the shapes, whose own errors are reported as ever."""
    if guard:
        try:
            compile_pattern(guard, ignorecase=ignorecase)
            return compile_pattern(wrap(body, guard), ignorecase=ignorecase)
        except PatternError:
            pass
    return compile_pattern(wrap(body), ignorecase=ignorecase)


def merged_entries(family: str, entries: Any) -> list[tuple[str, dict[str, Any]]]:
    """The family's shapes after merging, in order: a plain string is an unnamed shape
    (`family[index]`); a mapping with a known `name` replaces that shape where it stands
    (a mapping with neither `pattern` nor `seq` only updates its fields, e.g. `enabled`);
    a new name extends the family; `enabled: false` switches a shape off."""
    if entries is None:
        return []
    if isinstance(entries, (str, Mapping)):
        entries = [entries]
    merged: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(entries):
        if isinstance(entry, Mapping):
            spec = dict(entry)
            name = str(spec.get("name") or f"{family}[{index}]")
            unknown = sorted(set(spec) - SHAPE_FIELDS)
            if unknown:  # a typo ("seqs:") must not silently make a shape match nothing
                raise GrammarError(f"{family}: shape {name!r} has unknown field(s) {', '.join(unknown)} "
                                   f"(known: {', '.join(sorted(SHAPE_FIELDS))})")
        else:
            spec = {"pattern": str(entry)}
            name = f"{family}[{index}]"
        if name in merged and "pattern" not in spec and "seq" not in spec:
            merged[name] = {**merged[name], **spec}
        else:
            merged[name] = spec
    return [(name, spec) for name, spec in merged.items() if spec.get("enabled", True) is not False]


def compile_family(family: str, entries: Any, classes: Callable[[str], str], *,
                   nonword: bool = False, ignorecase: bool = True) -> Family:
    """Compile a lexicon family. `classes(key)` gives the regex alternation of lexicon
    class `key` (for `@key` in `seq`, `not_before` and `not_after`)."""
    shapes = []
    for name, spec in merged_entries(family, entries):
        if "seq" in spec:
            source = _seq_source(family, name, spec, classes)
            order = len(source)
        elif "pattern" in spec:
            source = normalise_term(str(spec["pattern"]))
            order = len(str(spec["pattern"]))
        else:
            raise GrammarError(f"{family}: shape {name!r} has neither 'pattern' nor 'seq'")
        source = _guarded(source, spec, classes, family, name)
        shapes.append(Shape(name, source, order))
    return Family(family, shapes, nonword=nonword, ignorecase=ignorecase)


def _element(item: str, classes: Callable[[str], str], family: str, name: str) -> str:
    """A sequence element: `@key` names a lexicon class, anything else is a regex."""
    if item.startswith("@"):
        try:
            return f"(?:{classes(item[1:])})"
        except KeyError:
            raise GrammarError(f"{family}: shape {name!r} names unknown class {item!r}") from None
    return f"(?:{normalise_term(item)})"


def _seq_source(family: str, name: str, spec: Mapping[str, Any], classes: Callable[[str], str]) -> str:
    """`seq` → regex: elements separated by white space and at most `gap` words; an
    `@key?` element is optional."""
    items = spec["seq"]
    if isinstance(items, str) or not items:
        raise GrammarError(f"{family}: shape {name!r}: 'seq' must be a non-empty list")
    gap = int(spec.get("gap", 0))
    sep = f"{SPACE}+" if gap <= 0 else f"{SPACE}+(?:{_GAP_WORD}{SPACE}+){{0,{gap}}}?"
    elements = []
    for item in items:
        item = str(item)
        optional = item.startswith("@") and item.endswith("?")
        elements.append((_element(item[:-1] if optional else item, classes, family, name), optional))
    if all(optional for _, optional in elements):
        raise GrammarError(f"{family}: shape {name!r}: a sequence needs one required element")
    # Optionals before the first required element carry their separator after them,
    # later ones before them, so the separators never double.
    first = next(i for i, (_, optional) in enumerate(elements) if not optional)
    out = [f"(?:{src}{sep})?" for src, _ in elements[:first]] + [elements[first][0]]
    for src, optional in elements[first + 1 :]:
        out.append(f"(?:{sep}{src})?" if optional else f"{sep}{src}")
    return "".join(out)


def _guarded(source: str, spec: Mapping[str, Any], classes: Callable[[str], str], family: str,
             name: str) -> str:
    """Add `not_before` / `not_after`: the shape does not count right after / before them."""
    before, after = spec.get("not_before"), spec.get("not_after")
    if before or after:
        source = f"(?:{source})"  # the guards hold for every alternative, not the first or last
    if before:
        source = f"(?<!{WORD_START}{_element(str(before), classes, family, name)}{SPACE}+)" + source
    if after:
        source += f"(?!{SPACE}+{_element(str(after), classes, family, name)}{WORD_END})"
    return source


def class_source(values: Any) -> str:
    """One regex alternation of a lexicon class (a list of regexes, or '|'-separated
    words), in the order written; a class with no entries never matches."""
    if values is None:
        return _NEVER
    if isinstance(values, str):
        values = [values]
    terms = [str(v) for v in values if not isinstance(v, Mapping)]
    return "|".join(f"(?:{normalise_term(t)})" for t in terms) if terms else _NEVER
