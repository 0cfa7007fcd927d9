"""What one lint of an edited buffer keeps for the next: the language server's incremental
path. Outside the server nothing is kept and everything is computed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

BUFFER_MEMORY: ContextVar[dict[Any, Any] | None] = ContextVar("newslint_buffer_memory",
                                                              default=None)
"""Set by the language server around each lint of one buffer to a dict it keeps for that
buffer between lints; None everywhere else."""
_LINT = "lint"
"""Key of the memory's lint counter: each lint starts a new generation of memos."""


@contextmanager
def remembering(memory: dict[Any, Any] | None) -> Iterator[None]:
    """Lint with `memory` (kept by the caller for one buffer; None: remember nothing)."""
    if memory is not None:
        memory[_LINT] = memory.get(_LINT, 0) + 1
    token = BUFFER_MEMORY.set(memory)
    try:
        yield
    finally:
        BUFFER_MEMORY.reset(token)


class TextMemo:
    """Results of a rule's pure functions of one text (a paragraph's trigger words), kept
    from the previous lint of the buffer; only this lint's results are kept for the next."""

    def __init__(self, previous: dict[Any, Any]) -> None:
        self._previous = previous
        self._kept: dict[Any, Any] = {}

    @classmethod
    def open(cls, owner: object) -> TextMemo | None:
        """The memo of `owner` (a rule instance) for this lint, the same however often it
        is opened during the lint; None outside the server."""
        store = BUFFER_MEMORY.get()
        if store is None:
            return None
        slot, lint = ("text-memo", id(owner)), store.get(_LINT, 0)
        entry = store.get(slot)
        if entry is not None and entry[0] is owner and entry[1] == lint:
            return entry[2]  # type: ignore[no-any-return]
        memo = cls(entry[2]._kept if entry is not None and entry[0] is owner else {})
        store[slot] = (owner, lint, memo)
        return memo

    def get(self, key: Any, compute: Any) -> Any:
        """compute() (which must depend on `key` alone, and return an immutable value),
        or its result from this lint or the previous one."""
        if key in self._kept:
            return self._kept[key]
        value = self._previous[key] if key in self._previous else compute()
        self._kept[key] = value
        return value
