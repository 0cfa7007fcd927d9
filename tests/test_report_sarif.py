"""SARIF output: the official 2.1.0 schema, UTF-16 columns, rules that ran, fixes, input errors."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lint import __version__
from lint.diagnostic import Diagnostic, Edit, FileResult, Fix, Position, Related, Severity
from lint.engine import ActiveRule
from lint.report import INPUT_ERROR, Summary, load_reporter
from lint.rulespec import rule_from_mapping

SCHEMA_PATH = Path(__file__).with_name("sarif-schema-2.1.0.json")
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

# An astral emoji before each finding (2 UTF-16 units, 1 code point) and CRLF endings.
TEXT = "Wow 😀 the the end.\r\nSee 🎉🎉 line one again.\r\n"


def validate(log: dict[str, Any]) -> None:
    """Validate with the validator the schema declares ($schema: draft-04)."""
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    validator_class.check_schema(SCHEMA)
    validator = validator_class(SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def spec(rule_id: str, severity: str, link: str | None = None, **extra: Any):
    data: dict[str, Any] = {"type": "existence", "tokens": ["zzz"], "message": "m",
                            "severity": severity,
                            "description": f"Summary of {rule_id}. More\nwords here.\n\n"
                                           "Second paragraph.", **extra}
    if link:
        data["link"] = link
    return rule_from_mapping(data, rule_id)


RULES = {s.id: s for s in (
    spec("style.repeated-word", "warning", "https://example.org/rules#repeated-word"),
    spec("house.echo", "info"),
    spec("house.quiet", "hint"),
    spec("house.never-ran", "error"),
)}


def render(results: list[FileResult], ran: tuple[str, ...] = ("style.repeated-word",
                                                                   "house.echo", "house.quiet")
           ) -> dict[str, Any]:
    out = io.StringIO()
    reporter = load_reporter("sarif")(out, rules=RULES)
    summary = Summary()
    reporter.start()
    for result in results:
        if result.error is None:
            reporter.ran(ActiveRule(RULES[i], RULES[i].severity) for i in ran)
        reporter.file(result)
        summary.add(result)
    reporter.finish(summary)
    return json.loads(out.getvalue())


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def draft(path: str = "drafts/draft.md") -> FileResult:
    from lint.source import SourceText

    source = SourceText(TEXT)
    the_the, again = TEXT.index("the the"), TEXT.index("again")
    return FileResult(path, source, [
        Diagnostic.at(source, "style.repeated-word", Severity.WARNING, "Repeated: 'the the'.",
                      the_the, the_the + 7, link="https://example.org/rules#repeated-word",
                      fixes=(Fix("Remove the repeated 'the'",
                                 (Edit(the_the + 3, the_the + 7, ""),)),
                             Fix("Keep one", (Edit(the_the, the_the + 7, "the"),)))),
        Diagnostic.at(source, "house.echo", Severity.INFO, "Said twice.", again, again + 5,
                      related=(Related(the_the, the_the + 7, "first said here"),)),
        # Spans a CRLF: from "end." on line 1 to "See" on line 2.
        Diagnostic.at(source, "house.quiet", Severity.HINT, "Across lines.",
                      TEXT.index("end."), TEXT.index(" 🎉")),
    ])


def test_valid_against_the_official_schema(cwd: Path) -> None:
    bad = FileResult("bad.md", None, error="not valid UTF-8 at byte offset 9: invalid start "
                     "byte", error_at=Position(1, 2))
    validate(render([draft(), bad, FileResult("clean.md", draft().source, [])]))


def test_the_schema_check_is_not_vacuous(cwd: Path) -> None:
    log = render([draft()])
    log["runs"][0]["columnKind"] = "codePoints"  # not a SARIF columnKind
    with pytest.raises(AssertionError, match="columnKind"):
        validate(log)
    log = render([draft()])
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(AssertionError, match="startLine"):
        validate(log)


def test_run_shape(cwd: Path) -> None:
    log = render([draft()])
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    [run] = log["runs"]
    assert run["columnKind"] == "utf16CodeUnits"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", __version__)
    assert driver["informationUri"].startswith("https://")
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": cwd.as_uri() + "/"}}


def test_rules_that_ran_in_catalog_order_with_metadata(cwd: Path) -> None:
    rules = render([draft()])["runs"][0]["tool"]["driver"]["rules"]
    # house.never-ran is loaded but ran on no file, so it is not listed.
    assert [r["id"] for r in rules] == ["style.repeated-word", "house.echo", "house.quiet"]
    assert rules[0] == {
        "id": "style.repeated-word",
        "name": "RepeatedWord",
        "shortDescription": {"text": "Summary of style.repeated-word."},
        "fullDescription": {"text": "Summary of style.repeated-word. More words here.\n\n"
                                    "Second paragraph."},
        "helpUri": "https://example.org/rules#repeated-word",
        "defaultConfiguration": {"level": "warning"},
    }
    assert "helpUri" not in rules[1]
    assert [r["defaultConfiguration"]["level"] for r in rules] == ["warning", "note", "note"]


def test_error_level_and_rules_named_only_by_results(cwd: Path) -> None:
    from lint.engine import RULE_ERROR
    from lint.source import SourceText

    source = SourceText("x\n")
    result = FileResult("a.md", source, [
        Diagnostic.at(source, "house.never-ran", Severity.ERROR, "boom", 0, 1),
        Diagnostic.at(source, RULE_ERROR, Severity.ERROR, "a rule failed", 0, 1),
    ])
    log = render([result], ran=())
    validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["house.never-ran", RULE_ERROR]
    assert rules[0]["defaultConfiguration"] == {"level": "error"}
    assert "defaultConfiguration" not in rules[1]  # built-ins have no fixed severity
    assert rules[1]["shortDescription"]["text"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in run["results"]] == [
        ("house.never-ran", 0, "error"), (RULE_ERROR, 1, "error")]


def test_results_regions_are_utf16_one_based_end_exclusive(cwd: Path) -> None:
    run = render([draft()])["runs"][0]
    first, echo, quiet = run["results"]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == (
        "style.repeated-word", 0, "warning")
    assert first["message"] == {"text": "Repeated: 'the the'."}
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/draft.md", "uriBaseId": "%SRCROOT%"}
    # "Wow 😀 " is 6 code points but 7 UTF-16 units: "the the" is columns 8..15.
    assert location["region"] == {"startLine": 1, "startColumn": 8, "endLine": 1,
                                  "endColumn": 15}
    line = TEXT.split("\r\n")[0].encode("utf-16-le")
    assert line[(8 - 1) * 2:(15 - 1) * 2].decode("utf-16-le") == "the the"
    # "See 🎉🎉 line one " is 16 code points and 18 UTF-16 units.
    assert echo["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 24}
    assert (echo["ruleIndex"], echo["level"], quiet["level"]) == (1, "note", "note")
    # A span that crosses the CRLF: it ends on line 2, the CRLF adds no column.
    assert quiet["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 16, "endLine": 2, "endColumn": 4}


def test_related_locations_have_ids(cwd: Path) -> None:
    echo = render([draft()])["runs"][0]["results"][1]
    assert echo["relatedLocations"] == [{
        "id": 0,
        "physicalLocation": {
            "artifactLocation": {"uri": "drafts/draft.md", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 15}},
        "message": {"text": "first said here"},
    }]


def test_fixes_are_replacements(cwd: Path) -> None:
    fixes = render([draft()])["runs"][0]["results"][0]["fixes"]
    artifact = {"uri": "drafts/draft.md", "uriBaseId": "%SRCROOT%"}
    assert fixes == [
        {"description": {"text": "Remove the repeated 'the'"},
         "artifactChanges": [{"artifactLocation": artifact, "replacements": [
             {"deletedRegion": {"startLine": 1, "startColumn": 11, "endLine": 1,
                                "endColumn": 15},
              "insertedContent": {"text": ""}}]}]},
        {"description": {"text": "Keep one"},
         "artifactChanges": [{"artifactLocation": artifact, "replacements": [
             {"deletedRegion": {"startLine": 1, "startColumn": 8, "endLine": 1,
                                "endColumn": 15},
              "insertedContent": {"text": "the"}}]}]},
    ]


def test_input_errors_are_tool_execution_notifications(cwd: Path) -> None:
    bad = FileResult("bad.md", None, error="not valid UTF-8 at byte offset 9: invalid start "
                     "byte", error_at=Position(1, 2))
    gone = FileResult("gone.md", None, error="no such file or directory")
    log = render([bad, draft(), gone])
    validate(log)
    run = log["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {"level": "error", "message": {"text": bad.error},
         "locations": [{"physicalLocation": {
             "artifactLocation": {"uri": "bad.md", "uriBaseId": "%SRCROOT%"},
             "region": {"startLine": 2}}}],
         "descriptor": {"id": INPUT_ERROR, "index": 0}},
        {"level": "error", "message": {"text": "no such file or directory"},
         "locations": [{"physicalLocation": {
             "artifactLocation": {"uri": "gone.md", "uriBaseId": "%SRCROOT%"}}}],
         "descriptor": {"id": INPUT_ERROR, "index": 0}},
    ]
    assert run["tool"]["driver"]["notifications"][0]["id"] == INPUT_ERROR
    assert len(run["results"]) == 3  # the readable file is still reported


def test_uris_are_percent_encoded_and_outside_paths_absolute(cwd: Path, tmp_path_factory
                                                             ) -> None:
    elsewhere = tmp_path_factory.mktemp("other") / "été 100%.md"
    log = render([draft("my drafts/été #1.md"), draft(str(elsewhere)), draft("-")])
    validate(log)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]
            for r in log["runs"][0]["results"][::3]]
    assert uris == [
        {"uri": "my%20drafts/%C3%A9t%C3%A9%20%231.md", "uriBaseId": "%SRCROOT%"},
        {"uri": elsewhere.parent.as_uri() + "/%C3%A9t%C3%A9%20100%25.md"},
        {"uri": "untitled:stdin"},  # standard input read without --stdin-filename
    ]


def test_empty_run_is_valid(cwd: Path) -> None:
    log = render([], ran=())
    validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []
