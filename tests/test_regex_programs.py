"""The disk store of compiled regex programs: the same patterns, without the regex parser;
bounded, and never an error (damaged, locked, concurrently written, forked)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys

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
DAY = 86400


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty program store in a temporary folder."""
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", str(tmp_path))
    regex_programs.reset()
    yield tmp_path
    regex_programs.reset()


def _never_parse(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the regex parser ran")

    monkeypatch.setattr(regex_main, "_compile", refuse)


def _behaviour(pattern):
    return (pattern.pattern, pattern.flags, pattern.groupindex,
            [[(m.span(), m.groups()) for m in pattern.finditer(t)] for t in TEXTS])


def _rows():
    with sqlite3.connect(regex_programs.cache_file()) as connection:
        return connection.execute("SELECT key, used FROM programs").fetchall()


def _set_used(day):
    connection = sqlite3.connect(regex_programs.cache_file())
    with connection:
        connection.execute("UPDATE programs SET used = ?", (day,))
    connection.close()


def test_a_stored_program_builds_the_same_pattern_without_parsing(store, monkeypatch):
    reference = [_behaviour(regex.compile(s, f)) for s, f in SOURCES]
    assert [_behaviour(regex_programs.compile(s, f)) for s, f in SOURCES] == reference
    regex_programs.save()
    assert regex_programs.cache_file().is_file()
    regex_programs.reset()
    _never_parse(monkeypatch)
    assert [_behaviour(regex_programs.compile(s, f)) for s, f in SOURCES] == reference


def test_a_run_reads_only_the_programs_it_compiles(store, monkeypatch):
    for source, flags in SOURCES:
        regex_programs.compile(source, flags)
    regex_programs.save()
    regex_programs.reset()
    loaded = []
    real_loads = regex_programs.marshal.loads
    monkeypatch.setattr(regex_programs.marshal, "loads",
                        lambda data: loaded.append(data) or real_loads(data))
    regex_programs.compile(*SOURCES[1])
    assert len(loaded) == 1 and real_loads(loaded[0])[0] == SOURCES[1][0]


def test_a_run_that_only_reads_writes_nothing(store):
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    before = regex_programs.cache_file().stat().st_mtime_ns
    regex_programs.reset()
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    assert regex_programs.cache_file().stat().st_mtime_ns == before


@pytest.mark.parametrize("content", [b"\x00garbage", b"SQLite format 3\x00" + b"\xff" * 5000])
def test_a_damaged_store_is_ignored_and_rebuilt(store, monkeypatch, content):
    regex_programs.cache_file().write_bytes(content)
    reference = _behaviour(regex.compile(*SOURCES[0]))
    assert _behaviour(regex_programs.compile(*SOURCES[0])) == reference
    regex_programs.save()
    regex_programs.reset()
    _never_parse(monkeypatch)
    assert _behaviour(regex_programs.compile(*SOURCES[0])) == reference


def test_a_damaged_entry_is_compiled_again(store):
    regex_programs.compile(*SOURCES[1])
    regex_programs.save()
    connection = sqlite3.connect(regex_programs.cache_file())
    with connection:
        connection.execute("UPDATE programs SET program = ?", (b"not a program",))
    connection.close()
    regex_programs.reset()
    assert _behaviour(regex_programs.compile(*SOURCES[1])) == _behaviour(regex.compile(*SOURCES[1]))


def test_an_entry_of_another_pattern_under_the_same_key_is_not_used(store, monkeypatch):
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    regex_programs.reset()
    # As if SOURCES[2] hashed to SOURCES[0]'s key: its program must not be taken.
    monkeypatch.setattr(regex_programs, "_key", lambda source, flags: _rows()[0][0])
    pattern = regex_programs.compile(*SOURCES[2])
    assert _behaviour(pattern) == _behaviour(regex.compile(*SOURCES[2]))


def test_a_store_locked_by_another_writer_is_skipped_not_an_error(store, monkeypatch):
    monkeypatch.setattr(regex_programs, "BUSY_SECONDS", 0.05)
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    regex_programs.reset()
    writer = sqlite3.connect(regex_programs.cache_file(), isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # another process in the middle of its write
    try:
        assert _behaviour(regex_programs.compile(*SOURCES[0])) == _behaviour(
            regex.compile(*SOURCES[0]))
        regex_programs.compile(*SOURCES[1])
        regex_programs.save()  # gives up on this run's program, no exception
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert regex_programs.cache_file().is_file() and len(_rows()) == 1


def test_programs_unused_for_max_age_days_are_pruned(store, monkeypatch):
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    _set_used(regex_programs._today() - regex_programs.MAX_AGE_DAYS - 1)
    regex_programs.reset()
    regex_programs.compile(*SOURCES[1])
    regex_programs.save()
    assert [used for _, used in _rows()] == [regex_programs._today()]


def test_a_program_used_again_is_marked_and_kept(store):
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    _set_used(regex_programs._today() - regex_programs.MAX_AGE_DAYS + 1)
    regex_programs.reset()
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    assert [used for _, used in _rows()] == [regex_programs._today()]


def test_past_max_entries_the_least_recently_used_go(store, monkeypatch):
    monkeypatch.setattr(regex_programs, "MAX_ENTRIES", 2)
    for source, flags in SOURCES[:2]:
        regex_programs.compile(source, flags)
    regex_programs.save()
    _set_used(regex_programs._today() - 3)
    regex_programs.reset()
    regex_programs.compile(*SOURCES[2])
    regex_programs.compile(*SOURCES[1])  # used again: kept over SOURCES[0]
    regex_programs.save()
    kept = {key for key, _ in _rows()}
    assert kept == {regex_programs._key(s, int(f)) for s, f in SOURCES[1:]}


def test_a_store_filled_today_keeps_what_the_last_run_wrote(store, monkeypatch):
    # Another run (a test suite, another configuration) filled the store today: every
    # entry ties on its day of last use. The programs a run writes must survive its own
    # pruning, or the next run compiles them again.
    monkeypatch.setattr(regex_programs, "MAX_ENTRIES", 10)
    for n in range(10):
        regex_programs.compile(f"filler{n}", regex.V0)
    regex_programs.save()
    regex_programs.reset()
    ours = [(f"(?:ours{n})+", regex.V0 | regex.I) for n in range(10)]
    for source, flags in ours:
        regex_programs.compile(source, flags)
    regex_programs.save()
    assert len(_rows()) == 10
    regex_programs.reset()
    _never_parse(monkeypatch)
    for source, flags in ours:
        regex_programs.compile(source, flags)


def test_the_earlier_format_and_old_stores_of_other_versions_are_removed(store):
    folder = store
    legacy = folder / "regex-2026.11.19-cpython311.marshal"
    old_other = folder / "programs-regex-2025.1.1-cpython311.sqlite3"
    recent_other = folder / "programs-regex-2026.1.1-cpython312.sqlite3"
    unrelated = folder / "notes.txt"
    for path in (legacy, old_other, recent_other, unrelated):
        path.write_bytes(b"x")
    stale = regex_programs.time.time() - (regex_programs.MAX_AGE_DAYS + 1) * DAY
    os.utime(old_other, (stale, stale))
    os.utime(unrelated, (stale, stale))
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [regex_programs.cache_file().name, recent_other.name, unrelated.name])


def test_off_stores_nothing(store, monkeypatch):
    monkeypatch.setenv("NEWSLINT_PATTERN_CACHE", "off")
    assert regex_programs.cache_file() is None
    regex_programs.compile(*SOURCES[2])
    regex_programs.save()
    assert list(store.iterdir()) == []


def test_a_read_only_store_is_neither_an_error_nor_deleted(store, monkeypatch):
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    regex_programs.reset()
    real_connect = sqlite3.connect
    monkeypatch.setattr(regex_programs.sqlite3, "connect", lambda path, **kw: real_connect(
        f"file:{path}?mode=ro", uri=True, **kw))
    regex_programs.compile(*SOURCES[0])
    regex_programs.compile(*SOURCES[1])
    regex_programs.save()  # cannot write: no exception, the store stays
    assert len(_rows()) == 1


_WRITER = """
import sys
from lint import regex_programs
offset = int(sys.argv[1])
for i in range(40):
    regex_programs.compile(r"(?:w%d)\\d+" % (offset + i), 0)
"""


def test_processes_writing_at_once_break_nothing(store, monkeypatch):
    children = [subprocess.Popen([sys.executable, "-c", _WRITER, str(n * 20)],
                                 env={**os.environ, "NEWSLINT_PATTERN_CACHE": str(store)})
                for n in range(4)]
    assert [child.wait(timeout=120) for child in children] == [0, 0, 0, 0]
    # Overlapping sets of 40 patterns (w0-w39, w20-w59, ...: 100 in all), each stored once,
    # or skipped by a writer that found the store busy; the store is readable either way.
    sources = [r"(?:w%d)\d+" % i for i in range(100)]
    keys = [key for key, _ in _rows()]
    assert len(keys) >= 40 and len(set(keys)) == len(keys)
    assert set(keys) <= {regex_programs._key(source, 0) for source in sources}
    regex_programs.reset()
    stored = [source for source in sources if regex_programs._key(source, 0) in keys]
    _never_parse(monkeypatch)
    for source in stored:
        assert regex_programs.compile(source, 0).pattern == source


def _compile_in_child(source, flags, queue):
    queue.put(_behaviour(regex_programs.compile(source, flags)))
    regex_programs.save()


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_forked_worker_opens_its_own_connection(store):
    regex_programs.compile(*SOURCES[0])
    regex_programs.save()
    regex_programs.compile(*SOURCES[0])  # the parent holds an open connection
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_compile_in_child, args=(*SOURCES[1], queue))
    child.start()
    assert queue.get(timeout=60) == _behaviour(regex.compile(*SOURCES[1]))
    child.join(timeout=60)
    assert child.exitcode == 0
    assert len(_rows()) == 2  # the child's program was written through its own connection
    assert _behaviour(regex_programs.compile(*SOURCES[2])) == _behaviour(
        regex.compile(*SOURCES[2]))


# -- remembered results (parsed YAML, lexicon guards) -------------------------------------

def test_a_remembered_result_is_computed_once_across_runs(store):
    calls = []

    def compute():
        calls.append(1)
        return {"terms": ["a", "b"], ("path", 0): (1, 2)}

    first = regex_programs.remember("kind-1", "some text", compute)
    regex_programs.save()
    regex_programs.reset()
    second = regex_programs.remember("kind-1", "some text", lambda: pytest.fail("computed again"))
    assert second == first and calls == [1]
    second["terms"].append("c")  # a new object each time: changing it changes nothing stored
    regex_programs.reset()
    assert regex_programs.remember("kind-1", "some text", compute)["terms"] == ["a", "b"]


def test_another_input_or_kind_is_computed_again(store):
    regex_programs.remember("kind-1", "text", lambda: "one")
    assert regex_programs.remember("kind-1", "other text", lambda: "two") == "two"
    assert regex_programs.remember("kind-2", "text", lambda: "three") == "three"
    assert regex_programs.remember(None, "text", lambda: "four") == "four"  # no kind: never kept


def test_failures_and_inexact_values_are_not_kept(store):
    with pytest.raises(ValueError):
        regex_programs.remember("kind", "bad", lambda: (_ for _ in ()).throw(ValueError("no")))
    assert regex_programs.remember("kind", "bad", lambda: "fixed") == "fixed"
    unmarshallable = object()
    assert regex_programs.remember("kind", "obj", lambda: unmarshallable) is unmarshallable
    regex_programs.save()
    regex_programs.reset()
    assert regex_programs.remember("kind", "obj", lambda: "again") == "again"


def test_a_remembered_entry_for_other_inputs_is_not_used(store):
    # Same key, other inputs (what a hash collision would give): the second digest differs.
    regex_programs.remember("kind", "text", lambda: "one")
    regex_programs.save()
    key = regex_programs._key("text", "kind")
    connection = sqlite3.connect(regex_programs.cache_file())
    with connection:
        forged = regex_programs.marshal.dumps((b"\0" * 32, "forged"))
        connection.execute("UPDATE programs SET program = ? WHERE key = ?", (forged, key))
    connection.close()
    regex_programs.reset()
    assert regex_programs.remember("kind", "text", lambda: "computed") == "computed"


def test_a_yaml_text_is_parsed_once_and_its_problems_every_time(store, monkeypatch):
    from lint import yamlio

    text = "name: wordy\nterms:\n  - a\n  - {b: c}\nlimit: 3\n"
    first = yamlio.load_yaml(text, "pack/a.yaml")
    regex_programs.save()
    regex_programs.reset()
    monkeypatch.setattr(yamlio, "_parts", lambda *a: pytest.fail("parsed again"))
    second = yamlio.load_yaml(text, "other/b.yaml")
    assert (second.data, second.values, second.keys) == (first.data, first.values, first.keys)
    assert second.path == "other/b.yaml" and second.where(("terms", 1, "b")) == (4, 9)
    monkeypatch.undo()
    broken = "a: 1\na: 2\n"
    for _ in range(2):
        with pytest.raises(yamlio.InputError) as error:
            yamlio.load_yaml(broken, "pack/broken.yaml")
        assert (error.value.line, error.value.path) == (2, "pack/broken.yaml")
        regex_programs.save()
        regex_programs.reset()


def test_a_family_guard_is_derived_once(store, monkeypatch):
    from lint.editorial import grammar

    sources = [r"would(?:\s+\p{L}+)?", r"(?:may|might)\s+(?:well\s+)?be"]
    shapes = [grammar.Shape(f"s{i}", source, 0) for i, source in enumerate(sources)]
    first = grammar.Family("test", shapes).pattern.pattern
    regex_programs.save()
    regex_programs.reset()
    monkeypatch.setattr(grammar, "lead_guard", lambda *a: pytest.fail("derived again"))
    assert grammar.Family("test", shapes).pattern.pattern == first
    assert "(?=(?i:" in first  # the guard is there
