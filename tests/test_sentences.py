"""Offset-preserving sentence splitting, English and French, table-driven."""

from __future__ import annotations

import pytest

from lint.document.builder import build_document
from lint.document.projection import PLACEHOLDER
from lint.document.quotes import QuoteIndex, quote_spans
from lint.document.sentences import split_sentences
from lint.source import SourceText

NBSP, NNBSP = "\u00a0", "\u202f"


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # English abbreviations and initials
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Mrs. Okafor and Prof. Lee agreed. So did we.",
         ["Mrs. Okafor and Prof. Lee agreed.", "So did we."]),
        ("J. K. Rowling wrote it. She is rich.", ["J. K. Rowling wrote it.", "She is rich."]),
        ("The U.S. economy grew. Growth was strong.",
         ["The U.S. economy grew.", "Growth was strong."]),
        ("U.S. President Biden spoke. He left.", ["U.S. President Biden spoke.", "He left."]),
        ("Prices rose in the U.S. The Fed acted.", ["Prices rose in the U.S.", "The Fed acted."]),
        ("Shares of Acme Inc. Chief Executive Jo Ma sold. Then more.",
         ["Shares of Acme Inc. Chief Executive Jo Ma sold.", "Then more."]),
        ("See e.g. Section 5. Done.", ["See e.g. Section 5.", "Done."]),
        ("It was approx. 5 km. Then we stopped.", ["It was approx. 5 km.", "Then we stopped."]),
        ("Apples, pears, etc. The list goes on.", ["Apples, pears, etc.", "The list goes on."]),
        # French abbreviations
        ("M. Dupont est arrivé. Mme Martin aussi.",
         ["M. Dupont est arrivé.", "Mme Martin aussi."]),
        ("M. Le Maire a parlé. Il est parti.", ["M. Le Maire a parlé.", "Il est parti."]),
        ("Le 1er janv. 2025, c'était calme. Ensuite non.",
         ["Le 1er janv. 2025, c'était calme.", "Ensuite non."]),
        ("Voir le n° 5, c.-à-d. Le bon. Fin.", ["Voir le n° 5, c.-à-d. Le bon.", "Fin."]),
        # Decimals and figures
        ("Revenue was $3.5bn. Profit fell 3.5%. Costs rose.",
         ["Revenue was $3.5bn.", "Profit fell 3.5%.", "Costs rose."]),
        (f"La hausse est de 3,5{NBSP}%. Le marché recule.",
         [f"La hausse est de 3,5{NBSP}%.", "Le marché recule."]),
        ("It rose to 3.000 euros. In 2024. 2025 will tell.",
         ["It rose to 3.000 euros.", "In 2024.", "2025 will tell."]),
        ("Version 2.0.1 shipped. Users cheered.", ["Version 2.0.1 shipped.", "Users cheered."]),
        # Ellipses
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("Il hésite… Puis il part.", ["Il hésite…", "Puis il part."]),
        ("He paused... and went on.", ["He paused... and went on."]),
        # Question and exclamation marks
        ("Why? Because! Really.", ["Why?", "Because!", "Really."]),
        (f"Vraiment{NNBSP}? Oui{NBSP}! Bien.", [f"Vraiment{NNBSP}?", f"Oui{NBSP}!", "Bien."]),
        ("¿Qué? No sé.", ["¿Qué?", "No sé."]),
        # Quotes: the sentence ends inside the closing quote
        ("He said: “It is over.” Then he left.",
         ["He said: “It is over.”", "Then he left."]),
        ('She said "Yes." "No," he replied.', ['She said "Yes."', '"No," he replied.']),
        (f"Il a dit{NBSP}: «{NNBSP}C'est fini.{NNBSP}» Puis il est parti.",
         [f"Il a dit{NBSP}: «{NNBSP}C'est fini.{NNBSP}»", "Puis il est parti."]),
        (f"«{NBSP}Vraiment{NBSP}?{NBSP}» demande-t-il. Oui.",
         [f"«{NBSP}Vraiment{NBSP}?{NBSP}» demande-t-il.", "Oui."]),
        ("He asked “why?” and left. Fine.", ["He asked “why?” and left.", "Fine."]),
        (f"Fin.{NBSP}«{NBSP}Début{NBSP}», dit-il.",
         ["Fin.", f"«{NBSP}Début{NBSP}», dit-il."]),
        ("(See above.) Then stop.", ["(See above.)", "Then stop."]),
        # Placeholders (code spans) and lower-case continuations
        (f"Run {PLACEHOLDER}. {PLACEHOLDER} is fast.",
         [f"Run {PLACEHOLDER}.", f"{PLACEHOLDER} is fast."]),
        ("It ended. and then?", ["It ended. and then?"]),
        ("No space.Here", ["No space.Here"]),
        # White space is trimmed, never counted as a sentence
        ("  Leading and trailing.   ", ["Leading and trailing."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split(text: str, sentences: list[str]) -> None:
    assert _split(text) == sentences


@pytest.mark.parametrize(
    "text",
    ["Mr. A. B. said so. Then x.", "« Oui. » Non… Peut-être ? Sûr !", "a. B. c. D."],
)
def test_offsets_index_the_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    assert spans == sorted(spans)
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2 and not text[e1:s2].strip()
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()


def test_long_text_is_fast() -> None:
    # The abbreviation check looks back a bounded window: no quadratic or exponential blow-up.
    text = "Internationalisation progressed steadily. " * 5000
    assert len(split_sentences(text)) == 5000


def test_block_sentences_are_offsets_into_the_block_text() -> None:
    doc = build_document(SourceText("# Head\n\nMr. Smith *said* so. The **end** came.\n"), "x.md")
    block = doc.blocks[1]
    assert [block.sentence_text(s) for s in block.sentences] == [
        "Mr. Smith said so.", "The end came."]
    second = block.sentences[1]
    start, end = block.projection.to_source_span(second.start, second.end)
    assert doc.source.text[start:end] == "The **end** came."


# -- quotations ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (f"Il a dit «{NNBSP}Nous visons 14{NBSP}%{NNBSP}», puis «{NBSP}non{NBSP}».",
         [f"«{NNBSP}Nous visons 14{NBSP}%{NNBSP}»", f"«{NBSP}non{NBSP}»"]),
        ("He said “we expect growth” and left.", ["“we expect growth”"]),
        ('A 5" screen and "quoted text" here.', ['"quoted text"']),
        ("He said ‘we don’t expect growth’ today.", ["‘we don’t expect growth’"]),
        ("“Outer ‘inner’ outer” done.", ["“Outer ‘inner’ outer”"]),
        ("Unclosed « quote. It runs on.", ["« quote. It runs on."]),
        ("No quotes, only l’apostrophe.", []),
    ],
)
def test_quote_spans(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in quote_spans(text)] == quotes


def test_quote_index() -> None:
    text = "Analysts said “prices will rise” but “maybe not”."
    index = QuoteIndex(text)
    inside = text.index("will")
    assert index.inside(inside, inside + 4)
    assert index.containing(inside, inside + 4) == (text.index("“"), text.index("”") + 1)
    outside = text.index("Analysts")
    assert not index.inside(outside, outside + 8)
    # A span that straddles a closing mark is not inside the quotation.
    assert not index.inside(text.index("rise"), text.index(" but") + 4)
