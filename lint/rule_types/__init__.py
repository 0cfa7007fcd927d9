"""Built-in rule types, imported explicitly so the registry is one greppable list."""

from lint.rule_types import counting, document_level, terms  # noqa: F401
from lint.rule_types import claims, hedging, repeats, required_text  # noqa: F401  (editorial)
from lint.rule_types.base import RULE_TYPES, Finding, RuleContext, RuleType, rule_type

__all__ = ["RULE_TYPES", "Finding", "RuleContext", "RuleType", "rule_type"]
