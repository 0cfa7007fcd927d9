"""Packaging: metadata, and a plain (non-editable) install that finds every built-in pack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import lint

REPO = Path(__file__).resolve().parents[1]
PACKS = sorted(p.name for p in (REPO / "rules").iterdir()
               if p.is_dir() and any(p.glob("*.yaml")))

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_metadata() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "newslint"
    assert project["scripts"] == {"newslint": "lint.cli:run_cli"}
    assert project["requires-python"] == ">=3.10"
    names = {d.split(";")[0].split(">")[0].split("<")[0].split("=")[0].strip().lower()
             for d in project["dependencies"]}
    assert {"pyyaml", "regex", "markdown-it-py", "pygls"} <= names
    assert {"pytest", "pre-commit"} <= {d.split(">")[0] for d in
                                        project["optional-dependencies"]["test"]}


def test_the_repository_has_packs() -> None:
    assert "style" in PACKS


def _clean_env() -> dict[str, str]:
    # Nothing may point the fresh environment back at this checkout.
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "NO_COLOR")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.mark.slow
def test_plain_install_ships_every_pack(tmp_path: Path) -> None:
    """`pip install <repo>` (a built wheel, not editable) into a fresh venv, then run
    from a folder that is not the checkout: every folder of rules/ must be there."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=_clean_env())
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         str(REPO)],
        cwd=tmp_path, env=_clean_env(), capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stdout + install.stderr

    def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*args], cwd=tmp_path, env=_clean_env(), capture_output=True,
                              text=True, encoding="utf-8", timeout=300, **kwargs)

    # The installed package, not the checkout, is what runs.
    where = run(str(python), "-c", "import lint, lint.packs; "
                "print(lint.__file__); print(lint.packs.builtin_rules_dir())")
    module_file, rules_dir = where.stdout.splitlines()
    assert Path(module_file).is_relative_to(venv), where.stdout
    assert Path(rules_dir).is_relative_to(venv) and Path(rules_dir).name == "_rules"
    # The language packs (lexicon-only folders) ship too: detection and sentences need them.
    assert all((Path(rules_dir) / lang / "lexicons" / f"{lang}.yaml").is_file()
               for lang in ("en", "fr"))

    rules = run(str(bindir / "newslint"), "rules")
    assert rules.returncode == 0, rules.stderr
    listed = {line.split()[0].split(".")[0] for line in rules.stdout.splitlines()}
    assert listed >= set(PACKS), rules.stdout

    assert run(str(bindir / "newslint"), "--version").stdout == f"newslint {lint.__version__}\n"

    (tmp_path / "draft.md").write_text("The council met the the mayor.\n", encoding="utf-8")
    check = run(str(python), "-m", "lint", "check", "--select", "style", "draft.md")
    assert check.returncode == 1, check.stderr
    assert check.stdout.startswith("draft.md:1:17: warning style.repeated-word")
