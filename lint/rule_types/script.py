"""The `script` rule type: Vale's `extends: script`, a Tengo program run in lint.vale.tengo's sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.document import TextUnit
from lint.rule_types.base import Finding, OptionError, RuleType, rule_type
from lint.vale.positions import vale_match_start

# The Tengo interpreter is imported by the rules that run a script (a Vale style's
# `extends: script`), not by every start.


@dataclass(frozen=True)
class ScriptOptions:
    script: str = ""
    """The Tengo source (Vale's `script:`, read from its file when it names one)."""
    default_message: str = ""
    """The message of a match that brings none (Vale fills in nothing)."""


@rule_type("script")
class ScriptRule(RuleType):
    """Runs the script over each unit of its scope (`scope` in the script); each of its
    `matches` is a finding, placed where Vale places it: the first occurrence of the
    matched text in the unit, preferring one that starts and ends at word bounds."""

    Options = ScriptOptions

    @classmethod
    def validate(cls, options: ScriptOptions) -> None:
        from lint.vale.tengo import Script, TengoError

        if not options.script.strip():
            raise OptionError(("script",), "a script rule needs 'script' (Tengo source or "
                                           "a file under <StylesPath>/config/scripts)")
        try:
            Script(options.script)
        except TengoError as exc:
            raise OptionError(("script",), str(exc)) from None

    def setup(self) -> None:
        from lint.vale.tengo import Script

        self.script = Script(self.options.script)

    def check(self, unit: TextUnit) -> Iterator[Finding]:
        for match in self.script.matches(unit.text):
            text = unit.text[match.begin:match.end]
            start = vale_match_start(unit.text, text, match.begin)
            message = match.message if match.message is not None else self.options.default_message
            # The message goes in as an argument: a script's text is never read as a template.
            yield Finding(*unit.span(start, start + len(text)),
                          args={"message": message})
