"""Command-line front end: `newslint check | rules | explain | test-rules | lsp`."""

from __future__ import annotations

import argparse
import enum
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from lint import __version__
from lint.config import Config, load_config
from lint.diagnostic import Severity
from lint.engine import INTERNAL_RULES
from lint.files import expand
from lint.report import REPORTERS, Summary, choose_format
from lint.runner import Linter
from lint.yamlio import InputError


class ExitStatus(enum.IntEnum):
    CLEAN = 0
    """Nothing reached the --fail-on severity."""
    FINDINGS = 1
    """At least one diagnostic at or above --fail-on."""
    USAGE = 2
    """Bad arguments, configuration or input (a file that could not be read)."""


FORMATS = ("text", "json", "lsp", "sarif", "github", "auto")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Editorial linter for news drafts (Markdown and plain text, English and French).",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint drafts and report diagnostics")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders to lint; '-' reads standard input (default: .)")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="file name to report (and to pick Markdown or text) for '-'")
    check.add_argument("--format", default="text", choices=FORMATS,
                       help="output format (auto: github under GitHub Actions, else text)")
    check.add_argument("--fail-on", default="warning", choices=("error", "warning", "info"),
                       help="lowest severity that makes the exit status 1 (default: warning)")
    check.add_argument("--no-color", action="store_true", help="never colour the text output")
    _common(check)
    check.add_argument("--select", action="append", default=[], metavar="RULES",
                       help="only these rules (ids, packs or bare names; comma-separated)")
    check.add_argument("--ignore", action="append", default=[], metavar="RULES",
                       help="skip these rules (ids, packs or bare names; comma-separated)")
    check.add_argument("--fix", action="store_true", help="apply every available fix in place")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff instead of writing them")

    rules = sub.add_parser("rules", help="list the enabled rules")
    _common(rules)
    explain = sub.add_parser("explain", help="explain one rule, with its examples")
    explain.add_argument("rule", metavar="RULE")
    _common(explain)
    test_rules = sub.add_parser("test-rules", help="run every rule's pass/fail examples")
    test_rules.add_argument("pack_dirs", nargs="*", metavar="PACK_DIR",
                            help="pack folders to test (default: every enabled pack)")
    _common(test_rules)
    lsp = sub.add_parser("lsp", help="run the language server on standard input/output")
    _common(lsp)
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE",
                        help="configuration file (default: nearest .newslint.yaml or "
                             "pyproject.toml [tool.newslint])")


def _split(values: Sequence[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None,
         stderr: IO[str] | None = None, stdin: IO[bytes] | None = None) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help and --version exit 0, argument errors exit 2
        return ExitStatus.CLEAN if exc.code in (0, None) else ExitStatus.USAGE
    if args.command is None:
        parser.print_help(out)
        return ExitStatus.USAGE
    if args.command == "lsp":
        from lint.lsp.server import serve  # pygls is imported on this path only

        return serve(args.config)
    try:
        config = load_config(args.config)
    except InputError as exc:
        err.write(f"{exc}\n")
        return ExitStatus.USAGE
    if args.command == "test-rules":
        return _test_rules(config, args.pack_dirs, out, err)
    linter = Linter(config, getattr(args, "select", []) and _split(args.select),
                    getattr(args, "ignore", []) and _split(args.ignore))
    if linter.errors:
        for problem in linter.errors:
            err.write(f"{problem}\n")
        return ExitStatus.USAGE
    if args.command == "rules":
        return _list_rules(linter, out)
    if args.command == "explain":
        return _explain(linter, args.rule, out, err)
    return _check(linter, args, out, err, stdin)


def _check(linter: Linter, args: argparse.Namespace, out: IO[str], err: IO[str],
           stdin: IO[bytes] | None) -> int:
    unknown = linter.unknown_references(_split(args.select) + _split(args.ignore))
    if unknown:
        err.write(f"newslint: unknown rule or pack in --select/--ignore: {', '.join(unknown)}\n")
        return ExitStatus.USAGE
    if args.fix and args.diff:
        err.write("newslint: use either --fix or --diff, not both\n")
        return ExitStatus.USAGE
    paths = args.paths or ["."]
    if "-" in paths and (args.fix):
        err.write("newslint: --fix cannot write back to standard input; use --diff\n")
        return ExitStatus.USAGE
    fmt = choose_format(args.format)
    color = fmt == "text" and not args.no_color and out.isatty() and "NO_COLOR" not in os.environ
    specs = {s.id: s for s in linter.catalog.specs}
    report = REPORTERS[fmt](out, err, color=color, rules=specs)
    summary = Summary()
    failed_input = False
    fail_on = Severity.parse(args.fail_on)
    worst = 0
    fixer = None
    if args.fix or args.diff:
        from lint.fixes import Fixer

        fixer = Fixer(write=args.fix, out=out, err=err)
    report.start()
    for path in paths:
        if path == "-":
            name = args.stdin_filename or "-"
            data = (stdin or sys.stdin.buffer).read()
            results = [linter.lint_bytes(data, name)]
        else:
            results = []
            for target in expand([path], linter.is_included, linter.is_excluded):
                if target.error:
                    err.write(f"{target.path}: error: {target.error}\n")
                    failed_input = True
                    continue
                results.append(linter.lint_path(target.path))
        for result in results:
            if fixer is not None and result.source is not None:
                result = fixer.apply(linter, result)
            report.file(result)
            summary.add(result)
            failed_input = failed_input or result.error is not None
            worst = max([worst, *(d.severity for d in result.diagnostics)])
    report.finish(summary)
    if failed_input:
        return ExitStatus.USAGE
    return ExitStatus.FINDINGS if worst >= fail_on else ExitStatus.CLEAN


def _list_rules(linter: Linter, out: IO[str]) -> int:
    active = linter.project_ruleset().rules
    width = max((len(a.spec.id) for a in active), default=10)
    for rule in active:
        out.write(f"{rule.spec.id:<{width}}  {rule.severity.label:<7}  {rule.spec.summary}\n")
    return ExitStatus.CLEAN


def _explain(linter: Linter, rule: str, out: IO[str], err: IO[str]) -> int:
    matches = [s for s in linter.catalog.specs if s.id == rule] or [
        s for s in linter.catalog.specs if s.id.endswith("." + rule)]
    if not matches:
        if rule in INTERNAL_RULES:
            out.write(f"{rule}\n\n{INTERNAL_RULES[rule]}\n")
            return ExitStatus.CLEAN
        err.write(f"newslint: unknown rule {rule!r}; `newslint rules` lists them\n")
        return ExitStatus.USAGE
    spec = matches[0]
    out.write(f"{spec.id} ({spec.type}, default severity {spec.severity.label})\n\n")
    out.write(spec.description.strip() + "\n")
    for kind, examples in (("Flagged", spec.fail_examples), ("Not flagged", spec.pass_examples)):
        if examples:
            out.write(f"\n{kind}:\n")
            for example in examples:
                lang = f"[{example.lang}] " if example.lang else ""
                text = example.text.strip().replace("\n", "\n    ")
                out.write(f"  - {lang}{text}\n")
    if spec.link:
        out.write(f"\nMore: {spec.link}\n")
    return ExitStatus.CLEAN


def _test_rules(config: Config, pack_dirs: list[str], out: IO[str], err: IO[str]) -> int:
    import dataclasses

    from lint.packs import packs_in
    from lint.selftest import check_examples

    if pack_dirs:
        folders = []
        names: list[str] = []
        for folder in pack_dirs:
            path = Path(folder).resolve()
            if not path.is_dir():
                err.write(f"{folder}: error: not a folder\n")
                return ExitStatus.USAGE
            found = packs_in(path)
            if not found:
                err.write(f"{folder}: error: no rule files (*.yaml) found\n")
                return ExitStatus.USAGE
            folders.append(path)
            names.extend(found)
        config = dataclasses.replace(config, rule_dirs=(*config.rule_dirs, *folders),
                                     packs=tuple(names))
    count, failures, linter = check_examples(config)
    if linter.errors:
        for problem in linter.errors:
            err.write(f"{problem}\n")
        return ExitStatus.USAGE
    for failure in failures:
        out.write(f"FAIL {failure.rule_id}: {failure.message}\n")
    failed_rules = len({f.rule_id for f in failures})
    out.write(f"{count - failed_rules} of {count} rules passed their examples.\n")
    return ExitStatus.FINDINGS if failures else ExitStatus.CLEAN


def run_cli() -> None:
    """Console-script entry point."""
    sys.exit(main())
