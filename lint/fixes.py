"""Autofix for `newslint check --fix / --diff`: apply rule fixes, then write or diff the file."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from lint.diagnostic import Diagnostic, Edit, FileResult, Fix
from lint.source import EOL, SourceText

if TYPE_CHECKING:
    from lint.runner import Linter

MAX_PASSES = 10
"""Fix passes per file. Each pass applies every non-overlapping fix, then re-lints; the
next pass picks up fixes skipped for overlapping and fixes that only the new text
offers. Ten is far more than real drafts need (usually one pass, sometimes two) and
bounds the work when two rules keep undoing each other."""

CHANGED_ON_DISK = "file changed on disk since it was read; not fixed"

_BOM = "\ufeff"
_DIFF_LINE = re.compile(r"[^\n]*\n|[^\n]+")
"""Lines as diff and patch see them: split on LF only (CR stays part of the line)."""


class FixRefused(Exception):
    """The fixed text could not be written; the message is what the user is told."""


OfferKey = tuple[str, str, tuple[str, ...], int]
"""(rule id, fix title, edit texts, first edit's start): the same fix offered again."""


@dataclass(frozen=True)
class Chosen:
    """A fix picked for one pass, with the diagnostic that offered it."""

    diagnostic: Diagnostic
    fix: Fix

    @property
    def key(self) -> OfferKey:
        return offer_key(self.diagnostic.rule_id, self.fix)


@dataclass(frozen=True)
class FixOutcome:
    """What fixing one text to a fixed point produced."""

    text: str
    """The fixed text (BOM not included)."""
    result: FileResult
    """The lint result of `text`: what remains to report."""
    applied: int
    """Fixes applied over all passes."""
    settled: bool
    """False when MAX_PASSES ran out or the fixes went round in a circle."""
    futile: tuple[Chosen, ...] = ()
    """Fixes left out because the problem they fix survived them (see `_futile`)."""


class Fixer:
    """Applies fixes to each linted file; `write=True` is --fix, `write=False` is --diff."""

    def __init__(self, write: bool, out: IO[str], err: IO[str],
                 max_passes: int = MAX_PASSES) -> None:
        self.write = write
        self.out = out
        self.err = err
        self.max_passes = max_passes

    def apply(self, linter: Linter, result: FileResult) -> FileResult:
        """Fix `result`'s file; return the result to report (that of the fixed text, or an
        input-error result when the fixed text could not be written)."""
        before = result.source
        if result.error is not None or before is None:
            return result
        outcome = fix_to_fixed_point(linter, result, self.max_passes)
        self._warn(result.path, outcome)
        if outcome.text == before.text:
            return outcome.result
        after = SourceText(outcome.text, bom=before.bom)
        if not self.write:
            self._print_diff(result.path, before, after, outcome.applied)
            return outcome.result
        try:
            write_if_unchanged(result.path, before.encode(), after.encode())
        except FixRefused as exc:
            self.err.write(f"{result.path}: error: {exc}\n")
            return FileResult(result.path, None, error=str(exc))
        self.err.write(f"{result.path}: {_fixes(outcome.applied)} applied\n")
        return outcome.result

    def _warn(self, path: str, outcome: FixOutcome) -> None:
        for c in outcome.futile:
            self.err.write(f"{path}: warning: {c.diagnostic.rule_id}: the fix "
                           f"'{c.fix.title}' does not resolve the problem; not applied\n")
        if not outcome.settled:
            self.err.write(f"{path}: warning: fixes did not settle within {self.max_passes} "
                           "passes (some undo or repeat others); check the result\n")

    def _print_diff(self, path: str, before: SourceText, after: SourceText, applied: int) -> None:
        self.out.write(f"{path}: {_fixes(applied)} would be applied\n")
        self.out.write(unified_diff(path, _with_bom(before), _with_bom(after)))


def _fixes(count: int) -> str:
    return f"{count} fix" if count == 1 else f"{count} fixes"


def _with_bom(source: SourceText) -> str:
    # The diff shows the BOM inside the first line so that it applies to the bytes on disk.
    return (_BOM if source.bom else "") + source.text


# -- choosing and applying fixes ------------------------------------------------------


def fix_to_fixed_point(linter: Linter, result: FileResult, max_passes: int) -> FixOutcome:
    """Apply fixes pass by pass, re-linting after each, until none is left to apply.

    A pass whose re-lint shows a futile fix is done again without it, so a fix that
    cannot work is never written (and a second run changes nothing either).
    """
    assert result.source is not None
    source = result.source
    seen = {source.text}
    banned: set[OfferKey] = set()
    futile: list[Chosen] = []
    applied = 0
    for _ in range(max_passes):
        chosen = choose_fixes(source.text, result.diagnostics, banned)
        edits = [edit for c in chosen for edit in c.fix.edits]
        text = apply_edits(source.text, edits, source.dominant_eol())
        if text == source.text:  # nothing to apply, or fixes that rewrite text to itself
            return FixOutcome(source.text, result, applied, True, tuple(futile))
        if text in seen:  # back to an earlier text: the fixes undo each other
            return FixOutcome(source.text, result, applied, False, tuple(futile))
        fixed = linter.lint_source(SourceText(text, bom=source.bom), result.path)
        failed = _futile(chosen, edits, fixed.diagnostics)
        if failed:
            futile.extend(failed)
            banned.update(c.key for c in failed)
            continue
        seen.add(text)
        applied += len(chosen)
        banned = {_shift_key(key, edits) for key in banned}
        assert fixed.source is not None
        source, result = fixed.source, fixed
    settled = not choose_fixes(source.text, result.diagnostics, banned)
    return FixOutcome(source.text, result, applied, settled, tuple(futile))


def choose_fixes(text: str, diagnostics: Sequence[Diagnostic],
                 banned: Collection[OfferKey] = ()) -> list[Chosen]:
    """The first fix of each diagnostic, in document order, skipping a fix that is
    malformed, banned, or overlaps one already chosen."""
    chosen: list[Chosen] = []
    for diagnostic in sorted(diagnostics, key=lambda d: d.sort_key):
        if not diagnostic.fixes:
            continue
        fix = diagnostic.fixes[0]
        if not fix.edits or not _well_formed(text, fix.edits):
            continue
        if offer_key(diagnostic.rule_id, fix) in banned:
            continue
        if any(_conflict(new, c_edit) for new in fix.edits
               for c in chosen for c_edit in c.fix.edits):
            continue  # a later pass applies it if the re-linted text still needs it
        chosen.append(Chosen(diagnostic, fix))
    return chosen


def offer_key(rule_id: str, fix: Fix) -> OfferKey:
    first = min(edit.start for edit in fix.edits) if fix.edits else 0
    return (rule_id, fix.title, tuple(edit.text for edit in fix.edits), first)


def _futile(chosen: Sequence[Chosen], edits: Sequence[Edit],
            after: Sequence[Diagnostic]) -> list[Chosen]:
    """Fixes that do not shrink the text and are offered again, identically, just where
    they applied: the problem survived them, and applying them again would only grow
    the text (a disclaimer appended inside an unclosed code fence, pass after pass).
    Shrinking fixes are never futile: "the the the" loses one word per pass."""
    offered = {offer_key(d.rule_id, d.fixes[0]) for d in after if d.fixes}
    return [c for c in chosen
            if _growth(c.fix.edits) >= 0 and _shift_key(c.key, edits) in offered]


def _growth(edits: Iterable[Edit]) -> int:
    return sum(len(e.text) - (e.end - e.start) for e in edits)


def _shift_key(key: OfferKey, edits: Sequence[Edit]) -> OfferKey:
    rule_id, title, texts, start = key
    return (rule_id, title, texts, map_offset(start, edits))


def map_offset(offset: int, edits: Iterable[Edit]) -> int:
    """Where `offset` of the old text lands in the new text after `edits` (an offset
    inside a replaced range lands at the start of its replacement; one at an insertion
    point lands after the inserted text)."""
    shift = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.end <= offset:
            shift += len(edit.text) - (edit.end - edit.start)
        elif edit.start < offset:
            return edit.start + shift
        else:
            break
    return offset + shift


def _well_formed(text: str, edits: Sequence[Edit]) -> bool:
    """In range, not overlapping each other, and never splitting a CRLF pair."""
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            return False
        if _splits_crlf(text, edit.start) or _splits_crlf(text, edit.end):
            return False
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return not any(_conflict(a, b) for a, b in zip(ordered, ordered[1:]))


def _splits_crlf(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


def _conflict(a: Edit, b: Edit) -> bool:
    """Overlapping ranges conflict; so does an insertion at the edge of another edit,
    because which text would come first is ambiguous. Adjacent replacements do not."""
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: Iterable[Edit], eol: str) -> str:
    """Replace each edit's range (edits must not overlap); everything else is kept as is.

    Line breaks inside inserted text are written with `eol`, the file's own line ending,
    so a fix can never mix LF into a CRLF file.
    """
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[position:edit.start])
        pieces.append(EOL.sub(eol, edit.text))
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


# -- writing ----------------------------------------------------------------------------


WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def write_if_unchanged(path: str, expected: bytes, data: bytes) -> None:
    """Atomically replace `path`'s contents by `data` if it still holds `expected`.

    The new bytes go to a temporary file in the same folder (same file system, so
    os.replace is atomic), flushed to disk and given the original permission bits. The
    on-disk bytes are compared just before the replace, which keeps the window in which
    another writer can slip in as short as it can be without locking. A symlink is
    followed, so the link stays a link and its target gets the fixes. A read-only file
    (no write bit, even for root) and a file with several hard links are refused.
    """
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except OSError as exc:
        raise FixRefused(_changed(exc)) from None
    # Root may write anything: the permission bits say what the owner meant.
    if not os.access(target, os.W_OK) or not info.st_mode & WRITE_BITS:
        raise FixRefused("file is read-only; not fixed")
    if info.st_nlink > 1:
        # Replacing the file would leave the other names with the old text.
        raise FixRefused(f"file has {info.st_nlink} hard links, which a fix would split; "
                         "not fixed")
    folder, name = os.path.split(target)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".newslint.tmp", dir=folder)
    except OSError as exc:
        raise FixRefused(f"cannot write the fixes: {exc.strerror or exc}; not fixed") from None
    try:
        _fill(fd, data)
        _copy_permissions(temporary, info)
        _check_unchanged(target, expected)
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise FixRefused(f"cannot write the fixes: {exc.strerror or exc}; not fixed") from None
        raise
    _sync_folder(folder)


def _fill(fd: int, data: bytes) -> None:
    """Write the temporary file and flush it to disk before it replaces the original."""
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _copy_permissions(temporary: str, info: os.stat_result) -> None:
    """mkstemp creates 0600 files: give the new file the original's mode (and owner,
    which only root may change; others keep their own)."""
    os.chmod(temporary, stat.S_IMODE(info.st_mode))
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):
            os.chown(temporary, info.st_uid, info.st_gid)


def _check_unchanged(target: str, expected: bytes) -> None:
    try:
        with open(target, "rb") as handle:
            current = handle.read()
    except OSError as exc:
        raise FixRefused(_changed(exc)) from None
    if current != expected:
        raise FixRefused(CHANGED_ON_DISK)


def _changed(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return CHANGED_ON_DISK
    return f"cannot read the file again: {exc.strerror or exc}; not fixed"


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); best effort where folders cannot be opened."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- diff ---------------------------------------------------------------------------------


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff (`--- a/path`, `+++ b/path`) that `patch -p1` and `git apply` accept.

    Lines are split on LF only, as diff tools do, so CRLF files show their CRs and
    CR-only files are one line; a last line without a line ending gets the usual
    "\\ No newline at end of file" marker.
    """
    name = path.replace(os.sep, "/").lstrip("/")
    import difflib  # only for a message or a --diff: not at every start

    lines = difflib.unified_diff(_DIFF_LINE.findall(before), _DIFF_LINE.findall(after),
                                 fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
