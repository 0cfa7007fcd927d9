"""Vale's `metric` and `readability` checks: safe formulas, word statistics, and Vale's own
Readability style on its fixture (read from ../shared/vale at run time)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from lint.cli import main
from lint.document.builder import build_document
from lint.formula import Formula, FormulaError, condition
from lint.rule_types.readability import VARIABLES, statistics, syllables
from lint.source import SourceText

READABILITY = (Path(__file__).resolve().parents[1].parent / "shared" / "vale" / "vale-testdata"
               / "testdata" / "fixtures" / "styles" / "Readability")


def _lint(folder: Path, *args: str) -> tuple[list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        main(["check", "--output", "line", *args], stdout=out, stderr=err)
    finally:
        os.chdir(here)
    return out.getvalue().splitlines(), err.getvalue()


def test_formulas_are_arithmetic_over_known_names_only() -> None:
    smog = Formula("1.0430 * math.sqrt((polysyllabic_words * 30.0) / sentences) + 3.1291",
                   VARIABLES)
    assert round(smog.value({"polysyllabic_words": 10, "sentences": 5}), 4) == 11.2081
    assert Formula("-words % 7 + 1", VARIABLES).value({"words": 10}) == 5.0
    for bad in ('__import__("os").system("true")', "words.__class__", "words ** 2",
                "[words]", "math.system(1)", "(lambda: 1)()", "unknown + 1", "words +"):
        with pytest.raises(FormulaError):
            Formula(bad, VARIABLES)
    assert condition("> 8")(8.5) and not condition("> 8")(8)
    assert condition("<= 70")(70) and condition("!=0")(1)
    with pytest.raises(FormulaError):
        condition("> eight")


def test_syllables_and_statistics_of_the_summary_text() -> None:
    assert [syllables(w) for w in ("the", "readability", "Associated", "cake", "boxes")] == [
        1, 5, 4, 1, 1]  # a heuristic: "ia" is one vowel group
    text = ("# Heading words\n\nThe formula was developed in 1948. Readers liked it.\n\n"
            "- one item\n\n| a | b |\n|---|---|\n| cell | text |\n\n```\ncode\n```\n")
    stats = statistics(build_document(SourceText(text), "a.md"))
    # The heading and the table are not summary text; the list item is.
    assert (stats["words"], stats["sentences"], stats["paragraphs"]) == (11, 3, 2)
    assert stats["long_words"] == 3  # "formula", "developed", "Readers": 7 letters or more
    assert (stats["heading_h1"], stats["list"], stats["pre"]) == (1, 1, 1)


def test_metric_and_readability_rules(tmp_path: Path) -> None:
    styles = tmp_path / "styles" / "House"
    styles.mkdir(parents=True)
    (styles / "Long.yml").write_text(
        "extends: metric\nmessage: 'Words per sentence: %s'\nformula: words / sentences\n"
        "condition: '> 3'\nscope: heading\n", encoding="utf-8")
    (styles / "Grade.yml").write_text(
        "extends: readability\nmessage: 'Grade %s'\nlevel: error\ngrade: 1\n"
        "metrics: [Flesch-Kincaid, Automated Readability]\n", encoding="utf-8")
    (styles / "Bad.yml").write_text(
        "extends: metric\nmessage: m\nformula: open('x')\ncondition: '> 1'\n", encoding="utf-8")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = House\n",
                                        encoding="utf-8")
    (tmp_path / "a.md").write_text("# Title\n\nThe committee approved the budget yesterday. "
                                   "It passed.\n", encoding="utf-8")
    (tmp_path / "empty.md").write_text("# Only a heading\n", encoding="utf-8")
    lines, err = _lint(tmp_path, ".")
    # 8 words, 2 sentences, 15 syllables, 46 characters: Flesch-Kincaid 8.10 and Automated
    # Readability 7.65 average 7.87; Vale's metric ignores `scope` (it reads the summary).
    assert lines == ["a.md:1:1:House.Grade:Grade 7.87",
                     "a.md:1:1:House.Long:Words per sentence: 4.00"]
    assert "Bad.yml:3:10" in err and "formula" in err


@pytest.mark.skipif(not READABILITY.is_dir(), reason="../shared/vale is absent")
def test_vales_readability_style_gives_vales_lix_score() -> None:
    lines, _ = _lint(READABILITY, "test.md")
    # Vale's expected output (features/styles.feature): the LIX score needs no syllables.
    assert "test.md:1:1:Readability.LIX:Try to keep the LIX score (38.27) below 35." in lines
    assert len(lines) == 7  # every formula of the style is above its bound on this text
