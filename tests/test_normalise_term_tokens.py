"""normalise_term reads its source token by token: the same output as reading it one
character at a time (the reference below), on every lexicon and pack source and on
random strings made of the characters it treats specially."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from lint import patterns
from lint.patterns import APOSTROPHES, SPACE, normalise_term

REPO = Path(__file__).resolve().parent.parent


def reference(source: str) -> str:
    """normalise_term as first written: one character at a time."""
    out: list[str] = []
    class_at = -1
    escaped = False
    for index, ch in enumerate(source):
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif class_at >= 0:
            out.append(ch)
            if ch == "]" and source[class_at + 1 : index] not in ("", "^"):
                class_at = -1
        elif ch == "[":
            out.append(ch)
            class_at = index
        elif ch in APOSTROPHES and not patterns._in_group_name(source, index):
            out.append(f"[{APOSTROPHES}]")
        elif ch == " ":
            if source[index + 1 : index + 2] in tuple(patterns._QUANTIFIERS):
                out.append(SPACE)
            elif not (out and out[-1] == SPACE + "+"):
                out.append(SPACE + "+")
        else:
            out.append(ch)
    return "".join(out)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_same_output_on_every_shipped_string():
    sources = {s for path in (REPO / "rules").rglob("*.yaml")
               for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))}
    assert len(sources) > 1000
    assert [normalise_term(s) for s in sorted(sources)] == [reference(s) for s in sorted(sources)]


def test_the_same_output_on_random_strings():
    alphabet = ["\\", "[", "]", "^", " ", "?", "*", "+", "{", "(", ")", "P", "g", "<", ">",
                "a", "é", "\n", *APOSTROPHES]
    rng = random.Random(9)
    for _ in range(20000):
        source = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert normalise_term(source) == reference(source), source
