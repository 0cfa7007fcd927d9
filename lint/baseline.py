"""Baseline of accepted findings: write it, and hide the findings it lists on later runs."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from lint.diagnostic import Diagnostic, FileResult
from lint.source import SourceText
from lint.yamlio import InputError

FORMAT_VERSION = 1
"""Bumped when the file's shape changes; older files are then rejected with a message."""

Key = tuple[str, str, str, int]
"""(rule, path relative to the baseline's folder, quoted text, occurrence index)."""


def quoted_text(source: SourceText, diagnostic: Diagnostic) -> str:
    """The source text a finding covers; a finding without width quotes its whole line.

    Matching on text, not position, is what keeps a finding hidden when lines are added
    above it.
    """
    text = source.text[diagnostic.offset:diagnostic.end_offset]
    if not text:
        text = source.line_text(diagnostic.start.line)
    return " ".join(text.split())  # re-wrapping a paragraph must not revive a finding


def finding_keys(result: FileResult, relative_path: str) -> list[Key]:
    """One key per diagnostic, in order; repeats of the same text get increasing indexes."""
    assert result.source is not None  # callers skip files that could not be read
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for diagnostic in result.diagnostics:
        base = (diagnostic.rule_id, relative_path, quoted_text(result.source, diagnostic))
        keys.append((*base, seen[base]))
        seen[base] += 1
    return keys


@dataclass
class Baseline:
    """The findings of one baseline file, and the path their paths are relative to."""

    path: Path
    keys: set[Key] = field(default_factory=set)
    hidden: int = 0
    """Findings hidden so far in this run (for the closing note)."""

    def relative(self, path: str) -> str:
        """`path` relative to the baseline's folder, with '/' separators."""
        try:
            return Path(os.path.relpath(os.path.abspath(path), self.path.parent.resolve())
                        ).as_posix()
        except ValueError:  # another drive (Windows)
            return Path(os.path.abspath(path)).as_posix()

    def filter(self, result: FileResult) -> FileResult:
        """`result` without the findings the baseline lists."""
        if result.source is None or not self.keys:
            return result
        kept = [d for d, key in zip(result.diagnostics,
                                    finding_keys(result, self.relative(result.path)))
                if key not in self.keys]
        self.hidden += len(result.diagnostics) - len(kept)
        return replace(result, diagnostics=kept)

    def record(self, result: FileResult) -> None:
        """Make `result`'s findings this file's entries (for --update-baseline). Entries of
        files the run did not lint are kept: a run on a few files must not drop the rest."""
        if result.source is not None:
            path = self.relative(result.path)
            self.keys = {k for k in self.keys if k[1] != path}
            self.keys.update(finding_keys(result, path))

    def write(self) -> None:
        """Sorted and indented, so a changed baseline reads well in a diff."""
        findings = [{"rule": rule, "path": path, "text": text, "occurrence": occurrence}
                    for rule, path, text, occurrence in sorted(self.keys,
                                                               key=lambda k: (k[1], k[0], k[2], k[3]))]
        data = {"version": FORMAT_VERSION, "findings": findings}
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")


def load_baseline(path: str) -> Baseline:
    """Read a baseline file; a missing file is an empty baseline. Raises InputError."""
    baseline = Baseline(Path(path))
    if not baseline.path.exists():
        return baseline
    try:
        data = json.loads(baseline.path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, 1, 1, f"cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(path, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise InputError(path, 1, 1, f"not a newslint baseline (expected \"version\": "
                                     f"{FORMAT_VERSION}); write one with --update-baseline")
    baseline.keys = set(_keys(path, data.get("findings", [])))
    return baseline


def _keys(path: str, findings: Iterable[object]) -> Iterable[Key]:
    for index, item in enumerate(findings):
        try:
            if not isinstance(item, dict):
                raise TypeError
            yield (str(item["rule"]), str(item["path"]), str(item["text"]),
                   int(item.get("occurrence", 0)))
        except (KeyError, TypeError, ValueError):
            raise InputError(path, 1, 1, f"findings[{index}] needs rule, path and text"
                             ) from None
