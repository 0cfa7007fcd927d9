"""A cache of lint results keyed by file content, rule set, configuration and newslint version."""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from lint import __version__
from lint.diagnostic import FileResult

MAX_ROWS = 20_000
"""Past this many results, a run drops those of other rule sets and settings when it ends."""
_SCHEMA_VERSION = 1
CACHE_DIR = ".newslint_cache"
"""Default cache folder, in the configuration's folder (hidden: never walked for drafts)."""
_DATABASE = "results.sqlite3"
_PACKAGE = Path(__file__).resolve().parent


def fingerprint(files: Iterable[Path], extra: Sequence[str]) -> str:
    """A digest of every file's path and bytes, and of `extra` strings, in a stable order."""
    digest = hashlib.sha256()
    for text in extra:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    for path in sorted(set(files)):
        try:
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def run_fingerprint(pack_dirs: Iterable[Path], config_path: str | None,
                    options: Sequence[str]) -> str:
    """What every cached result of a run depends on besides the draft itself.

    The newslint version and its own code (so that a development checkout's edits
    invalidate the cache too), every file of the loaded packs (rules, lexicons, language
    packs), the configuration file, and the command-line options that change findings.
    """
    files: list[Path] = [p for p in _PACKAGE.rglob("*") if _is_source(p)]
    for folder in pack_dirs:
        files.extend(p for p in Path(folder).rglob("*") if p.is_file())
    if config_path:
        files.append(Path(config_path).resolve())
    return fingerprint(files, [__version__, *options])


def _is_source(path: Path) -> bool:
    return path.is_file() and "__pycache__" not in path.parts


class ResultCache:
    """Lint results in one SQLite file, by (run fingerprint, path, content digest).

    A cache that cannot be read (corrupt, written by another version of this format) is
    deleted and started again: the run never fails because of it, and never uses it.
    """

    def __init__(self, folder: Path, run_key: str) -> None:
        self.folder = folder
        self.run_key = run_key
        self.hits = 0
        self._connection = self._open()

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / _DATABASE
        try:
            return self._connect(path)
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)  # not a database (any more): start again
            return self._connect(path)

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        connection = sqlite3.connect(path)
        if connection.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA_VERSION:
            connection.execute("DROP TABLE IF EXISTS results")  # another layout: start again
            connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        connection.execute("CREATE TABLE IF NOT EXISTS results "
                           "(key TEXT PRIMARY KEY, run TEXT NOT NULL, result BLOB NOT NULL)")
        # SQLite never leaves a half-written row; losing the last rows in a crash is fine,
        # so the run does not wait for the disk.
        connection.execute("PRAGMA synchronous = OFF")
        ignore = path.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")  # never committed by accident
        return connection

    def key(self, path: str, data: bytes) -> str:
        """The entry of `path` with content `data` under this run's rules and settings."""
        digest = hashlib.sha256(self.run_key.encode())
        digest.update(path.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> FileResult | None:
        """The cached result, or None when absent or unreadable (then it is dropped)."""
        try:
            row = self._connection.execute("SELECT result FROM results WHERE key = ?",
                                           (key,)).fetchone()
        except sqlite3.DatabaseError:
            self._reset()
            return None
        if row is None:
            return None
        try:
            # Only this module writes these blobs, in the user's own cache folder.
            result = pickle.loads(row[0])  # noqa: S301
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, never a crash
            result = None
        if not isinstance(result, FileResult):
            self._drop(key)
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: FileResult) -> None:
        """Remember `result` (never an input error: those depend on more than the bytes)."""
        if result.error is not None:
            return
        blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._connection.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                                     (key, self.run_key, blob))
        except sqlite3.DatabaseError:
            self._reset()

    def close(self) -> None:
        """Save, and keep the cache bounded: past MAX_ROWS results, only this run's stay."""
        try:
            (rows,) = self._connection.execute("SELECT COUNT(*) FROM results").fetchone()
            if rows > MAX_ROWS:
                self._connection.execute("DELETE FROM results WHERE run <> ?", (self.run_key,))
            self._connection.commit()
        except sqlite3.DatabaseError:
            pass
        self._connection.close()

    def _drop(self, key: str) -> None:
        try:
            self._connection.execute("DELETE FROM results WHERE key = ?", (key,))
        except sqlite3.DatabaseError:
            self._reset()

    def _reset(self) -> None:
        """Throw the database away and start an empty one."""
        try:
            self._connection.close()
        except sqlite3.DatabaseError:
            pass
        (self.folder / _DATABASE).unlink(missing_ok=True)
        self._connection = self._connect(self.folder / _DATABASE)
