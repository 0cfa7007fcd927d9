"""The RuleType interface, its registry, and the Finding a rule yields."""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostic import Fix, Related, Severity
from lint.patterns import check_regex

if TYPE_CHECKING:
    from lint.document import TextUnit
    from lint.lexicon import LexiconStore
    from lint.rulespec import RuleSpec

RULE_TYPES: dict[str, type[RuleType]] = {}
"""Every rule type by its YAML `type:` name; filled by @rule_type, read everywhere else."""


def rule_type(name: str):  # type: ignore[no-untyped-def]
    """Register a RuleType subclass under the `type:` name used in YAML."""

    def register(cls: type[RuleType]) -> type[RuleType]:
        if name in RULE_TYPES:
            raise ValueError(f"duplicate rule type {name!r}")
        cls.name = name
        RULE_TYPES[name] = cls
        return cls

    return register


@dataclass(frozen=True)
class Finding:
    """One match of a rule, in source offsets (0-based code points, end exclusive).

    Rules turn unit-local offsets into source offsets with `TextUnit.span`.
    """

    start: int
    end: int
    args: Mapping[str, object] = field(default_factory=dict)
    """Values for the named placeholders of the rule's message."""
    fixes: tuple[Fix, ...] = ()
    related: tuple[Related, ...] = ()
    severity: Severity | None = None
    """Overrides the rule's severity for this finding only."""
    shape: str | None = None
    """The named lexicon shape that made this finding, for `newslint explain`."""


@dataclass(frozen=True)
class NoOptions:
    """For rule types that take no options of their own."""


def bounds(low: float | None, high: float | None = None) -> dict[str, Any]:
    """Field metadata declaring a numeric option's accepted range (inclusive; None: open).

    Numeric options without it accept any finite number from 0 up.
    """
    return {"range": (low, high)}


class OptionError(ValueError):
    """An invalid option; `key` names it (a path under the rule), `of_key` says whether
    the fault is in the key itself (unknown option, bad regex as a mapping key)."""

    def __init__(self, key: tuple[object, ...], message: str, *, of_key: bool = False) -> None:
        super().__init__(message)
        self.key = key
        self.of_key = of_key


@dataclass(frozen=True)
class RuleContext:
    """What a rule may read besides its options: lexicons and project settings."""

    lexicons: LexiconStore | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)


class RuleType(ABC):
    """A kind of check. Its YAML options are the fields of the frozen dataclass `Options`."""

    name: ClassVar[str] = ""
    Options: ClassVar[type] = NoOptions
    default_scope: ClassVar[tuple[str, ...]] = ("text",)
    scoping: ClassVar[str | None] = None
    """How the type honours a rule's `scope:` (see `scoping_of`). "units": it reads only
    the units of the scope. "findings": it analyses the whole draft (a sentence needs its
    neighbours), and the engine keeps only the findings inside a unit of the scope.
    "none": it judges the whole draft at once, so `scope:` is rejected when the rule loads."""

    def __init__(self, spec: RuleSpec, options: Any, lang: str, context: RuleContext) -> None:
        self.spec = spec
        self.options = options
        self.lang = lang
        self.context = context
        self.setup()

    def setup(self) -> None:
        """Compile patterns and derive values once per rule and language (options are frozen)."""

    @abstractmethod
    def check(self, unit: TextUnit) -> Iterator[Finding]:
        """Yield findings for one unit of the rule's scope."""

    def check_units(self, units: Iterable[TextUnit]) -> Iterator[Finding]:
        """Findings over every unit of the rule's scope, in order; what the engine calls.

        Per-unit types keep this default; whole-document types (consistency,
        conditional) override it to see all their units at once.
        """
        for unit in units:
            yield from self.check(unit)

    @classmethod
    def build_options(cls, raw: Mapping[str, Any]) -> Any:
        """Validate raw YAML options against `Options`; OptionError names the bad key."""
        names = {f.name: f for f in dataclasses.fields(cls.Options)}
        for key in raw:
            if key not in names:
                known = ", ".join(sorted(names)) or "none"
                raise OptionError((key,), f"unknown option {key!r} for type {cls.name!r} "
                                          f"(known: {known})", of_key=True)
        values = {key: _coerce(key, value, str(names[key].type)) for key, value in raw.items()}
        for key, value in values.items():
            _check_range(key, value, str(names[key].type), names[key].metadata)
        try:
            options = cls.Options(**values)
        except TypeError as exc:
            raise OptionError((), f"invalid options for type {cls.name!r}: {exc}") from None
        cls.validate(options)
        return options

    @classmethod
    def validate(cls, options: Any) -> None:
        """Cross-field checks and regex syntax; raise OptionError."""

    @classmethod
    def lexicon_keys(cls, options: Any) -> Iterator[tuple[tuple[object, ...], str]]:
        """(option path, list name) of each lexicon list the options name as '@name'."""
        return iter(())


SCOPING_MODES = ("units", "findings", "none")


def scoping_of(cls: type[RuleType]) -> str:
    """The type's declared scoping, else "findings" for whole-document types (whose
    default scope is `document`) and "units" for the others."""
    if cls.scoping is not None:
        return cls.scoping
    return "findings" if "document" in cls.default_scope else "units"


def check_regexes(key: str, sources: Iterable[str] | Mapping[str, Any]) -> None:
    """Raise OptionError for the first source that is not a valid regex.

    The error names the entry: (key, index) for a list, (key, regex) for a mapping's keys.
    """
    keyed = isinstance(sources, Mapping)
    for index, source in enumerate(sources):
        problem = check_regex(source)
        if problem:
            raise OptionError((key, source if keyed else index), problem, of_key=keyed)


def _coerce(key: str, value: Any, kind: str) -> Any:
    """Check a YAML value against a field annotation (a string: annotations are postponed).

    A bad list item or mapping value is named precisely: OptionError.key is then
    (option, index) or (option, mapping key), so the error points at that entry.
    """
    ok = True
    if kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "float":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif kind == "str":
        ok = isinstance(value, str)
    elif kind.startswith("tuple[str"):
        if isinstance(value, str):
            value = [value]
        ok = isinstance(value, list)
        for index, item in enumerate(value if ok else ()):
            if not isinstance(item, str):
                raise OptionError((key, index), f"{key}[{index}] must be a string, not {item!r}")
        value = tuple(value) if ok else value
    elif kind.startswith(("Mapping[str, str]", "dict[str, str]")):
        ok = isinstance(value, dict)
        for name, item in (value.items() if ok else ()):
            if not isinstance(name, str) or not isinstance(item, str):
                raise OptionError((key, name), f"{key}: {name!r} must map to a string, "
                                               f"not {item!r} (quote it)")
    if not ok:
        raise OptionError((key,), f"option {key!r} must be {_describe(kind)}, not {value!r}")
    return value


def _check_range(key: str, value: Any, kind: str, metadata: Mapping[str, Any]) -> None:
    """Numbers must be finite and inside the field's declared `bounds` (default: >= 0)."""
    if kind not in ("int", "float"):
        return
    if value != value or value in (float("inf"), float("-inf")):  # NaN is unequal to itself
        raise OptionError((key,), f"option {key!r} must be a finite number, not {value!r}")
    low, high = metadata.get("range", (0, None))
    if (low is not None and value < low) or (high is not None and value > high):
        wanted = (f"between {low} and {high}" if low is not None and high is not None
                  else f"at least {low}" if low is not None else f"at most {high}")
        raise OptionError((key,), f"option {key!r} must be {wanted}, not {value!r}")


def _describe(kind: str) -> str:
    return {
        "bool": "true or false",
        "int": "an integer",
        "float": "a number",
        "str": "a string",
    }.get(kind, "a list of strings" if kind.startswith("tuple") else "a mapping of strings")
