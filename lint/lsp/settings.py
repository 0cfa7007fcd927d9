"""The server's own settings (the debounce), read from the editor and validated."""

from __future__ import annotations

from dataclasses import dataclass, replace

SECTION = "newslint"
"""The key of newslint's settings in a workspace configuration."""
DEFAULT_DEBOUNCE_MS = 50
MAX_DEBOUNCE_MS = 60_000


@dataclass(frozen=True)
class Settings:
    debounce_ms: float = DEFAULT_DEBOUNCE_MS
    """Quiet time after the last edit before the unsaved buffer is linted."""


def read_settings(value: object, previous: Settings, where: str,
                  sectioned: bool = False) -> tuple[Settings, list[str]]:
    """`previous` updated from an editor's value, and the problems found in it.

    The value is `{"debounce": ms}` or `{"newslint": {"debounce": ms}}`. With
    `sectioned` (a workspace configuration, which holds every extension's settings),
    only the `newslint` section is read. A bad value keeps the previous setting and is
    reported, naming `where` it came from.
    """
    if value is None:
        return previous, []
    if isinstance(value, dict) and SECTION in value:
        value = value[SECTION]
    elif sectioned:
        return previous, []
    if value is None:
        return previous, []
    if not isinstance(value, dict):
        return previous, [f"newslint: invalid {where}: expected an object with 'debounce', "
                          f"not {value!r}"]
    settings, problems = previous, []
    for key, item in value.items():
        if key != "debounce":
            problems.append(f"newslint: invalid {where}: unknown setting {key!r} "
                            "(known: 'debounce')")
        elif (isinstance(item, bool) or not isinstance(item, (int, float))
              or not 0 <= item <= MAX_DEBOUNCE_MS):
            problems.append(f"newslint: invalid {where}: 'debounce' must be a number of "
                            f"milliseconds from 0 to {MAX_DEBOUNCE_MS}, not {item!r}; "
                            f"keeping {settings.debounce_ms:g}")
        else:
            settings = replace(settings, debounce_ms=item)
    return settings, problems
