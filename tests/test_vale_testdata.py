"""Vale's own feature scenarios (vale-testdata/testdata/features) that newslint can run.

Only scenarios whose steps lint a folder or a file of Markdown or plain text are run
("I test", "I test scope", "I apply style", "I use Vocab", "I lint <file>", "I test
comments for", "I test patterns for"), and only when every expected line names a
Markdown or text file and no spelling rule; the others need formats, options or
commands newslint does not have (counted as out of reach). A second measure takes the
scenarios that lint a folder of several formats: their Markdown and text files alone,
against the expected lines that name those files. Read at run time from ../shared/vale
(skipped when absent); the tests assert the pass counts measured last.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.cli import main

TESTDATA = Path(__file__).resolve().parents[1].parent / "shared" / "vale" / "vale-testdata" / "testdata"
FIXTURES = TESTDATA / "fixtures"

pytestmark = pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/vale is absent")

# Step → (folder under fixtures/, what to lint), as features/steps.rb runs them.
STEPS = {
    "I test": lambda arg: (arg, "."),
    "I test scope": lambda arg: (f"scopes/{arg}", "."),
    "I apply style": lambda arg: (f"styles/{arg}", "."),
    "I use Vocab": lambda arg: (f"vocab/{arg}", "."),
    "I lint": lambda arg: ("formats", arg),
    "I test comments for": lambda arg: ("comments", f"test{arg}"),
    "I test patterns for": lambda arg: ("patterns", arg),
}
TEXT_SUFFIXES = (".md", ".markdown", ".txt")

_SCENARIO = re.compile(
    r'Scenario:[ \t]*(?P<name>[^\n]*?)\n\s*When (?P<step>I [A-Za-z ]+?) "(?P<arg>[^"]*)"\s*\n'
    r'\s*Then the output should contain exactly:\s*\n\s*"""\n(?P<body>.*?)\n\s*"""', re.S)


@dataclass
class Scenario:
    feature: str
    name: str
    folder: str
    target: str
    expected: list[str]


def in_reach() -> tuple[list[Scenario], int]:
    """The runnable Markdown / text scenarios, and how many scenarios there are in all."""
    runnable, total = [], 0
    for feature in sorted((TESTDATA / "features").glob("*.feature")):
        text = feature.read_text(encoding="utf-8")
        total += text.count("Scenario:")
        for m in _SCENARIO.finditer(text):
            expected = [line.strip() for line in m["body"].splitlines() if line.strip()]
            if m["step"] not in STEPS or not expected:
                continue
            files = {line.split(":")[0] for line in expected}
            if not all(f.endswith(TEXT_SUFFIXES) for f in files) or any(
                    ":Vale.Spelling:" in line for line in expected):
                continue
            folder, target = STEPS[m["step"]](m["arg"])
            if not target.endswith((".", *TEXT_SUFFIXES)):
                continue
            runnable.append(Scenario(feature.stem, m["name"].strip(), folder, target, expected))
    return runnable, total


def run(scenario: Scenario) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(FIXTURES / scenario.folder)
    try:
        main(["check", "--output", "line", scenario.target], stdout=out, stderr=err)
    finally:
        os.chdir(here)
    return [line for line in out.getvalue().splitlines() if line.strip()]


FLOOR = 17
"""Scenarios in reach that match exactly (file:line:column:rule:message), measured last."""


def test_vale_testdata_scenarios_in_reach() -> None:
    scenarios, total = in_reach()
    passed = [s for s in scenarios if sorted(run(s)) == sorted(s.expected)]
    print(f"Vale testdata: {len(passed)}/{len(scenarios)} scenarios in reach pass "
          f"({total} scenarios in all)")
    for s in scenarios:
        if s not in passed:
            print(f"  failing: {s.feature}: {s.name}")
    assert len(scenarios) > 0
    assert len(passed) >= FLOOR


MIXED_FLOOR = 13
"""Scenarios over folders of several formats whose Markdown and text part matches exactly,
measured last."""


def mixed_in_reach() -> list[Scenario]:
    """Folder scenarios with expected lines on other formats too: the Markdown and text
    files of the folder, and the expected lines on them (spelling lines left out)."""
    found = []
    for feature in sorted((TESTDATA / "features").glob("*.feature")):
        for m in _SCENARIO.finditer(feature.read_text(encoding="utf-8")):
            expected = [line.strip() for line in m["body"].splitlines() if line.strip()]
            if m["step"] not in STEPS or not expected:
                continue
            folder, target = STEPS[m["step"]](m["arg"])
            files = {line.split(":")[0] for line in expected}
            if target != "." or all(f.endswith(TEXT_SUFFIXES) for f in files):
                continue
            texts = sorted(p.name for p in (FIXTURES / folder).iterdir()
                           if p.name.endswith(TEXT_SUFFIXES))
            if not texts:
                continue
            mine = [line for line in expected if line.split(":")[0].endswith(TEXT_SUFFIXES)
                    and ":Vale.Spelling:" not in line]
            for name in texts:
                found.append(Scenario(feature.stem, f"{m['name'].strip()} ({name})", folder,
                                      name, [line for line in mine
                                             if line.split(":")[0] == name]))
    return found


def test_markdown_part_of_mixed_format_scenarios() -> None:
    by_scenario: dict[str, list[bool]] = {}
    for s in mixed_in_reach():
        key = f"{s.feature}: {s.name.rsplit(' (', 1)[0]}"
        by_scenario.setdefault(key, []).append(sorted(run(s)) == sorted(s.expected))
    passed = [k for k, results in by_scenario.items() if all(results)]
    print(f"Vale testdata, Markdown and text part of mixed-format scenarios: "
          f"{len(passed)}/{len(by_scenario)}")
    for key in by_scenario:
        if key not in passed:
            print(f"  failing: {key}")
    assert len(passed) >= MIXED_FLOOR
