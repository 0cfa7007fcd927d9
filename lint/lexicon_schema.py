"""The declared lexicon keys (each pack's lexicons/_schema*.yaml) and the checks of their values."""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.editorial.grammar import SHAPE_FIELDS
from lint.patterns import PatternError, check_regex, compile_pattern
from lint.yamlio import InputError, LocatedYaml, PathKey, read_yaml_file

Problem = tuple[PathKey, str]
"""Where in a value (a sub-path) and what is wrong with it."""


# -- kinds: the only code; the keys themselves are data --------------------------------


def _regex(value: Any, at: PathKey) -> Iterator[Problem]:
    if not isinstance(value, str):
        yield at, f"expected a regex (a string), not {_shown(value)}"
        return
    if not _REGEXES_CHECKED.get():
        return
    try:
        # As written first, so that the error's position is one the author can count.
        compile_pattern(value)
    except PatternError as exc:
        yield at, f"invalid regex {value!r}: {exc}"
        return
    if problem := check_regex(value):  # as the rules compile it (spaces, apostrophes)
        yield at, problem


def _regex_list(value: Any, at: PathKey = ()) -> Iterator[Problem]:
    if not isinstance(value, list):
        yield at, f"expected a list of regexes, not {_shown(value)}"
        return
    for index, item in enumerate(value):
        yield from _regex(item, (*at, index))


def _words(value: Any) -> Iterator[Problem]:
    if not isinstance(value, list):
        yield (), f"expected a list of '|'-separated words, not {_shown(value)}"
        return
    for index, item in enumerate(value):
        if not isinstance(item, str):
            yield (index,), f"expected '|'-separated words (a string), not {_shown(item)}"
        elif any(not w.strip() for w in item.split("|")):
            yield (index,), f"empty word in {item!r}"


def _mapping(value: Any, what: str) -> Iterator[Problem]:
    if not isinstance(value, dict):
        yield (), f"expected a mapping of {what}, not {_shown(value)}"


def _map(value: Any) -> Iterator[Problem]:
    yield from _mapping(value, "text to text")
    for key, item in value.items() if isinstance(value, dict) else ():
        if not isinstance(item, str):
            yield (key,), f"expected text, not {_shown(item)}"


def _categories(value: Any) -> Iterator[Problem]:
    # Each category is a family of shapes (plain regexes are unnamed shapes).
    yield from _mapping(value, "category names to lists of shapes or regexes")
    for key, item in value.items() if isinstance(value, dict) else ():
        yield from (((key, *at), message) for at, message in _shapes(item))


def _counts(value: Any) -> Iterator[Problem]:
    yield from _mapping(value, "names to whole numbers")
    for key, item in value.items() if isinstance(value, dict) else ():
        if not isinstance(item, int) or isinstance(item, bool):
            yield (key,), f"expected a whole number, not {_shown(item)}"


_TRIGGER_FIELDS = ("pattern", "weight", "group")


def _triggers(value: Any) -> Iterator[Problem]:
    if not isinstance(value, list):
        yield (), f"expected a list of {{pattern, weight, group}}, not {_shown(value)}"
        return
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            yield (index,), f"expected {{pattern, weight, group}}, not {_shown(item)}"
            continue
        yield from _fields(item, (index,), _TRIGGER_FIELDS)
        if "pattern" not in item:
            yield (index,), "a trigger needs 'pattern'"
        else:
            yield from _regex(item["pattern"], (index, "pattern"))
        weight = item.get("weight", 1)
        if not isinstance(weight, int) or isinstance(weight, bool):
            yield (index, "weight"), f"'weight' must be a whole number, not {_shown(weight)}"
        if "group" in item and not isinstance(item["group"], str):
            yield (index, "group"), f"'group' must be a name, not {_shown(item['group'])}"


def _shapes(value: Any) -> Iterator[Problem]:
    # Fields and outline here; how a shape matches belongs to its matcher.
    if not isinstance(value, list):
        yield (), f"expected a list of shapes, not {_shown(value)}"
        return
    for index, item in enumerate(value):
        if isinstance(item, str):
            yield from _regex(item, (index,))
        elif not isinstance(item, dict):
            yield (index,), f"expected a shape (a mapping or a string), not {_shown(item)}"
        elif unknown := list(_fields(item, (index,), sorted(SHAPE_FIELDS))):
            # The matcher's own field list (lint/editorial/grammar.py): a typo such as
            # 'seqs:' is reported at load, with its position, not when a rule compiles.
            yield from unknown
        elif not isinstance(item.get("name"), str):
            yield (index,), "a shape needs a 'name'"
        elif "pattern" in item and "seq" in item:
            yield (index,), f"shape {item['name']!r} needs either 'pattern' or 'seq', not both"
        elif "pattern" not in item and "seq" not in item and "enabled" not in item:
            # Only a name and 'enabled' switches a built-in shape off or on.
            yield (index,), f"shape {item['name']!r} needs 'pattern' or 'seq' (or only 'enabled')"
        elif "pattern" in item:
            yield from _regex(item["pattern"], (index, "pattern"))
        elif not isinstance(item["seq"], list):
            yield (index, "seq"), f"'seq' of shape {item['name']!r} must be a list"


KINDS: dict[str, tuple[Callable[[Any], Iterator[Problem]], str]] = {
    "terms": (_regex_list, "regexes matched on word boundaries"),
    "raw": (_regex_list, "regexes without word bounds"),
    "patterns": (_regex_list, "regexes used as written (anchors allowed)"),
    "words": (_words, "'|'-separated word sets"),
    "map": (_map, "text -> text"),
    "categories": (_categories, "category -> list of shapes or regexes"),
    "triggers": (_triggers, "list of {pattern, weight, group}"),
    "counts": (_counts, "name -> whole number"),
    "shapes": (_shapes, "list of named shapes ({name, pattern | seq}) or strings"),
}
"""Each kind's validator and one-line description."""

CASES = ("insensitive", "sensitive")
_DECLARATION_FIELDS = ("kind", "case", "required", "meaning", "replaces")


def _fields(item: dict[Any, Any], at: PathKey, known: Sequence[str]) -> Iterator[Problem]:
    for name in item:
        if name not in known:
            yield (*at, name), f"unknown field {name!r}{suggest(str(name), known)}"


def _shown(value: Any) -> str:
    kind = {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
            type(None): "nothing"}.get(type(value), type(value).__name__)
    return f"{kind} ({value!r})" if isinstance(value, (str, int, float)) else kind


def suggest(name: str, known: Sequence[str] | set[str]) -> str:
    """` (did you mean 'x'?)` for the closest known name, or nothing."""
    import difflib  # only for a message or a --diff: not at every start

    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


_REGEXES_CHECKED: contextvars.ContextVar[bool] = contextvars.ContextVar("regexes_checked",
                                                                      default=True)


def check_value(kind: str, value: Any, *, regexes: bool = True) -> list[Problem]:
    """Every problem of `value` as a value of `kind`, with its sub-path.

    With `regexes=False` the shape of the value is checked but its regexes are not compiled:
    compiling every pattern of the built-in lexicons twice would triple start-up time, and the
    test suite compiles them (tests/test_lexicon_schema.py).
    """
    token = _REGEXES_CHECKED.set(regexes)
    try:
        return list(KINDS[kind][0](value))
    finally:
        _REGEXES_CHECKED.reset(token)


# -- declarations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Declaration:
    """One declared lexicon key."""

    name: str
    kind: str
    case: str
    required: bool
    meaning: str
    pack: str
    """The pack whose schema declares it (the folder name)."""
    source: str
    """The schema file that declares it; required keys are checked per file."""
    replaces: bool = False


@dataclass
class Schema:
    """Every declared key of the loaded packs, and the problems met reading them."""

    keys: dict[str, Declaration]
    errors: list[InputError]
    broken: set[str]
    """Keys whose declaration is wrong: already reported, so not reported as unknown."""

    def closest(self, name: str) -> str:
        return suggest(name, set(self.keys))


def schema_files(folder: Path) -> list[Path]:
    """`_schema.yaml` first, then the other `_schema*.yaml` of a lexicons folder by name."""
    found = sorted(folder.glob("_schema*.y*ml"))
    return sorted(found, key=lambda p: (p.stem != "_schema", p.name))


def load_schema(pack_dirs: Sequence[Path]) -> Schema:
    """Merge the declarations of every pack's lexicons/_schema*.yaml.

    A key declared twice is an error unless one of the declarations sets `replaces: true`
    (a house pack or a later schema file redefining a key on purpose).
    """
    schema = Schema({}, [], set())
    for pack_dir in pack_dirs:
        folder = pack_dir / "lexicons"
        if not folder.is_dir():
            continue
        for path in schema_files(folder):
            try:
                doc = read_yaml_file(path)
            except InputError as exc:
                schema.errors.append(exc)
                continue
            for decl in _declarations(doc, pack_dir.name, schema):
                earlier = schema.keys.get(decl.name)
                if earlier is not None and not decl.replaces:
                    if earlier.replaces:
                        continue  # the earlier declaration replaces this one
                    schema.errors.append(doc.error(
                        ("keys", decl.name),
                        f"lexicon key {decl.name!r} is already declared in "
                        f"{earlier.source} (set 'replaces: true' to redefine it)", of_key=True))
                    continue
                schema.keys[decl.name] = decl
    return schema


def _declarations(doc: LocatedYaml, pack: str, schema: Schema) -> Iterator[Declaration]:
    errors, data = schema.errors, doc.data
    if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
        errors.append(doc.error((), "a lexicon schema declares its keys under 'keys:'"))
        return
    for key in data:
        if key != "keys":
            errors.append(doc.error((key,), f"unknown schema section {key!r} (known: keys)",
                                    of_key=True))
    for name, spec in data["keys"].items():
        at = ("keys", name)
        if not isinstance(spec, dict):
            schema.broken.add(str(name))
            errors.append(doc.error(at, f"declaration of {name!r} must be a mapping "
                                        f"with {', '.join(_DECLARATION_FIELDS)}"))
            continue
        unknown = list(_fields(spec, at, _DECLARATION_FIELDS))  # located at the field's key
        problems: list[Problem] = []
        kind, case = spec.get("kind"), spec.get("case", "insensitive")
        if kind not in KINDS:
            problems.append(((*at, "kind"), f"kind must be one of {', '.join(KINDS)}, "
                                            f"not {kind!r}{suggest(str(kind), list(KINDS))}"))
        if case not in CASES:
            problems.append(((*at, "case"), f"case must be one of {', '.join(CASES)}"))
        for flag in ("required", "replaces"):
            if not isinstance(spec.get(flag, False), bool):
                problems.append(((*at, flag), f"{flag!r} must be true or false"))
        meaning = spec.get("meaning")
        if not isinstance(meaning, str) or not meaning.strip() or "\n" in meaning.strip():
            problems.append(((*at, "meaning"), f"{name!r} needs a one-line 'meaning'"))
        if unknown or problems:
            schema.broken.add(str(name))
            errors.extend(doc.error(p, m, of_key=True) for p, m in unknown)
            errors.extend(doc.error(p, m) for p, m in problems)
            continue
        yield Declaration(str(name), kind, case, bool(spec.get("required", False)),
                          meaning.strip(), pack, _short(doc.path, pack),
                          bool(spec.get("replaces", False)))


def _short(path: str, pack: str) -> str:
    """`<pack>/lexicons/<file>`: how messages and docs name a schema file."""
    return f"{pack}/lexicons/{Path(path).name}"
