"""Incremental sync: after many random range edits, the server's diagnostics are exactly
those of `newslint check` on the final text."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from lsp_client import lsp_session, run, server_env
from lsprotocol import converters

from lint.diagnostic import Position
from lint.source import SourceText

JSON = converters.get_converter()
DRAFTS = Path(__file__).resolve().parent.parent / "eval" / "dev"
INSERTS = ["the the ", "Selon certains experts, ", " very very", "\n\n", "\r\n", "😀 ", "é",
           "It will surely soar 40% next year. ", "\n> quoted\n", "- item\n", ""]


def random_edit(rng: random.Random, text: str,
                near: int) -> tuple[tuple[int, int], tuple[int, int], str]:
    """A range (in UTF-16 positions) over up to 80 characters, and what replaces it: as
    often as not close after `near` (typing goes on where it was), else anywhere."""
    source = SourceText(text)
    start = (min(len(text), near + rng.randint(0, 12)) if rng.random() < 0.5
             else rng.randint(0, len(text)))
    end = min(len(text), start + rng.choice([0, 0, 1, 5, 80]))
    first, last = source.position(start), source.position(end)
    return ((first.line, source.column_in(first, "utf-16")),
            (last.line, source.column_in(last, "utf-16")), rng.choice(INSERTS))


def apply(text: str, edit: tuple[tuple[int, int], tuple[int, int], str]) -> tuple[str, int]:
    """The edit applied by SourceText (the reference, not the server's TextBuffer), and
    the offset after the inserted text."""
    source = SourceText(text)
    (line, column), (end_line, end_column), new = edit
    start = source.offset(Position(line, source.column_from(line, column, "utf-16")))
    end = source.offset(Position(end_line, source.column_from(end_line, end_column, "utf-16")))
    return text[:start] + new + text[end:], start + len(new)


def check_lsp(folder: Path, path: Path) -> list[dict[str, object]]:
    """`newslint check --format lsp` on one file, without the `data` the server omits."""
    done = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "lsp",
                           str(path)], cwd=folder, env=server_env(),
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode in (0, 1), done.stderr  # 1: findings
    [found] = json.loads(done.stdout).values()
    return [{k: v for k, v in d.items() if k != "data"} for d in found]


# Drafts without front matter: random edits would break it, and the whole draft with it.
@pytest.mark.parametrize("name", ["en-12-fund-manager-interview.md", "fr-03-electricite-tarif.md"])
def test_random_edits_end_in_the_diagnostics_of_newslint_check(tmp_path: Path,
                                                               name: str) -> None:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / ".newslint.yaml").write_text("language: auto\n", encoding="utf-8")
    text = (DRAFTS / name).read_text(encoding="utf-8")
    path = folder / name
    rng = random.Random(name)
    final = text

    async def scenario() -> list[dict[str, object]]:
        nonlocal final
        async with lsp_session([folder], initialization_options={"debounce": 0}) as session:
            uri = session.open(path, text)
            await session.diagnostics(uri, version=1)
            near = len(final) // 2
            for round_ in range(60):
                edits = [random_edit(rng, final, near)]
                final, near = apply(final, edits[0])
                if round_ % 4 == 0:  # sometimes two edits in one change, in order
                    edits.append(random_edit(rng, final, near))
                    final, near = apply(final, edits[1])
                version = session.edit(uri, *edits)
                if round_ % 10 == 9:  # wait now and then, so lints and edits interleave
                    await session.diagnostics(uri, version=version)
            # Last, a line past the end (clamped to the end) with a sure finding.
            version = session.edit(uri, ((10**6, 0), (10**6, 0), "\n\nThe the end.\n"))
            final += "\n\nThe the end.\n"
            published = await session.diagnostics(uri, version=version)
        return JSON.unstructure(published.diagnostics)

    published = run(scenario())
    path.write_bytes(final.encode("utf-8"))
    assert "style.repeated-word" in [d["code"] for d in published]
    assert published == check_lsp(folder, path)
