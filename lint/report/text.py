"""Text output: one `path:line:col: severity rule-id message` line per diagnostic, a summary."""

from __future__ import annotations

from lint.diagnostic import FileResult, Severity
from lint.document.docx_reader import is_word_document
from lint.report import Reporter, Summary, coordinates, reporter

# ANSI SGR codes; used only when the CLI decided colour is wanted (a terminal, no NO_COLOR).
_COLORS = {Severity.ERROR: "1;31", Severity.WARNING: "33", Severity.INFO: "36",
           Severity.HINT: "2"}
_BOLD = "1"


@reporter
class TextReporter(Reporter):
    name = "text"

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def file(self, result: FileResult) -> None:
        # Files that could not be read were already reported on standard error.
        if result.source is None:
            return
        for d in result.diagnostics:
            line, column = coordinates(result.source, d.start)
            severity = self._paint(d.severity.label, _COLORS[d.severity])
            # A Word document has no lines: its "line" is a paragraph number, marked ¶.
            where = f"¶{line}" if is_word_document(result.path) else line
            self.out.write(f"{result.path}:{where}:{column}: {severity} {d.rule_id} "
                           f"{d.message}\n")

    def finish(self, summary: Summary) -> None:
        self.out.write(self._paint(summary_line(summary), _BOLD) + "\n")


def summary_line(summary: Summary) -> str:
    """E.g. "3 problems (1 error, 2 warnings) in 2 files." or "No problems in 1 file."."""
    files = _plural(summary.files, "file")
    if summary.problems == 0:
        text = f"No problems in {files}."
    else:
        parts = [_plural(summary.counts[s], s.label)
                 for s in sorted(Severity, reverse=True) if summary.counts[s]]
        text = f"{_plural(summary.problems, 'problem')} ({', '.join(parts)}) in {files}."
    if summary.hidden:
        text += f" {summary.hidden} below --min-severity not shown."
    if summary.input_errors:
        text += f" {_plural(summary.input_errors, 'file')} could not be read."
    return text


def _plural(count: int, word: str) -> str:
    # "info" and "hint" are used as mass nouns here: "2 info", not "2 infos".
    suffix = "" if count == 1 or word in ("info", "hint") else "s"
    return f"{count} {word}{suffix}"
