"""Per-unit reuse of the style rules (sentence-length, repeated-word, the term lists) in
the language server: a sentence that did not change is not scanned again, and the findings
are exactly those of a full lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.buffer_memory import remembering
from lint.config import load_config
from lint.rule_types.counting import Occurrence, Repetition
from lint.rule_types.terms import _TermRule
from lint.runner import Linter
from lint.source import SourceText

LONG = ("The regional water company said on Monday that it would invest two billion pounds "
        "over the next five years to replace ageing pipes across the north of England, "
        "which the regulator had asked it to do after a string of leaks and burst mains "
        "that left thousands of homes without water for days during the cold snap last "
        "winter and the hot summer before it.")
SLIP = "The the council met on Tuesday."
STEPS = [
    f"# Water\n\n{LONG}\n\n{SLIP}\n",
    f"# Water\n\n{LONG}\n\n{SLIP} It approved the budget.\n",  # a sentence added
    f"# Water\n\nIntro.\n\n{LONG}\n\n{SLIP} It approved the budget.\n",  # everything moves down
    f"# Water\n\n{LONG.replace(', which', '. That was what')}\n\n{SLIP}\n",  # the long one split
    f"# Water\n\n{LONG}\n\n{SLIP.replace('The the', 'The')}\n",  # the slip fixed
]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_config(None, start=Path(__file__).parent))


def test_remembered_counts_follow_every_edit(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned: list[str] = []
    scanners: set[str] = set()
    for cls, name in ((Occurrence, "_count"), (Repetition, "_repeats"), (_TermRule, "_matches")):
        original = getattr(cls, name)

        def spy(self: object, *args: object, original=original, name=name) -> object:  # type: ignore[no-untyped-def]
            scanned.append(args[-1])  # the unit's text
            scanners.add(name)
            return original(self, *args)
        monkeypatch.setattr(cls, name, spy)
    memory: dict[object, object] = {}
    found = []
    for step, text in enumerate(STEPS):
        scanned.clear()
        with remembering(memory):
            incremental = linter.lint_source(SourceText(text), "draft.md")
        if step == 0:
            assert scanners == {"_count", "_repeats", "_matches"}
        if step in (1, 2):
            # Unchanged sentences come from the previous lint, wherever they now stand.
            assert LONG not in scanned and SLIP not in scanned
        if step == 4:
            # Only the previous lint is remembered: the long sentence was split in step 3.
            assert LONG in scanned
        full = linter.lint_source(SourceText(text), "draft.md")
        assert incremental.diagnostics == full.diagnostics
        found.append(sorted({d.rule_id for d in incremental.diagnostics
                             if d.rule_id in ("style.sentence-length", "style.repeated-word")}))
    assert found[0] == ["style.repeated-word", "style.sentence-length"]
    assert found[4] == ["style.sentence-length"]


def test_outside_the_server_nothing_is_remembered(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = Occurrence._count
    monkeypatch.setattr(Occurrence, "_count", lambda self, text: calls.append(text) or original(self, text))
    linter.lint_source(SourceText(STEPS[0]), "draft.md")
    first = calls.count(LONG)
    linter.lint_source(SourceText(STEPS[0]), "draft.md")
    assert first >= 1 and calls.count(LONG) == 2 * first
