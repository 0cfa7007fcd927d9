"""Reused paragraph analysis (lint/editorial/reuse.py): after any sequence of edits, a lint
that reuses the previous lints' paragraphs finds exactly what a full lint finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lint.config import load_config
from lint.buffer_memory import remembering
from lint.runner import Linter
from lint.source import SourceText

EVAL = Path(__file__).resolve().parent / "eval"
# Drafts with quotations, named and anonymous sources, crowds, figures and forecasts, in
# English and French, Markdown and plain text.
DRAFTS = sorted(p for folder in ("dev", "crypto-dev", "crypto-fr")
                for p in (EVAL / folder).glob("*") if p.suffix in (".md", ".txt"))[::4]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_config(None, start=Path(__file__).parent))


def edit(rng: random.Random, text: str, pool: list[str]) -> str:
    """One edit of the kinds that change a paragraph's inputs: its own text, its
    neighbours, the draft's vocabulary (a word's case elsewhere), the paragraph order."""
    paragraphs = text.split("\n\n")
    index = rng.randrange(len(paragraphs))
    kind = rng.choice(["word", "case", "insert", "delete", "swap", "duplicate", "sentence"])
    if kind == "word":
        words = paragraphs[index].split(" ")
        at = rng.randrange(len(words))
        words.insert(at, rng.choice(["analysts", "reportedly", "will", "the", "« selon »",
                                     "\"said\"", "experts", "may"]))
        paragraphs[index] = " ".join(words)
    elif kind == "case":
        # Write a word with the other case somewhere: "is it a name?" answers change.
        words = text.split()
        word = rng.choice(words).strip(".,;:!?\"'«»()")
        if word:
            flipped = word[0].swapcase() + word[1:]
            target = rng.randrange(len(paragraphs))
            paragraphs[target] = f"{paragraphs[target]} {flipped}."
    elif kind == "insert":
        paragraphs.insert(index, rng.choice(pool))
    elif kind == "delete" and len(paragraphs) > 2:
        del paragraphs[index]
    elif kind == "swap" and index + 1 < len(paragraphs):
        paragraphs[index], paragraphs[index + 1] = paragraphs[index + 1], paragraphs[index]
    elif kind == "duplicate":
        paragraphs.insert(index, paragraphs[rng.randrange(len(paragraphs))])
    else:
        sentence = rng.choice(pool).split(". ")[0]
        paragraphs[index] = f"{paragraphs[index]} {sentence}."
    return "\n\n".join(paragraphs)


def test_the_drafts_cover_both_languages() -> None:
    names = [p.name for p in DRAFTS]
    assert any(n.startswith("fr") for n in names) and any(n.startswith("en") for n in names)
    assert len(DRAFTS) >= 8


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reused_analysis_finds_exactly_what_a_full_lint_finds(linter: Linter,
                                                             path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    pool = [p for d in DRAFTS for p in d.read_text(encoding="utf-8").split("\n\n")
            if len(p.split()) > 8 and not p.startswith(("---", "#"))]
    rng = random.Random(path.name)
    memory: dict[object, object] = {}
    reused_any = False
    for _ in range(12):
        text = edit(rng, text, pool)
        source = SourceText(text)
        with remembering(memory):
            incremental = linter.lint_source(source, str(path))
        full = linter.lint_source(SourceText(text), str(path))
        assert incremental.diagnostics == full.diagnostics
        reused_any = reused_any or bool(memory)
    assert reused_any  # the memory was used, not bypassed


FILLER = "The company reported revenue of $3bn in the first quarter.\n\n"
NAME = "# Shares\n\nKestrel said the shares will rise 40% next year.\n\n" + FILLER
ANONYMOUS = ("# Shares\n\nA former SEC attorney who asked not to be named said the probe was "
             "broad.\n\n" + FILLER * 3 + "The lawyer said the shares will rise 40% next year.\n")


@pytest.mark.parametrize(("before", "after"), [
    # "Kestrel" starts its sentence: a name only while the draft never writes "kestrel".
    (NAME, NAME + "The kestrel is a bird.\n"),
    (NAME + "The kestrel is a bird.\n", NAME),
    # "The lawyer" is the anonymous attorney three paragraphs up, or a named source.
    (ANONYMOUS, ANONYMOUS.replace(" who asked not to be named", "")),
    (ANONYMOUS.replace(" who asked not to be named", ""), ANONYMOUS),
], ids=["word-written-lower-elsewhere", "word-no-longer-lower", "anonymous-source-removed",
        "anonymous-source-added"])
def test_an_unchanged_paragraph_is_analysed_again_when_the_draft_around_it_changes(
        linter: Linter, before: str, after: str) -> None:
    memory: dict[object, object] = {}
    with remembering(memory):
        linter.lint_source(SourceText(before), "draft.md")
    with remembering(memory):
        incremental = linter.lint_source(SourceText(after), "draft.md")
    full = linter.lint_source(SourceText(after), "draft.md")
    assert incremental.diagnostics == full.diagnostics
    # The edit changes the findings of the paragraph it did not touch.
    assert full.diagnostics != linter.lint_source(SourceText(before), "draft.md").diagnostics


PLAIN = "# Results\n\nThe council met on Tuesday.\n\nIt approved the budget.\n"
TRIGGERS = ("Bernstein raised its price target on the shares to $240 and kept its buy rating; "
            "investors who bought the stock in 2019 have seen it rise tenfold.")
DISCLAIMER = "This article is not investment advice."


def _reported_through_edits(linter: Linter, steps: list[str], rule: str) -> list[bool]:
    """Lint each step with the memory of the steps before (as the language server does);
    each lint must equal a full one. Whether `rule` was reported, step by step."""
    memory: dict[object, object] = {}
    seen = []
    for text in steps:
        with remembering(memory):
            incremental = linter.lint_source(SourceText(text), "draft.md")
        assert incremental.diagnostics == linter.lint_source(SourceText(text), "draft.md").diagnostics
        seen.append(rule in [d.rule_id for d in incremental.diagnostics])
    return seen


@pytest.mark.parametrize("steps", [
    # Trigger words typed into a paragraph, then the house disclaimer, then removed again.
    [PLAIN, PLAIN.replace("It approved the budget.", TRIGGERS),
     PLAIN.replace("It approved the budget.", TRIGGERS) + "\n" + DISCLAIMER + "\n",
     PLAIN.replace("It approved the budget.", TRIGGERS), PLAIN],
], ids=["triggers-and-disclaimer"])
def test_remembered_trigger_scans_follow_every_edit(linter: Linter, steps: list[str]) -> None:
    assert _reported_through_edits(linter, steps, "editorial.missing-disclaimer") == [
        False, True, False, True, False]


STORY = ("The regional water company said on Monday that it would invest two billion pounds "
         "over the next five years to replace ageing pipes across the north of England.")
OTHER = "Customers will see bills rise by about four per cent from April, the regulator said."


def test_remembered_near_duplicate_units_follow_every_edit(linter: Linter) -> None:
    steps = [f"# Water\n\n{STORY}\n\n{OTHER}\n",
             f"# Water\n\n{STORY}\n\n{OTHER}\n\n{STORY}\n",          # restated
             f"# Water\n\n{STORY}\n\n{OTHER}\n\nThe council met on Tuesday.\n",  # replaced
             f"# Water\n\n{STORY}\n\n{OTHER}\n\n{STORY}\n",
             f"# Water\n\n{STORY}\n\n{OTHER}\n"]
    assert _reported_through_edits(linter, steps, "editorial.repeated-paragraph") == [
        False, True, False, True, False]
