"""`newslint test-rules`: run every rule's own pass/fail examples, for built-in and house packs."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from lint.config import Config
from lint.runner import Linter
from lint.source import SourceText


@dataclass(frozen=True)
class ExampleFailure:
    rule_id: str
    message: str


def check_examples(config: Config) -> tuple[int, list[ExampleFailure], Linter]:
    """(number of rules tested, failures, the linter) for every rule the config enables."""
    linter = Linter(config)
    failures: list[ExampleFailure] = []
    specs = linter.catalog.specs
    for spec in specs:
        failures.extend(_check_rule(config, spec.id, linter))
    return len(specs), failures, linter


def _check_rule(config: Config, rule_id: str, base: Linter) -> Iterator[ExampleFailure]:
    spec = next(s for s in base.catalog.specs if s.id == rule_id)
    if not spec.fail_examples or not spec.pass_examples:
        yield ExampleFailure(rule_id, "needs at least one 'fail' and one 'pass' example")
        return
    # Only this rule runs, with the project's options for it (e.g. a house disclaimer).
    linter = Linter(dataclasses.replace(config, overrides=()), select=[rule_id])
    for kind, examples in (("fail", spec.fail_examples), ("pass", spec.pass_examples)):
        for index, example in enumerate(examples, 1):
            result = linter.lint_source(SourceText(example.text), f"<{rule_id} {kind} {index}>.md",
                                        lang=example.lang)
            hits = [d for d in result.diagnostics if d.rule_id == rule_id]
            errors = [d for d in result.diagnostics if d.rule_id == "newslint.rule-error"]
            preview = example.text.strip().replace("\n", " ")[:70]
            if errors:
                yield ExampleFailure(rule_id, f"{kind} example {index} raised: {errors[0].message}")
            elif kind == "fail" and not hits:
                yield ExampleFailure(rule_id, f"fail example {index} ({result.lang}) was not flagged: {preview!r}")
            elif kind == "pass" and hits:
                yield ExampleFailure(rule_id, f"pass example {index} ({result.lang}) was flagged "
                                              f"({hits[0].message}): {preview!r}")
