"""Find packs (built-in and project rule_dirs): rule packs and lexicon-only language packs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.config import Config
from lint.document.language import LANGUAGE_KEYS
from lint.lexicon import LexiconStore
from lint.rulespec import RuleSpec, load_pack, placeholder_problem, placeholders
from lint.yamlio import InputError, read_yaml_file


def builtin_rules_dir() -> Path:
    """The shipped `rules/` folder: in the wheel (lint/_rules), or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuntimeError("newslint's built-in rules folder is missing from this installation")


def _yaml_files(folder: Path) -> list[Path]:
    """The YAML files directly in `folder`, except '_'-prefixed ones (schemas, helpers)."""
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.iterdir()) if p.is_file()
            and p.suffix in (".yaml", ".yml") and not p.name.startswith("_")]


def lexicon_files(folder: Path) -> list[Path]:
    """A pack's lexicons, `lexicons/<lang>.yaml`: the file stem is the language."""
    return _yaml_files(folder / "lexicons")


def is_language_pack(folder: Path) -> bool:
    """A folder with lexicons and no rule files: it adds or extends languages."""
    return folder.is_dir() and not _yaml_files(folder) and bool(lexicon_files(folder))


def _is_pack(folder: Path) -> bool:
    return folder.is_dir() and bool(_yaml_files(folder) or lexicon_files(folder))


def packs_in(folder: Path) -> dict[str, Path]:
    """A folder of rule files (or of lexicons only) is one pack, named after the folder;
    otherwise each such sub-folder is a pack."""
    if _is_pack(folder):
        return {folder.name: folder}
    return {p.name: p for p in sorted(folder.iterdir()) if _is_pack(p)}


def builtin_language_packs() -> list[Path]:
    """The shipped language packs (rules/en, rules/fr)."""
    return [p for p in packs_in(builtin_rules_dir()).values() if is_language_pack(p)]


@dataclass
class Catalog:
    """Every rule of the enabled packs, plus the problems met loading them."""

    specs: list[RuleSpec] = field(default_factory=list)
    pack_dirs: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    packs: dict[str, Path] = field(default_factory=dict)
    """Every loaded pack by name, language packs included."""
    complete: bool = True
    """Every available pack is loaded (so a name no loaded rule has is a typo)."""
    lexicon_data: list[tuple[str, Path, Any]] | None = field(default=None, repr=False)
    """(pack, path, data) of every loaded lexicon, read once on demand (_lexicon_data)."""

    @property
    def ids(self) -> set[str]:
        return {s.id for s in self.specs}


def load_catalog(config: Config) -> Catalog:
    """The rules of the packs `config` enables; a rule_dirs pack shadows a built-in one.

    Language packs carry no rules, so every one is loaded whatever `packs:` lists.
    """
    builtin = packs_in(builtin_rules_dir())
    extra: dict[str, Path] = {}
    for folder in config.rule_dirs:
        extra.update(packs_in(folder))
    available = {**builtin, **extra}
    catalog = Catalog()
    if config.packs is None:
        chosen = list(available)
    else:
        chosen = []
        for index, name in enumerate(config.packs):
            if name not in available:
                catalog.errors.append(config.error(
                    ("packs", index),
                    f"unknown pack {name!r} (available: {', '.join(sorted(available))})"))
            elif name not in chosen:
                chosen.append(name)
        chosen.extend(n for n, p in available.items() if is_language_pack(p) and n not in chosen)
    for name in chosen:
        specs, errors = load_pack(available[name], name)
        catalog.specs.extend(specs)
        catalog.errors.extend(errors)
        catalog.pack_dirs.append(available[name])
        catalog.packs[name] = available[name]
    catalog.complete = set(chosen) == set(available)
    return catalog


def _lexicon_data(catalog: Catalog, store: LexiconStore | None = None,
                  ) -> list[tuple[str, Path, Any]]:
    """(pack name, path, data) of every loaded lexicon, read once per catalog; the files
    `store` has already read are taken from it (parsing the two language lexicons again
    cost about 11 ms of every start). Unreadable files are skipped here, LexiconStore
    reports them."""
    if catalog.lexicon_data is None:
        catalog.lexicon_data = []
        for name, folder in catalog.packs.items():
            for path in lexicon_files(folder):
                doc = store.document(path) if store is not None else None
                if doc is None:
                    try:
                        doc = read_yaml_file(path)
                    except (InputError, OSError):
                        continue
                catalog.lexicon_data.append((name, path, doc.data))
    return catalog.lexicon_data


def lexicon_languages(catalog: Catalog, store: LexiconStore) -> dict[str, frozenset[str]]:
    """For each pack with rules and a lexicon of its own (editorial), the languages whose
    merged lexicon has that lexicon's keys: its rules run on no other language."""
    rule_packs = {spec.pack for spec in catalog.specs}
    keys: dict[str, set[str]] = {}
    for name, _, data in _lexicon_data(catalog, store):
        if name in rule_packs and isinstance(data, dict):
            keys.setdefault(name, set()).update(set(data) - LANGUAGE_KEYS)
    return {
        name: frozenset(lang for lang in store.languages() if own & store.names(lang))
        for name, own in keys.items() if own
    }


def message_errors(catalog: Catalog, store: LexiconStore | None = None) -> list[InputError]:
    """Problems of the `messages:` overlays of every loaded lexicon: a rule no pack has,
    a bad template, a placeholder the rule's own message does not use (`store`: the
    lexicons already read, see _lexicon_data)."""
    errors: list[InputError] = []
    names = {spec.name for spec in catalog.specs} | catalog.ids
    for _, path, data in _lexicon_data(catalog, store):
        if not isinstance(data, dict) or "messages" not in data:
            continue
        doc = store.document(path) if store is not None else None
        if doc is None:
            doc = read_yaml_file(path)  # for the positions
        messages = doc.data["messages"]
        if not isinstance(messages, dict):
            errors.append(doc.error(("messages",), "'messages' maps rule names or ids to "
                                                   "message templates"))
            continue
        for key, template in messages.items():
            here = ("messages", key)
            specs = [s for s in catalog.specs if key in (s.id, s.name)]
            if not specs:
                # A rule of a pack the configuration leaves out is not a typo.
                if catalog.complete:
                    import difflib  # only for a message or a --diff: not at every start

                    close = difflib.get_close_matches(str(key), sorted(names), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    errors.append(doc.error(here, f"messages: unknown rule {key!r}{hint}",
                                            of_key=True))
                continue
            if not isinstance(template, str) or not template.strip():
                errors.append(doc.error(here, f"messages.{key} must be a message string"))
                continue
            if problem := placeholder_problem(template):
                errors.append(doc.error(here, problem))
                continue
            allowed = {"match"}.union(*(placeholders(m) for s in specs for m in s.messages.values()))
            if extra := placeholders(template) - allowed:
                errors.append(doc.error(here, f"messages.{key}: placeholder "
                                              f"{{{sorted(extra)[0]}}} is not in the rule's "
                                              f"message (it has: {', '.join(sorted(allowed))})"))
    return errors
