"""The pre-commit hook: the manifest's shape, and the real `pre-commit try-repo` on drafts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / ".pre-commit-hooks.yaml"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_manifest_shape() -> None:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["newslint"]
    [hook] = hooks
    # The subcommand belongs in `entry`: pre-commit lets a user's `args` replace the
    # manifest's, so `args: [check]` would vanish as soon as someone adds a flag.
    assert hook["entry"] == "newslint check"
    assert "args" not in hook
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["scripts"]
    assert hook["entry"].split()[0] in scripts
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "plain-text"]


def test_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    identify = pytest.importorskip("identify.identify")
    [hook] = clientlib.load_manifest(str(MANIFEST))
    assert set(hook["types_or"]) <= identify.ALL_TAGS
    # The file kinds newslint reads are exactly the ones the hook is given.
    for name in ("a.md", "a.markdown", "a.txt"):
        assert set(hook["types_or"]) & identify.tags_from_filename(name), name
    assert not set(hook["types_or"]) & identify.tags_from_filename("a.rst")


def _git(cwd: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_try_repo_fails_on_a_finding_and_passes_a_clean_draft(tmp_path: Path) -> None:
    """Drives the real pre-commit tool, which installs this repository into its own
    environment with pip (from PyPI). try-repo clones the repository's HEAD commit, plus
    uncommitted changes to tracked files; in CI that is a clean checkout."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout of newslint")
    # Nothing from an outer git hook or virtual environment may leak into the run.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in (
               "PYTHONPATH", "VIRTUAL_ENV", "NO_COLOR")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PRE_COMMIT_COLOR"] = "never"
    work = tmp_path / "newsroom"
    work.mkdir()
    _git(work, "init", "-q", env=env)
    (work / "bad.md").write_text("# Council\n\nThe council met the the mayor.\n",
                                 encoding="utf-8")
    (work / "good.md").write_text("# Council\n\nThe council met the mayor.\n",
                                  encoding="utf-8")
    (work / "notes.txt").write_text("Budget vote on Monday.\n", encoding="utf-8")
    _git(work, "add", "bad.md", "good.md", "notes.txt", env=env)

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "newslint",
             "--verbose", "--files", *files],
            cwd=work, env=env, capture_output=True, text=True, timeout=900)

    failing = try_repo("bad.md", "good.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.md:3:17: warning style.repeated-word" in failing.stdout
    assert "good.md:" not in failing.stdout

    passing = try_repo("good.md", "notes.txt")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "No problems in 2 files." in passing.stdout


@pytest.mark.slow
def test_readme_snippet_installs_from_the_repository(tmp_path: Path) -> None:
    """The README's `.pre-commit-config.yaml` snippet and its pinning command, as written,
    against a local clone of this repository (its committed HEAD) on a `main` branch: the
    `rev` exists, `autoupdate --bleeding-edge --freeze` pins it, and the hook runs."""
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout of newslint")
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## pre-commit\n"):readme.index("## Editors\n")]
    snippet = re.search(r"```yaml\n(repos:.*?)```", section, re.DOTALL)[1]
    pin = re.search(r"```sh\n(pre-commit [^#\n]+?)\s*#", section)[1]
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in (
               "PYTHONPATH", "VIRTUAL_ENV", "NO_COLOR")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PRE_COMMIT_COLOR"] = "never"
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    _git(upstream, "init", "-q", env=env)
    _git(upstream, "fetch", "-q", str(REPO), "HEAD:main", env=env)
    _git(upstream, "symbolic-ref", "HEAD", "refs/heads/main", env=env)
    url = re.search(r"repo: (\S+)", snippet)[1]
    work = tmp_path / "newsroom"
    work.mkdir()
    _git(work, "init", "-q", env=env)
    (work / ".pre-commit-config.yaml").write_text(snippet.replace(url, str(upstream)),
                                                  encoding="utf-8")
    (work / "bad.md").write_text("# Council\n\nThe council met the the mayor.\n",
                                 encoding="utf-8")
    _git(work, "add", ".", env=env)

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=work, env=env,
                              capture_output=True, text=True, timeout=900)

    pinned = pre_commit(*pin.split()[1:])
    assert pinned.returncode == 0, pinned.stdout + pinned.stderr
    head = subprocess.run(["git", "rev-parse", "main"], cwd=upstream, env=env,
                          capture_output=True, text=True, check=True).stdout.strip()
    config = (work / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: {head}\n" in config
    run = pre_commit("run", "--files", "bad.md")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "bad.md:3:17: warning style.repeated-word" in run.stdout
