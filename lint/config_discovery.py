"""Configuration that follows the draft: every configuration file above a file, cascaded."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lint.config import Config, Override, discover, load_config
from lint.yamlio import LocatedYaml, PathKey


def config_chain(folder: Path) -> tuple[Path, ...]:
    """The configuration files that apply in `folder`, outermost first.

    In each folder from `folder` up to the file system's root, the first of
    .newslint.yaml, .newslint.yml or pyproject.toml with [tool.newslint] (config.discover).
    """
    found: list[Path] = []
    start: Path | None = folder.resolve()
    while start is not None:
        nearest = discover(start)
        if nearest is None:
            break
        found.append(nearest)
        parent = nearest.parent.parent
        start = parent if parent != nearest.parent else None
    return tuple(reversed(found))


def cascade(configs: list[Config]) -> Config:
    """Merge configurations, outermost first: the closest one wins.

    Scalars (`packs`, `language`, `min_severity`, `files.include`) are the closest
    configuration's that sets them. `rule_dirs` and `files.exclude` add up. `rules` and
    `overrides` of a nested configuration apply after the outer ones (as overrides of its
    own folder), so for one rule the closest setting wins and option lists extend the
    outer ones (see lint.option_merge). `lexicons` lists add up.
    """
    merged = configs[0]
    for inner in configs[1:]:
        merged = _merge(merged, inner)
    return merged


def _sets(config: Config, *key: str) -> bool:
    """Whether the configuration file writes `key` (defaults do not count)."""
    data: Any = config.located.data if config.located is not None else None
    for part in key:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _reroot(prefix: str, pattern: str) -> str:
    """A glob relative to a nested folder, made relative to the outer configuration's."""
    if not prefix:
        return pattern
    if "/" not in pattern.rstrip("/"):
        return f"{prefix}/**/{pattern}"  # a bare name matches at any depth (lint.globs)
    return f"{prefix}/{pattern}"


def _merge(outer: Config, inner: Config) -> Config:
    prefix = inner.root.relative_to(outer.root).as_posix()
    prefix = "" if prefix == "." else prefix
    origins: dict[PathKey, LocatedYaml] = dict(outer.origins)
    doc = inner.located
    changes: dict[str, Any] = {"path": inner.path}

    def take(name: str, *key: str) -> None:
        changes[name] = getattr(inner, name)
        if doc is not None:
            origins[key or (name,)] = doc

    if inner.packs is not None:
        take("packs")
    if _sets(inner, "min_severity"):
        take("min_severity")
    if _sets(inner, "vale"):
        take("vale")
    if _sets(inner, "files", "include"):
        changes["include"] = tuple(_reroot(prefix, g) for g in inner.include)
    changes["exclude"] = (*outer.exclude, *(_reroot(prefix, g) for g in inner.exclude))
    changes["rule_dirs"] = (*outer.rule_dirs,
                            *(d for d in inner.rule_dirs if d not in outer.rule_dirs))
    # The nested file's own settings cover its whole folder; its overrides follow.
    own = Override(files=(f"{prefix}/**" if prefix else "**",), rules=inner.rules,
                   language=inner.language if _sets(inner, "language") else None,
                   located=doc, key=())
    moved = tuple(
        dataclasses.replace(o, files=tuple(_reroot(prefix, g) for g in o.files))
        for o in inner.overrides
    )
    changes["overrides"] = (*outer.overrides, own, *moved)
    lexicons: dict[str, dict[str, Any]] = {k: dict(v) for k, v in outer.lexicons.items()}
    for lang, lists in inner.lexicons.items():
        target = lexicons.setdefault(lang, {})
        for name, entries in lists.items():
            target[name] = _add_entries(target.get(name), entries)
            if doc is not None:
                origins[("lexicons", lang, name)] = doc
        if doc is not None and lang not in outer.lexicons:
            origins[("lexicons", lang)] = doc
    changes["lexicons"] = lexicons
    # Waivers add up; a nested file's globs are relative to its own folder.
    changes["waivers"] = (*outer.waivers, *(
        dataclasses.replace(w, files=_reroot(prefix, w.files if w.files is not None else "**"))
        if prefix else w for w in inner.waivers))
    changes["origins"] = origins
    return dataclasses.replace(outer, **changes)


def _add_entries(outer: Any, inner: Any) -> Any:
    """Lexicon additions: an inner list extends the outer one."""
    if isinstance(outer, list) and isinstance(inner, list):
        return [*outer, *inner]
    return inner


class ConfigResolver:
    """The configuration of each file of a run: `--config` for all, else the cascade of
    the configuration files above the file (cached per folder and per chain)."""

    def __init__(self, explicit: str | None = None, cwd: Path | None = None) -> None:
        self.explicit = explicit
        self.cwd = (cwd or Path.cwd()).resolve()
        self._chains: dict[Path, tuple[Path, ...]] = {}
        self._configs: dict[tuple[Path, ...], Config] = {}

    def chain_for(self, path: str) -> tuple[Path, ...]:
        """The configuration files of `path` (a file, or "-" for the working folder)."""
        if self.explicit is not None:
            return (Path(self.explicit),)
        folder = self.cwd if path == "-" else (self.cwd / path).parent
        folder = Path(_normal(folder))
        if folder not in self._chains:
            self._chains[folder] = config_chain(folder)
        return self._chains[folder]

    def config_for_chain(self, chain: tuple[Path, ...]) -> Config:
        """Load and cascade a chain (raises InputError for a file that cannot be read)."""
        if chain not in self._configs:
            if self.explicit is not None:
                self._configs[chain] = load_config(self.explicit)
            elif not chain:
                self._configs[chain] = Config(root=self.cwd)
            else:
                self._configs[chain] = cascade([load_config(str(p)) for p in chain])
        return self._configs[chain]


def _normal(folder: Path) -> str:
    import os

    return os.path.normpath(os.path.abspath(folder))


def settings_origin(config: Config, key: PathKey) -> LocatedYaml | None:
    """The file that wrote `key` in a (possibly merged) configuration."""
    for length in range(len(key), 0, -1):
        origin = config.origins.get(tuple(key[:length]))
        if origin is not None:
            return origin
    return config.located if config.located is not None and _in(config.located, key) else None


def _in(doc: LocatedYaml, key: PathKey) -> bool:
    data: Any = doc.data
    for part in key:
        if isinstance(data, Mapping) and part in data:
            data = data[part]
        else:
            return False
    return True
