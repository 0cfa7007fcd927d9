"""`newslint check --format text|json|github|sarif|lsp|auto` end to end, on a house pack."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import run_cli

from lint.cli import ExitStatus
from lint.report.json_report import SCHEMA as JSON_SCHEMA

REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = json.loads((REPO / "tests" / "sarif-schema-2.1.0.json").read_text("utf-8"))

# A pack these tests control, so they do not depend on what the built-in packs flag:
# a substitution with a fix and a link (error), a near-duplicate with a related location
# (info), a French-only rule that never runs on English, and a rule the config turns off.
HOUSE = {
    "zut.yaml": """\
type: substitution
message: "Avoid '{match}': 100% slang, say '{replacement}'."
severity: error
link: https://example.org/house?rule=zut#top
description: |
  Slang has no place in copy.

  Say it plainly.
swap: {zut: flûte}
examples: {fail: ["Oh zut."], pass: ["Oh flûte."]}
""",
    "echo.yaml": """\
type: near-duplicate
message: "Restates line {first_line}."
severity: info
description: A paragraph said twice.
min_words: 5
min_shared: 3
examples:
  fail:
    - "The harbour bridge will close for repairs.\\n\\nThe harbour bridge will close for repairs."
  pass: ["The harbour bridge will close.\\n\\nThe tunnel stays open."]
""",
    "shout.yaml": """\
type: existence
message: "No shouting."
severity: hint
lang: fr
tokens: [SHOUT]
description: French shouting.
examples: {fail: [{text: "SHOUT", lang: fr}], pass: [{text: "calme", lang: fr}]}
""",
    "off.yaml": """\
type: existence
message: "Off."
tokens: [zut]
description: Turned off by the configuration.
examples: {fail: ["zut"], pass: ["ok"]}
""",
}
CONFIG = "packs: [house]\nrule_dirs: [house]\nrules: {house.off: off}\n"

# Emoji before every finding (😀 and 🎉: 2 UTF-16 units, 1 code point; 👩‍💻: 5 units,
# 3 code points) and CRLF line endings.
DRAFT = ("Wow 😀 zut, then SHOUT 🎉 zut.\r\n"
         "\r\n"
         "The harbour bridge will close for repairs next week, the council said.\r\n"
         "\r\n"
         "👩‍💻 Again: the harbour bridge will close for repairs next week, the council said.\r\n")
LINES = DRAFT.split("\r\n")
# (rule, line, first column, end column) in 1-based code points, end exclusive.
EXPECTED = [("house.zut", 1, 7, 10), ("house.zut", 1, 25, 28), ("house.echo", 5, 1, 82)]


def utf16(line: int, column: int) -> int:
    """The 1-based UTF-16 column of a 1-based code-point column on 1-based `line`."""
    return len(LINES[line - 1][:column - 1].encode("utf-16-le")) // 2 + 1


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in HOUSE.items():
        (tmp_path / "house").mkdir(exist_ok=True)
        (tmp_path / "house" / name).write_text(text, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "my draft.md").write_bytes(DRAFT.encode("utf-8"))  # keep CRLF
    (tmp_path / "drafts" / "clean.md").write_bytes(b"Nothing to see.\n")
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    return run_cli("check", *argv, stdin=stdin)


def validate_sarif(log: dict[str, Any]) -> None:
    validator_class = jsonschema.validators.validator_for(SARIF_SCHEMA)
    validator = validator_class(SARIF_SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, "\n".join(errors[:20])


def test_expected_spans_are_the_words() -> None:
    assert [LINES[line - 1][start - 1:end - 1].split(" ")[0] for _, line, start, end in
            EXPECTED] == ["zut", "zut", "👩‍💻"]


def test_text(project: Path) -> None:
    status, out, err = run("--format", "text", "drafts")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    *lines, summary = out.splitlines()
    prefix = "drafts/my draft.md:"
    assert all(line.startswith(prefix) for line in lines)
    severities = ["error", "error", "info"]
    assert [line[len(prefix):].split(" ")[:3] for line in lines] == [
        [f"{line}:{start}:", severity, rule]
        for (rule, line, start, _), severity in zip(EXPECTED, severities, strict=True)]
    assert summary == "3 problems (2 errors, 1 info) in 2 files."


def test_json(project: Path) -> None:
    status, out, err = run("--format", "json", "drafts")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    records = json.loads(out)
    jsonschema.validate(records, JSON_SCHEMA)
    assert [(r["rule"], r["line"], r["column"], r["end_column"]) for r in records] == EXPECTED
    assert records[0]["fix"]["edits"] == [
        {"line": 1, "column": 7, "end_line": 1, "end_column": 10, "text": "flûte"}]
    assert records[2]["related"] == [
        {"path": "drafts/my draft.md", "line": 3, "column": 1, "end_line": 3,
         "end_column": len(LINES[2]) + 1, "message": "first occurrence"}]


def test_github(project: Path) -> None:
    status, out, err = run("--format", "github", "drafts")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    file = "file=drafts/my draft.md"
    assert out.splitlines() == [
        f"::error {file},line=1,col=7,endLine=1,endColumn=10,title=house.zut::"
        "Avoid 'zut': 100%25 slang, say 'flûte'.",
        f"::error {file},line=1,col=25,endLine=1,endColumn=28,title=house.zut::"
        "Avoid 'zut': 100%25 slang, say 'flûte'.",
        f"::notice {file},line=5,col=1,endLine=5,endColumn=82,title=house.echo::"
        "Restates line 3.",
    ]


def test_auto_under_github_actions_and_elsewhere(project: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    status, out, _ = run("--format", "auto", "drafts")
    assert status == ExitStatus.FINDINGS
    assert out == run("--format", "github", "drafts")[1]
    assert out.startswith("::error file=drafts/my draft.md,line=1,col=7,")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert run("--format", "auto", "drafts")[1] == run("--format", "text", "drafts")[1]
    monkeypatch.delenv("GITHUB_ACTIONS")
    status, out, _ = run("--format", "auto", "drafts")
    assert out.startswith("drafts/my draft.md:1:7: error house.zut ")


def test_sarif(project: Path) -> None:
    status, out, err = run("--format", "sarif", "drafts")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    log = json.loads(out)
    validate_sarif(log)
    [run_] = log["runs"]
    assert run_["columnKind"] == "utf16CodeUnits"
    assert run_["originalUriBaseIds"] == {"%SRCROOT%": {"uri": project.as_uri() + "/"}}
    # Only the rules that ran: not house.shout (French only) nor house.off (turned off).
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["house.echo", "house.zut"]
    zut = rules[1]
    assert zut["helpUri"] == "https://example.org/house?rule=zut#top"
    assert zut["shortDescription"] == {"text": "Slang has no place in copy."}
    assert zut["fullDescription"] == {"text": "Slang has no place in copy.\n\nSay it plainly."}
    assert zut["defaultConfiguration"] == {"level": "error"}
    results = run_["results"]
    spans = []
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "drafts/my%20draft.md",
                                                "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        spans.append((result["ruleId"], region["startLine"], region["startColumn"],
                      region["endColumn"]))
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert spans == [(rule, line, utf16(line, start), utf16(line, end))
                     for rule, line, start, end in EXPECTED]
    assert spans[1] == ("house.zut", 1, 27, 30)  # two emoji before it: +2 units
    assert [r["level"] for r in results] == ["error", "error", "note"]
    assert results[0]["fixes"][0]["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 11},
         "insertedContent": {"text": "flûte"}}]
    assert results[2]["relatedLocations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": len(LINES[2]) + 1}
    assert run_["invocations"] == [{"executionSuccessful": True}]


def test_sarif_input_errors(project: Path) -> None:
    (project / "drafts" / "bad.md").write_bytes(b"ok\n\xff\n")
    status, out, err = run("--format", "sarif", "drafts", "missing.md")
    assert status == ExitStatus.USAGE
    assert "bad.md:2:1: error: not valid UTF-8" in err  # still on standard error
    log = json.loads(out)
    validate_sarif(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], n["level"])
            for n in notes] == [("drafts/bad.md", "error"), ("missing.md", "error")]
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert len(log["runs"][0]["results"]) == 3


def test_lsp(project: Path) -> None:
    status, out, err = run("--format", "lsp", "drafts")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    files = json.loads(out)
    draft_uri = (project / "drafts").as_uri() + "/my%20draft.md"
    clean_uri = (project / "drafts" / "clean.md").as_uri()
    assert sorted(files) == sorted([draft_uri, clean_uri])
    assert files[clean_uri] == []
    diagnostics = files[draft_uri]
    assert [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
             d["range"]["end"]["character"]) for d in diagnostics] == [
        (rule, line - 1, utf16(line, start) - 1, utf16(line, end) - 1)
        for rule, line, start, end in EXPECTED]
    assert diagnostics[0]["codeDescription"] == {
        "href": "https://example.org/house?rule=zut#top"}
    assert [d["severity"] for d in diagnostics] == [1, 1, 3]
    assert {d["source"] for d in diagnostics} == {"newslint"}
    assert diagnostics[2]["relatedInformation"] == [{
        "location": {"uri": draft_uri,
                     "range": {"start": {"line": 2, "character": 0},
                               "end": {"line": 2, "character": len(LINES[2])}}},
        "message": "first occurrence"}]


def test_lsp_and_sarif_from_stdin_use_the_stdin_filename(project: Path) -> None:
    data = DRAFT.encode("utf-8")
    status, out, _ = run("--format", "lsp", "--stdin-filename", "drafts/new one.md",
                         stdin=data)
    assert status == ExitStatus.FINDINGS
    [(uri, diagnostics)] = json.loads(out).items()
    assert uri == (project / "drafts").as_uri() + "/new%20one.md"
    assert len(diagnostics) == 3
    status, out, _ = run("--format", "sarif", "--stdin-filename", "drafts/new one.md",
                         stdin=data)
    log = json.loads(out)
    validate_sarif(log)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"] == {"uri": "drafts/new%20one.md", "uriBaseId": "%SRCROOT%"}
    status, out, _ = run("--format", "lsp", "-", stdin=b"Nothing here.\n")
    assert (status, json.loads(out)) == (ExitStatus.CLEAN, {"untitled:stdin": []})


def test_clean_runs(project: Path) -> None:
    assert run("--format", "github", "drafts/clean.md") == (ExitStatus.CLEAN, "", "")
    status, out, _ = run("--format", "sarif", "drafts/clean.md")
    log = json.loads(out)
    validate_sarif(log)
    assert status == ExitStatus.CLEAN and log["runs"][0]["results"] == []
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == [
        "house.echo", "house.zut"]  # they ran, even without findings


def test_examples_with_the_real_packs_are_valid_sarif(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    status, out, err = run("--format", "sarif", "examples")
    assert (status, err) in ((ExitStatus.CLEAN, ""), (ExitStatus.FINDINGS, ""))
    log = json.loads(out)
    validate_sarif(log)
    run_ = log["runs"][0]
    assert {r["id"].split(".")[0] for r in run_["tool"]["driver"]["rules"]} >= {
        "style", "editorial"}
    for result in run_["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("examples/")


def test_no_format_imports_the_language_server(project: Path) -> None:
    """pre-commit and editor plugins start the CLI often: every format stays light (the
    `lsp` format shares lint.lsp.convert with the server, which imports no LSP library)."""
    import subprocess
    import sys

    code = (
        "import io, sys\n"
        "from lint.cli import main\n"
        "for fmt in ('text', 'json', 'github', 'sarif', 'lsp'):\n"
        "    main(['check', '--format', fmt, 'drafts'], stdout=io.StringIO())\n"
        "print(*sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol',\n"
        "      'cattrs') or m.startswith(('lint.lsp.server', 'lint.lsp.configs', 'lint.lsp.buffers'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=project, timeout=120)
    assert (proc.stderr, proc.stdout.split()) == ("", [])
