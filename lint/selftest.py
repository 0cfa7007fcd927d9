"""`newslint test-rules`: run every rule's own pass/fail examples, for built-in and house packs."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from lint.config import Config
from lint.document.builder import build_document
from lint.engine import RULE_ERROR, Ruleset, run
from lint.diagnostic import Diagnostic
from lint.rulespec import Example, RuleSpec
from lint.runner import Linter
from lint.source import SourceText


@dataclass(frozen=True)
class ExampleFailure:
    rule_id: str
    message: str


def check_examples(config: Config, packs: Collection[str] | None = None,
                   ) -> tuple[int, list[ExampleFailure], Linter]:
    """(number of rules tested, failures, the linter) for every rule of the enabled packs,
    or only of `packs` (the configuration's other packs still load, so that its settings
    for their rules stay valid)."""
    linter = Linter(config)
    failures: list[ExampleFailure] = []
    specs = [s for s in linter.catalog.specs if packs is None or s.pack in packs]
    for spec in specs:
        failures.extend(check_rule(linter, spec))
    return len(specs), failures, linter


def check_rule(linter: Linter, spec: RuleSpec) -> Iterator[ExampleFailure]:
    """Failures of one rule's examples: a `fail` example it misses, a `pass` example it flags."""
    if not spec.fail_examples or not spec.pass_examples:
        yield ExampleFailure(spec.id, "needs at least one 'fail' and one 'pass' example")
        return
    # Only this rule runs, with the project's options for it (e.g. a house disclaimer).
    # The project's languages too: house language packs, their messages and abbreviations.
    ruleset = Ruleset([linter.configured(spec)], linter.context, linter.catalog.ids,
                      linter.languages)
    for kind, examples in (("fail", spec.fail_examples), ("pass", spec.pass_examples)):
        for index, example in enumerate(examples, 1):
            document = build_document(SourceText(example.text), f"<{spec.id} {kind} {index}>.md",
                                      default_lang=example.lang, languages=linter.languages)
            diagnostics = run(document, ruleset)
            hits = [d for d in diagnostics if d.rule_id == spec.id]
            errors = [d for d in diagnostics if d.rule_id == RULE_ERROR]
            preview = example.text.strip().replace("\n", " ")[:70]
            where = f"{kind} example {index} ({document.lang})"
            if errors:
                yield ExampleFailure(spec.id, f"{where} raised: {errors[0].message}")
            elif kind == "fail" and not hits:
                yield ExampleFailure(spec.id, f"{where} was not flagged: {preview!r}")
            elif kind == "fail" and example.pinned and not any(
                _at_pin(example, d) for d in hits
            ):
                got = "; ".join(_describe(example, d) for d in hits[:3])
                yield ExampleFailure(spec.id, f"{where} expected a finding at "
                                              f"{_describe(example)}, got {got}: {preview!r}")
            elif kind == "pass" and hits:
                yield ExampleFailure(spec.id, f"{where} was flagged ({hits[0].message}): "
                                              f"{preview!r}")


def _at_pin(example: Example, d: Diagnostic) -> bool:
    """Whether finding `d` sits where the example pins it (each given pin must agree)."""
    return ((example.line is None or d.start.line + 1 == example.line)
            and (example.column is None or d.start.column + 1 == example.column)
            and (example.span is None or d.match == example.span))


def _describe(example: Example, d: Diagnostic | None = None) -> str:
    """The pinned parts of the example, or what `d` has for them (1-based, like editors)."""
    parts = []
    if example.line is not None:
        parts.append(f"line {example.line if d is None else d.start.line + 1}")
    if example.column is not None:
        parts.append(f"column {example.column if d is None else d.start.column + 1}")
    if example.span is not None:
        parts.append(f"span {(example.span if d is None else d.match)!r}")
    return ", ".join(parts)
