"""Per-language word lists (rules/<pack>/lexicons/<lang>.yaml), extended by configuration."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from lint.yamlio import InputError, load_yaml


class LexiconStore:
    """Merged lexicons of the enabled packs, by language, with project additions applied.

    A lexicon file is a mapping of list names to lists (of strings or mappings). The
    project configuration may add entries to any list (`lexicons: {fr: {name: [...]}}`)
    or replace a scalar setting.
    """

    def __init__(
        self, pack_dirs: Sequence[Path], additions: Mapping[str, Mapping[str, Any]] | None = None
    ) -> None:
        self._base: dict[str, dict[str, Any]] = {}
        self.errors: list[InputError] = []
        for pack_dir in pack_dirs:
            folder = pack_dir / "lexicons"
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.y*ml")):
                if not path.name.startswith("_"):  # schemas and helpers, never a language
                    self._load(path)
        self._additions = additions or {}
        self._merged: dict[str, dict[str, Any]] = {}

    def _load(self, path: Path) -> None:
        try:
            doc = load_yaml(path.read_text(encoding="utf-8"), str(path))
        except InputError as exc:
            self.errors.append(exc)
            return
        if not isinstance(doc.data, dict):
            self.errors.append(doc.error((), "a lexicon file must map list names to lists"))
            return
        target = self._base.setdefault(path.stem, {})
        for name, value in doc.data.items():
            if isinstance(value, list) and isinstance(target.get(name), list):
                target[name] = target[name] + value
            else:
                target[name] = value

    def addition_problem(self, lang: str, name: str, value: Any) -> str | None:
        """Why a configured addition cannot merge into list `name` of `lang`, else None.

        A list extends a list; anything else replaces a value of the same kind.
        """
        base = self._base.get(lang, {}).get(name)
        if isinstance(base, list) and not isinstance(value, list):
            return f"lexicon {name!r} is a list: add entries as a list, e.g. [{value!r}]"
        if base is not None and not isinstance(base, list) and type(value) is not type(base):
            return f"lexicon {name!r} is {type(base).__name__}, not {type(value).__name__}"
        return None

    def names(self, lang: str) -> set[str]:
        return set(self._base.get(lang, {}))

    def languages(self) -> set[str]:
        return set(self._base)

    def get(self, lang: str) -> dict[str, Any]:
        """All lexicon entries for `lang` ({} when no pack has it: never another language's)."""
        if lang not in self._merged:
            base = self._base.get(lang) or {}
            merged = dict(base)
            for name, extra in (self._additions.get(lang) or {}).items():
                if isinstance(extra, list) and isinstance(merged.get(name), list):
                    merged[name] = list(merged[name]) + list(extra)
                else:
                    merged[name] = extra
            self._merged[lang] = merged
        return self._merged[lang]
