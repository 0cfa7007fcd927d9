"""Start-up parses each lexicon file once: the pack checks reuse what the lexicon store read."""

from __future__ import annotations

from collections import Counter

from lint import lexicon, packs, yamlio
from lint.config import Config
from lint.runner import Linter


def test_each_lexicon_file_is_parsed_once_per_linter(monkeypatch):
    reads: Counter[str] = Counter()
    real = yamlio.read_yaml_file

    def counting(path):
        reads[str(path)] += 1
        return real(path)

    monkeypatch.setattr(lexicon, "read_yaml_file", counting)
    monkeypatch.setattr(packs, "read_yaml_file", counting)
    linter = Linter(Config())
    lexicon_files = [p for folder in linter.catalog.packs.values()
                     for p in packs.lexicon_files(folder)]
    assert len(lexicon_files) >= 2  # English and French at least
    assert {str(p): reads[str(p)] for p in lexicon_files} == {str(p): 1 for p in lexicon_files}
    assert linter.errors == []
    assert linter.languages.lexicon_langs  # the gates are still derived from the lexicons
