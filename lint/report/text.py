"""Human and parsable text output: `path:line:col: severity rule-id message`."""

from __future__ import annotations

from lint.diagnostic import FileResult, Severity
from lint.report import Reporter, Summary, one_based, reporter

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36", Severity.HINT: "37"}


@reporter
class TextReporter(Reporter):
    name = "text"

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def file(self, result: FileResult) -> None:
        if result.error:
            line, column = one_based(result.error_at.line, result.error_at.column) if (
                result.error_at) else (1, 1)
            self.err.write(f"{result.path}:{line}:{column}: error newslint.input-error "
                           f"{result.error}\n")
            return
        for d in result.diagnostics:
            line, column = one_based(d.start.line, d.start.column)
            severity = self._paint(d.severity.label, _COLORS[d.severity])
            self.out.write(f"{result.path}:{line}:{column}: {severity} {d.rule_id} {d.message}\n")

    def finish(self, summary: Summary) -> None:
        if summary.problems == 0:
            text = f"No problems in {_plural(summary.files, 'file')}."
        else:
            parts = [_plural(summary.counts[s], s.label if s != Severity.ERROR else "error")
                     for s in sorted(Severity, reverse=True) if summary.counts[s]]
            text = (f"{_plural(summary.problems, 'problem')} ({', '.join(parts)}) "
                    f"in {_plural(summary.files, 'file')}.")
        if summary.input_errors:
            text += f" {_plural(summary.input_errors, 'file')} could not be read."
        self.out.write(self._paint(text, "1") + "\n")


def _plural(count: int, word: str) -> str:
    if word in ("info", "hint"):
        return f"{count} {word}"
    return f"{count} {word}{'' if count == 1 else 's'}"
