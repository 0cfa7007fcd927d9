"""`--format line` (also `--output line`): Vale's `file:line:column:Style.Rule:message` lines."""

from __future__ import annotations

from lint.diagnostic import FileResult
from lint.report import Reporter, coordinates, relative_path, reporter


@reporter
class LineReporter(Reporter):
    """One line per finding, as `vale --output=line --relative` prints them (paths below
    the working folder relative; columns 1-based code points)."""

    name = "line"

    def file(self, result: FileResult) -> None:
        if result.source is None:
            return
        path = relative_path(result.path) or result.path
        for d in result.diagnostics:
            line, column = coordinates(result.source, d.start)
            self.out.write(f"{path}:{line}:{column}:{d.rule_id}:{d.message}\n")
