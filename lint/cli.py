"""Command-line front end: `newslint check | report | rules | explain | test-rules | check-rules | lsp`."""

from __future__ import annotations

import enum
import gc
import os
import sys

# Only what `newslint --version` needs is imported here: the engine, the configuration
# and the reporters are imported by the commands that use them, so a version check or a
# usage error starts in a few milliseconds. The check path never pulls in
# pygls/lsprotocol either (lint.lsp is imported by `lsp` only; tests/test_cli.py).
from lint import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (annotations are lazy)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator, Sequence
    from typing import IO, NoReturn

    from lint.cache import ResultCache
    from lint.config import Config
    from lint.diagnostic import FileResult
    from lint.files import Target
    from lint.linter_pool import LinterPool
    from lint.rulespec import RuleSpec
    from lint.runner import Linter
    from lint.yamlio import InputError


class ExitStatus(enum.IntEnum):
    CLEAN = 0
    """Nothing reached the --fail-on severity."""
    FINDINGS = 1
    """At least one diagnostic at or above --fail-on."""
    USAGE = 2
    """Bad arguments or configuration, or an input that could not be linted."""


GC_THRESHOLD = 50_000
"""Allocations between young-generation garbage collections in the console command."""

FORMATS = ("text", "json", "github", "sarif", "lsp", "line", "auto")
FAIL_ON = ("error", "warning", "info")

SEVERITIES = ("error", "warning", "info", "hint")


def _explain_builtin() -> dict[str, str]:
    """What `newslint explain` says about the built-in (non-pack) rule ids."""
    from lint.engine import INTERNAL_RULES
    from lint.report import INPUT_ERROR

    return {
        **INTERNAL_RULES,
        INPUT_ERROR: "A file could not be linted: it is missing, unreadable or not valid "
                     "UTF-8. The run exits with status 2; the other files are still linted.",
    }


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="newslint",
        description="Editorial linter for news drafts (Markdown and plain text, English "
                    "and French).",
        epilog="Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, "
               "configuration or input error.",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint drafts and report diagnostics")
    check.add_argument("paths", nargs="*", metavar="PATH",
                       help="files or folders to lint; '-' reads standard input "
                            "(default: the current folder)")
    check.add_argument("--stdin-filename", metavar="NAME",
                       help="the name reported for '-', which also picks Markdown or "
                            "plain text and the matching overrides (implies '-' when no "
                            "PATH is given)")
    _config_option(check)
    check.add_argument("--select", action="append", default=[], metavar="RULES",
                       help="only these rules (ids, packs or bare names; comma-separated, "
                            "repeatable)")
    check.add_argument("--ignore", action="append", default=[], metavar="RULES",
                       help="skip these rules (ids, packs or bare names; comma-separated, "
                            "repeatable)")
    check.add_argument("--format", "--output", default="text", choices=FORMATS,
                       help="output format (default: text; auto: github under GitHub "
                            "Actions, else text)")
    check.add_argument("--fail-on", default="warning", choices=FAIL_ON,
                       help="lowest severity that makes the exit status 1 (default: warning)")
    check.add_argument("--min-severity", choices=SEVERITIES, metavar="SEVERITY",
                       help="do not show findings below this severity (error, warning, "
                            "info, hint; default: min_severity in the configuration, else "
                            "show all); the exit status still counts them")
    check.add_argument("--no-color", action="store_true",
                       help="never colour the text output (colour is used only on a "
                            "terminal, and never when NO_COLOR is set)")
    check.add_argument("--fix", action="store_true", help="apply every available fix in place")
    check.add_argument("--diff", action="store_true",
                       help="print the fixes as a unified diff instead of writing them")
    check.add_argument("--baseline", metavar="FILE",
                       help="report only findings not listed in this baseline file (JSON)")
    check.add_argument("--update-baseline", action="store_true",
                       help="write every current finding to the --baseline file")

    check.add_argument("--jobs", "-j", type=_positive, metavar="N",
                       help="worker processes (default: one per CPU for 32 files or more, "
                            "else 1); the output is the same, in the same order")
    check.add_argument("--cache", action="store_true",
                       help="reuse the results of files unchanged since the last run with the "
                            "same rules, lexicons, configuration and newslint version")
    check.add_argument("--cache-dir", metavar="DIR",
                       help="where --cache keeps its results (implies --cache; default: "
                            ".newslint_cache in the configuration's folder)")

    report = sub.add_parser("report", help="write a report for editors: HTML page or "
                                           "Markdown for a pull-request comment")
    report.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders to lint (default: the current folder)")
    report.add_argument("-o", "--output", metavar="FILE",
                        help="where to write it ('-': standard output; default: report.html, "
                             "or standard output for markdown)")
    report.add_argument("--format", choices=("html", "markdown"), default="html",
                        help="html: a self-contained page; markdown: counts and findings "
                             "that fit a GitHub comment (default: html)")
    _config_option(report)

    show_config = sub.add_parser("config", help="print the effective configuration of a "
                                                "file and where each setting comes from")
    show_config.add_argument("path", metavar="PATH", help="a draft (or a folder)")
    _config_option(show_config)
    rules = sub.add_parser("rules", help="list the enabled rules with severity and summary")
    _config_option(rules)
    explain = sub.add_parser("explain", help="explain a rule, a finding, or the lexicon keys")
    explain.add_argument("rule", metavar="RULE|PATH:LINE[:COL]", nargs="?",
                         help="a rule id (style.wordy) or bare name; or a place in a draft, "
                              "to explain each finding there (rule, match, shape, description)")
    explain.add_argument("--lexicon", action="store_true",
                         help="list every declared lexicon key of the loaded packs")
    explain.add_argument("--lang", metavar="LANG",
                         help="with --lexicon: also count each key's entries in this language")
    explain.add_argument("--format", choices=("text", "markdown"), default="text",
                         help="with --lexicon: markdown writes what docs/lexicons.md holds")
    explain.set_defaults(usage_error=explain.error)
    _config_option(explain)
    test_rules = sub.add_parser("test-rules", help="run every rule's pass/fail examples")
    test_rules.add_argument("pack_dirs", nargs="*", metavar="PACK_DIR",
                            help="pack folders to test (default: every enabled pack)")
    _config_option(test_rules)
    check_rules = sub.add_parser("check-rules",
                                 help="validate rule packs and the configuration without "
                                      "linting anything")
    check_rules.add_argument("pack_dirs", nargs="*", metavar="PACK_DIR",
                             help="pack folders to validate (default: every enabled pack)")
    _config_option(check_rules)
    lsp = sub.add_parser("lsp", help="run the language server on standard input/output")
    _config_option(lsp, "one configuration for every document (default: each workspace "
                        "folder's nearest .newslint.yaml or pyproject.toml [tool.newslint])")
    return parser


def _config_option(parser: argparse.ArgumentParser, text: str | None = None) -> None:
    parser.add_argument("--config", metavar="FILE",
                        help=text or "configuration file for every draft (default: each "
                                     "draft's own: the .newslint.yaml or pyproject.toml "
                                     "[tool.newslint] files above it, the closest winning)")


def _positive(value: str) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return number


def _split(values: Sequence[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _error(err: IO[str], message: str) -> int:
    err.write(f"newslint: error: {message}\n")
    return ExitStatus.USAGE


def main(argv: Sequence[str] | None = None, stdout: IO[str] | None = None,
         stderr: IO[str] | None = None, stdin: IO[bytes] | None = None) -> int:
    """Run the command line and return the exit status (never calls sys.exit).

    The streams default to the process's; tests pass their own.
    """
    import contextlib

    out = stdout or sys.stdout
    err = stderr or sys.stderr
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        out.write(f"newslint {__version__}\n")  # what argparse prints, without building it
        return ExitStatus.CLEAN
    parser = build_parser()
    try:
        # argparse prints --help, --version and usage errors to sys.stdout/sys.stderr.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
            if args.command == "explain" and not (args.rule or args.lexicon):
                args.usage_error("give a RULE, a PATH:LINE[:COL] or --lexicon")
    except SystemExit as exc:  # --help and --version exit 0, argument errors exit 2
        return ExitStatus.CLEAN if exc.code in (0, None) else ExitStatus.USAGE
    if args.command is None:
        parser.print_help(err)
        return ExitStatus.USAGE
    if args.command == "lsp":
        return _lsp(args, err)
    if args.command == "check":
        return _check(args, out, err, stdin)
    if args.command == "config":
        from lint.config_show import show_config

        return show_config(args.path, args.config, out, err, _report_config_errors)
    from lint.config import load_config
    from lint.runner import Linter
    from lint.yamlio import InputError

    try:
        config = load_config(args.config)
    except InputError as exc:
        return _report_config_errors([exc], err)
    if args.command in ("test-rules", "check-rules"):
        try:
            config, names = _with_packs(config, args.pack_dirs)
        except NotADirectoryError as exc:
            return _error(err, str(exc))
        if args.command == "check-rules":
            return _check_rules(config, out, err)
        return _test_rules(config, names, out, err)
    # `report` lints many files too: one that newslint fails on must not stop it.
    linter = (_vale_linter(config, args, err) if args.command == "rules" else None) or (
        Linter(config, isolate=args.command == "report"))
    if linter.errors:
        return _report_config_errors(linter.errors, err)
    if args.command == "rules":
        return _list_rules(linter, out)
    if args.command == "report":
        return _report(linter, args, out, err)
    if args.command == "explain":
        if args.lexicon:
            return _explain_lexicon(linter, args.lang, args.format, out, err)
        if place := _place(args.rule, linter):
            # The draft's own configuration, as `check` would use it.
            from lint.linter_pool import LinterPool

            pool = LinterPool(args.config)
            own = pool.linter_for(place[0])
            if own is None:
                return _report_config_errors(pool.errors, err)
            return _explain_place(own, *place, out, err)
    return _explain(linter, args.rule, out, err)


def _vale_linter(config: Config, args: argparse.Namespace, err: IO[str]) -> Linter | None:
    """The Vale styles of the configuration's `vale:` file beside its packs; or, with no
    newslint configuration, a `.vale.ini` here or above makes the run Vale's alone.
    Problems in Vale files are warnings: the rest runs."""
    from pathlib import Path

    ini = config.vale
    if ini is None:
        if config.path is not None or args.config is not None:
            return None
        from lint.vale.ini import find_ini

        ini = find_ini(Path.cwd())
        if ini is None:
            return None
    from lint.vale.linter import ValeLinter

    linter = ValeLinter(ini, _split(getattr(args, "select", [])),
                        _split(getattr(args, "ignore", [])),
                        base=config if config.vale is not None else None)
    for problem in linter.warnings:
        err.write(f"{_shown(problem.path)}:{problem.line}:{problem.column}: warning: "
                  f"{problem.message} (skipped)\n")
    return linter


def _report_config_errors(errors: Sequence[InputError], err: IO[str]) -> int:
    for problem in errors:
        err.write(f"{_shown(problem.path)}:{problem.line}:{problem.column}: error: "
                  f"{problem.message}\n")
    return ExitStatus.USAGE


def _shown(path: str) -> str:
    """A configuration or rule file as the user would type it: relative when below the cwd."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive (Windows)
            return path
        if not relative.startswith(os.pardir):
            return relative
    return path


def _lsp(args: argparse.Namespace, err: IO[str]) -> int:
    from lint.lsp.server import serve  # pygls is imported on this path only

    return int(serve(args.config) or 0)


# -- check --------------------------------------------------------------------------


def _check(args: argparse.Namespace, out: IO[str], err: IO[str],
           stdin: IO[bytes] | None) -> int:
    import dataclasses

    from lint.diagnostic import Severity
    from lint.document.docx_reader import is_word_document
    from lint.engine import INTERNAL_ERROR
    from lint.files import STDIN, expand
    from lint.globs import any_match, expand_globs
    from lint.linter_pool import LinterPool
    from lint.progress import Progress
    from lint.report import ReporterUnavailable, Summary, choose_format, load_reporter

    # Each draft is linted with the configuration files above it (lint.config_discovery).
    pool = LinterPool(args.config, _split(args.select), _split(args.ignore), isolate=True)
    here = pool.linter_for(STDIN)  # the working folder's configuration is checked in any case
    # Vale's styles: beside the packs when the configuration names a `vale:` file, or alone
    # when a .vale.ini and no newslint configuration is found (one linter for the run).
    vale = _vale_linter(here.config, args, err) if here is not None else None
    if vale is not None:
        vale.isolate = True
        if vale.errors:
            return _report_config_errors(vale.errors, err)
    linter_for = (lambda _path: vale) if vale is not None else pool.linter_for
    included = vale.is_included if vale is not None else pool.included
    excluded = vale.is_excluded if vale is not None else pool.excluded
    paths = args.paths or ([STDIN] if args.stdin_filename else ["."])
    paths, negations = expand_globs(paths)
    targets = [t for t in expand(paths, included, excluded)
               if t.path == STDIN or not any_match(negations, os.path.relpath(t.path))]
    for target in targets:
        if target.error is None:
            linter_for(args.stdin_filename or STDIN if target.path == STDIN else target.path)
    if pool.errors:
        return _report_config_errors(pool.errors, err)
    linters = [vale] if vale is not None else pool.linters
    unknown = [r for r in _split(args.select) + _split(args.ignore)
               if all(r in linter.unknown_references([r]) for linter in linters)]
    if unknown:
        return _error(err, f"unknown rule or pack in --select/--ignore: {', '.join(unknown)} "
                           "(`newslint rules` lists them)")
    if args.fix and args.diff:
        return _error(err, "use either --fix or --diff, not both")
    if args.diff and choose_format(args.format) != "text":
        # The diff goes to standard output: mixed with JSON or SARIF it would corrupt it.
        return _error(err, "--diff prints a diff; it cannot be combined with --format "
                           f"{args.format}")
    if args.fix and STDIN in paths:
        return _error(err, "--fix cannot write back to standard input; use --diff")
    if args.update_baseline and not args.baseline:
        return _error(err, "--update-baseline needs --baseline FILE")
    baseline = None
    if args.baseline:
        from lint.baseline import load_baseline
        from lint.yamlio import InputError

        try:
            baseline = load_baseline(args.baseline)
        except InputError as exc:
            return _report_config_errors([exc], err)
    fmt = choose_format(args.format)
    try:
        reporter_class = load_reporter(fmt)
    except ReporterUnavailable as exc:
        return _error(err, str(exc))
    fixer = None
    if args.fix or args.diff:
        from lint.fixes import Fixer  # only runs that fix pay for difflib and file writing

        fixer = Fixer(write=args.fix, out=out, err=err)

    color = (fmt == "text" and not args.no_color and not os.environ.get("NO_COLOR")
             and _isatty(out))
    specs = {s.id: s for linter in linters for s in linter.catalog.specs}
    report = reporter_class(out, color=color, rules=specs)
    summary = Summary()
    failed = 0  # files newslint itself failed on (internal errors)
    worst: Severity | None = None
    caches: dict[int, ResultCache] = {}

    def cache_for(linter: Linter) -> ResultCache | None:
        if not (args.cache or args.cache_dir):
            return None
        if id(linter) not in caches:
            caches[id(linter)] = _open_cache(linter, args)
        return caches[id(linter)]

    report.start()
    # Only where a person watches a terminal, and never beside machine-readable output.
    progress = Progress(err, len(targets), fmt == "text" and _isatty(err))
    for linter, result in _results(linter_for, targets, args.stdin_filename, stdin,
                                   args.jobs, cache_for):
        if result.error is not None or result.diagnostics:
            progress.clear()
        if result.error is not None:
            err.write(_input_error_line(result))
        else:
            report.ran(a for a in linter.ruleset_for(result.path).rules
                       if a.spec.applies_to(result.lang or ""))
            if fixer is not None and is_word_document(result.path):
                # Its text was rebuilt from paragraphs: writing it back would lose the rest.
                err.write(f"{result.path}: note: Word documents are not fixed; "
                          "apply the fixes in Word\n")
            elif fixer is not None:
                result = fixer.apply(linter, result)
            # Counted before a baseline could hide it: a crash is never an accepted finding.
            failed += any(d.rule_id == INTERNAL_ERROR for d in result.diagnostics)
            if baseline is not None and args.update_baseline:
                baseline.record(result)
            if baseline is not None:
                result = baseline.filter(result)
            worst = max([worst, *(d.severity for d in result.diagnostics)],
                        key=lambda s: s or 0)
            minimum = args.min_severity or linter.config.min_severity
            if minimum is not None:  # a display filter only: the exit status counts them
                floor = Severity.parse(minimum) if isinstance(minimum, str) else minimum
                shown = [d for d in result.diagnostics if d.severity >= floor]
                summary.hidden += len(result.diagnostics) - len(shown)
                result = dataclasses.replace(result, diagnostics=shown)
        report.file(result)
        summary.add(result)
        progress.step()
    progress.clear()
    report.finish(summary)
    if baseline is not None and args.update_baseline:
        baseline.write()
        err.write(f"newslint: wrote {len(baseline.keys)} findings to {args.baseline}\n")
    elif baseline is not None and baseline.hidden:
        err.write(f"newslint: {baseline.hidden} findings hidden by {args.baseline}\n")
    for cache in caches.values():
        cache.close()
    if summary.input_errors or failed:
        return ExitStatus.USAGE
    fail_on = Severity.parse(args.fail_on)
    return ExitStatus.FINDINGS if worst is not None and worst >= fail_on else ExitStatus.CLEAN


def _results(linter_for: Callable[[str], Linter | None], targets: Sequence[Target],
             stdin_name: str | None, stdin: IO[bytes] | None, jobs: int | None = None,
             cache_for: Callable[[Linter], ResultCache | None] | None = None,
             ) -> Iterator[tuple[Linter | None, FileResult]]:
    """Lint each target in order, each with its own configuration's linter; a failure
    stops only its own file.

    Consecutive files that share a linter go through lint.batch together (cache, worker
    processes); the results come back in the order of the targets, so the report is the
    same whatever `jobs`.
    """
    from lint.batch import default_jobs, lint_files
    from lint.diagnostic import FileResult
    from lint.files import STDIN

    workers = jobs or default_jobs(sum(1 for t in targets if t.error is None))
    index = 0
    while index < len(targets):
        target = targets[index]
        if target.error is not None:
            yield None, FileResult(target.path, None, error=target.error)
            index += 1
            continue
        linter = linter_for(stdin_name or STDIN if target.path == STDIN else target.path)
        assert linter is not None  # broken configurations stopped the run before
        if target.path == STDIN:
            # One byte past the limit is enough to say the draft is too large.
            data = (stdin or sys.stdin.buffer).read(linter.config.max_size + 1)
            yield linter, linter.lint_bytes(data, stdin_name or STDIN)
            index += 1
            continue
        group: list[str] = []
        while (index < len(targets) and targets[index].error is None
               and targets[index].path != STDIN and linter_for(targets[index].path) is linter):
            group.append(targets[index].path)
            index += 1
        cache = cache_for(linter) if cache_for is not None else None
        for result in lint_files(linter, group, workers, cache):
            yield linter, result


def _open_cache(linter: Linter, args: argparse.Namespace) -> ResultCache:
    """The result cache for this run's packs, configuration and rule selection."""
    from pathlib import Path

    from lint.cache import CACHE_DIR, ResultCache, run_fingerprint

    folder = Path(args.cache_dir) if args.cache_dir else linter.config.root / CACHE_DIR
    key = run_fingerprint(linter.catalog.pack_dirs, linter.config.path,
                          ["select", *_split(args.select), "ignore", *_split(args.ignore)])
    return ResultCache(folder, key)


def _input_error_line(result: FileResult) -> str:
    """`path:line:col: error: message`, without line:col when the problem has no position."""
    from lint.report import one_based

    where = result.path
    if result.error_at is not None:
        line, column = one_based(result.error_at.line, result.error_at.column)
        where += f":{line}:{column}"
    return f"{where}: error: {result.error}\n"


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


# -- report -------------------------------------------------------------------------


def _report(linter: Linter, args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Lint as `check --format json` does and write the findings for people to read."""
    from pathlib import Path

    from lint.report.digest import collect

    from lint.files import expand

    paths = args.paths or ["."]
    results = []
    targets = list(expand(paths, linter.is_included, linter.is_excluded))
    for _, result in _results(lambda _path: linter, targets, None, None):
        if result.error is not None:
            err.write(_input_error_line(result))
        results.append(result)
    digest = collect(results, {s.id: s for s in linter.catalog.specs}, paths)
    if args.format == "markdown":
        from lint.report.markdown_summary import render_markdown

        text = render_markdown(digest)
    else:
        from lint.report.html import render_html

        text = render_html(digest)
    target = args.output or ("report.html" if args.format == "html" else "-")
    if target == "-":
        out.write(text)
    else:
        try:
            Path(target).write_text(text, encoding="utf-8")
        except OSError as exc:
            return _error(err, f"{target}: cannot write the report: {exc.strerror or exc}")
        err.write(f"newslint: wrote {target} ({len(digest.records())} findings, "
                  f"{len(digest.waived_records())} waived)\n")
    return ExitStatus.USAGE if any(r.error is not None for r in results) else ExitStatus.CLEAN


# -- rules, explain, test-rules ------------------------------------------------------


def _list_rules(linter: Linter, out: IO[str]) -> int:
    active = linter.project_ruleset().rules
    width = max((len(a.spec.id) for a in active), default=0)
    for rule in active:
        out.write(f"{rule.spec.id:<{width}}  {rule.severity.label:<7}  {rule.spec.summary}\n")
    return ExitStatus.CLEAN


def _explain(linter: Linter, name: str, out: IO[str], err: IO[str]) -> int:
    specs = linter.catalog.specs
    # An exact id first; otherwise a bare name, which may exist in several packs.
    matches = [s for s in specs if s.id == name] or [s for s in specs if s.id.endswith("." + name)]
    if not matches:
        if name in (builtin := _explain_builtin()):
            out.write(f"{name} (built in)\n\n{builtin[name]}\n")
            return ExitStatus.CLEAN
        return _error(err, f"unknown rule {name!r} (`newslint rules` lists them)")
    for index, spec in enumerate(matches):
        if index:
            out.write("\n")
        _explain_spec(spec, out)
    return ExitStatus.CLEAN


def _explain_spec(spec: RuleSpec, out: IO[str]) -> None:
    out.write(f"{spec.id} ({spec.type}, default severity {spec.severity.label})\n\n")
    out.write((spec.description.strip() or spec.summary or "(no description)") + "\n")
    for heading, examples in (("Flagged", spec.fail_examples),
                              ("Not flagged", spec.pass_examples)):
        if examples:
            out.write(f"\n{heading}:\n")
            for example in examples:
                lang = f"[{example.lang}] " if example.lang else ""
                text = example.text.strip().replace("\n", "\n    ")
                out.write(f"  - {lang}{text}\n")
    if spec.link:
        out.write(f"\nMore: {spec.link}\n")


def _explain_lexicon(linter: Linter, lang: str | None, fmt: str, out: IO[str],
                     err: IO[str]) -> int:
    from lint.lexicon_docs import render_markdown, render_text

    schema = linter.lexicons.schema
    if fmt == "markdown":
        out.write(render_markdown(schema))
        return ExitStatus.CLEAN
    if lang is not None and lang not in linter.lexicons.languages():
        known = ", ".join(sorted(linter.lexicons.languages()))
        return _error(err, f"no lexicon for language {lang!r} (known: {known})")
    entries = linter.lexicons.entries(lang) if lang else None
    out.write(render_text(schema, lang, entries))
    return ExitStatus.CLEAN


def _place(argument: str, linter: Linter) -> tuple[str, int, int | None] | None:
    """(path, line, column) of `PATH:LINE[:COL]`, 1-based; None for a rule name."""
    import re

    found = re.fullmatch(r"(.+?):(\d+)(?::(\d+))?", argument)
    if found is None or any(s.id == argument for s in linter.catalog.specs):
        return None
    return found[1], int(found[2]), int(found[3]) if found[3] else None


def _explain_place(linter: Linter, path: str, line: int, column: int | None, out: IO[str],
                   err: IO[str]) -> int:
    """Lint `path` and explain each finding that covers the line (and column)."""
    from pathlib import Path

    from lint.diagnostic import Position
    from lint.report import one_based

    if not Path(path).is_file():
        return _error(err, f"{path}: no such file")
    result = linter.lint_path(path)
    if result.error is not None:
        err.write(_input_error_line(result))
        return ExitStatus.USAGE
    where = f"{path}:{line}" + (f":{column}" if column else "")
    here = Position(line - 1, (column or 1) - 1)
    found = [d for d in result.diagnostics if d.start.line <= here.line <= d.end.line and (
        column is None or d.start <= here <= d.end)]
    if not found:
        out.write(f"{where}: nothing flagged here\n")
        return ExitStatus.CLEAN
    specs = {s.id: s for s in linter.catalog.specs}
    for index, d in enumerate(found):
        spec = specs.get(d.rule_id)
        start_line, start_column = one_based(d.start.line, d.start.column)
        out.write(("\n" if index else "")
                  + f"{path}:{start_line}:{start_column}: {d.rule_id} ({d.severity.label})\n")
        out.write(f"  message: {d.message}\n")
        if d.match:
            out.write(f"  matched: {d.match!r}\n")
        if d.shape:
            out.write(f"  shape:   {d.shape}\n")
        about = (spec.description.strip() or spec.summary) if spec else _explain_builtin().get(
            d.rule_id, "")
        if about:
            lines = about.splitlines()
            out.write(f"  rule:    {lines[0]}\n")
            out.writelines(f"           {text}\n" if text.strip() else "\n" for text in lines[1:])
    return ExitStatus.CLEAN


def _with_packs(config: Config, pack_dirs: Sequence[str]) -> tuple[Config, list[str] | None]:
    """`config` with the packs in `pack_dirs` found through extra rule_dirs, and their
    names (None when none is named: every enabled pack). The configuration's own packs
    load too, so that its settings for their rules stay valid. NotADirectoryError names a
    folder that is not a pack."""
    import dataclasses
    from pathlib import Path

    from lint.packs import packs_in

    if not pack_dirs:
        return config, None
    folders: list[Path] = []
    names: list[str] = []
    for folder in pack_dirs:
        path = Path(folder).resolve()
        if not path.is_dir():
            raise NotADirectoryError(f"{folder}: not a folder")
        found = packs_in(path)
        if not found:
            raise NotADirectoryError(f"{folder}: no rule files (*.yaml) found")
        folders.append(path)
        names.extend(found)
    packs = None if config.packs is None else (*config.packs, *names)
    return dataclasses.replace(config, rule_dirs=(*config.rule_dirs, *folders),
                               packs=packs), names


def _check_rules(config: Config, out: IO[str], err: IO[str]) -> int:
    """Load and validate everything a run would (packs, lexicons, messages, configuration)."""
    from lint.runner import Linter

    linter = Linter(config)
    if linter.errors:
        return _report_config_errors(linter.errors, err)
    packs = len(linter.catalog.packs)
    out.write(f"{len(linter.catalog.specs)} rules in {packs} pack{'s' * (packs != 1)} "
              "and the configuration are valid.\n")
    return ExitStatus.CLEAN


def _test_rules(config: Config, names: list[str] | None, out: IO[str], err: IO[str]) -> int:
    from lint.selftest import check_examples

    count, failures, linter = check_examples(config, names)
    if linter.errors:
        return _report_config_errors(linter.errors, err)
    for failure in failures:
        out.write(f"FAIL {failure.rule_id}: {failure.message}\n")
    failed_rules = len({f.rule_id for f in failures})
    out.write(f"{count - failed_rules} of {count} rules passed their examples.\n")
    return ExitStatus.FINDINGS if failures else ExitStatus.CLEAN


def run_cli() -> NoReturn:
    """Console-script entry point (`newslint`, `python -m lint`)."""
    # Fewer young-generation collections: with CPython's default (700) the collector's
    # passes over a large draft's many small objects made the run super-linear in its
    # size (100,000 tiny paragraphs); scripts/bench_shapes.py measures it.
    gc.set_threshold(GC_THRESHOLD, 20, 20)
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character must not crash the report.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        status = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        # The reader went away (`newslint check | head`): stop quietly. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = ExitStatus.FINDINGS
    sys.exit(int(status))
