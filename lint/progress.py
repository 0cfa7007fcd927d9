"""A progress line on standard error for long runs in a terminal: files done, rate, time left."""

from __future__ import annotations

import os
import time
from typing import IO

SHOW_AFTER = 0.5
"""Seconds before the line first appears: short runs stay silent (NEWSLINT_PROGRESS_DELAY
sets another delay, e.g. 0 to see it on every run of more than one file)."""
REDRAW_EVERY = 0.1
"""Seconds between redraws."""


class Progress:
    """`\\r[done/total] rate, time left` rewritten in place; cleared before other output
    and at the end. Disabled unless `enabled` (the CLI enables it only when standard error
    is a terminal and the output format is text)."""

    def __init__(self, stream: IO[str], total: int, enabled: bool,
                 clock=time.monotonic) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 1
        self.delay = _delay(os.environ.get("NEWSLINT_PROGRESS_DELAY"))
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.first = self.started
        self.shown = False
        self.last = 0.0

    def step(self) -> None:
        """One more file done."""
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if self.done == 1:
            # The first file also pays for loading the rules: the rate starts after it.
            self.first = now
        elapsed = now - self.started
        if elapsed < self.delay or (self.shown and now - self.last < REDRAW_EVERY):
            return
        rate = (self.done - 1) / (now - self.first) if now > self.first else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        self.stream.write(f"\r\x1b[K[{self.done}/{self.total} files] {rate:.0f} files/s, "
                          f"about {_duration(left)} left")
        self.stream.flush()
        self.shown, self.last = True, now

    def clear(self) -> None:
        """Erase the line (before findings are printed, and at the end)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def _delay(setting: str | None) -> float:
    """NEWSLINT_PROGRESS_DELAY in seconds; SHOW_AFTER when unset or not a number >= 0."""
    try:
        value = float(setting) if setting else SHOW_AFTER
    except ValueError:
        return SHOW_AFTER
    return value if value >= 0 else SHOW_AFTER
