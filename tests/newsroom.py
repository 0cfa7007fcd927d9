"""A scratch newsroom for the report, baseline and waiver tests: a house pack, desks as folders."""

from __future__ import annotations

from pathlib import Path

HOUSE = {
    "zut.yaml": """\
type: substitution
message: {en: "Avoid '{match}': say '{replacement}'.", fr: "Évitez « {match} » : dites « {replacement} »."}
severity: warning
description: Slang has no place in copy.
swap: {zut: flûte}
examples: {fail: ["Oh zut."], pass: ["Oh flûte."]}
""",
    "bof.yaml": """\
type: existence
message: {en: "Say what you mean instead of '{match}'.", fr: "Dites ce que vous pensez au lieu de « {match} »."}
severity: info
description: A shrug is not a fact.
tokens: [bof]
ignorecase: true
examples: {fail: ["bof"], pass: ["ok"]}
""",
}
CONFIG = "packs: [house]\nrule_dirs: [house]\n"


def make_newsroom(root: Path, drafts: dict[str, str], config: str = CONFIG) -> Path:
    """Write the house pack, the configuration and `drafts` (relative path: text) under root."""
    for name, text in HOUSE.items():
        (root / "house").mkdir(parents=True, exist_ok=True)
        (root / "house" / name).write_text(text, encoding="utf-8")
    (root / ".newslint.yaml").write_text(config, encoding="utf-8")
    for relative, text in drafts.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
