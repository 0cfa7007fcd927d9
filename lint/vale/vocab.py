"""Vale vocabularies (`Vocab = Name`: accept.txt, reject.txt) → Vale.Terms, Vale.Avoid and
the exceptions every other Vale rule takes from them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.rulespec import RuleSpec, parse_rule
from lint.vale.rules import vale_message
from lint.yamlio import InputError, LocatedYaml

VOCAB_FOLDERS = ("config/vocabularies", "Vocab")
"""Where a vocabulary lives under StylesPath (Vale 3, then older Vale)."""
BUILTIN_STYLE = "Vale"
TERMS_MESSAGE = "Use '%s' instead of '%s'."
AVOID_MESSAGE = "Avoid using '%s'."
"""Vale's own messages for its built-in rules, reproduced for scripts that read them."""

_LITERAL = re.compile(r"[\w\s'’-]+")


@dataclass
class Vocabulary:
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def read_vocabularies(styles_path: Path, names: list[str], ini_path: Path) -> Vocabulary:
    """The accept and reject entries of every named vocabulary (comments and blanks skipped)."""
    vocab = Vocabulary()
    for name in names:
        folder = next((styles_path / sub / name for sub in VOCAB_FOLDERS
                       if (styles_path / sub / name).is_dir()), None)
        if folder is None:
            vocab.errors.append(InputError(str(ini_path), 1, 1,
                                           f"vocabulary {name!r} not found under {styles_path}"))
            continue
        for kind in ("accept", "reject"):
            path = folder / f"{kind}.txt"
            if path.is_file():
                vocab.paths.append(path)
                entries = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                           if line.strip() and not line.lstrip().startswith("#")]
                getattr(vocab, kind).extend(entries)
    return vocab


def builtin_rules(vocab: Vocabulary) -> list[RuleSpec]:
    """Vale.Terms (an accepted term written in another case) and Vale.Avoid (a rejected one)."""
    specs = []
    # Only literal terms have one right spelling to suggest; a regex entry still
    # exempts its matches from the other rules.
    # A later vocabulary's spelling of a term wins ('Definately' over 'definately').
    literal = list({t.casefold(): t for t in vocab.accept if _LITERAL.fullmatch(t)}.values())
    if literal:
        swap = {f"\\b(?:{t})\\b": t for t in literal}
        specs.append(_spec(vocab, "Terms", {
            "type": "substitution", "severity": "error", "ignorecase": True, "nonword": True,
            "message": vale_message(TERMS_MESSAGE, ("replacement", "match")), "swap": swap,
            "match_case": False}))
    if vocab.reject:
        specs.append(_spec(vocab, "Avoid", {
            "type": "existence", "severity": "error", "nonword": True,
            "message": vale_message(AVOID_MESSAGE, ("match",)),
            "tokens": [f"\\b(?:{'|'.join(vocab.reject)})\\b"]}))
    return specs


def _spec(vocab: Vocabulary, name: str, data: dict[str, object]) -> RuleSpec:
    path = str(vocab.paths[0]) if vocab.paths else "<vocabulary>"
    return parse_rule(LocatedYaml(path, data), BUILTIN_STYLE, name)
