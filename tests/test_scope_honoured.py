"""`scope:` means what it says for every rule type, or the type rejects it when the rule loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import load_config
from lint.rule_types import RULE_TYPES
from lint.rule_types.base import scoping_of
from lint.rulespec import load_rule
from lint.runner import Linter
from lint.source import SourceText
from lint.yamlio import InputError

PROJECTION = {
    "en": "Standing charges are expected to rise by about 7% next year.",
    "fr": "OpenAI devrait enregistrer des pertes dépassant 14 milliards de dollars en 2026.",
}
OTHER = {
    "en": "Water bills are set to climb by 9% in April.",
    "fr": "Le prix du gaz devrait grimper de 9 % en avril.",
}


def _house_rule(scope: str, rule_type: str = "unsourced-projection", extra: str = "") -> str:
    return (f"type: {rule_type}\nmessage: 'Projection: {{match}}'\nscope: {scope}\n{extra}"
            "description: A house rule with a scope.\n"
            "examples:\n  fail: ['x']\n  pass: ['y']\n")


def _linter(tmp_path: Path, rules: dict[str, str]) -> Linter:
    house = tmp_path / "house"
    house.mkdir()
    for name, text in rules.items():
        (house / f"{name}.yaml").write_text(text, encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    config.write_text("packs: [editorial, house]\nrule_dirs: [house]\n", encoding="utf-8")
    return Linter(load_config(str(config)))


@pytest.fixture
def linter(tmp_path: Path) -> Linter:
    built = _linter(tmp_path, {"quoted": _house_rule("[blockquote]"),
                               "unquoted": _house_rule("[~blockquote]"),
                               "sentences": _house_rule("[sentence, ~heading]")})
    assert built.errors == []
    return built


def _lines(linter: Linter, text: str, lang: str) -> dict[str, list[int]]:
    result = linter.lint_source(SourceText(text), "draft.md", lang=lang)
    found: dict[str, list[int]] = {}
    for d in result.diagnostics:
        found.setdefault(d.rule_id, []).append(d.start.line + 1)
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_projection_rule_scoped_to_blockquotes_flags_only_quoted_projections(
    linter: Linter, lang: str
) -> None:
    text = f"{PROJECTION[lang]}\n\n> {OTHER[lang]}\n"
    found = _lines(linter, text, lang)
    assert found["editorial.unsourced-projection"] == [1, 3]  # no scope: everywhere
    assert found["house.quoted"] == [3]
    assert found["house.unquoted"] == [1]
    assert found["house.sentences"] == [1, 3]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_scope_that_selects_nothing_flags_nothing(linter: Linter, lang: str) -> None:
    found = _lines(linter, f"{PROJECTION[lang]}\n\n{OTHER[lang]}\n", lang)
    assert found["editorial.unsourced-projection"] == [1, 3]
    assert "house.quoted" not in found
    assert found["house.unquoted"] == [1, 3]


@pytest.mark.parametrize("rule_type, options", [
    ("required-text", "house_disclaimer: 'Not advice.'\n"),
    ("hedge-density", ""),
])
def test_a_whole_draft_type_rejects_scope_with_its_position(
    tmp_path: Path, rule_type: str, options: str
) -> None:
    path = tmp_path / "house" / "scoped.yaml"
    path.parent.mkdir()
    path.write_text(_house_rule("[paragraph, ~blockquote]", rule_type, options), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_rule(path, "house")
    assert (caught.value.line, caught.value.column) == (3, 8)
    assert f"type '{rule_type}' judges the whole draft and cannot honour 'scope:'" in str(
        caught.value)


def test_every_type_says_how_it_honours_scope() -> None:
    modes = {name: scoping_of(cls) for name, cls in RULE_TYPES.items()}
    assert {name for name, mode in modes.items() if mode == "none"} == {
        "required-text", "hedge-density", "metric", "readability"}
    assert {name for name, mode in modes.items() if mode == "findings"} == {
        "unsourced-projection", "vague-attribution", "hedging-gap", "stacked-hedges",
        "near-duplicate"}


def test_a_repeated_paragraph_is_flagged_only_where_its_scope_allows(tmp_path: Path) -> None:
    rules = {"repeat-quoted": _house_rule("[blockquote]", "near-duplicate",
                                          "unit: paragraph\n")}
    linter = _linter(tmp_path, rules)
    paragraph = ("The council approved the new budget on Monday after a long debate about "
                 "road repairs, school meals and the future of the central library.")
    outside = _lines(linter, f"{paragraph}\n\n{paragraph}\n", "en")
    assert "house.repeat-quoted" not in outside
    inside = _lines(linter, f"{paragraph}\n\n> {paragraph}\n", "en")
    assert inside["house.repeat-quoted"] == [3]
