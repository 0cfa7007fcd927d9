"""Lint many files in input order: through the result cache (--cache) and worker processes (--jobs)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from lint.diagnostic import FileResult
from lint.runner import Linter

if TYPE_CHECKING:  # the result cache (hashlib, pickle) is imported by --cache runs only
    from lint.cache import ResultCache

PARALLEL_MIN_FILES = 32
"""Without --jobs, runs over at least this many files use one process per CPU: below it,
starting the workers costs more than it saves."""
_CHUNK = 4
"""Files handed to a worker at a time: fewer round trips, still an even share at the end."""

_worker_linter: Linter | None = None
"""The linter of a worker process (inherited when forked, rebuilt when spawned)."""


def default_jobs(file_count: int) -> int:
    """--jobs when not given: one process per CPU for many files, else one."""
    return (os.cpu_count() or 1) if file_count >= PARALLEL_MIN_FILES else 1


def lint_files(linter: Linter, paths: Sequence[str], jobs: int,
               cache: ResultCache | None = None) -> Iterator[FileResult]:
    """The result of each path, in the order given, whatever `jobs` (the output of a
    parallel run is the serial run's). Cached results are reused and new ones stored."""
    jobs = max(1, min(jobs, len(paths)))
    work: list[tuple[str, bytes | None]] = []
    keys: list[str | None] = []
    found: list[FileResult | None] = []
    for path in paths:
        data = _read(path) if cache is not None else None
        key = cache.key(path, data) if cache is not None and data is not None else None
        hit = cache.get(key) if cache is not None and key is not None else None
        keys.append(key)
        found.append(hit)
        if hit is None:
            # The bytes the key was made of are the bytes linted: a file changing under
            # the run cannot store one version's findings under another's key.
            work.append((path, data))
    fresh = _lint_all(linter, work, jobs)
    for index, hit in enumerate(found):
        if hit is not None:
            yield hit
            continue
        result = next(fresh)
        if cache is not None and keys[index] is not None:
            cache.put(keys[index], result)
        yield result


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None  # linted without the cache: lint_path reports the error


def _lint_all(linter: Linter, work: list[tuple[str, bytes | None]],
              jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(work) < 2:
        for job in work:
            yield _lint(linter, job)
        return
    global _worker_linter
    # Imported only when workers start: most runs lint a few files in one process, and
    # multiprocessing (with socket, selectors...) costs about 4 ms of each start.
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        # Forked workers inherit the linter already built: no second start-up per worker.
        _worker_linter = linter
        pool = multiprocessing.get_context("fork").Pool(jobs)
    else:
        pool = multiprocessing.get_context("spawn").Pool(
            jobs, initializer=_init_worker, initargs=(linter.config, linter.select, linter.ignore))
    try:
        yield from pool.imap(_lint_in_worker, work, chunksize=_CHUNK)
    finally:
        pool.terminate()
        pool.join()
        _worker_linter = None


def _init_worker(config, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    global _worker_linter
    _worker_linter = Linter(config, select, ignore)


def _lint_in_worker(job: tuple[str, bytes | None]) -> FileResult:
    assert _worker_linter is not None
    return _lint(_worker_linter, job)


def _lint(linter: Linter, job: tuple[str, bytes | None]) -> FileResult:
    path, data = job
    return linter.lint_path(path) if data is None else linter.lint_bytes(data, path)
