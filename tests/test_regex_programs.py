"""The disk cache of compiled regex programs: the same patterns, without the regex parser."""

from __future__ import annotations

import pytest
import regex
from regex import _main as regex_main

from lint import regex_programs

SOURCES = [
    (r"(?<![\p{L}])(?:analysts?|experts?)\s+(?:say|said)(?![\p{L}])", regex.V0 | regex.I),
    (r"(?P<figure>\d+(?:[.,]\d+)?)\s?%(?-i:\s+[A-Z]{3})?", regex.V0),
    (r"[’']s\b|(?<=\d)[\s,](?=\d{3}\b)", regex.V0 | regex.I),
]
TEXTS = ["Analysts said 12.5 % USD rose.", "EXPERTS SAY it's 1,000 300 ok", "nothing here"]


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty program store in a temporary folder."""
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_programs, "_stored", None)
    monkeypatch.setattr(regex_programs, "_used", set())
    monkeypatch.setattr(regex_programs, "_dirty", False)
    return tmp_path


def _restart(monkeypatch):
    """Forget the programs in memory, as a new process would."""
    monkeypatch.setattr(regex_programs, "_stored", None)
    monkeypatch.setattr(regex_programs, "_used", set())


def _never_parse(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the regex parser ran")

    monkeypatch.setattr(regex_main, "_compile", refuse)


def _behaviour(pattern):
    return (pattern.pattern, pattern.flags, pattern.groupindex,
            [[(m.span(), m.groups()) for m in pattern.finditer(t)] for t in TEXTS])


def test_a_stored_program_builds_the_same_pattern_without_parsing(store, monkeypatch):
    reference = [_behaviour(regex.compile(s, f)) for s, f in SOURCES]
    assert [_behaviour(regex_programs.compile(s, f)) for s, f in SOURCES] == reference
    regex_programs.save()
    assert regex_programs.cache_file().is_file()
    _restart(monkeypatch)
    _never_parse(monkeypatch)
    assert [_behaviour(regex_programs.compile(s, f)) for s, f in SOURCES] == reference


def test_a_damaged_file_is_ignored_and_rewritten(store, monkeypatch):
    regex_programs.cache_file().write_bytes(b"\x00garbage")
    reference = _behaviour(regex.compile(*SOURCES[0]))
    assert _behaviour(regex_programs.compile(*SOURCES[0])) == reference
    regex_programs.save()
    _restart(monkeypatch)
    _never_parse(monkeypatch)
    assert _behaviour(regex_programs.compile(*SOURCES[0])) == reference


def test_a_damaged_entry_is_compiled_again(store, monkeypatch):
    monkeypatch.setattr(regex_programs, "_stored",
                        {(SOURCES[1][0], int(SOURCES[1][1])): b"not a program"})
    assert _behaviour(regex_programs.compile(*SOURCES[1])) == _behaviour(regex.compile(*SOURCES[1]))


def test_off_stores_nothing(store, monkeypatch):
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", "off")
    assert regex_programs.cache_file() is None
    regex_programs.compile(*SOURCES[2])
    regex_programs.save()
    assert list(store.iterdir()) == []
