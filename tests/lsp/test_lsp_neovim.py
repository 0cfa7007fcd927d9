"""`newslint lsp` in a real editor: headless Neovim opens a French draft and reports back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint.config import load_config
from lint.diagnostic import Diagnostic
from lint.runner import Linter
from lint.source import SourceText

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).with_name("neovim_client.lua")
RULE = "editorial.missing-disclaimer"
# CRLF, with emoji before findings: Neovim turns the server's UTF-16 columns into byte
# columns using its own buffer, so any unit mistake shows up as a wrong `col`.
DRAFT = (
    "# Le jeton NOVA s'envole\r\n"
    "\r\n"
    "🚀🚀 Le jeton NOVA a bondi de 63 % en deux jours, selon les données de CoinMarketCap, "
    "dans un marché des crypto-actifs agité.\r\n"
    "\r\n"
    "Selon certains experts 📈, la hausse va se poursuivre.\r\n"
)

pytestmark = pytest.mark.skipif(
    NVIM is None, reason="Neovim (nvim) is not installed; .ci/run installs it with apt-get")


def byte_span(source: SourceText, diagnostic: Diagnostic) -> list[int]:
    """(lnum, col, end_lnum, end_col) as Neovim reports them: 0-based, byte columns."""
    return [diagnostic.start.line, source.column_in(diagnostic.start, "utf-8"),
            diagnostic.end.line, source.column_in(diagnostic.end, "utf-8")]


def test_neovim_shows_the_diagnostics_and_applies_the_disable_action(tmp_path: Path) -> None:
    project = tmp_path / "newsroom"
    project.mkdir()
    (project / ".newslint.yaml").write_text(
        "rules:\n  style.acronym-defined: false\n", encoding="utf-8")
    draft = project / "nova.md"
    draft.write_bytes(DRAFT.encode("utf-8"))
    out = tmp_path / "neovim.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NVIM", "VIM"))}
    env.update({
        "NEWSLINT_ROOT": str(project), "NEWSLINT_DRAFT": str(draft), "NEWSLINT_OUT": str(out),
        "NEWSLINT_RULE": RULE, "NEWSLINT_CMD": json.dumps([sys.executable, "-m", "lint", "lsp"]),
        # Keep Neovim's state, logs and any user configuration out of the picture.
        "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    })
    proc = subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SCRIPT}"],
        cwd=project, env=env, capture_output=True, text=True, timeout=180,
        stdin=subprocess.DEVNULL, check=False)
    assert out.exists(), f"Neovim wrote no report:\n{proc.stdout}\n{proc.stderr}"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["ok"], report["error"]
    assert report["filetype"] == "markdown" and report["fileformat"] == "dos"
    assert report["offset_encoding"] == "utf-16"
    assert report["published"]

    # What Neovim shows is what `newslint check` finds, at the same places.
    source = SourceText(DRAFT)
    found = Linter(load_config(None, start=project)).lint_source(source, str(draft)).diagnostics
    shown = report["diagnostics"]
    assert [d["code"] for d in shown] == [d.rule_id for d in found]
    assert [[d["lnum"], d["col"], d["end_lnum"], d["end_col"]] for d in shown] == [
        byte_span(source, d) for d in found]
    assert {d["source"] for d in shown} == {"newslint"}
    disclaimer = next(d for d in shown if d["code"] == RULE)
    assert disclaimer["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert disclaimer["user_data"]["lsp"]["codeDescription"]["href"].endswith(
        "#missing-disclaimer")
    assert [disclaimer["lnum"], disclaimer["col"]] == [2, 12]  # 🚀🚀 + space: 9 bytes

    assert report["hover"]["kind"] == "markdown"
    assert report["hover"]["value"].startswith(f"**{RULE}** (error)")
    assert report["actions"] == ["Append the house disclaimer", f"Disable {RULE} for this line"]

    # The disable action edited the unsaved buffer, and the server relinted it.
    assert report["silenced"] and report["modified"]
    assert report["lines"][2] == f"<!-- newslint disable-next-line {RULE} -->"
    assert RULE not in [d["code"] for d in report["diagnostics_after"]]
    assert draft.read_bytes() == DRAFT.encode("utf-8")

    assert report["stopped"] and report["exit_code"] == 0
