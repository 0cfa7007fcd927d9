"""The README stays true: its pasted output is what a real run prints, its commands exist."""

from __future__ import annotations

import io
import os
import re
import shlex
from pathlib import Path

from lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_pasted_output_is_a_real_run() -> None:
    blocks = re.findall(r"<!-- output: (.+?) -->\n```text\n(.*?)```", README, re.DOTALL)
    assert blocks, "the README pastes at least one real run"
    for command, expected in blocks:
        argv = shlex.split(command)
        assert argv[0] == "newslint"
        out, err = io.StringIO(), io.StringIO()
        old = Path.cwd()
        os.chdir(ROOT)
        try:
            main(argv[1:], stdout=out, stderr=err)
        finally:
            os.chdir(old)
        assert out.getvalue() == expected, f"README output of `{command}` is out of date"


def test_setup_and_test_commands_match_ci() -> None:
    """The README's test command is exactly the one .ci/run calls."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(python3 -m venv .+?)\n```", README)
    assert len(commands) >= 2
    install_and_run, install_and_test = commands[0], commands[1]
    assert install_and_run.endswith("newslint check examples/")
    test_command = install_and_test.split("&& ")[-1]
    assert test_command in ci
    assert "pip install -e '.[test]'" in ci
