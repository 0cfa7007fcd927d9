"""`.vale.ini` → which Vale styles and rules apply to which files, at which level."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.vale.rules import LEVELS
from lint.yamlio import InputError

INI_NAMES = (".vale.ini", "_vale.ini", "vale.ini", ".vale", "_vale")
"""The names Vale reads its configuration from."""
LEVEL_NAMES = tuple(LEVELS)
SWITCHES = {"YES": True, "NO": False}
"""`Style.Rule = YES` turns a rule on, `NO` off (any other value is a level)."""


@dataclass
class Section:
    """One `[glob]` section (or the global one, glob None), in file order."""

    glob: str | None
    based_on: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)
    """`Style.Rule` → YES, NO or a level, as written (upper-cased for YES/NO)."""
    settings: dict[str, str] = field(default_factory=dict)
    """Every other key (TokenIgnores, BlockIgnores, ...), as written."""
    line: int = 0
    """The header's line (0 for the global section), to show where a setting comes from."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each key read in the section (BasedOnStyles, `Style.Rule`, ...)."""

    def matches(self, relpath: str) -> bool:
        """Whether the section applies to a file (glob on the relative path or its name)."""
        if self.glob is None:
            return True
        name = relpath.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatchcase(relpath, g) or fnmatch.fnmatchcase(name, g)
                   for g in expand_braces(self.glob))


@dataclass
class ValeIni:
    path: Path
    styles_path: Path | None = None
    min_level: str = "warning"
    """Vale's default when MinAlertLevel is absent: its own tests show no suggestion then."""
    vocab: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def core_list(self, key: str, default: tuple[str, ...]) -> list[str]:
        """A comma-separated core setting (the global section's), or Vale's default."""
        value = self.sections[0].settings.get(key) if self.sections else None
        return _list(value) if value is not None else list(default)

    @property
    def styles(self) -> list[str]:
        """Every style the file names (BasedOnStyles, or a `Style.Rule` key), in order."""
        names: list[str] = []
        for section in self.sections:
            for name in [*section.based_on, *(k.split(".")[0] for k in section.rules)]:
                if name not in names:
                    names.append(name)
        return names


def expand_braces(pattern: str) -> list[str]:
    """`*.{md,txt}` → `*.md`, `*.txt` (nested braces expand too)."""
    found = re.search(r"\{([^{}]*)\}", pattern)
    if not found:
        return [pattern]
    head, tail = pattern[: found.start()], pattern[found.end():]
    # Innermost braces first; an outer alternative shared by inner ones appears once.
    expanded = [p for alt in found.group(1).split(",") for p in expand_braces(head + alt + tail)]
    return list(dict.fromkeys(expanded))


_SECTION = re.compile(r"\[(.*)\]\s*$")
_RULE_KEY = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


def read_ini(path: Path) -> ValeIni:
    """Parse a `.vale.ini`; each bad line is an error (file, line, column), the rest is read."""
    ini = ValeIni(path)
    current = Section(None)
    ini.sections.append(current)
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if header := _SECTION.fullmatch(stripped):
            current = Section(header.group(1).strip(), line=number)
            ini.sections.append(current)
            continue
        key, sep, value = stripped.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            ini.errors.append(InputError(str(path), number, 1, f"expected 'key = value', "
                                                               f"not {stripped!r}"))
            continue
        column = line.index(value) + 1 if value else len(line) + 1
        current.lines[key] = number
        if current.glob is None and key == "StylesPath":
            ini.styles_path = (path.parent / value).resolve()
        elif current.glob is None and key == "MinAlertLevel":
            if value not in LEVEL_NAMES:
                ini.errors.append(InputError(str(path), number, column,
                                             f"MinAlertLevel must be one of "
                                             f"{', '.join(LEVEL_NAMES)}, not {value!r}"))
            else:
                ini.min_level = value
        elif current.glob is None and key == "Vocab":
            ini.vocab = _list(value)
        elif key == "BasedOnStyles":
            current.based_on = _list(value)
        elif _RULE_KEY.fullmatch(key):
            setting = value.upper() if value.upper() in SWITCHES else value.lower()
            if setting not in SWITCHES and setting not in LEVEL_NAMES:
                ini.errors.append(InputError(str(path), number, column,
                                             f"{key} must be YES, NO or a level "
                                             f"({', '.join(LEVEL_NAMES)}), not {value!r}"))
            else:
                current.rules[key] = setting
        else:
            current.settings[key] = value
    return ini


IGNORE_KEYS = {"TokenIgnores": "inline", "BlockIgnores": "block", "IgnorePatterns": "block"}
"""Section keys whose regexes match text Vale does not lint, and what they match
(IgnorePatterns is BlockIgnores' older name)."""


def split_patterns(value: str) -> list[str]:
    """A comma-separated list of regexes: split only at a comma followed by white space,
    since a regex may hold a bare comma (`{1,3}`)."""
    return [item.strip() for item in re.split(r",\s+", value) if item.strip()]


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def find_ini(folder: Path) -> Path | None:
    """The Vale configuration of `folder` or its nearest parent folder, under any of the
    names Vale looks for."""
    for candidate in [folder, *folder.parents]:
        for name in INI_NAMES:
            if (candidate / name).is_file():
                return candidate / name
    return None
