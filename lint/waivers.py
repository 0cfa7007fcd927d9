"""Waivers: findings accepted on purpose, with a reason, from the configuration or inline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lint import rule_ids
from lint.diagnostic import Diagnostic
from lint.directives import WAIVE, Directive, parse_directives
from lint.document import Document
from lint.globs import glob_match
from lint.source import SourceText
from lint.yamlio import InputError, LocatedYaml, PathKey

CONFIG_KEYS = ("rule", "files", "text", "reason", "by", "date")
INLINE_FIELDS = ("reason", "by", "date")
EXTERNAL = "external"
IN_SOURCE = "inSource"
"""SARIF's suppression kinds: a waiver in the configuration, or one in the draft."""


@dataclass(frozen=True)
class Waiver:
    """Why a finding was accepted, who accepted it and when, and where that is written."""

    rule: str
    """A rule id, pack prefix or bare rule name (as in `rules:`)."""
    reason: str
    kind: str
    """EXTERNAL (configuration) or IN_SOURCE (a comment in the draft)."""
    files: str | None = None
    """A glob relative to the configuration's folder; None: every file."""
    text: str | None = None
    """Only findings whose quoted text contains this; None: any text."""
    by: str | None = None
    date: str | None = None
    where: tuple[str, int, int] = ("", 1, 1)
    """File, 1-based line and column where the waiver is written."""

    def record(self) -> dict[str, Any]:
        """The waiver as JSON and the HTML report show it (keys that are set only)."""
        record: dict[str, Any] = {"kind": self.kind, "reason": self.reason}
        for key in ("by", "date", "files", "text"):
            if getattr(self, key) is not None:
                record[key] = getattr(self, key)
        path, line, column = self.where
        record["where"] = f"{path}:{line}:{column}"
        return record


@dataclass(frozen=True)
class Waived:
    """A finding that is not reported as a problem, and the waiver that accepts it."""

    diagnostic: Diagnostic
    waiver: Waiver


def parse_config_waivers(doc: LocatedYaml, key: PathKey, value: Any) -> tuple[Waiver, ...]:
    """The `waivers:` list of a configuration file. Raises InputError at the bad item."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise doc.error(key, "'waivers' is a list of {rule, files, text, reason, by, date}")
    waivers = []
    for index, item in enumerate(value):
        at = (*key, index)
        if not isinstance(item, dict):
            raise doc.error(at, "a waiver is a mapping with at least 'rule' and 'reason'")
        for name in item:
            if name not in CONFIG_KEYS:
                raise doc.error((*at, name), f"unknown waiver key {name!r} "
                                             f"(known: {', '.join(CONFIG_KEYS)})", of_key=True)
        for name in ("rule", "reason"):
            if not str(item.get(name) or "").strip():
                raise doc.error(at, f"a waiver needs a non-empty {name!r}")
        fields = {name: None if item.get(name) is None else str(item[name])
                  for name in ("files", "text", "by", "date")}
        line, column = doc.where(at)
        waivers.append(Waiver(rule=str(item["rule"]), reason=str(item["reason"]).strip(),
                              kind=EXTERNAL, where=(doc.path, line, column), **fields))
    return tuple(waivers)


def unknown_rule_errors(doc: LocatedYaml | None, path: str, waivers: Sequence[Waiver],
                        known: Iterable[str]) -> list[InputError]:
    """Configuration waivers that name no loaded rule (a typo would waive nothing)."""
    known = list(known)
    errors = []
    for index, waiver in enumerate(waivers):
        if not rule_ids.is_known(waiver.rule, known):
            message = f"unknown rule or pack {waiver.rule!r} in waiver"
            errors.append(doc.error(("waivers", index, "rule"), message) if doc else
                          InputError(path, *waiver.where[1:], message))
    return errors


def inline_waivers(document: Document, path: str, known: Iterable[str]
                   ) -> list[tuple[Directive, Waiver]]:
    """The draft's `<!-- newslint waive RULES reason="..." -->` comments as waivers."""
    directives, _ = parse_directives(document, known)  # problems were reported by the engine
    found = []
    for directive in directives:
        if directive.verb != WAIVE:
            continue
        fields = dict(directive.fields)
        line, column = directive.line + 1, document.source.position(directive.start).column + 1
        waiver = Waiver(rule=",".join(directive.rules), reason=fields["reason"], kind=IN_SOURCE,
                        by=fields.get("by"), date=fields.get("date"), where=(path, line, column))
        found.append((directive, waiver))
    return found


def _next_content_line(source: SourceText, line: int) -> int:
    nxt = line + 1
    while nxt < source.line_count and not source.line_text(nxt).strip():
        nxt += 1
    return nxt


def _covered_by_comment(d: Diagnostic, directive: Directive, source: SourceText) -> bool:
    """An inline waiver covers its own lines (a comment after the prose) and the next line
    of text (a comment on the line above)."""
    if not directive.covers(d.rule_id):
        return False
    line = d.start.line
    return (directive.line <= line <= directive.end_line
            or line == _next_content_line(source, directive.end_line))


def _covered_by_config(d: Diagnostic, waiver: Waiver, relative_path: str,
                       quoted: str) -> bool:
    return (rule_ids.matches(waiver.rule, d.rule_id)
            and (waiver.files is None or glob_match(waiver.files, relative_path))
            and (waiver.text is None or waiver.text in quoted))


def apply_waivers(document: Document, diagnostics: list[Diagnostic], configured: Sequence[Waiver],
                  relative_path: str, known: Iterable[str]) -> tuple[list[Diagnostic], list[Waived]]:
    """Split `diagnostics` into (still reported, waived). An inline waiver wins over one in
    the configuration: it sits next to the text it accepts."""
    source = document.source
    # Most drafts have no waiver comment: skip parsing the comments again for them.
    inline = inline_waivers(document, document.path, known) if WAIVE in source.text else []
    if not inline and not configured:
        return diagnostics, []
    # The same quoted text the baseline matches (imported here: most runs waive nothing).
    from lint.baseline import quoted_text
    kept: list[Diagnostic] = []
    waived: list[Waived] = []
    for d in diagnostics:
        waiver = next((w for directive, w in inline if _covered_by_comment(d, directive, source)),
                      None)
        if waiver is None and configured:
            quoted = quoted_text(source, d)
            waiver = next((w for w in configured
                           if _covered_by_config(d, w, relative_path, quoted)), None)
        if waiver is None:
            kept.append(d)
        else:
            waived.append(Waived(d, waiver))
    return kept, waived
