"""How a rule reference (`editorial`, `editorial.hedging-gap`, `hedging-gap`) matches rule ids."""

from __future__ import annotations

from collections.abc import Iterable


def matches(reference: str, rule_id: str) -> bool:
    """True when `reference` names `rule_id`: the id itself, a dotted prefix of it (a
    pack), or its bare name without the pack."""
    return (
        rule_id == reference
        or rule_id.startswith(reference + ".")
        or rule_id.endswith("." + reference)
    )


def specificity(reference: str, rule_id: str) -> tuple[int, int]:
    """How specific a matching reference is, for "the most specific setting wins".

    The full id beats a bare rule name, which beats a pack prefix; among prefixes the
    longer (more dotted parts) wins.
    """
    if rule_id == reference:
        kind = 2
    elif rule_id.endswith("." + reference):
        kind = 1
    else:
        kind = 0
    return (kind, reference.count(".") + 1)


def is_known(reference: str, rule_ids: Iterable[str]) -> bool:
    """True when `reference` names at least one of `rule_ids`."""
    return any(matches(reference, rule_id) for rule_id in rule_ids)
