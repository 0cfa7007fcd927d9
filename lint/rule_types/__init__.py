"""Built-in rule types, imported explicitly so the registry is one greppable list."""

from lint.rule_types import counting, document_level, terms  # noqa: F401
from lint.rule_types import capitalization, readability, repeats, required_text  # noqa: F401
from lint.rule_types import script  # noqa: F401
# The editorial wing registers its own types beside the analysis they read.
from lint.editorial import claim_rules, hedge_rules  # noqa: F401,E402
from lint.rule_types.base import RULE_TYPES, Finding, RuleContext, RuleType, rule_type

__all__ = ["RULE_TYPES", "Finding", "RuleContext", "RuleType", "rule_type"]
