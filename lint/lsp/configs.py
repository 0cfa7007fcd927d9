"""The language server's configurations: one Linter per configuration chain, reloaded when stale."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from lint.config import CONFIG_NAMES, Config
from lint.config_discovery import ConfigResolver, config_chain
from lint.runner import Linter
from lint.yamlio import InputError

logger = logging.getLogger(__name__)

CONFIG_FILE_NAMES = (*CONFIG_NAMES, "pyproject.toml")
"""File names whose change means the configuration may have changed."""
WATCH_GLOBS = tuple(f"**/{name}" for name in CONFIG_FILE_NAMES)
"""File-watcher globs registered with clients that support dynamic registration."""


class ConfigStore:
    """Linters by configuration chain, loaded on first use and reloaded when stale.

    A document uses `--config` when given, else the configuration files above it,
    cascaded, the closest winning (lint.config_discovery), as `newslint check` lints it.
    Before each lint the chain's files are looked at again (one stat each): a
    configuration file added, edited or removed on disk takes effect at the next lint
    even when the editor sends no file-watch notification. A configuration that does not
    load or validate is reported and replaced by the chain's previous Linter, or by the
    built-in defaults the first time. Thread-safe: the server lints on several threads.
    """

    def __init__(self, explicit: str | None = None) -> None:
        self.explicit = explicit
        self.folders: tuple[Path, ...] = ()
        """Workspace folders, deepest first: where a document outside any configuration
        is rooted."""
        self._linters: dict[tuple[Path, ...], tuple[Linter, tuple[int, ...]]] = {}
        # Each document folder's chain, with the stamp of every place a configuration file
        # could appear above it: a lint costs a few stats, not a read of each pyproject.toml.
        self._chains: dict[Path, tuple[tuple[int, ...], tuple[Path, ...]]] = {}
        self._lock = threading.RLock()

    def set_folders(self, folders: Iterable[Path]) -> None:
        with self._lock:
            self.folders = tuple(sorted({f.resolve() for f in folders},
                                        key=lambda f: len(f.parts), reverse=True))

    def folder_for(self, path: Path | None) -> Path:
        """The workspace folder holding `path`; the file's own folder outside them all."""
        if path is not None:
            path = path.resolve()
            for folder in self.folders:
                if path.is_relative_to(folder):
                    return folder
            return path.parent
        return self.folders[-1] if self.folders else Path.cwd().resolve()

    def chain_for(self, path: Path | None) -> tuple[Path, ...]:
        """The configuration files that apply to a document, outermost first."""
        if self.explicit is not None:
            return (Path(self.explicit),)
        folder = path.resolve().parent if path is not None else self.folder_for(None)
        candidates = tuple(place / name for place in (folder, *folder.parents)
                           for name in CONFIG_FILE_NAMES)
        probe = _stamp(candidates)
        known = self._chains.get(folder)
        if known is None or known[0] != probe:
            known = self._chains[folder] = (probe, config_chain(folder))
        return known[1]

    def linter_for(self, path: Path | None) -> tuple[Linter, list[str]]:
        """The Linter for a document, and error messages from loading it (if it was loaded
        now: first use, or a configuration file of its chain changed on disk)."""
        with self._lock:
            chain = self.chain_for(path)
            stamp = _stamp(chain)
            loaded = self._linters.get(chain)
            if loaded is not None and loaded[1] == stamp:
                return loaded[0], []
            messages = self._load(chain, self.folder_for(path))
            return self._linters[chain][0], messages

    def reload(self) -> list[str]:
        """Reload every configuration loaded so far; return the problems found."""
        messages: list[str] = []
        with self._lock:
            for chain, (linter, _) in list(self._linters.items()):
                messages.extend(self._load(chain, linter.config.root))
        return messages

    def concerns(self, path: Path) -> bool:
        """Whether a change to `path` may change a loaded configuration: a configuration
        file, or a rule file in one of the configurations' rule_dirs."""
        if path.name in CONFIG_FILE_NAMES:
            return True
        return path.suffix in (".yaml", ".yml") and any(
            path.resolve().is_relative_to(folder)
            for linter, _ in self._linters.values() for folder in linter.config.rule_dirs
        )

    def _load(self, chain: tuple[Path, ...], folder: Path) -> list[str]:
        previous = self._linters.get(chain)
        stamp = _stamp(chain)
        try:
            # A fresh resolver: its cache must not outlive the files it read.
            config = ConfigResolver(self.explicit, cwd=folder).config_for_chain(chain)
            linter = Linter(config)
            problems: Sequence[InputError] = linter.errors
        except InputError as exc:
            problems = [exc]
        except Exception as exc:  # noqa: BLE001 - a broken configuration must not stop the server
            logger.exception("loading the configuration for %s failed", folder)
            problems = [InputError(str(folder), 1, 1, f"{type(exc).__name__}: {exc}")]
        if not problems:
            self._linters[chain] = (linter, stamp)
            return []
        fallback = ("keeping the previous configuration" if previous
                    else "using the built-in defaults")
        # The stamp is kept with the fallback, so a broken file is reported once, not at
        # every lint; the next change to it loads it again.
        self._linters[chain] = (previous[0] if previous else Linter(Config(root=folder)), stamp)
        return [f"newslint: configuration error ({fallback}): "
                f"{p.path}:{p.line}:{p.column}: {p.message}" for p in problems]


def _stamp(paths: tuple[Path, ...]) -> tuple[int, ...]:
    """The files' modification times and sizes (-1 for one that is missing)."""
    stamp: list[int] = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            stamp.extend((-1, -1))
        else:
            stamp.extend((info.st_mtime_ns, info.st_size))
    return tuple(stamp)
