"""Vale packages' own scenarios (features/rules.feature) run through `newslint check`.

Each scenario is run as Vale's steps run it: in `fixtures/<Rule>`, `check --output line .`
with the fixture's `.vale.ini`; its output is compared with the expected lines. The
packages are read at run time from ../shared/vale (skipped when absent); the test
asserts the pass rates measured so far (docs/vale.md), so a regression fails it.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.cli import main
from lint.vale.rules import load_style

PACKAGES = Path(__file__).resolve().parents[1].parent / "shared" / "vale" / "packages"
MAIN_PACKAGES = ("Microsoft", "Google", "write-good", "proselint")
ALL_PACKAGES = (*MAIN_PACKAGES, "alex", "Joblint")

pytestmark = pytest.mark.skipif(not PACKAGES.is_dir(), reason="../shared/vale is absent")


@dataclass
class Scenario:
    package: str
    name: str
    fixture: str
    expected: list[str]


_SCENARIO = re.compile(
    r'Scenario:\s*(?P<name>.*?)\n\s*When I test "(?P<fixture>[^"]+)"\s*\n'
    r'\s*Then the output should contain exactly:\s*\n\s*"""\n(?P<body>.*?)\n\s*"""', re.S)


def scenarios(package: str) -> list[Scenario]:
    """The scenarios of a package's features/rules.feature."""
    text = (PACKAGES / package / "features" / "rules.feature").read_text(encoding="utf-8")
    return [Scenario(package, m["name"].strip(), m["fixture"],
                     [line.strip() for line in m["body"].splitlines() if line.strip()])
            for m in _SCENARIO.finditer(text)]


def run_fixture(package: str, fixture: str) -> list[str]:
    """`newslint check --output line .` in the fixture folder, as Vale's steps run it."""
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(PACKAGES / package / "fixtures" / fixture)
    try:
        main(["check", "--output", "line", "."], stdout=out, stderr=err)
    finally:
        os.chdir(here)
    return [line for line in out.getvalue().splitlines() if line.strip()]


def _position(line: str) -> str:
    """`file:line:column:Style.Rule` of a Vale line (the message dropped)."""
    return ":".join(line.split(":")[:4])


def measure(package: str) -> tuple[int, int, int]:
    """(scenarios, exact matches on position and rule, exact matches with messages)."""
    found = [(s, run_fixture(package, s.fixture)) for s in scenarios(package)]
    positions = sum(sorted(map(_position, got)) == sorted(map(_position, s.expected))
                    for s, got in found)
    lines = sum(sorted(got) == sorted(s.expected) for s, got in found)
    return len(found), positions, lines


FLOOR = {
    # package: (scenarios matching on file:line:column:rule, ... with the message too)
    "Microsoft": (18, 17), "Google": (12, 12), "write-good": (6, 6), "proselint": (2, 2),
    "alex": (0, 0), "Joblint": (1, 1),
}
"""The pass counts measured last (docs/vale.md); raise them as support grows."""


def test_scenario_harness_reads_every_feature_file() -> None:
    counts = {p: len(scenarios(p)) for p in ALL_PACKAGES}
    assert all(n > 0 for n in counts.values()), counts
    assert all(s.expected and ":" in s.expected[0] for p in ALL_PACKAGES for s in scenarios(p))


@pytest.mark.parametrize("package", ALL_PACKAGES)
def test_package_scenarios(package: str) -> None:
    total, positions, lines = measure(package)
    print(f"{package}: {positions}/{total} scenarios on position and rule, "
          f"{lines}/{total} with the message")
    assert positions >= FLOOR[package][0] and lines >= FLOOR[package][1]


def test_main_packages_rules_load() -> None:
    loaded = failed = 0
    for package in MAIN_PACKAGES:
        specs, errors = load_style(PACKAGES / package / package)
        loaded, failed = loaded + len(specs), failed + len(errors)
    print(f"rules loaded unchanged: {loaded}/{loaded + failed}")
    assert loaded + failed == 113
    assert loaded == 113
