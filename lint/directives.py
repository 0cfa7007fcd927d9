"""Suppression comments (<!-- newslint disable ... -->, Vale's <!-- vale off -->), applied after
every rule has run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from lint import rule_ids
from lint.diagnostic import Diagnostic, Severity
from lint.document import Comment, Document

UNKNOWN_RULE = "newslint.unknown-directive-rule"
BAD_DIRECTIVE = "newslint.bad-directive"
WAIVE = "waive"
"""The verb that accepts a finding with a reason instead of hiding it (lint.waivers)."""
VERBS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable", WAIVE)
WAIVER_FIELDS = ("reason", "by", "date")
"""`key="value"` fields of a `waive` directive (lint.waivers); `reason` is required."""

_DIRECTIVE = regex.compile(r"^newslint(?:\s+(?P<verb>\S+)(?P<rules>.*))?$", regex.DOTALL)
# Plain text has no comment syntax; a directive there is the Markdown comment text, on
# its own line or at the end of a line of prose.
_FIELD = regex.compile(r'(?P<key>[\w-]+)\s*=\s*"(?P<value>[^"]*)"')
_TEXT_COMMENT = regex.compile(r"<!--\s*(?P<body>newslint\b.*?)-->")
# Vale's comment switches: `vale off`, `vale on`, `vale Style.Rule = NO` (or YES).
_VALE = regex.compile(r"^vale\s+(?P<body>.+?)\s*$", regex.DOTALL)
_VALE_RULE = regex.compile(r"(?P<rule>[\w.-]+)\s*=\s*(?P<switch>\w+)")
VALE_SWITCHES = {"off": "disable", "on": "enable", "NO": "disable", "YES": "enable"}


@dataclass(frozen=True)
class Directive:
    """One parsed suppression comment."""

    verb: str
    rules: tuple[str, ...]
    """Rule references (ids, pack prefixes, bare names); empty means every rule."""
    start: int
    """0-based code-point offset of the comment in the source."""
    end: int
    line: int
    """0-based line of the comment's start."""
    end_line: int
    """0-based line of the comment's end."""
    fields: tuple[tuple[str, str], ...] = ()
    """`key="value"` pairs (a waive directive's reason, by and date)."""

    def covers(self, rule_id: str) -> bool:
        return not self.rules or any(rule_ids.matches(r, rule_id) for r in self.rules)


def _comments(document: Document) -> list[Comment]:
    """The document's comments; in plain text, also directives that end a line of prose."""
    comments = list(document.comments)
    if document.kind == "text":
        source = document.source
        lines = {source.position(c.start).line for c in comments}
        for m in _TEXT_COMMENT.finditer(source.text):
            if source.position(m.start()).line not in lines:
                comments.append(Comment(m.start(), m.end(), m.group("body").strip(), False))
    return sorted(comments, key=lambda c: c.start)


def is_vale_switch(comment_text: str) -> bool:
    """Whether a comment's inner text is one of Vale's switches (`vale off`, ...)."""
    return _VALE.match(comment_text) is not None


def parse_directives(
    document: Document, known: Iterable[str]
) -> tuple[list[Directive], list[Diagnostic]]:
    """Directives of the document, plus diagnostics for malformed ones and unknown rule ids."""
    known = list(known)
    source = document.source
    directives: list[Directive] = []
    problems: list[Diagnostic] = []
    for comment in _comments(document):
        vale = _VALE.match(comment.text)
        if vale:
            directives.extend(_vale_directives(vale.group("body"), comment, document))
            continue
        m = _DIRECTIVE.match(comment.text)
        if not m:
            continue
        verb = m.group("verb") or ""
        if verb not in VERBS:
            problems.append(Diagnostic.at(
                source, BAD_DIRECTIVE, Severity.WARNING,
                f"unknown newslint directive {verb!r} (expected one of: {', '.join(VERBS)})",
                comment.start, comment.end))
            continue
        rules_text, fields = m.group("rules"), ()
        if verb == WAIVE:
            fields = tuple((f["key"], f["value"].strip()) for f in _FIELD.finditer(rules_text))
            rules_text = _FIELD.sub(" ", rules_text)
            problem = _waiver_problem(dict(fields))
            if problem:
                problems.append(Diagnostic.at(source, BAD_DIRECTIVE, Severity.WARNING, problem,
                                              comment.start, comment.end))
                continue
        # "waive rule: reason=..." reads naturally; the colon is not part of the id.
        refs = tuple(r.rstrip(":") for r in regex.split(r"[\s,]+", rules_text) if r.rstrip(":"))
        for ref in refs:
            if not rule_ids.is_known(ref, known):
                problems.append(Diagnostic.at(
                    source, UNKNOWN_RULE, Severity.WARNING,
                    f"unknown rule {ref!r} in newslint {verb} directive",
                    comment.start, comment.end))
        directives.append(Directive(verb, refs, comment.start, comment.end,
                                    source.position(comment.start).line,
                                    source.position(comment.end).line, fields))
    return directives, problems


def _vale_directives(body: str, comment: Comment, document: Document) -> list[Directive]:
    """Vale's switches as disable/enable directives; anything else Vale would ignore too."""
    line, end_line = (document.source.position(comment.start).line,
                      document.source.position(comment.end).line)
    if body in VALE_SWITCHES:
        return [Directive(VALE_SWITCHES[body], (), comment.start, comment.end, line, end_line)]
    return [Directive(VALE_SWITCHES[m["switch"]], (m["rule"],), comment.start, comment.end,
                      line, end_line)
            for m in _VALE_RULE.finditer(body) if m["switch"] in VALE_SWITCHES]


def _waiver_problem(fields: dict[str, str]) -> str | None:
    unknown = [k for k in fields if k not in WAIVER_FIELDS]
    if unknown:
        return (f"unknown field {unknown[0]!r} in newslint waive directive (expected: "
                f"{', '.join(WAIVER_FIELDS)})")
    if not fields.get("reason"):
        return 'a newslint waive directive needs a reason: reason="why this is accepted"'
    return None


def _next_content_line(document: Document, line: int) -> int:
    """The first non-blank line after `line`."""
    source = document.source
    nxt = line + 1
    while nxt < source.line_count and not source.line_text(nxt).strip():
        nxt += 1
    return nxt


def _suppressed(diagnostic: Diagnostic, directives: list[Directive], document: Document) -> bool:
    """Whether the directives (in document order) silence `diagnostic`."""
    line = diagnostic.start.line
    disabled = False
    for d in directives:
        if not d.covers(diagnostic.rule_id):
            continue
        if d.verb == "disable-file":
            return True
        if d.verb == "disable-line" and d.line <= line <= d.end_line:
            return True
        if d.verb == "disable-next-line" and line == _next_content_line(document, d.end_line):
            return True
        # disable/enable act on what follows them; the last one before the diagnostic wins.
        if d.verb in ("disable", "enable") and d.end <= diagnostic.offset:
            disabled = d.verb == "disable"
    return disabled


def apply_directives(
    document: Document, diagnostics: list[Diagnostic], known: Iterable[str]
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add diagnostics about the directives themselves."""
    directives, problems = parse_directives(document, known)
    kept = [d for d in diagnostics if not _suppressed(d, directives, document)]
    return kept + problems
