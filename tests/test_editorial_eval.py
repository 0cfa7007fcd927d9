"""The editorial checks scored on labelled drafts (the dev set and the project's own held-out-style sets)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

EVAL = Path(__file__).parent / "eval"
SCORER = EVAL / "score.py"
SCORED = ("unsourced-projection", "vague-attribution", "repeated-paragraph",
          "missing-disclaimer", "hedging-gap")

# The issue's bar: micro precision >= 0.90, recall >= 0.85, and F1 >= 0.80 for every rule.
MIN_PRECISION = 0.90
MIN_RECALL = 0.85
MIN_RULE_F1 = 0.80


def score(folder: Path) -> dict[str, dict[str, float]]:
    """Run the committed scorer (a copy of shared/eval/score.py) with this checkout's CLI."""
    command = f"{sys.executable} -m lint check --format json"
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(folder), "--cmd", command, "--json"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", ["dev", "heldout-like", "blind-2"])
def test_labelled_set_meets_the_bar(name: str) -> None:
    folder = EVAL / name
    if not (folder / "labels.yaml").exists():
        pytest.skip(f"{folder} has no labels.yaml")
    result = score(folder)
    micro = result["micro"]
    assert micro["p"] >= MIN_PRECISION, result
    assert micro["r"] >= MIN_RECALL, result
    for rule in SCORED:
        assert result[rule]["f1"] >= MIN_RULE_F1, (rule, result[rule])


def test_scorer_copy_matches_shared() -> None:
    """The committed scorer must stay the shared one, or the bar means something else."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    if not shared.exists():
        pytest.skip("../shared is not present")
    assert SCORER.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")


SHARED = Path(__file__).resolve().parents[2] / "shared"
# Market copy: crypto-dev labels published articles that stay in ../shared/corpus (never
# copied here); crypto-fr holds French drafts of the same genre written for the project.
# First runs: micro F1 0.475 and 0.67 (README of each set). Both sets are held to issue #8's
# targets, rule by rule; the issue measures the same targets on articles the project never
# reads, so these sets, tuned on, must clear them with room to spare.
# crypto-heldout was labelled blind and measured twice before it was opened (its README);
# since then it is tuned on like crypto-dev and held to the same targets.
MARKET_SETS = ("crypto-dev", "crypto-fr", "crypto-heldout")
MARKET_TARGETS = {
    # rule: {measure: minimum}
    "unsourced-projection": {"p": 0.85, "r": 0.80},
    "vague-attribution": {"p": 0.85, "r": 0.80},
    "missing-disclaimer": {"p": 0.90, "r": 0.95},
    "hedging-gap": {"p": 0.85, "f1": 0.70},
    "micro": {"f1": 0.85},
}


def _market_scores(name: str) -> dict:
    if name != "crypto-fr" and not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not present")
    proc = subprocess.run(
        [sys.executable, "scripts/score_labelled.py", str(EVAL / name), "--json",
         "--shared", str(SHARED)],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", MARKET_SETS)
def test_market_copy_set_meets_the_issue_targets(name: str) -> None:
    result = _market_scores(name)
    short = [f"{rule} {measure} {result[rule][measure]:.2f} < {minimum}"
             for rule, targets in MARKET_TARGETS.items()
             for measure, minimum in targets.items()
             if result[rule][measure] < minimum]
    assert not short, short


def test_repeated_paragraph_makes_no_false_finding_on_market_copy() -> None:
    # issue #8: an embedded post and its paraphrase is no repeat; the sets hold no restated lede
    for name in MARKET_SETS:
        assert _market_scores(name)["repeated-paragraph"]["fp"] == 0, name


@pytest.mark.parametrize("name", ["crypto-dev", "crypto-heldout"])
def test_the_shared_scorer_scores_a_set_of_shared_articles_as_it_is(name: str) -> None:
    """Its labels point into the shared corpus by absolute path, so the unchanged scorer
    reads them where they lie and agrees with scripts/score_labelled.py."""
    first = yaml.safe_load((EVAL / name / "labels.yaml").read_text(encoding="utf-8"))[0]["file"]
    if not Path(first).is_file():
        pytest.skip("the shared corpus is not where the labels name it")
    assert score(EVAL / name) == _market_scores(name)


def test_score_labelled_finds_a_moved_corpus_under_shared(tmp_path: Path) -> None:
    """On a machine where ../shared lies elsewhere, a label's absolute path is found again
    under --shared's corpus folder, by the part below `corpus/`."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    try:
        from score_labelled import _located
    finally:
        sys.path.pop(0)
    article = tmp_path / "shared" / "corpus" / "crypto-news-en" / "articles" / "001.txt"
    article.parent.mkdir(parents=True)
    article.write_text("Bitcoin rose.\n", encoding="utf-8")
    corpus = tmp_path / "shared" / "corpus"
    elsewhere = "/nowhere/shared/corpus/crypto-news-en/articles/001.txt"
    assert _located(tmp_path, corpus, elsewhere) == article
    assert _located(tmp_path, corpus, "crypto-news-en/articles/001.txt") == article
    assert _located(tmp_path, corpus, "/nowhere/shared/corpus/missing.txt") is None
