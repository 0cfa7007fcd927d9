"""The progress line: on a terminal's standard error for text output, never otherwise."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DRAFT = "The council met the mayor on Monday to discuss the budget.\n"


@pytest.fixture(scope="module")
def many_drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    for index in range(300):
        (folder / f"d{index:03}.md").write_text(DRAFT, encoding="utf-8")
    return folder


def run(folder: Path, *args: str, stderr_tty: bool) -> tuple[str, str]:
    """Run newslint with standard error on a pseudo-terminal (or a pipe); (stdout, stderr)."""
    command = [sys.executable, "-m", "lint", "check", *args, str(folder)]
    # The line shows from the first file (by default only after 0.5 s, and a parallel run
    # of 300 short drafts may end before that on a fast machine).
    env = {**os.environ, "PYTHONPATH": str(REPO), "NEWSLINT_PROGRESS_DELAY": "0"}
    env.pop("NO_COLOR", None)
    if not stderr_tty:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        return done.stdout, done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    else:
        process.kill()
    stdout = process.communicate(timeout=600)[0].decode()
    os.close(leader)
    return stdout, b"".join(chunks).decode()


def test_progress_line_on_a_terminal(many_drafts):
    stdout, stderr = run(many_drafts, stderr_tty=True)
    lines = re.findall(r"\[(\d+)/300 files\] (\d+) files/s, about (\d+) s left", stderr)
    assert lines, repr(stderr[:500])
    done = [int(n) for n, _, _ in lines]
    assert done == sorted(done) and all(0 < n <= 300 for n in done)
    assert stderr.endswith("\r\x1b[K")  # the line is erased at the end
    assert "\r" not in stdout and stdout == "No problems in 300 files.\n"


def test_no_progress_in_machine_output_or_off_a_terminal(many_drafts):
    _, stderr = run(many_drafts, "--format", "json", stderr_tty=True)
    assert stderr == ""
    _, stderr = run(many_drafts, stderr_tty=False)
    assert stderr == ""
