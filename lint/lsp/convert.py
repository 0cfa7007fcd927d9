"""Diagnostics, fixes, suppressions and rule help as LSP JSON values (plain dicts)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lint.diagnostic import Diagnostic, Edit, Fix, Position, Severity
from lint.rulespec import RuleSpec
from lint.source import COLUMN_UNITS, ColumnUnit, SourceText

# Plain dicts with the protocol's camelCase keys: the `--format lsp` reporter writes them
# as JSON and must not import pygls or lsprotocol; the server structures them into
# lsprotocol types.
Json = dict[str, Any]

SOURCE = "newslint"
"""The `source` of every diagnostic we publish."""
SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3, Severity.HINT: 4}
"""Our severities as LSP DiagnosticSeverity numbers."""
QUICK_FIX = "quickfix"
DISABLE_NEXT_LINE = "<!-- newslint disable-next-line {rule} -->"
"""The suppression comment a "Disable RULE for this line" action inserts (lint/directives.py)."""

# What may precede a Markdown line's text and must be repeated on an inserted line to
# stay inside the same container: indentation and blockquote markers.
_MARKDOWN_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*")
_TEXT_PREFIX = re.compile(r"[ \t]*")


def column_unit(encoding: object) -> ColumnUnit:
    """The column unit for an LSP position encoding ("utf-16" when absent or unknown).

    Accepts lsprotocol's PositionEncodingKind (a str enum) as well as plain strings.
    """
    value = str(getattr(encoding, "value", encoding) or "").lower()
    return next((unit for unit in COLUMN_UNITS if unit == value), "utf-16")


# -- positions ---------------------------------------------------------------------------


def position(source: SourceText, offset: int, unit: ColumnUnit = "utf-16") -> Json:
    """An LSP Position for a code-point offset into `source`."""
    line, character = source.convert(offset, unit)
    return {"line": line, "character": character}


def lsp_range(source: SourceText, start: int, end: int, unit: ColumnUnit = "utf-16") -> Json:
    """An LSP Range for the code-point offsets [start, end) of `source`."""
    return {"start": position(source, start, unit), "end": position(source, end, unit)}


def offset_at(source: SourceText, where: Mapping[str, int], unit: ColumnUnit = "utf-16") -> int:
    """The code-point offset of an LSP Position sent by the client (clamped to the text)."""
    line = max(0, min(int(where["line"]), source.line_count - 1))
    column = source.column_from(line, max(0, int(where["character"])), unit)
    return source.offset(Position(line, column))


# -- diagnostics -------------------------------------------------------------------------


def path_to_uri(path: str) -> str:
    """A file:// URI for a path (relative paths are made absolute)."""
    return Path(path).absolute().as_uri()


def uri_to_path(uri: str) -> str | None:
    """The local path of a file:// URI; None for other schemes (untitled:, ...)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    # file:///C:/x on Windows: drop the slash before the drive letter.
    if re.match(r"/[A-Za-z]:", path):
        path = path[1:]
    if parsed.netloc and parsed.netloc != "localhost":
        path = f"//{parsed.netloc}{path}"
    return str(Path(path))


def diagnostic(
    found: Diagnostic,
    source: SourceText,
    uri: str,
    unit: ColumnUnit = "utf-16",
    others: Mapping[str, SourceText] | None = None,
) -> Json:
    """An LSP Diagnostic for one of ours, positioned in `unit` columns.

    `uri` is the document's URI (related locations in the same file point at it);
    `others` gives the text of other files that related locations name by path, which
    are left out when their text is not given (their offsets cannot be converted).
    """
    result: Json = {
        "range": lsp_range(source, found.offset, found.end_offset, unit),
        "severity": SEVERITY[found.severity],
        "code": found.rule_id,
        "source": SOURCE,
        "message": found.message,
    }
    if found.link:
        result["codeDescription"] = {"href": found.link}
    related = []
    for item in found.related:
        text, where = source, uri
        if item.path is not None:
            other = (others or {}).get(item.path)
            if other is None:
                continue
            text, where = other, path_to_uri(item.path)
        related.append({
            "location": {"uri": where, "range": lsp_range(text, item.start, item.end, unit)},
            "message": item.message,
        })
    if related:
        result["relatedInformation"] = related
    return result


# -- code actions ------------------------------------------------------------------------


def text_edit(edit: Edit, source: SourceText, unit: ColumnUnit = "utf-16") -> Json:
    return {"range": lsp_range(source, edit.start, edit.end, unit), "newText": edit.text}


def workspace_edit(
    uri: str, edits: Iterable[Json], version: int | None = None, versioned: bool = False
) -> Json:
    """A WorkspaceEdit for one document: `documentChanges` pinned to `version` when the
    client supports them (`versioned`), so a stale edit is refused; else `changes`."""
    edits = list(edits)
    if versioned:
        return {"documentChanges": [
            {"textDocument": {"uri": uri, "version": version}, "edits": edits}
        ]}
    return {"changes": {uri: edits}}


def fix_action(fix: Fix, found: Json, source: SourceText, uri: str, unit: ColumnUnit,
               version: int | None = None, versioned: bool = False,
               preferred: bool = False) -> Json:
    """A quick-fix CodeAction applying one of the rule's fixes."""
    edits = [text_edit(e, source, unit) for e in sorted(fix.edits, key=lambda e: e.start)]
    action: Json = {
        "title": fix.title,
        "kind": QUICK_FIX,
        "diagnostics": [found],
        "edit": workspace_edit(uri, edits, version, versioned),
    }
    if preferred:
        action["isPreferred"] = True
    return action


def disable_edit(source: SourceText, line: int, rule_id: str, kind: str = "markdown") -> Edit:
    """Insert `<!-- newslint disable-next-line RULE -->` on its own line above `line`.

    The new line repeats the line's indentation (and, in Markdown, its blockquote
    markers) so it stays in the same container, and uses the file's line ending.
    """
    text = source.line_text(line)
    prefix = (_MARKDOWN_PREFIX if kind == "markdown" else _TEXT_PREFIX).match(text)
    lead = prefix.group() if prefix else ""
    start = source.line_starts[line]
    comment = DISABLE_NEXT_LINE.format(rule=rule_id)
    return Edit(start, start, f"{lead}{comment}{source.dominant_eol()}")


def disable_action(found: Diagnostic, lsp_found: Json, source: SourceText, uri: str,
                   unit: ColumnUnit, kind: str = "markdown", version: int | None = None,
                   versioned: bool = False) -> Json:
    """The "Disable RULE for this line" CodeAction for a diagnostic."""
    edit = disable_edit(source, found.start.line, found.rule_id, kind)
    return {
        "title": f"Disable {found.rule_id} for this line",
        "kind": QUICK_FIX,
        "diagnostics": [lsp_found],
        "edit": workspace_edit(uri, [text_edit(edit, source, unit)], version, versioned),
    }


# -- hover -------------------------------------------------------------------------------


def rule_help(spec: RuleSpec, lang: str | None = None,
              severity: Severity | None = None) -> str:
    """Markdown explaining a rule: its description, one flagged example and its link.

    The example is the first one in `lang` (the document's language) when there is one,
    else the rule's first flagged example. `severity` is the configured one, when known.
    """
    parts = [f"**{spec.id}** ({(severity or spec.severity).label})",
             spec.description.strip() or spec.summary or "(no description)"]
    examples = spec.fail_examples
    example = next((e for e in examples if lang and e.lang == lang), None) or (
        examples[0] if examples else None)
    if example is not None:
        quoted = "\n".join(f"> {line}" if line else ">"
                           for line in example.text.strip().split("\n"))
        parts.append(f"Flagged, for example:\n\n{quoted}")
    if spec.link:
        parts.append(f"[More about {spec.id}]({spec.link})")
    return "\n\n".join(parts)


def builtin_help(rule_id: str, explanation: str) -> str:
    """Markdown for one of newslint's own diagnostics (rule errors, bad directives)."""
    return f"**{rule_id}** (built in)\n\n{explanation}"
