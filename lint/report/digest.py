"""A run's findings grouped for people: per rule, desk and severity, and per draft.

Built from the JSON reporter's records, so the HTML and Markdown reports count exactly
what `newslint check --format json` prints.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from lint.data import load_data
from lint.diagnostic import Diagnostic, FileResult
from lint.report.json_report import entry_record, error_record, file_entries
from lint.rulespec import RuleSpec

DEFAULT_LANGUAGE = "en"
"""The interface language when a draft's language has no strings in lint/data/report.yaml."""


def labels(lang: str | None) -> Mapping[str, Any]:
    """The report's interface strings for a draft language ('fr-CA' uses 'fr')."""
    table = load_data("report")
    base = (lang or "").split("-")[0].lower()
    return table.get(base) or table[DEFAULT_LANGUAGE]


@dataclass
class DraftFindings:
    """One draft: its text, and its findings as JSON records next to their offsets."""

    path: str
    desk: str
    lang: str | None
    text: str | None
    """None when the file could not be read."""
    findings: list[tuple[Diagnostic, dict[str, Any]]] = field(default_factory=list)
    waived: list[tuple[Diagnostic, dict[str, Any]]] = field(default_factory=list)
    error: dict[str, Any] | None = None
    """The input-error record of a file that could not be read."""


@dataclass
class Digest:
    drafts: list[DraftFindings]
    rules: dict[str, RuleSpec]

    def records(self) -> list[dict[str, Any]]:
        """Every reported record (errors of unreadable files too), without waived ones."""
        found = []
        for draft in self.drafts:
            found.extend(record for _, record in draft.findings)
            if draft.error is not None:
                found.append(draft.error)
        return found

    def waived_records(self) -> list[dict[str, Any]]:
        return [record for draft in self.drafts for _, record in draft.waived]

    def per_rule(self) -> list[tuple[str, int]]:
        return _most_first(Counter(r["rule"] for r in self.records()))

    def per_severity(self) -> list[tuple[str, int]]:
        counts = Counter(r["severity"] for r in self.records())
        return [(s, counts[s]) for s in ("error", "warning", "info", "hint") if counts[s]]

    def per_desk(self) -> list[tuple[str, int]]:
        desk_of = {d.path: d.desk for d in self.drafts}
        return _most_first(Counter(desk_of[r["path"]] for r in self.records()))

    @property
    def language(self) -> str:
        """The language most drafts are in (ties: the default), for the summary's labels."""
        counts = Counter((d.lang or DEFAULT_LANGUAGE).split("-")[0] for d in self.drafts)
        best = max(counts.values(), default=0)
        if counts[DEFAULT_LANGUAGE] == best:
            return DEFAULT_LANGUAGE
        return next(lang for lang, n in counts.items() if n == best)


def _most_first(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def desks(paths: Iterable[str], given: Sequence[str] = (), top_level: str = "") -> dict[str, str]:
    """Each path's desk: its top-level folder below the folder common to what was asked for
    (the command line's folders, and the folders of its files), else to the files."""
    paths = list(paths)
    absolute = {p: os.path.abspath(p) for p in paths}
    folders = [os.path.abspath(g) if os.path.isdir(g) else os.path.dirname(os.path.abspath(g))
               for g in given] or [os.path.dirname(a) for a in absolute.values()]
    if not folders:
        return {}
    root = os.path.commonpath(folders)
    found = {}
    for path in paths:
        parts = PurePath(os.path.relpath(absolute[path], root)).parts
        found[path] = parts[0] if len(parts) > 1 else top_level
    return found


def collect(results: Iterable[FileResult], rules: Mapping[str, RuleSpec],
            given: Sequence[str] = ()) -> Digest:
    """Group linted files (as the CLI yields them for the paths `given`) into a Digest."""
    results = list(results)
    desk_of = desks((r.path for r in results), given)
    drafts = []
    for result in results:
        draft = DraftFindings(result.path, desk_of[result.path], result.lang,
                              result.source.text if result.source is not None else None)
        if result.error is not None or result.source is None:
            draft.error = error_record(result)
        else:
            for diagnostic, waiver in file_entries(result):
                pair = (diagnostic, entry_record(result, diagnostic, waiver))
                (draft.waived if waiver is not None else draft.findings).append(pair)
        drafts.append(draft)
    return Digest(drafts, dict(rules))
