"""The language server's configurations: one Linter per workspace folder, reloadable."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from lint.config import CONFIG_NAMES, Config, load_config
from lint.runner import Linter
from lint.yamlio import InputError

logger = logging.getLogger(__name__)

CONFIG_FILE_NAMES = (*CONFIG_NAMES, "pyproject.toml")
"""File names whose change means the configuration may have changed."""
WATCH_GLOBS = tuple(f"**/{name}" for name in CONFIG_FILE_NAMES)
"""File-watcher globs registered with clients that support dynamic registration."""


class ConfigStore:
    """Linters by workspace folder, loaded on first use and reloaded on request.

    A folder uses `--config` when given, else the configuration discovered from the
    folder upwards (as `newslint check` run there would). A configuration that does not
    load or validate is reported and replaced by the folder's previous Linter, or by the
    built-in defaults the first time. Thread-safe: the server lints on several threads.
    """

    def __init__(self, explicit: str | None = None) -> None:
        self.explicit = explicit
        self.folders: tuple[Path, ...] = ()
        """Workspace folders, deepest first, so a nested folder wins over its parent."""
        self._linters: dict[Path, Linter] = {}
        self._lock = threading.RLock()

    def set_folders(self, folders: Iterable[Path]) -> None:
        with self._lock:
            self._set_folders(folders)

    def _set_folders(self, folders: Iterable[Path]) -> None:
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

    def linter_for(self, path: Path | None) -> tuple[Linter, list[str]]:
        """The Linter for a document, and error messages from loading it (if it was loaded
        now)."""
        with self._lock:
            folder = self.folder_for(path)
            linter = self._linters.get(folder)
            if linter is not None:
                return linter, []
            messages = self._load(folder)
            return self._linters[folder], messages

    def reload(self) -> list[str]:
        """Reload every folder loaded so far; return the problems found."""
        messages: list[str] = []
        with self._lock:
            for folder in list(self._linters):
                messages.extend(self._load(folder))
        return messages

    def concerns(self, path: Path) -> bool:
        """Whether a change to `path` may change a loaded configuration: a configuration
        file, or a rule file in one of the configurations' rule_dirs."""
        if path.name in CONFIG_FILE_NAMES:
            return True
        return path.suffix in (".yaml", ".yml") and any(
            path.resolve().is_relative_to(folder)
            for linter in self._linters.values() for folder in linter.config.rule_dirs
        )

    def _load(self, folder: Path) -> list[str]:
        previous = self._linters.get(folder)
        try:
            config = load_config(self.explicit, start=folder)
            linter = Linter(config)
            problems: Sequence[InputError] = linter.errors
        except InputError as exc:
            problems = [exc]
        except Exception as exc:  # noqa: BLE001 - a broken configuration must not stop the server
            logger.exception("loading the configuration for %s failed", folder)
            problems = [InputError(str(folder), 1, 1, f"{type(exc).__name__}: {exc}")]
        if not problems:
            self._linters[folder] = linter
            return []
        fallback = ("keeping the previous configuration" if previous
                    else "using the built-in defaults")
        self._linters[folder] = previous or Linter(Config(root=folder))
        return [f"newslint: configuration error ({fallback}): "
                f"{p.path}:{p.line}:{p.column}: {p.message}" for p in problems]
