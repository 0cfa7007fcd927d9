"""A disk cache of the regex module's compiled programs, so that start-up skips its parser.

The `regex` module parses and optimises a pattern in Python, then hands the resulting
program (plain integers, strings and dictionaries) to its C core. For the few hundred
lexicon patterns of a run that Python half is most of a cold start, and its output never
changes for a given pattern, flags, regex version and Python version. This module keeps
those programs in one file (marshal: plain data, no code) and builds the pattern straight
from the stored program the next time; anything unexpected falls back to a normal compile.

Location: $NEWSLINT_PATTERN_CACHE, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint;
NEWSLINT_PATTERN_CACHE=off turns it off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import regex
from regex import _main as regex_main

MAX_ENTRIES = 4000
"""Past this many stored programs, only those used by the last run are kept."""

_lock = threading.Lock()
# Each program stays marshalled until used: as Python lists of ints the few hundred
# programs of a run would take tens of megabytes.
_stored: dict[tuple[str, int], bytes] | None = None  # read on first compile
_used: set[tuple[str, int]] = set()
_dirty = False


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
    """The file of stored programs for this regex and Python version (None: turned off)."""
    setting = os.environ.get("NEWSLINT_PATTERN_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "newslint"
    version = f"{sys.implementation.name}{sys.version_info[0]}{sys.version_info[1]}"
    return folder / f"regex-{regex.__version__}-{version}.marshal"


def compile(source: str, flags: int) -> regex.Pattern[str]:  # noqa: A001 - regex's own name
    """regex.compile(source, flags), from the stored program when there is one."""
    global _stored, _dirty
    key = (source, int(flags))
    with _lock:
        if _stored is None:
            _stored = _load()
        program = _stored.get(key)
        _used.add(key)
    if program is not None:
        try:
            return regex_main._regex.compile(*marshal.loads(program))
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
                _stored[key] = program
                _dirty = True
    return pattern


def _marshalled(arguments: tuple[Any, ...]) -> bytes | None:
    """The arguments marshalled (flags as plain ints), or None when marshal cannot hold
    them exactly (named lists)."""
    plain = tuple(int(a) if isinstance(a, int) else a for a in arguments)
    try:
        program = marshal.dumps(plain)
        return program if marshal.loads(program) == plain else None
    except (ValueError, TypeError):
        return None


def _load() -> dict[tuple[str, int], bytes]:
    path = cache_file()
    if path is None:
        return {}
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}  # absent or damaged: rebuilt at exit
    return data if isinstance(data, dict) else {}


@atexit.register
def save() -> None:
    """Write the stored programs when this run compiled new ones (atomically)."""
    global _dirty
    path = cache_file()
    if not _dirty or _stored is None or path is None:
        return
    with _lock:
        kept = _stored if len(_stored) <= MAX_ENTRIES else {
            key: value for key, value in _stored.items() if key in _used}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".regex-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(marshal.dumps(kept))
                os.replace(temporary, path)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
        except (OSError, ValueError):
            return  # a read-only home (or an entry marshal refuses): compiled again next run
        _dirty = False
