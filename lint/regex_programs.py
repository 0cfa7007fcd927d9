"""A disk store of start-up work: the regex module's compiled programs, and other results
that are pure functions of a text (parsed rule files and lexicons, lexicon prefilters).

The `regex` module parses and optimises a pattern in Python, then hands the resulting
program (plain integers, strings and dictionaries) to its C core. For the few hundred
lexicon patterns of a run that Python half is most of a cold start, and its output never
changes for a given pattern, flags, regex version and Python version. This module keeps
those programs (marshal: plain data, no code) in an SQLite file keyed by a hash of the
pattern, reads only the programs a run asks for, and builds the pattern straight from the
stored program; anything unexpected falls back to a normal compile. `remember` keeps any
other such result the same way (see its docstring for what makes an entry valid).

The store is bounded: each entry carries the day it was last used, entries unused for
MAX_AGE_DAYS and those past MAX_ENTRIES (least recently used first, never one the writing
run used) are pruned when a run writes, and stores of other regex or Python versions unused
for MAX_AGE_DAYS are removed.
It is never an error: a damaged store is deleted and rebuilt, a store locked by another
process (--jobs workers, parallel runs) is skipped for that run.

Location: $NEWSLINT_PATTERN_CACHE, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint;
NEWSLINT_PATTERN_CACHE=off turns it off.
"""

from __future__ import annotations

import atexit
import functools
import marshal
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import regex
from regex import _main as regex_main

try:
    # hashlib's own BLAKE2: importing hashlib would also load OpenSSL, about 2 ms of a start.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the module
    from hashlib import blake2b

MAX_ENTRIES = 2000
"""Most programs kept (one version's built-in packs use about 900)."""
MAX_AGE_DAYS = 30
"""Programs, and other versions' stores, unused this many days are pruned."""
BUSY_SECONDS = 0.5
"""How long a read or write waits for another process's write before giving up on it."""

_T = TypeVar("_T")
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26  # SQLite's result codes (not exported before 3.11)
_PREFIX = "programs-"
_LEGACY_PREFIX = "regex-"  # the earlier format: one marshal file read whole at each start

_lock = threading.Lock()
_connection: sqlite3.Connection | None = None
_connection_pid: int | None = None  # a forked worker opens its own: SQLite forbids sharing
_opened = False
_new: dict[bytes, bytes] = {}  # key -> program compiled by this run, written at exit
_touched: set[bytes] = set()  # keys read whose last-used day is older than today
_used: set[bytes] = set()  # every key this run read or compiled: never pruned by its own save
_abandoned: list[sqlite3.Connection] = []  # a parent's connection, never used nor closed


class _Recorder:
    """Stands in for the regex C core during one compile, to keep its `compile` arguments."""

    def __init__(self, core: Any) -> None:
        self.core = core
        self.arguments: tuple[Any, ...] | None = None

    def compile(self, *arguments: Any) -> Any:
        self.arguments = arguments
        return self.core.compile(*arguments)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.core, name)


def cache_file() -> Path | None:
    """The store of programs for this regex and Python version (None: turned off)."""
    setting = os.environ.get("NEWSLINT_PATTERN_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "newslint"
    version = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"{_PREFIX}regex-{regex.__version__}-{version}.sqlite3"


def reset() -> None:
    """Forget the open store and this run's programs, as a new process would (tests)."""
    global _connection, _connection_pid, _opened
    with _lock:
        if _connection is not None:
            _connection.close()
        _connection, _connection_pid, _opened = None, None, False
        _new.clear()
        _touched.clear()
        _used.clear()


def _today() -> int:
    return int(time.time() // 86400)


def _key(source: str, flags: int | str) -> bytes:
    """A program's key (flags: an int), or a remembered result's (flags: its kind, never
    all digits, so the two cannot meet)."""
    return blake2b(f"{flags}:{source}".encode("utf-8", "surrogatepass"),
                   digest_size=16).digest()


def _entry(key: bytes) -> bytes | None:
    """The entry of `key`: written by this run, else stored (None: neither). The key
    counts as used by this run, whose pruning then keeps it."""
    with _lock:
        _used.add(key)
        entry = _new.get(key)
        return entry if entry is not None else _read(key)


def compile(source: str, flags: int) -> regex.Pattern[str]:  # noqa: A001 - regex's own name
    """regex.compile(source, flags), from the stored program when there is one."""
    key = _key(source, int(flags))
    program = _entry(key)
    if program is not None:
        try:
            arguments = marshal.loads(program)
            # The source is part of the program: a (most unlikely) hash collision, or an
            # entry written for another pattern, is compiled again.
            if arguments[0] == source:
                return regex_main._regex.compile(*arguments)
        except Exception:  # noqa: BLE001 - a stale or damaged entry: compile it again
            pass
    with _lock:
        # Built with regex's own compile (its cache bypassed so that it really compiles),
        # recording what it hands to the C core.
        recorder = _Recorder(regex_main._regex)
        regex_main._regex = recorder
        try:
            pattern = regex_main._compile(source, flags, False, {}, False)
        finally:
            regex_main._regex = recorder.core
        arguments = recorder.arguments
        # Another thread compiling through regex at the same moment would have been
        # recorded instead: keep only the program of this very pattern.
        if arguments is not None and arguments[:2] == (pattern.pattern, pattern.flags):
            program = _marshalled(arguments)
            if program is not None:
                _new[key] = program
    return pattern


def remember(kind: str | None, inputs: str, compute: Callable[[], _T]) -> _T:
    """compute(), a pure function of `inputs` for this `kind`, from the store when a run
    kept it. `kind` must name everything else the result depends on (the version of the
    code that computes it: see code_kind). A result marshal cannot hold exactly is
    computed each time; an exception of compute() is raised as ever and nothing is kept.
    An entry is used only if it carries a second, independent digest of `inputs` (a hash
    collision is computed again). The result is a new object each time: callers may
    change it. A `kind` of None (code_kind could not read a file) computes it."""
    if kind is None:
        return compute()
    key = _key(inputs, kind)
    check = blake2b(inputs.encode("utf-8", "surrogatepass"), digest_size=32,
                    person=b"newslint-inputs").digest()
    stored = _entry(key)
    if stored is not None:
        try:
            digest, value = marshal.loads(stored)
            if digest == check:
                return value
        except Exception:  # noqa: BLE001 - a stale or damaged entry: computed again
            pass
    value = compute()
    try:
        entry = marshal.dumps((check, value))
        exact = marshal.loads(entry) == (check, value)
    except (ValueError, TypeError):
        exact = False
    if exact:
        with _lock:
            _new[key] = entry
    return value


def code_kind(name: str, *paths: str) -> str | None:
    """A `kind` for `remember`: `name` and a short digest of the source files whose code
    computes the result, so that a changed module (a development checkout, an upgrade)
    never reads what its older self computed. None when a file cannot be read (no source
    beside the bytecode): nothing is kept that cannot be checked."""
    try:
        digests = [_file_digest(path) for path in paths]
    except OSError:
        return None
    return f"{name}:{blake2b(b''.join(digests), digest_size=8).hexdigest()}"


@functools.lru_cache(maxsize=None)
def _file_digest(path: str) -> bytes:
    """A source file's digest, read once per process (several kinds name the same file)."""
    return blake2b(Path(path).read_bytes(), digest_size=8).digest()


def _marshalled(arguments: tuple[Any, ...]) -> bytes | None:
    """The arguments marshalled (flags as plain ints), or None when marshal cannot hold
    them exactly (named lists)."""
    plain = tuple(int(a) if isinstance(a, int) else a for a in arguments)
    try:
        program = marshal.dumps(plain)
        return program if marshal.loads(program) == plain else None
    except (ValueError, TypeError):
        return None


def _store() -> sqlite3.Connection | None:
    """This process's connection to an existing store (None: off, absent or unreadable).
    Called with _lock held."""
    global _connection, _connection_pid, _opened
    if _opened and _connection_pid != os.getpid():
        # A forked child: the parent's connection must not be used (nor closed) here.
        if _connection is not None:
            _abandoned.append(_connection)
        _connection, _opened = None, False
        _touched.clear()
    if _opened:
        return _connection
    _opened, _connection_pid = True, os.getpid()
    path = cache_file()
    if path is None or not path.is_file():
        return None  # created by save() when this run compiles something
    try:
        _connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None,
                                      check_same_thread=False)
    except sqlite3.Error:
        _connection = None
    return _connection


def _read(key: bytes) -> bytes | None:
    """The stored program of `key`, or None. Called with _lock held."""
    connection = _store()
    if connection is None:
        return None
    try:
        row = connection.execute(
            "SELECT program, used FROM programs WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error as exc:
        # Busy (another process writing), no table yet (created by a writer that has not
        # committed): compiled normally this time. Damaged: deleted, rebuilt at exit.
        if _damaged(exc):
            _discard_damaged(connection)
        return None
    if row is None or not isinstance(row[0], bytes) or not isinstance(row[1], int):
        return None
    program, used = row
    if used < _today():
        _touched.add(key)
    return program


def _damaged(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file is not a database or is corrupt (not: busy, read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc)
    return "not a database" in text or "malformed" in text


def _discard_damaged(connection: sqlite3.Connection) -> None:
    """Close and delete a store that cannot be read; save() writes a new one."""
    global _connection
    connection.close()
    _connection = None
    path = cache_file()
    if path is not None:
        for damaged in (path, path.with_name(path.name + "-journal")):
            try:
                damaged.unlink()
            except OSError:
                pass


@atexit.register
def save() -> None:
    """Write this run's new programs, mark the stored ones it used, prune (one transaction)."""
    global _connection
    with _lock:
        path = cache_file()
        if path is None or (not _new and not _touched):
            return
        _store()  # a forked child drops its parent's connection here
        connection = _connection
        try:
            if connection is None:
                path.parent.mkdir(parents=True, exist_ok=True)
                connection = _connection = sqlite3.connect(
                    path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
            _write(connection)
        except sqlite3.Error as exc:
            if connection is not None and _damaged(exc):
                _discard_damaged(connection)
            return  # locked by another writer, or read-only: compiled again next run
        except (OSError, ValueError):
            return
        _new.clear()
        _touched.clear()
        _prune_other_stores(path)


def _write(connection: sqlite3.Connection) -> None:
    today = _today()
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute("CREATE TABLE IF NOT EXISTS programs (key BLOB PRIMARY KEY,"
                           " program BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID")
        connection.executemany("INSERT OR REPLACE INTO programs VALUES (?, ?, ?)",
                               [(key, program, today) for key, program in _new.items()])
        connection.executemany("UPDATE programs SET used = ? WHERE key = ?",
                               [(today, key) for key in _touched])
        connection.execute("DELETE FROM programs WHERE used < ?", (today - MAX_AGE_DAYS,))
        _prune_to_max_entries(connection)
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _prune_to_max_entries(connection: sqlite3.Connection) -> None:
    """Delete the least recently used programs past MAX_ENTRIES, never one this run used.

    Last use is kept by the day, so a store filled in one day (another configuration, a
    language's packs) ties on every entry; ordering by day alone would then delete
    programs this run has just written, and the next run would compile them again.
    """
    (count,) = connection.execute("SELECT count(*) FROM programs").fetchone()
    excess = count - MAX_ENTRIES
    if excess <= 0:
        return
    oldest_first = connection.execute("SELECT key FROM programs ORDER BY used").fetchall()
    doomed = [(key,) for (key,) in oldest_first if key not in _used][:excess]
    connection.executemany("DELETE FROM programs WHERE key = ?", doomed)


def _prune_other_stores(path: Path) -> None:
    """Remove the earlier format's files, and other versions' stores unused for
    MAX_AGE_DAYS (a store in use is written at least once a day, see _touched)."""
    oldest = time.time() - MAX_AGE_DAYS * 86400
    try:
        neighbours = list(path.parent.iterdir())
    except OSError:
        return
    for other in neighbours:
        name = other.name
        try:
            if name.startswith(_LEGACY_PREFIX) and name.endswith(".marshal"):
                other.unlink()
            elif (name.startswith(_PREFIX) and name.endswith(".sqlite3") and other != path
                  and other.stat().st_mtime < oldest):
                other.unlink()
        except OSError:
            pass
