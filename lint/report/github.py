"""`--format github`: one GitHub Actions workflow command (annotation) per diagnostic."""

from __future__ import annotations

from lint.diagnostic import Diagnostic, FileResult, Severity
from lint.report import (
    INPUT_ERROR,
    Reporter,
    coordinates,
    one_based,
    relative_path,
    reporter,
)
from lint.source import SourceText

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice",
            Severity.HINT: "notice"}
"""GitHub has three annotation levels; info and hint are both notices."""


def escape_data(text: str) -> str:
    """The message after `::`, escaped as actions/toolkit does (`%` first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A `key=value` property: also `:` and `,`, which would end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}\n"


def annotation_path(path: str) -> str:
    """Paths below the cwd (the workspace in Actions) relative, as GitHub matches them."""
    return relative_path(path) or path


def annotation(path: str, source: SourceText, d: Diagnostic) -> str:
    """`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message`.

    Lines and columns are 1-based code points, endColumn exclusive, as in the text and
    JSON output.
    """
    line, column = coordinates(source, d.start)
    end_line, end_column = coordinates(source, d.end)
    properties: dict[str, str | int] = {"file": path, "line": line}
    # GitHub accepts col/endColumn only on a single-line annotation (actions/toolkit:
    # "Cannot be sent when startLine and endLine are different values").
    if line == end_line:
        properties.update(col=column, endLine=end_line, endColumn=end_column)
    else:
        properties["endLine"] = end_line
    properties["title"] = d.rule_id
    return command(COMMANDS[d.severity], properties, d.message)


@reporter
class GithubReporter(Reporter):
    name = "github"

    def file(self, result: FileResult) -> None:
        path = annotation_path(result.path)
        if result.error is not None or result.source is None:
            # Standard error has the same line, but only a command makes an annotation.
            properties: dict[str, str | int] = {"file": path}
            if result.error_at is not None:
                properties["line"], properties["col"] = one_based(result.error_at.line,
                                                                  result.error_at.column)
            properties["title"] = INPUT_ERROR
            self.out.write(command("error", properties, result.error or ""))
            return
        for d in result.diagnostics:
            self.out.write(annotation(path, result.source, d))
