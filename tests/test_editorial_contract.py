"""docs/editorial-checks.md stays true: each rule's table of flagged and passing drafts holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.config import Config
from lint.runner import Linter
from lint.source import SourceText

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = (ROOT / "docs" / "editorial-checks.md").read_text(encoding="utf-8")
LINTER = Linter(Config(packs=("editorial",)))
ROW = re.compile(r"^\| (en|fr) \| (flags|passes) \| (.+) \|$")


def _rows() -> list[tuple[str, str, str, str]]:
    """(rule, lang, verdict, draft) for every example row, under its `## rule` heading."""
    rows, rule = [], None
    for line in CONTRACT.splitlines():
        heading = re.match(r"^## ([a-z-]+) \(", line)
        if heading:
            rule = heading.group(1)
        elif (row := ROW.match(line)) and rule:
            rows.append((rule, *row.groups()))
    return rows


ROWS = _rows()


def test_every_rule_with_a_table_shows_both_languages_both_ways() -> None:
    rules = {rule for rule, *_ in ROWS}
    assert rules == {"unsourced-projection", "vague-attribution", "hedging-gap", "stacked-hedges",
                     "repeated-paragraph", "repeated-sentence", "missing-disclaimer"}
    for rule in rules:
        seen = {(lang, verdict) for r, lang, verdict, _ in ROWS if r == rule}
        assert seen == {("en", "flags"), ("en", "passes"), ("fr", "flags"), ("fr", "passes")}, rule


@pytest.mark.parametrize("rule, lang, verdict, draft", ROWS,
                         ids=[f"{r}-{lang}-{v}-{i}" for i, (r, lang, v, _) in enumerate(ROWS)])
def test_the_contract_examples_hold(rule: str, lang: str, verdict: str, draft: str) -> None:
    text = draft.replace(" ¶ ", "\n\n") + "\n"
    result = LINTER.lint_source(SourceText(text), "draft.md", lang=lang)
    flagged = any(d.rule_id == f"editorial.{rule}" for d in result.diagnostics)
    assert flagged is (verdict == "flags"), [d.message for d in result.diagnostics]


def test_every_editorial_rule_has_a_section() -> None:
    for path in sorted((ROOT / "rules" / "editorial").glob("*.yaml")):
        assert f"\n## {path.stem} (" in CONTRACT, path.stem
