"""One Linter per distinct configuration of a run: each file is linted with its own."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lint.config_discovery import ConfigResolver
from lint.runner import Linter
from lint.yamlio import InputError


class LinterPool:
    """Linters by configuration chain; configuration errors are collected once each."""

    def __init__(self, explicit: str | None = None, select: Sequence[str] = (),
                 ignore: Sequence[str] = (), cwd: Path | None = None,
                 isolate: bool = False) -> None:
        self.resolver = ConfigResolver(explicit, cwd)
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.isolate = isolate
        """Passed to each Linter: a failure on one file becomes a diagnostic on it."""
        self.errors: list[InputError] = []
        self._linters: dict[tuple[Path, ...], Linter | None] = {}

    @property
    def linters(self) -> list[Linter]:
        return [linter for linter in self._linters.values() if linter is not None]

    def linter_for(self, path: str) -> Linter | None:
        """The Linter of `path`'s configuration; None when that configuration is broken
        (its errors are in `errors`, once)."""
        chain = self.resolver.chain_for(path)
        if chain not in self._linters:
            try:
                config = self.resolver.config_for_chain(chain)
            except InputError as exc:
                self.errors.append(exc)
                self._linters[chain] = None
                return None
            linter = Linter(config, self.select, self.ignore, isolate=self.isolate)
            seen = {(e.path, e.line, e.column, e.message) for e in self.errors}
            self.errors.extend(e for e in linter.errors
                               if (e.path, e.line, e.column, e.message) not in seen)
            self._linters[chain] = None if linter.errors else linter
        return self._linters[chain]

    def included(self, path: str) -> bool:
        """Whether a file met while walking a folder matches its configuration's include."""
        linter = self.linter_for(path)
        return linter is not None and linter.is_included(path)

    def excluded(self, path: str) -> bool:
        """Whether its configuration excludes `path` (a broken configuration excludes
        nothing: the run stops on its errors before linting)."""
        linter = self.linter_for(path)
        return linter is not None and linter.is_excluded(path)
