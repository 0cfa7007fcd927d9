"""Two required-text rules side by side: a house betting disclaimer next to the financial one."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lint.config import load_config
from lint.runner import Linter
from lint.source import SourceText

BETTING_RULE = """\
type: required-text
message: 'Betting copy ({triggers}) with no responsible-gambling line: add one.'
severity: error
description: A draft about betting needs the responsible-gambling line.
triggers: '@betting_triggers'
accepted: ['@betting_disclaimers']
threshold: 3
strong_weight: 3
topic_threshold: 3
house_disclaimer: "18+ only. Please gamble responsibly: BeGambleAware.org."
examples:
  fail: ["Punters who place a bet now get a free bet on the derby."]
  pass: ["Punters who place a bet now get a free bet on the derby. Please gamble responsibly."]
"""

LEXICON = """\
betting_triggers:
  - {pattern: 'odds|bookmakers?|bookies|punters?|accumulators?', weight: 1}
  - {pattern: 'free bets?|place (?:a|your) bets?', weight: 3}
betting_disclaimers:
  - 'gamble responsibly'
  - 'BeGambleAware'
"""

SCHEMA = """\
keys:
  betting_triggers:
    kind: triggers
    case: insensitive
    required: true
    meaning: Words that make a draft betting copy (odds, bookmaker, accumulator...).
  betting_disclaimers:
    kind: terms
    case: insensitive
    required: true
    meaning: Responsible-gambling wordings that satisfy house.betting-disclaimer.
"""

BETTING = ("Bookmakers have cut the odds on City to 2/1, and punters who place a bet "
           "before Friday get a free bet on the derby.\n")
FINANCIAL = ("Bernstein raised its price target on the shares to $240 and kept its buy rating; "
             "investors who bought the stock in 2019 have seen it rise tenfold.\n")
FINANCIAL_DISCLAIMER = "This article does not constitute investment advice.\n"


def _project(tmp_path: Path, rule: str = BETTING_RULE, extra: str = "") -> Linter:
    house = tmp_path / "house"
    (house / "lexicons").mkdir(parents=True)
    (house / "betting-disclaimer.yaml").write_text(rule, encoding="utf-8")
    (house / "lexicons" / "en.yaml").write_text(LEXICON, encoding="utf-8")
    (house / "lexicons" / "_schema.yaml").write_text(SCHEMA, encoding="utf-8")
    config = tmp_path / ".newslint.yaml"
    config.write_text("packs: [editorial, house]\nrule_dirs: [house]\n" + extra, encoding="utf-8")
    return Linter(load_config(str(config)))


@pytest.fixture
def linter(tmp_path: Path) -> Linter:
    built = _project(tmp_path)
    assert built.errors == []
    return built


def _disclaimer_findings(linter: Linter, text: str, lang: str = "en") -> dict[str, object]:
    result = linter.lint_source(SourceText(text), "draft.md", lang=lang)
    return {d.rule_id: d for d in result.diagnostics
            if d.rule_id in ("house.betting-disclaimer", "editorial.missing-disclaimer",
                             "newslint.rule-error")}


def test_a_betting_draft_gets_only_the_betting_finding(linter: Linter) -> None:
    found = _disclaimer_findings(linter, BETTING)
    assert list(found) == ["house.betting-disclaimer"]
    finding = found["house.betting-disclaimer"]
    assert "Bookmakers" in finding.message and "free bet" in finding.message
    (edit,) = finding.fixes[0].edits
    assert edit.text == "\n\n18+ only. Please gamble responsibly: BeGambleAware.org."


def test_an_investment_draft_gets_only_the_financial_finding(linter: Linter) -> None:
    found = _disclaimer_findings(linter, FINANCIAL)
    assert list(found) == ["editorial.missing-disclaimer"]
    (edit,) = found["editorial.missing-disclaimer"].fixes[0].edits
    assert "does not constitute investment advice. Capital at risk." in edit.text


def test_a_crypto_draft_gets_only_the_financial_finding(linter: Linter) -> None:
    crypto = "---\ncategory: crypto\n---\nThe SOLR token jumped 41% to $2.86 on Monday.\n"
    assert list(_disclaimer_findings(linter, crypto)) == ["editorial.missing-disclaimer"]


def test_both_topics_with_the_financial_disclaimer_need_the_betting_line(linter: Linter) -> None:
    both = BETTING + "\n" + FINANCIAL + "\n" + FINANCIAL_DISCLAIMER
    found = _disclaimer_findings(linter, both)
    assert list(found) == ["house.betting-disclaimer"]
    # Each rule's own wording satisfies only that rule.
    assert _disclaimer_findings(linter, both + "\nPlease gamble responsibly.\n") == {}
    without_financial = BETTING + "\n" + FINANCIAL + "\nPlease gamble responsibly.\n"
    assert list(_disclaimer_findings(linter, without_financial)) == ["editorial.missing-disclaimer"]


def test_each_fix_appends_its_own_house_text(linter: Linter) -> None:
    found = _disclaimer_findings(linter, BETTING + "\n" + FINANCIAL)
    texts = {rule: d.fixes[0].edits[0].text.strip() for rule, d in found.items()}
    assert texts == {
        "house.betting-disclaimer": "18+ only. Please gamble responsibly: BeGambleAware.org.",
        "editorial.missing-disclaimer": "This article is for information only and does not "
                                        "constitute investment advice. Capital at risk.",
    }


def test_an_unknown_list_is_an_error_at_its_line_in_the_rule_file(tmp_path: Path) -> None:
    rule = BETTING_RULE.replace("accepted: ['@betting_disclaimers']",
                                "accepted: ['gamble responsibly', '@betting_disclaimer']")
    (error,) = _project(tmp_path, rule).errors
    assert error.path.endswith("betting-disclaimer.yaml")
    assert (error.line, error.column) == (6, 34)
    assert "'@betting_disclaimer'" in error.message
    assert "did you mean '@betting_disclaimers'?" in error.message


def test_an_unknown_list_in_the_configuration_is_an_error_there(tmp_path: Path) -> None:
    extra = "rules:\n  house.betting-disclaimer:\n    triggers: '@beting_triggers'\n"
    (error,) = _project(tmp_path, extra=extra).errors
    assert error.path.endswith(".newslint.yaml")
    assert error.line == 5
    assert "'@beting_triggers'" in error.message


def test_a_language_without_the_house_lexicon_gets_one_notice(linter: Linter) -> None:
    # The house pack ships only an English lexicon: a French draft is told once that the
    # house rules did not run, and is never linted with the English lists.
    result = linter.lint_source(SourceText("Les parieurs misent sur le PSG.\n"), "draft.md",
                                lang="fr")
    notices = [d for d in result.diagnostics if d.rule_id == "newslint.language"]
    assert [d.message for d in notices] == [
        "no house lexicon for language 'fr' (installed: en): the house rules did not run"]
    assert not [d for d in result.diagnostics if d.rule_id.startswith("house.")]


def test_a_rule_limited_to_its_languages_runs_nowhere_else(tmp_path: Path) -> None:
    linter = _project(tmp_path, BETTING_RULE + "lang: en\n")
    assert _disclaimer_findings(linter, "Les parieurs misent sur le PSG.\n", lang="fr") == {}


def test_accepted_wordings_without_a_list_keep_the_lexicon_disclaimers(tmp_path: Path) -> None:
    # What `accepted:` meant before rules named their lists: extra wordings on top of
    # the lexicons' disclaimers, so existing configurations keep working.
    config = tmp_path / ".newslint.yaml"
    config.write_text(textwrap.dedent("""\
        packs: [editorial]
        rules:
          editorial.missing-disclaimer:
            accepted: ["ne vaut pas conseil"]
        """), encoding="utf-8")
    linter = Linter(load_config(str(config)))
    assert _disclaimer_findings(linter, FINANCIAL + "\n" + FINANCIAL_DISCLAIMER) == {}
    assert _disclaimer_findings(linter, FINANCIAL + "\nCe billet ne vaut pas conseil.\n") == {}
    assert list(_disclaimer_findings(linter, FINANCIAL)) == ["editorial.missing-disclaimer"]


def test_group_caps_are_a_rule_option(tmp_path: Path) -> None:
    market = ("Shares in Vodafone rose 3% on the stock market, traders said, as the FTSE "
              "climbed and bond yields fell; shareholders and investors cheered the dividend "
              "and its payout.\n")
    config = tmp_path / ".newslint.yaml"
    config.write_text("packs: [editorial]\n", encoding="utf-8")
    capped = Linter(load_config(str(config)))
    assert _disclaimer_findings(capped, market) == {}
    config.write_text("packs: [editorial]\nrules:\n  editorial.missing-disclaimer:\n"
                      "    group_caps: {market: 9}\n", encoding="utf-8")
    uncapped = Linter(load_config(str(config)))
    assert uncapped.errors == []
    assert list(_disclaimer_findings(uncapped, market)) == ["editorial.missing-disclaimer"]
