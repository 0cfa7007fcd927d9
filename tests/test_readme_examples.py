"""The README's configuration example and its `test-rules` command, run as written in a
scratch newsroom repository: they do what the README says."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from tests.conftest import run_cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def yaml_block(starting: str) -> str:
    """The README's ```yaml block whose first line starts with `starting`."""
    for block in re.findall(r"```yaml\n(.*?)```", README, re.DOTALL):
        if block.startswith(starting):
            return block
    raise AssertionError(f"no yaml block starting with {starting!r} in the README")


def scratch_newsroom(root: Path) -> None:
    """The README's complete configuration and its example house rule, verbatim."""
    (root / ".newslint.yaml").write_text(yaml_block("# .newslint.yaml"), encoding="utf-8")
    rule = yaml_block("type: substitution             # the rule type")
    house = root / "house-rules" / "house"
    house.mkdir(parents=True)
    (house / "spokesperson.yaml").write_text(rule, encoding="utf-8")
    (root / "drafts").mkdir()
    (root / "opinion").mkdir()


def test_complete_configuration_enables_what_it_says(tmp_path, monkeypatch):
    scratch_newsroom(tmp_path)
    config = yaml.safe_load((tmp_path / ".newslint.yaml").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    draft = ("Solara is going to become the default payments layer for online merchants. "
             "The spokesman declined to comment.\n")
    (tmp_path / "drafts" / "a.md").write_text(draft, encoding="utf-8")
    (tmp_path / "opinion" / "a.md").write_text(draft, encoding="utf-8")
    (tmp_path / "drafts" / "old-b.md").write_text(draft, encoding="utf-8")
    status, out, err = run_cli("check", "--format", "json", ".")
    assert err == ""
    found = {(d["path"], d["rule"], d["severity"]) for d in json.loads(out)}
    # `rule_dirs` adds the house pack and `packs:` enables it: its rule runs.
    assert "house" in config["packs"]
    assert ("drafts/a.md", "house.spokesperson", "warning") in found
    # hedging-gap is off under opinion/** only; drafts/old-*.md is excluded.
    assert ("drafts/a.md", "editorial.hedging-gap", "warning") in found
    assert not [f for f in found if f[0] == "opinion/a.md" and f[1] == "editorial.hedging-gap"]
    assert ("opinion/a.md", "house.spokesperson", "warning") in found
    assert not [f for f in found if f[0] == "drafts/old-b.md"]
    assert status == 1


def test_test_rules_command_runs_as_written(tmp_path, monkeypatch):
    scratch_newsroom(tmp_path)
    command = re.search(r"```sh\n(newslint test-rules [^\n]+)\n```", README)[1]
    assert command == "newslint test-rules house-rules/house"
    monkeypatch.chdir(tmp_path)
    status, out, err = run_cli(*command.split()[1:])
    assert (status, err) == (0, "")
    assert out == "1 of 1 rules passed their examples.\n"
