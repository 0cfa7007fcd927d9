"""Fixture-file cases (tests/cases/*.md): title, '.', input, '.', expected diagnostics, '.'.

Expected lines read `L:C-L:C severity rule-id message`, 1-based, end column exclusive,
as the text reporter counts. Files named `*.text.md` hold plain-text inputs. Cases run
the built-in style pack alone, so the editorial pack's findings do not leak in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import Config
from lint.runner import Linter
from lint.source import SourceText

CASES_DIR = Path(__file__).parent / "cases"


def read_cases(path: Path) -> list[tuple[str, str, list[str]]]:
    """(title, input, expected lines) of each case in a fixture file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i = [], 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title, sections = lines[i], []
        i += 1
        for _ in range(2):  # the closing '.' of the input opens the expected lines
            assert lines[i] == ".", f"{path.name}:{i + 1}: expected a '.' line"
            end = lines.index(".", i + 1)
            sections.append(lines[i + 1 : end])
            i = end
        cases.append((title, "\n".join(sections[0]) + "\n", sections[1]))
        i += 1
    return cases


CASES = [(path, *case) for path in sorted(CASES_DIR.glob("*.md")) for case in read_cases(path)]
LINTER = Linter(Config(packs=("style",)))


def render(text: str, kind: str) -> list[str]:
    result = LINTER.lint_source(SourceText(text), f"case.{'txt' if kind == 'text' else 'md'}")
    return [f"{d.start.line + 1}:{d.start.column + 1}-{d.end.line + 1}:{d.end.column + 1} "
            f"{d.severity.label} {d.rule_id} {d.message}" for d in result.diagnostics]


@pytest.mark.parametrize(("path", "title", "text", "expected"), CASES,
                         ids=[f"{c[0].stem}: {c[1]}" for c in CASES])
def test_case(path, title, text, expected):
    kind = "text" if path.name.endswith(".text.md") else "markdown"
    assert render(text, kind) == expected


def test_reader_reads_every_case():
    assert len(CASES) >= 20 and all(title.strip() for _, title, _, _ in CASES)
