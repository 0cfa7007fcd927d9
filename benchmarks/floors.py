#!/usr/bin/env python3
"""The floors under issue #9's unmet targets, measured beside proselint in one run.

usage: benchmarks/floors.py [--corpus ../shared/corpus/bbc-news] [--section business]
                            [--files 200] [--repeat 10] [--skip-200k]

benchmarks/run.py says which targets are met. For the three that are not (a cold start
no slower than proselint's, throughput at 3x proselint's, the 200k-word document faster
than proselint), this prints what the time is made of, and what is left once everything
that a faster newslint could remove is counted as free:

  - cold start of `newslint check` on benchmarks/run.py's short draft: the interpreter,
    the libraries the check loads (regex, markdown-it-py, and PyYAML for the front
    matter), newslint's own imports (and, within them, Python's creation of its
    dataclasses), loading the built-in rules and lexicons from the warm start-up store,
    and the lint itself; and how much of proselint's whole start is left for newslint's
    imports and rule loading once the rest is paid;
  - throughput over the first --files articles of --section, and the 200k-word document
    of benchmarks/run.py: both tools' CPU time, the budget the target leaves, newslint's
    whole lint and its document model in process, the pattern scans a lint makes re-run
    as they are, and their floor. In the floor, telling which lexicon shapes can match a
    text costs nothing: each call on a lexicon family runs at the cheaper of its whole
    alternation and the shapes that can match, each alone, and not at all when none can;
    other patterns' calls run as they are. All the Python of the analysis and the rules
    counts as zero: the floor is the document model plus those scans.

The budget is proselint's whole run, its start-up included, while the floor has no
start-up: a comparison in newslint's favour, which is why a floor above the budget settles
the question. With only a few files proselint's start-up is most of its time, and the
verdict says nothing: keep --files in the hundreds.

Child processes: best of --repeat runs (3 for the corpus, 1 for the 200k document).
In-process figures are CPU seconds, scans wall seconds of one thread. proselint is the
peer (`pip install proselint==0.16.0`); without it the peer's rows are skipped and the
exit status is 1, as in benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

_BENCH = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("newslint_benchmarks_run", _BENCH / "run.py")
assert _SPEC is not None and _SPEC.loader is not None
bench = sys.modules[_SPEC.name] = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench)  # benchmarks/run.py's child-process helpers and table

REPO = bench.REPO
DRAFT = bench.SHORT_DRAFT
SCAN_FUNCTIONS = ("finditer", "search", "match", "fullmatch", "sub")
"""lint.patterns' time-bounded helpers: every lexicon scan of the analysis goes through one."""

# The phases of one `newslint check` of a draft, in a child process: the libraries it
# loads (regex, markdown-it-py, and PyYAML for the front matter), newslint's own imports,
# the first lint (which loads the rules and lexicons for the draft's language), and a
# second lint of the same draft (the lint alone); and, of newslint's imports, the time
# Python takes to create its dataclasses.
_PHASES = """
import dataclasses, sys, time
start = time.perf_counter()
import markdown_it, regex, yaml
libraries = time.perf_counter()
process_class, spent = dataclasses._process_class, [0.0, 0]
def timed_process_class(*args, **kwargs):
    began = time.perf_counter()
    try:
        return process_class(*args, **kwargs)
    finally:
        spent[0] += time.perf_counter() - began
        spent[1] += 1
dataclasses._process_class = timed_process_class
import lint.document.markdown
from lint.config import load_config
from lint.runner import Linter
imported = time.perf_counter()
dataclasses._process_class = process_class
linter = Linter(load_config())
first = linter.lint_path(sys.argv[1])
loaded = time.perf_counter()
again = linter.lint_path(sys.argv[1])
done = time.perf_counter()
assert [d.message for d in first.diagnostics] == [d.message for d in again.diagnostics]
print(libraries - start, imported - libraries, (loaded - imported) - (done - loaded), done - loaded, *spent)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus" / "bbc-news"),
                        help="the BBC News corpus folder (default: ../shared/corpus/bbc-news)")
    parser.add_argument("--section", default="business", help="the corpus section (default business)")
    parser.add_argument("--files", type=int, default=200, help="its first N files (default 200)")
    parser.add_argument("--repeat", type=int, default=10, help="runs per cold-start timing")
    parser.add_argument("--skip-200k", action="store_true", help="do not measure the 200k-word document")
    args = parser.parse_args()
    if args.files < 1 or args.repeat < 1:
        parser.error("--files and --repeat must be at least 1")
    files = sorted((Path(args.corpus) / args.section).glob("*.txt"))[: args.files]
    if not files:
        print(f"benchmarks/floors.py: no articles (*.txt) under {args.corpus}/{args.section}",
              file=sys.stderr)
        return 2
    proselint_bin = shutil.which("proselint") or str(Path(sys.executable).with_name("proselint"))
    proselint = [proselint_bin] if Path(proselint_bin).exists() else None
    python = sys.executable

    print(f"corpus: {args.corpus}/{args.section}, first {len(files)} files, "
          f"{bench.words_in(files):,} words; cold starts best of {args.repeat}\n")
    table = bench.Table()
    if proselint is None:
        table.failed("proselint", bench.MeasurementFailed("not installed: pip install proselint==0.16.0"))

    # -- cold start ----------------------------------------------------------------
    bench.run_once([python, "-m", "lint", "check", str(DRAFT)], bench.NEWSLINT_OK)  # warm the store
    peer = (bench.best([*proselint, "check", str(DRAFT)], args.repeat, bench.PROSELINT_OK)
            if proselint else None)
    ours = bench.best([python, "-m", "lint", "check", str(DRAFT)], args.repeat, bench.NEWSLINT_OK)
    interpreter = bench.best([python, "-c", "pass"], args.repeat, (0,))
    libraries, imports, rules, lint, classes, count = _phases(python, args.repeat)
    words = bench.words_in([DRAFT])
    table.row(f"cold start, check a {words}-word draft, ms", _ms(ours.seconds),
              _ms(peer.seconds) if peer else "-", f"{ours.seconds / peer.seconds:.2f}x" if peer else "")
    table.row("  interpreter alone, ms", _ms(interpreter.seconds))
    table.row("  regex, markdown-it-py, PyYAML imported, ms", _ms(libraries))
    table.row("  newslint's own imports, ms", _ms(imports))
    table.row(f"    of which creating {count} dataclasses, ms", _ms(classes))
    table.row("  loading rules and lexicons (warm store), ms", _ms(rules))
    table.row("  linting the draft, ms", _ms(lint))
    if peer:
        # What proselint's whole start leaves once the interpreter, the libraries and the
        # lint itself are paid: newslint's imports and rule loading must fit in it.
        left = peer.seconds - interpreter.seconds - libraries - lint
        table.row("  left for imports + rules at parity, ms", _ms(imports + rules), _ms(max(left, 0)),
                  f"{(imports + rules) / left:.1f}x" if left > 0 else "",
                  f"cold start <= proselint needs imports + rules {_ms(max(left, 0))} ms")

    # -- throughput, and the 200k-word document --------------------------------------
    paths = [str(f) for f in files]
    _floor_rows(table, "throughput", paths, proselint, 3, budget_share=3)
    if not args.skip_200k:
        with tempfile.TemporaryDirectory(prefix="newslint-floors-") as tmp:
            # benchmarks/run.py's document: whole articles of every section, in order.
            articles = bench.corpus_files(Path(args.corpus), [])
            document = bench.build_document(articles, bench.SIZES[-1], Path(tmp))
            _floor_rows(table, f"one {bench.SIZES[-1] // 1000}k-word document", [str(document)],
                        proselint, 1, budget_share=1)

    if table.failures:
        print(f"\n{len(table.failures)} measurement(s) failed: {', '.join(table.failures)}")
        return 1
    return 0


def _floor_rows(table: Any, measure: str, paths: list[str], proselint: list[str] | None,
                repeat: int, budget_share: int) -> None:
    """Rows for one set of files: both tools' CPU time in child processes, the budget the
    target leaves (proselint's time / `budget_share`), and newslint's floor in process."""
    python = sys.executable
    peer = bench.best([*proselint, "check", *paths], repeat, bench.PROSELINT_OK) if proselint else None
    whole = bench.best([python, "-m", "lint", "check", "--jobs", "1", *paths], repeat, bench.NEWSLINT_OK)
    document_model, lint_cpu, scans_now, scans_floor, other_scans = _in_process([Path(p) for p in paths])
    budget = peer.cpu / budget_share if peer else None
    table.row(f"{measure}, CPU s (child process)", f"{whole.cpu:.2f}", f"{peer.cpu:.2f}" if peer else "-",
              f"{whole.cpu / peer.cpu:.2f}x" if peer else "")
    if budget is not None and budget_share != 1:
        table.row(f"  budget at {budget_share}x proselint, CPU s", f"{budget:.2f}")
    table.row("  in process: whole lint, CPU s", f"{lint_cpu:.2f}")
    table.row("  in process: document model alone, CPU s", f"{document_model:.2f}")
    table.row("  lexicon and pattern scans as they run, s", f"{scans_now:.2f}")
    table.row("  their floor (free perfect prefilter), s", f"{scans_floor:.2f}")
    table.row("    of which other patterns, s", f"{other_scans:.2f}")
    floor = document_model + scans_floor
    target = f"{budget_share}x proselint" if budget_share != 1 else "faster than proselint"
    table.row("  floor: document model + scans, s", f"{floor:.2f}",
              f"{budget:.2f}" if budget else "-", f"{floor / budget:.2f}x" if budget else "",
              f"{target} reachable: {_yes(floor <= budget)}" if budget else "")


def _phases(python: str, repeat: int) -> tuple[float, float, float, float, float, int]:
    """The libraries' imports, newslint's imports, rule loading and lint of DRAFT in a
    fresh process, and the dataclasses' creation inside newslint's imports (seconds, and
    how many): the best of `repeat` runs for each phase."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run([python, "-c", _PHASES, str(DRAFT)], capture_output=True, text=True,
                              cwd=REPO, check=False)
        if done.returncode != 0:
            raise bench.MeasurementFailed(f"the phase timer failed: {done.stderr.strip()[-300:]}")
        runs.append(tuple(float(x) for x in done.stdout.split()))
    libraries, imports, rules, lint, classes = (min(r[i] for r in runs) for i in range(5))
    return libraries, imports, max(rules, 0.0), lint, classes, int(runs[0][5])


def _in_process(files: list[Path]) -> tuple[float, float, float, float, float]:
    """CPU seconds of the document model alone and of the whole lint over `files`, then
    the seconds of the scans a lint makes, re-run as they are and at their floor, and of
    those outside the lexicon families (tokens, boundaries, rule patterns) alone."""
    from lint.config import Config
    from lint.document.builder import build_document
    from lint.editorial.grammar import Family
    from lint.runner import Linter
    from lint.source import SourceText

    data = [(str(f), f.read_bytes()) for f in files]
    linter = Linter(Config())
    linter.lint_bytes(data[0][1], data[0][0])  # rules and lexicons loaded outside the timing
    start = time.process_time()
    for name, raw in data:
        document = build_document(SourceText.decode(raw), name)
        for block in document.blocks:
            block.sentences  # noqa: B018 - sentences are split when first read
    document_model = time.process_time() - start
    start = time.process_time()
    for name, raw in data:
        linter.lint_bytes(raw, name)
    lint_cpu = time.process_time() - start
    with _recorded_scans() as calls:  # a second lint, untimed: what it asks of each pattern
        for name, raw in data:
            linter.lint_bytes(raw, name)
    others = [call for call in calls if not isinstance(call[1], Family)]
    # As the lint made them (lexicon prefilters included), then at their floor.
    return document_model, lint_cpu, _timed(calls), _scans_floor(calls), _timed(others)


Call = tuple[str, Any, str, tuple[Any, ...]]
"""(helper name, pattern or family, text, the helper's other arguments)."""


@contextlib.contextmanager
def _recorded_scans() -> Iterator[list[Call]]:
    """Every call of lint.patterns' scan helpers made inside the block, wherever a module
    imported them by name."""
    import lint.patterns as patterns

    calls: list[Call] = []
    modules = [m for name, m in list(sys.modules.items()) if name.startswith("lint") and m is not None]
    patched: list[tuple[Any, str, Callable[..., Any]]] = []
    for helper in SCAN_FUNCTIONS:
        real = getattr(patterns, helper)

        def recording(pattern: Any, text: str, *rest: Any, _helper: str = helper,
                      _real: Callable[..., Any] = real) -> Any:
            calls.append((_helper, pattern, text, rest))
            return _real(pattern, text, *rest)

        for module in modules:
            if getattr(module, helper, None) is real:
                patched.append((module, helper, real))
                setattr(module, helper, recording)
    try:
        yield calls
    finally:
        for module, helper, real in patched:
            setattr(module, helper, real)


def _timed(calls: list[Call]) -> float:
    """The seconds of running `calls` through lint.patterns' helpers, in one tight loop."""
    import lint.patterns as patterns

    helpers = {name: getattr(patterns, name) for name in SCAN_FUNCTIONS}
    start = time.perf_counter()
    for helper, pattern, text, rest in calls:
        found = helpers[helper](pattern, text, *rest)
        if helper == "finditer":
            for _ in found:
                pass
    return time.perf_counter() - start


def _scans_floor(calls: list[Call]) -> float:
    """The seconds of `calls` if telling which lexicon shapes can match a text cost
    nothing: for each call on a lexicon family, the cheaper of its whole alternation
    (without its prefilter) and its shapes that can match, each alone; nothing when
    none can. Other patterns' calls run as they are."""
    import lint.patterns as patterns
    from lint.editorial.grammar import Family
    from lint.required_factors import fold, holds, required_clauses

    shapes: dict[int, list[tuple[Any, Any]]] = {}
    plan: list[Call] = []
    for helper, pattern, text, rest in calls:
        if helper == "sub" or not isinstance(pattern, Family):  # sub(pattern, replacement, text)
            plan.append((helper, pattern, text, rest))
            continue
        if id(pattern) not in shapes:
            nonword = not pattern.source.startswith(patterns.WORD_START)
            ignorecase = bool(pattern.pattern.flags & patterns.regex.IGNORECASE)
            shapes[id(pattern)] = [(Family(pattern.name, [shape], nonword=nonword, ignorecase=ignorecase).pattern,
                                    required_clauses([shape.source])) for shape in pattern.shapes]
        folded = fold(text)
        possible = [(helper, single, text, rest) for single, clauses in shapes[id(pattern)]
                    if clauses is None or holds(clauses, folded)]  # the free prefilter
        if possible:
            # Whichever is cheaper for this text (decided here, timed below in one loop).
            whole = [(helper, pattern.pattern, text, rest)]
            plan.extend(possible if _timed(possible) < _timed(whole) else whole)
    return _timed(plan)


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:.0f}"


def _yes(reachable: bool) -> str:
    return "yes" if reachable else "NO"


if __name__ == "__main__":
    sys.exit(main())
