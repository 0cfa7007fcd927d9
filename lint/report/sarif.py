"""`--format sarif`: one SARIF 2.1.0 run (rules that ran, results, fixes, input errors)."""

from __future__ import annotations

import json
from typing import Any

from lint import __version__
from lint.diagnostic import Diagnostic, FileResult, Fix, Position, Related, Severity
from lint.engine import INTERNAL_RULES
from lint.files import STDIN
from lint.report import (
    INPUT_ERROR,
    STDIN_URI,
    Reporter,
    Summary,
    coordinates,
    file_uri,
    relative_uri,
    reporter,
)
from lint.rulespec import RuleSpec
from lint.source import SourceText
from lint.waivers import Waiver

SCHEMA_URI = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
              "sarif-schema-2.1.0.json")
"""The `id` of the official schema (tests/sarif-schema-2.1.0.json validates the output)."""
INFORMATION_URI = "https://github.com/newslint/newslint"
SRCROOT = "%SRCROOT%"
"""The base of every relative artifact URI: the directory newslint ran in."""
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note",
          Severity.HINT: "note"}
INPUT_ERROR_TEXT = "A file could not be linted: it is missing, unreadable or not valid UTF-8."


def level(severity: Severity) -> str:
    return LEVELS[severity]


def artifact_location(path: str) -> dict[str, Any]:
    """Relative to %SRCROOT% below the cwd (portable, what code scanning expects), else
    an absolute file URI."""
    if path == STDIN:
        return {"uri": STDIN_URI}
    relative = relative_uri(path)
    if relative is None:
        return {"uri": file_uri(path)}
    return {"uri": relative, "uriBaseId": SRCROOT}


def region(source: SourceText, start: Position, end: Position) -> dict[str, int]:
    """1-based lines, 1-based UTF-16 columns (the run's columnKind), endColumn exclusive."""
    start_line, start_column = coordinates(source, start, "utf-16")
    end_line, end_column = coordinates(source, end, "utf-16")
    return {"startLine": start_line, "startColumn": start_column,
            "endLine": end_line, "endColumn": end_column}


def _offsets_region(source: SourceText, start: int, end: int) -> dict[str, int]:
    return region(source, source.position(start), source.position(end))


def physical_location(path: str, where: dict[str, int]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": artifact_location(path), "region": where}}


def related_location(index: int, path: str, source: SourceText, related: Related
                     ) -> dict[str, Any]:
    # Related offsets index the diagnostic's own document (lint.diagnostic.Related).
    location = physical_location(related.path or path,
                                 _offsets_region(source, related.start, related.end))
    return {"id": index, **location, "message": {"text": related.message}}


def sarif_fix(path: str, source: SourceText, fix: Fix) -> dict[str, Any]:
    replacements = [{"deletedRegion": _offsets_region(source, e.start, e.end),
                     "insertedContent": {"text": e.text}} for e in fix.edits]
    return {"description": {"text": fix.title},
            "artifactChanges": [{"artifactLocation": artifact_location(path),
                                 "replacements": replacements}]}


def sarif_result(path: str, source: SourceText, d: Diagnostic) -> dict[str, Any]:
    """A result without `ruleIndex`, which is known only once every rule is listed."""
    result: dict[str, Any] = {
        "ruleId": d.rule_id,
        "ruleIndex": -1,  # set by the reporter's finish()
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [physical_location(path, region(source, d.start, d.end))],
    }
    if d.related:
        result["relatedLocations"] = [related_location(i, path, source, r)
                                      for i, r in enumerate(d.related)]
    if d.fixes:
        result["fixes"] = [sarif_fix(path, source, fix) for fix in d.fixes]
    return result


def suppression(waiver: Waiver) -> dict[str, Any]:
    """A waiver as a SARIF suppression: external (configuration) or inSource (a comment)."""
    record: dict[str, Any] = {"kind": waiver.kind, "status": "accepted",
                              "justification": waiver.reason}
    extra = {k: v for k, v in (("by", waiver.by), ("date", waiver.date)) if v is not None}
    if extra:
        record["properties"] = extra
    return record


def rule_descriptor(rule_id: str, spec: RuleSpec | None) -> dict[str, Any]:
    """`reportingDescriptor` of a rule file, or of a built-in id (newslint.rule-error…)."""
    name = rule_id.rpartition(".")[2]
    descriptor: dict[str, Any] = {
        "id": rule_id,
        # SARIF's `name` is a readable identifier in Pascal case: RepeatedWord.
        "name": "".join(part.capitalize() for part in name.replace("_", "-").split("-")),
    }
    if spec is None:
        if rule_id in INTERNAL_RULES:  # built-ins have no fixed severity: no default level
            descriptor["shortDescription"] = {"text": INTERNAL_RULES[rule_id]}
        return descriptor
    if spec.summary:
        descriptor["shortDescription"] = {"text": spec.summary}
    if spec.description.strip():
        descriptor["fullDescription"] = {"text": _unwrap(spec.description)}
    if spec.link:
        descriptor["helpUri"] = spec.link
    descriptor["defaultConfiguration"] = {"level": level(spec.severity)}
    return descriptor


def _unwrap(text: str) -> str:
    """Rule files hard-wrap their descriptions; viewers wrap for themselves."""
    paragraphs = (" ".join(p.split()) for p in text.strip().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def input_error_notification(result: FileResult) -> dict[str, Any]:
    """A file that could not be read, as a toolExecutionNotification.

    Only the line is given: the UTF-16 column of a bad byte would need the decoded line,
    and the message names the byte offset.
    """
    location: dict[str, Any] = {"artifactLocation": artifact_location(result.path)}
    if result.error_at is not None:
        location["region"] = {"startLine": result.error_at.line + 1}
    return {"level": "error", "message": {"text": result.error or ""},
            "locations": [{"physicalLocation": location}],
            "descriptor": {"id": INPUT_ERROR, "index": 0}}


@reporter
class SarifReporter(Reporter):
    name = "sarif"

    def start(self) -> None:
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        if result.error is not None or result.source is None:
            self.notifications.append(input_error_notification(result))
            return
        self.results.extend(sarif_result(result.path, result.source, d)
                            for d in result.diagnostics)
        for waived in result.waived:
            entry = sarif_result(result.path, result.source, waived.diagnostic)
            entry["suppressions"] = [suppression(waived.waiver)]
            self.results.append(entry)

    def _rule_ids(self) -> list[str]:
        """Rules that ran, in catalog order, then any other id a result names."""
        ids = [i for i in self.rules if i in self.active]
        ids += [i for i in self.active if i not in self.rules]
        for result in self.results:
            if result["ruleId"] not in ids:
                ids.append(result["ruleId"])
        return ids

    def _spec(self, rule_id: str) -> RuleSpec | None:
        active = self.active.get(rule_id)
        return self.rules.get(rule_id) or (active.spec if active else None)

    def finish(self, summary: Summary) -> None:
        ids = self._rule_ids()
        index = {rule_id: i for i, rule_id in enumerate(ids)}
        for result in self.results:
            result["ruleIndex"] = index[result["ruleId"]]
        driver: dict[str, Any] = {
            "name": "newslint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(i, self._spec(i)) for i in ids],
        }
        invocation: dict[str, Any] = {"executionSuccessful": not self.notifications}
        if self.notifications:
            driver["notifications"] = [{"id": INPUT_ERROR,
                                        "shortDescription": {"text": INPUT_ERROR_TEXT}}]
            invocation["toolExecutionNotifications"] = self.notifications
        root = file_uri(".")
        run = {
            "tool": {"driver": driver},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": root if root.endswith("/") else root + "/"}},
            # Stated although it is SARIF's default, so no reader guesses code points.
            "columnKind": "utf16CodeUnits",
            "results": self.results,
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        json.dump(log, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
