"""Find the quantities of a sentence (amounts, percentages, counts), skipping dates, times and names."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lint.editorial.lexicon import EditorialLexicon
from lint.patterns import finditer

_DIGITS = regex.compile(r"\d")
_NUMBER = regex.compile(r"\d[\d\s\u00a0\u202f,.]*\d|\d")
_WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    """0-based offset into the analysed text."""
    end: int
    text: str

    @property
    def key(self) -> str:
        """A normalised form for comparing figures across sentences ("15 %" == "15%")."""
        number = _NUMBER.search(self.text)
        if number:
            digits = regex.sub(r"[\s\u00a0\u202f]", "", number.group())
            # Thousands separators vary (1,500 / 1 500 / 1.500); keep digits and one
            # decimal mark, written as '.'.
            digits = regex.sub(r"[,.](?=\d{3}(?:\D|$))", "", digits).replace(",", ".")
            return digits.rstrip(".")
        return " ".join(_WORD.findall(self.text.lower())[-1:])


def find_quantities(text: str, lexicon: EditorialLexicon) -> list[Quantity]:
    """Quantities in `text`, longest match first at each place; not-quantities removed."""
    candidates = list(finditer(lexicon.quantities, text))
    if not candidates:
        return []  # most sentences: no need to scan for dates and names
    excluded = [(m.start(), m.end()) for m in finditer(lexicon.not_quantities, text)]
    found: list[Quantity] = []
    for m in candidates:
        start, end = m.start(), m.end()
        # A trailing separator belongs to the sentence, not to the figure.
        while end > start and text[end - 1] in ",.;: \u00a0\u202f":
            end -= 1
        if end <= start:
            continue
        digit = _DIGITS.search(text, start, end)
        probe = digit.start() if digit else start
        if any(lo <= probe < hi for lo, hi in excluded):
            continue
        found.append(Quantity(start, end, text[start:end]))
    return found
