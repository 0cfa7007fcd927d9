"""How configuration options combine with a rule's own: lists extend, mappings merge, and
`{replace: VALUE}` replaces."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

REPLACE = "replace"
"""The one key of a mapping that replaces a built-in value instead of extending it."""


def is_replacement(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {REPLACE}


def combine(base: Any, new: Any) -> Any:
    """`new` written over `base`: a list adds its new items to the base list, a mapping
    merges key by key (recursively), anything else, or `{replace: ...}`, replaces.

    A replacement stays marked while configuration layers combine, so that the layers
    after it extend the replacement and the final merge with the rule file's value
    (`with_defaults`) still replaces.
    """
    if is_replacement(new):
        return new
    if is_replacement(base):
        return {REPLACE: combine(base[REPLACE], new)}
    if isinstance(base, list) and isinstance(new, list):
        return [*base, *(item for item in new if item not in base)]
    if isinstance(base, Mapping) and isinstance(new, Mapping):
        merged = dict(base)
        for key, value in new.items():
            merged[key] = combine(base[key], value) if key in base else value
        return merged
    return new


def resolved(value: Any) -> Any:
    """`value` with every `{replace: X}` marker replaced by X."""
    if is_replacement(value):
        return resolved(value[REPLACE])
    if isinstance(value, Mapping):
        return {key: resolved(item) for key, item in value.items()}
    return value


def with_defaults(defaults: Mapping[str, Any], configured: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's options (its file's, for one language) with the configuration's on top."""
    merged = dict(defaults)
    for key, value in configured.items():
        merged[key] = resolved(combine(defaults[key], value) if key in defaults else value)
    return merged
