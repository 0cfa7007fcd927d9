"""Find rule packs (built-in and project rule_dirs) and load their rules and lexicons."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config
from lint.rulespec import RuleSpec, load_pack
from lint.yamlio import InputError


def builtin_rules_dir() -> Path:
    """The shipped `rules/` folder: in the wheel (lint/_rules), or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuntimeError("newslint's built-in rules folder is missing from this installation")


def _is_pack(folder: Path) -> bool:
    return folder.is_dir() and any(
        p.suffix in (".yaml", ".yml") and not p.name.startswith("_") for p in folder.iterdir()
    )


def packs_in(folder: Path) -> dict[str, Path]:
    """A folder of rule files is one pack (named after the folder); otherwise each
    sub-folder holding rule files is a pack."""
    if _is_pack(folder):
        return {folder.name: folder}
    return {p.name: p for p in sorted(folder.iterdir()) if _is_pack(p)}


@dataclass
class Catalog:
    """Every rule of the enabled packs, plus the problems met loading them."""

    specs: list[RuleSpec] = field(default_factory=list)
    pack_dirs: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    @property
    def ids(self) -> set[str]:
        return {s.id for s in self.specs}


def load_catalog(config: Config) -> Catalog:
    """The rules of the packs `config` enables; a rule_dirs pack shadows a built-in one."""
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
    for name in chosen:
        specs, errors = load_pack(available[name], name)
        catalog.specs.extend(specs)
        catalog.errors.extend(errors)
        catalog.pack_dirs.append(available[name])
    return catalog
