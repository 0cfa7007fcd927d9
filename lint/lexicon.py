"""Per-language lexicons (rules/<pack>/lexicons/<lang>.yaml), schema-checked, extended by config."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lint.lexicon_schema import Schema, check_value, load_schema
from lint.yamlio import InputError, LocatedYaml, PathKey, read_yaml_file

AdditionProblem = tuple[PathKey, str, bool]
"""A sub-path under `lexicons.<lang>.<key>`, the message, and whether the key itself is at fault."""


class LexiconStore:
    """Merged lexicons of the enabled packs, by language, with project additions applied.

    A lexicon file maps declared keys (see lint.lexicon_schema) to values of their kind.
    Files whose name starts with `_` (the schemas) are not languages. The project
    configuration may add entries to any key (`lexicons: {fr: {name: [...]}}`): lists
    extend lists, mappings extend mappings.
    """

    def __init__(
        self, pack_dirs: Sequence[Path], additions: Mapping[str, Mapping[str, Any]] | None = None,
        *, trust_builtin: bool = True,
    ) -> None:
        # The built-in lexicons' regexes are compiled by the test suite, not on every run.
        self.trust_builtin = trust_builtin
        self._base: dict[str, dict[str, Any]] = {}
        self._docs: dict[str, list[LocatedYaml]] = {}
        self._by_path: dict[str, LocatedYaml] = {}
        self.schema: Schema = load_schema(pack_dirs)
        self.errors: list[InputError] = list(self.schema.errors)
        for pack_dir in pack_dirs:
            folder = pack_dir / "lexicons"
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.y*ml")):
                if not path.name.startswith("_"):  # schemas and helpers, never a language
                    self._load(path)
        self._check_required()
        self._additions = additions or {}
        self._merged: dict[str, dict[str, Any]] = {}

    def document(self, path: Path) -> LocatedYaml | None:
        """The lexicon file at `path` as read here (None: not read, unreadable or not a
        mapping), so that other start-up checks need not parse it again."""
        return self._by_path.get(str(path))

    def _load(self, path: Path) -> None:
        try:
            doc = read_yaml_file(path)
        except InputError as exc:
            self.errors.append(exc)
            return
        if not isinstance(doc.data, dict):
            self.errors.append(doc.error((), "a lexicon file must map lexicon keys to values"))
            return
        self._docs.setdefault(path.stem, []).append(doc)
        self._by_path[str(path)] = doc
        target = self._base.setdefault(path.stem, {})
        trusted = self.trust_builtin and _is_builtin(path)
        for name, value in doc.data.items():
            problems = self._problems(str(name), value, regexes=not trusted)
            if problems:
                # A wrong value is left out: the run stops on the error before any rule reads it.
                self.errors.extend(doc.error((name, *sub), message, of_key=of_key)
                                   for sub, message, of_key in problems)
            else:
                target[name] = _merged(target.get(name), value)

    def _problems(self, name: str, value: Any, *, regexes: bool = True) -> list[AdditionProblem]:
        declared = self.schema.keys.get(name)
        if declared is None:
            if name in self.schema.broken:
                return []  # its declaration is already reported
            hint = self.schema.closest(name) or (
                " (declare it in the lexicons/_schema.yaml of its pack)")
            return [((), f"unknown lexicon key {name!r}{hint}", True)]
        return [(sub, f"lexicon {name!r}: {message}", False)
                for sub, message in check_value(declared.kind, value, regexes=regexes)]

    def _check_required(self) -> None:
        """A language that uses any key of a schema file gives every required key of it.

        Per schema file, so a language pack that only gives another file's keys (say,
        language detection words) is not forced to carry every editorial list.
        """
        by_source: dict[str, list[str]] = {}
        for decl in self.schema.keys.values():
            by_source.setdefault(decl.source, []).append(decl.name)
        for lang, docs in sorted(self._docs.items()):
            # Keys given with a wrong value count as given: they are reported already.
            data = {name for doc in docs for name in doc.data}
            for source, names in by_source.items():
                if not any(n in data for n in names):
                    continue
                missing = [n for n in names if self.schema.keys[n].required and n not in data]
                if missing:
                    doc = next(d for d in docs if any(n in d.data for n in names))
                    plural = "s" if len(missing) > 1 else ""
                    self.errors.append(doc.error((), (
                        f"lexicon {lang!r} lacks required key{plural} declared in {source}: "
                        + ", ".join(missing))))

    def addition_problems(self, lang: str, name: str, value: Any) -> list[AdditionProblem]:
        """Why a configured addition to key `name` of `lang` is wrong (nothing when it is fine):
        the key must be declared, the value must fit its kind, and it must merge with the
        pack's value (a list extends a list)."""
        problems = self._problems(name, value)
        if problems:
            return problems
        base = self._base.get(lang, {}).get(name)
        if base is not None and type(value) is not type(base):
            noun = "a list: add entries as a list" if isinstance(base, list) else "a mapping"
            return [((), f"lexicon {name!r} is {noun}", False)]
        return []

    def names(self, lang: str) -> set[str]:
        return set(self._base.get(lang, {}))

    def languages(self) -> set[str]:
        return set(self._base)

    def entries(self, lang: str) -> dict[str, int]:
        """How many entries each key of `lang` has (list items or mapping keys)."""
        return {name: len(value) if isinstance(value, (list, dict)) else 1
                for name, value in self.get(lang).items()}

    def get(self, lang: str) -> dict[str, Any]:
        """All lexicon entries for `lang` ({} when no pack has it: never another language's)."""
        if lang not in self._merged:
            base = self._base.get(lang) or {}
            merged = dict(base)
            for name, extra in (self._additions.get(lang) or {}).items():
                merged[name] = _merged(merged.get(name), extra)
            self._merged[lang] = merged
        return self._merged[lang]


def _merged(base: Any, extra: Any) -> Any:
    """`extra` added to `base`: lists concatenate, mappings merge key by key (their lists
    concatenate too, so a hedge category can be extended), anything else replaces."""
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *extra]
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merged(out.get(key), value) if isinstance(value, list) else value
        return out
    return extra


def _is_builtin(path: Path) -> bool:
    """A lexicon shipped with newslint (under lint.packs.builtin_rules_dir())."""
    from lint.packs import builtin_rules_dir  # lint.packs imports this module

    return path.resolve().is_relative_to(builtin_rules_dir())
