"""Document language: front matter first, then configuration, then EN/FR detection."""

from __future__ import annotations

import pytest

from lint.document.builder import build_document
from lint.document.language import detect_language, normalise_lang
from lint.source import SourceText

FRENCH = "Le conseil municipal a adopté le budget, selon le maire. Les dépenses sont en hausse."
ENGLISH = "The council approved the budget on Monday, the mayor said. Spending is up."


def _lang(text: str, path: str = "x.md", default_lang: str | None = None) -> str:
    return build_document(SourceText(text), path, default_lang=default_lang).lang


@pytest.mark.parametrize(
    ("text", "default_lang", "expected"),
    [
        # 1. front matter wins over configuration and over the text itself
        (f"---\nlang: fr\n---\n{ENGLISH}", "en", "fr"),
        (f"---\nlang: en-GB\n---\n{FRENCH}", "fr", "en"),
        (f"---\nlanguage: FR_ca\n---\n{ENGLISH}", None, "fr"),
        # 2. then configuration
        (ENGLISH, "fr", "fr"),
        (FRENCH, "en", "en"),
        (f"---\ntitle: no lang here\n---\n{ENGLISH}", "fr", "fr"),
        (f"---\nlang: ''\n---\n{ENGLISH}", "fr", "fr"),  # an empty lang does not decide
        # 3. then detection ("auto" and None both mean detect)
        (FRENCH, "auto", "fr"),
        (FRENCH, None, "fr"),
        (ENGLISH, "auto", "en"),
        (ENGLISH, "AUTO", "en"),
    ],
)
def test_language_precedence(text: str, default_lang: str | None, expected: str) -> None:
    assert _lang(text, default_lang=default_lang) == expected


def test_invalid_front_matter_falls_back_to_detection() -> None:
    assert _lang(f"---\nlang: [fr\n---\n{ENGLISH}") == "en"


def test_detection_ignores_code_and_plain_text_works() -> None:
    code = "```\n" + ("the and of to in is " * 50) + "\n```\n\n"
    assert _lang(code + FRENCH) == "fr"
    assert _lang(FRENCH, path="x.txt") == "fr"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FRENCH, "fr"),
        (ENGLISH, "en"),
        ("", "en"),  # nothing to go on: the default
        ("Bitcoin ETF", "en"),
        ("Le bitcoin et la crypto.", "fr"),
        ("l’économie française reste solide selon les analystes", "fr"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detect_language_tie_goes_to_the_default() -> None:
    assert detect_language("the le", default="fr") == "fr"
    assert detect_language("the le", default="en") == "en"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("fr", "fr"), ("fr-FR", "fr"), ("EN_us", "en"), (" En ", "en")],
)
def test_normalise_lang(tag: str, expected: str) -> None:
    assert normalise_lang(tag) == expected
