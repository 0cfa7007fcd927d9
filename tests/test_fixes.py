"""`newslint check --fix / --diff`: applied fixes, overlaps, idempotence, safe writes, diffs."""

from __future__ import annotations

import codecs
import io
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli as run

from lint import fixes
from lint.cli import ExitStatus
from lint.diagnostic import Diagnostic, Edit, FileResult, Fix, Severity
from lint.fixes import (
    CHANGED_ON_DISK,
    Fixer,
    apply_edits,
    choose_fixes,
    fix_to_fixed_point,
    map_offset,
    unified_diff,
)
from lint.runner import Linter
from lint.source import EOL, SourceText

DISCLAIMER = ("This article is for information only and does not constitute investment "
              "advice. Capital at risk.")
EOLS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}

# One draft with a fix from each rule, an emoji (an astral character: two UTF-16 units)
# before every fix, and one problem no fix can solve (editorial.unsourced-projection).
CRYPTO = ["---", "category: crypto", "---", "",
          "🚀 The the council met in order to vote. Bitcoin will hit $200,000 next year."]
CRYPTO_FIXED = ["---", "category: crypto", "---", "",
                "🚀 The council met to vote. Bitcoin could hit $200,000 next year.", "",
                DISCLAIMER]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cwd, with config files for the style pack alone and for both packs."""
    (tmp_path / "style.yaml").write_text("packs: [style]\n", encoding="utf-8")
    (tmp_path / "all.yaml").write_text("packs: [style, editorial]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def draft(lines: list[str], eol: str = "\n", bom: bool = False, final_eol: bool = True) -> bytes:
    text = eol.join(lines) + (eol if final_eol else "")
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _eols(text: str) -> set[str]:
    """The kinds of line ending in `text`."""
    return {m.group() for m in EOL.finditer(text)}


# -- each rule's fix, on LF, CRLF, CR and BOM files ------------------------------------------

CASES = {
    "wordy": (["🚀 The council met in order to vote."], ["🚀 The council met to vote."],
              "style.wordy"),
    "repeated-word": (["🚀 Councillors voted to to approve the budget."],
                      ["🚀 Councillors voted to approve the budget."], "style.repeated-word"),
    "disclaimer": (["---", "category: crypto", "---", "",
                    "🚀 The SOLR token jumped 41% to $2.86 as traders bet on a listing."],
                   ["---", "category: crypto", "---", "",
                    "🚀 The SOLR token jumped 41% to $2.86 as traders bet on a listing.", "",
                    DISCLAIMER], "editorial.missing-disclaimer"),
    "hedging-gap": (["🚀 This rally is not a flash in the pan: Solara is going to become the "
                     "default payments layer."],
                    ["🚀 This rally is not a flash in the pan: Solara could become the "
                     "default payments layer."], "editorial.hedging-gap"),
}


@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
@pytest.mark.parametrize("eol", list(EOLS.values()), ids=list(EOLS))
@pytest.mark.parametrize("case", list(CASES))
def test_each_rule_fix_keeps_encoding_bom_and_line_endings(project: Path, case: str, eol: str,
                                                           bom: bool) -> None:
    before, after, rule = CASES[case]
    path = put(project / "draft.md", draft(before, eol, bom))
    status, out, err = run("check", "--config", "all.yaml", "--select", rule, "--fix",
                           "--fail-on", "info", "draft.md")
    assert path.read_bytes() == draft(after, eol, bom)
    assert _eols(path.read_bytes().decode("utf-8-sig")) <= {eol}
    assert (status, err) == (ExitStatus.CLEAN, "draft.md: 1 fix applied\n")
    assert out == "No problems in 1 file.\n"


@pytest.mark.parametrize("final_eol", [True, False], ids=["final-eol", "no-final-eol"])
@pytest.mark.parametrize("bom", [False, True], ids=["plain", "bom"])
@pytest.mark.parametrize("eol", list(EOLS.values()), ids=list(EOLS))
def test_every_fix_at_once(project: Path, eol: str, bom: bool, final_eol: bool) -> None:
    path = put(project / "draft.md", draft(CRYPTO, eol, bom, final_eol))
    status, out, err = run("check", "--config", "all.yaml", "--fix", "draft.md")
    assert path.read_bytes() == draft(CRYPTO_FIXED, eol, bom, final_eol)
    assert err == "draft.md: 4 fixes applied\n"
    # Only the problem no fix solves is reported, at its place in the fixed text.
    assert out.splitlines() == [
        "draft.md:5:46: warning editorial.unsourced-projection Projection \"$200,000 next "
        "year\" has no named source: say who forecasts it (according to ..., X said) or cut it.",
        "1 problem (1 warning) in 1 file.",
    ]
    assert status == ExitStatus.FINDINGS


def test_house_disclaimer_on_several_lines_uses_the_file_line_ending(project: Path) -> None:
    (project / "house.yaml").write_text(
        "packs: [editorial]\nrules:\n  editorial.missing-disclaimer:\n"
        "    house_disclaimer: \"Not investment advice.\\nCapital at risk.\"\n", encoding="utf-8")
    path = put(project / "draft.md", draft(CASES["disclaimer"][0], "\r\n"))
    assert run("check", "--config", "house.yaml", "--fix", "draft.md")[0] == ExitStatus.CLEAN
    assert path.read_bytes() == draft(
        [*CASES["disclaimer"][0], "", "Not investment advice.", "Capital at risk."], "\r\n")


def test_fixes_in_french(project: Path) -> None:
    path = put(project / "brouillon.md", "Le le conseil s'est réuni au jour d'aujourd'hui.\n"
               .encode())
    run("check", "--config", "style.yaml", "--fix", "brouillon.md")
    assert path.read_text(encoding="utf-8") == "Le conseil s'est réuni aujourd'hui.\n"


# -- overlaps and the fixed point ---------------------------------------------------------------


def test_overlapping_fixes_are_all_applied_in_one_run(project: Path) -> None:
    # "in in" (repeated-word) and "in order to" (wordy) overlap on the second "in": the
    # wordy fix waits for the next pass, on the re-linted text.
    path = put(project / "draft.md", b"We met in in order to vote, prior prior to lunch.\n")
    status, out, err = run("check", "--config", "style.yaml", "--fix", "--fail-on", "info",
                           "draft.md")
    assert path.read_bytes() == b"We met to vote, before lunch.\n"
    assert (status, out, err) == (ExitStatus.CLEAN, "No problems in 1 file.\n",
                                  "draft.md: 4 fixes applied\n")


def test_a_run_of_repeats_loses_one_copy_per_pass(project: Path) -> None:
    path = put(project / "draft.md", b"The council met the the the mayor.\n")
    run("check", "--config", "style.yaml", "--fix", "draft.md")
    assert path.read_bytes() == b"The council met the mayor.\n"


def _diagnostic(rule: str, start: int, end: int, *edits: Edit, title: str = "fix") -> Diagnostic:
    source = SourceText("x" * 100)
    fixes_ = (Fix(title, edits),) if edits else ()
    return Diagnostic.at(source, rule, Severity.WARNING, "m", start, end, fixes=fixes_)


def test_choose_fixes_skips_overlaps_in_document_order() -> None:
    text = "abcdefghij" * 3
    first = _diagnostic("r.a", 0, 5, Edit(2, 5, "X"))
    overlapping = _diagnostic("r.b", 3, 8, Edit(4, 8, "Y"))
    adjacent = _diagnostic("r.c", 5, 7, Edit(5, 7, "Z"))
    second_fix_ignored = Diagnostic.at(SourceText(text), "r.d", Severity.INFO, "m", 9, 10,
                                       fixes=(Fix("one", (Edit(9, 10, "1"),)),
                                              Fix("two", (Edit(9, 10, "2"),))))
    chosen = choose_fixes(text, [second_fix_ignored, adjacent, overlapping, first])
    assert [c.diagnostic.rule_id for c in chosen] == ["r.a", "r.c", "r.d"]
    assert [c.fix.title for c in chosen][-1] == "one"


@pytest.mark.parametrize(("a", "b", "conflict"), [
    (Edit(0, 3, "x"), Edit(3, 5, "y"), False),  # adjacent replacements
    (Edit(0, 3, "x"), Edit(2, 5, "y"), True),
    (Edit(3, 3, "x"), Edit(3, 3, "y"), True),  # two insertions at one point: order unknown
    (Edit(3, 3, "x"), Edit(0, 3, "y"), True),  # an insertion at the edge of a replacement
    (Edit(3, 3, "x"), Edit(4, 6, ""), False),
])
def test_what_counts_as_overlapping(a: Edit, b: Edit, conflict: bool) -> None:
    text = "0123456789"
    chosen = choose_fixes(text, [_diagnostic("r.a", 0, 1, a), _diagnostic("r.b", 1, 2, b)])
    assert len(chosen) == (1 if conflict else 2)


@pytest.mark.parametrize("edit", [
    Edit(-1, 2, "x"), Edit(5, 3, "x"), Edit(8, 40, "x"),  # out of range or reversed
    Edit(4, 4, "x"), Edit(2, 4, "x"), Edit(4, 6, "x"),  # would split the CRLF at 3-5
])
def test_malformed_fixes_are_never_applied(edit: Edit) -> None:
    assert choose_fixes("one\r\ntwo\r\n", [_diagnostic("r.a", 0, 1, edit)]) == []


def test_edits_inside_one_fix_must_not_overlap() -> None:
    assert choose_fixes("0123456789", [_diagnostic("r.a", 0, 1, Edit(0, 4, "a"),
                                                   Edit(2, 6, "b"))]) == []


def test_inserted_line_breaks_follow_the_file() -> None:
    assert apply_edits("a\r\nb\r\n", [Edit(1, 1, "\nx\ny"), Edit(4, 4, "\r\nz")], "\r\n") == \
        "a\r\nx\r\ny\r\nb\r\nz\r\n"


@pytest.mark.parametrize(("offset", "expected"), [(0, 0), (2, 2), (3, 3), (5, 3), (7, 4),
                                                  (8, 7), (9, 8)])
def test_map_offset(offset: int, expected: int) -> None:
    # "abcdefghij": [3, 7) replaced by "X" (3 shorter), "YY" inserted at 8 (2 longer)
    assert map_offset(offset, [Edit(8, 8, "YY"), Edit(3, 7, "X")]) == expected


class FakeLinter:
    """Stands in for Linter.lint_source: diagnostics computed by a function of the text."""

    def __init__(self, rule: Callable[[str], list[Diagnostic]]) -> None:
        self.rule = rule
        self.calls = 0

    def lint_source(self, source: SourceText, path: str) -> FileResult:
        self.calls += 1
        return FileResult(path, source, self.rule(source.text))


def _swap(text: str) -> list[Diagnostic]:
    """A rule at war with itself: "colour" -> "color" -> "colour"."""
    source = SourceText(text)
    start = text.find("colo")
    word = "colour" if "colour" in text else "color"
    other = "color" if word == "colour" else "colour"
    return [Diagnostic.at(source, "r.swap", Severity.INFO, "m", start, start + len(word),
                          fixes=(Fix("swap", (Edit(start, start + len(word), other),)),))]


def test_fixes_that_undo_each_other_stop_with_a_warning() -> None:
    linter = FakeLinter(_swap)
    source = SourceText("The colour red.\n")
    outcome = fix_to_fixed_point(linter, FileResult("a.md", source, _swap(source.text)), 10)
    assert (outcome.text, outcome.settled) == ("The color red.\n", False)
    assert linter.calls == 1


def _grow(text: str) -> list[Diagnostic]:
    """Asks for one more "!" every time: a fix that never converges."""
    source = SourceText(text)
    return [Diagnostic.at(source, "r.grow", Severity.INFO, "m", 0, 1,
                          fixes=(Fix("shout", (Edit(0, 0, "!" * (len(text) % 3 + 1)),)),))]


def test_the_number_of_passes_is_bounded() -> None:
    linter = FakeLinter(_grow)
    source = SourceText("a")
    outcome = fix_to_fixed_point(linter, FileResult("a.md", source, _grow("a")), 4)
    assert not outcome.settled
    assert linter.calls == 4
    err = io.StringIO()
    Fixer(write=False, out=io.StringIO(), err=err, max_passes=4).apply(
        linter, FileResult("a.md", source, _grow("a")))  # type: ignore[arg-type]
    assert err.getvalue() == ("a.md: warning: fixes did not settle within 4 passes (some undo "
                              "or repeat others); check the result\n")


def test_no_disclaimer_is_appended_inside_an_unclosed_code_fence(project: Path) -> None:
    # Appended after an unclosed code fence, the disclaimer would be code, not prose, and
    # the problem would survive it: the rule offers no fix there, and nothing is written.
    lines = ["---", "category: crypto", "---", "", "Bitcoin rose.", "", "```", "code"]
    path = put(project / "draft.md", draft(lines))
    for _ in range(2):
        status, out, err = run("check", "--config", "all.yaml", "--fix", "draft.md")
        assert path.read_bytes() == draft(lines)
        assert status == ExitStatus.FINDINGS
        assert "editorial.missing-disclaimer" in out
        assert err == ""


def test_a_fix_that_does_not_resolve_its_problem_is_not_applied(project: Path) -> None:
    # A house rule whose replacement matches its own pattern again at the same place:
    # applied pass after pass it would loop, so the fixer leaves it out and says so.
    pack = project / "house"
    pack.mkdir()
    (pack / "colour.yaml").write_text(
        "type: substitution\nmessage: \"Use '{replacement}'.\"\nswap: {colour: 'colour '}\n"
        "examples: {fail: [The colour.], pass: [The hue.]}\n", encoding="utf-8")
    (project / "house.yaml").write_text("packs: [house]\nrule_dirs: [house]\n", encoding="utf-8")
    path = put(project / "draft.md", b"The colour of money.\n")
    status, out, err = run("check", "--config", "house.yaml", "--fix", "draft.md")
    assert path.read_bytes() == b"The colour of money.\n"
    assert status == ExitStatus.FINDINGS
    assert "house.colour" in out
    assert err == ("draft.md: warning: house.colour: the fix 'Replace with 'colour '' does not "
                   "resolve the problem; not applied\n")


# -- idempotence ----------------------------------------------------------------------------------

IDEMPOTENT = {
    "crypto-lf": draft(CRYPTO),
    "crypto-crlf-bom": draft(CRYPTO, "\r\n", bom=True),
    "crypto-cr-no-final-eol": draft(CRYPTO, "\r", final_eol=False),
    "overlaps": b"We met in in order to vote, prior prior to lunch.\n",
    "french": "Le titre va doubler d'ici juin, au jour d'aujourd'hui.\n".encode(),
}


@pytest.mark.parametrize("name", list(IDEMPOTENT))
def test_a_second_fix_run_changes_nothing(project: Path, name: str) -> None:
    path = put(project / "draft.md", IDEMPOTENT[name])
    first = run("check", "--config", "all.yaml", "--fix", "draft.md")
    fixed = path.read_bytes()
    assert fixed != IDEMPOTENT[name]
    assert first[2].endswith(" applied\n")
    mtime = path.stat().st_mtime_ns
    second = run("check", "--config", "all.yaml", "--fix", "draft.md")
    assert path.read_bytes() == fixed
    assert path.stat().st_mtime_ns == mtime  # not even rewritten
    assert second[2] == ""
    assert second[:2] == first[:2]
    assert run("check", "--config", "all.yaml", "--diff", "draft.md")[1] == first[1]


# -- safe writes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o755])
def test_permissions_are_kept(project: Path, mode: int) -> None:
    path = put(project / "draft.md", b"We met in order to vote.\n")
    path.chmod(mode)
    run("check", "--config", "style.yaml", "--fix", "draft.md")
    assert path.read_bytes() == b"We met to vote.\n"
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_write_is_atomic_and_leaves_no_temporary_file(project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = put(project / "draft.md", b"We met in order to vote.\n")
    before = sorted(os.listdir(project))
    replaced: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        replaced.append((os.path.dirname(src), os.path.basename(dst)))
        assert Path(src).read_bytes() == b"We met to vote.\n"  # complete before the swap
        real_replace(src, dst)

    monkeypatch.setattr(fixes.os, "replace", spy)
    run("check", "--config", "style.yaml", "--fix", "draft.md")
    assert replaced == [(str(project), "draft.md")]  # a temporary file in the same folder
    assert sorted(os.listdir(project)) == before
    assert path.read_bytes() == b"We met to vote.\n"


def test_a_failed_write_keeps_the_file_and_cleans_up(project: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = put(project / "draft.md", b"We met in order to vote.\n")
    before = sorted(os.listdir(project))

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes.os, "replace", broken)
    status, out, err = run("check", "--config", "style.yaml", "--fix", "draft.md")
    assert status == ExitStatus.USAGE
    assert err == "draft.md: error: cannot write the fixes: No space left on device; not fixed\n"
    assert path.read_bytes() == b"We met in order to vote.\n"
    assert sorted(os.listdir(project)) == before


def _edit_after_lint(monkeypatch: pytest.MonkeyPatch, victim: str,
                     change: Callable[[Path], None]) -> None:
    """Change `victim` on disk right after newslint has read and linted it."""
    real = Linter.lint_path

    def lint_path(self: Linter, path: str, kind: str | None = None) -> FileResult:
        result = real(self, path, kind)
        if Path(path).name == victim:
            change(Path(path))
        return result

    monkeypatch.setattr(Linter, "lint_path", lint_path)


def test_a_file_changed_since_it_was_read_is_not_fixed(project: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    a = put(project / "a.md", b"We met in order to vote.\n")
    b = put(project / "b.md", b"We met in order to vote.\n")
    _edit_after_lint(monkeypatch, "a.md", lambda p: p.write_bytes(b"The editor's version.\n"))
    status, out, err = run("check", "--config", "style.yaml", "--fix", "a.md", "b.md")
    assert status == ExitStatus.USAGE
    assert err == f"a.md: error: {CHANGED_ON_DISK}\nb.md: 1 fix applied\n"
    assert CHANGED_ON_DISK == "file changed on disk since it was read; not fixed"
    assert a.read_bytes() == b"The editor's version.\n"  # the other writer's text survives
    assert b.read_bytes() == b"We met to vote.\n"  # other files are still fixed
    assert sorted(os.listdir(project)) == ["a.md", "all.yaml", "b.md", "style.yaml"]
    assert out == "No problems in 1 file. 1 file could not be read.\n"


def test_a_file_changed_to_the_same_size_is_not_fixed(project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    a = put(project / "a.md", b"We met in order to vote.\n")
    stamp = a.stat()
    same_size = b"We met in order to VOTE.\n"

    def sneaky(path: Path) -> None:  # same size, same mtime: only the bytes tell
        path.write_bytes(same_size)
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))

    _edit_after_lint(monkeypatch, "a.md", sneaky)
    assert run("check", "--config", "style.yaml", "--fix", "a.md")[0] == ExitStatus.USAGE
    assert a.read_bytes() == same_size


def test_a_file_deleted_since_it_was_read_is_not_recreated(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    put(project / "a.md", b"We met in order to vote.\n")
    _edit_after_lint(monkeypatch, "a.md", Path.unlink)
    status, _, err = run("check", "--config", "style.yaml", "--fix", "a.md")
    assert (status, err) == (ExitStatus.USAGE, f"a.md: error: {CHANGED_ON_DISK}\n")
    assert not (project / "a.md").exists()


def test_a_change_during_the_write_is_detected(project: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The bytes are compared after the temporary file is written, just before the swap."""
    a = put(project / "a.md", b"We met in order to vote.\n")
    real_fill = fixes._fill

    def slow_fill(fd: int, data: bytes) -> None:
        real_fill(fd, data)
        a.write_bytes(b"Someone else saved.\n")

    monkeypatch.setattr(fixes, "_fill", slow_fill)
    assert run("check", "--config", "style.yaml", "--fix", "a.md")[0] == ExitStatus.USAGE
    assert a.read_bytes() == b"Someone else saved.\n"
    assert sorted(os.listdir(project)) == ["a.md", "all.yaml", "style.yaml"]


def test_a_file_we_may_not_write_is_refused_even_as_root(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # os.replace only needs the folder to be writable: without this check a read-only
    # draft would be silently replaced.
    a = put(project / "a.md", b"We met in order to vote.\n")
    monkeypatch.setattr(fixes.os, "access", lambda path, mode: False)
    status, _, err = run("check", "--config", "style.yaml", "--fix", "a.md")
    assert (status, err) == (ExitStatus.USAGE, "a.md: error: file is read-only; not fixed\n")
    assert a.read_bytes() == b"We met in order to vote.\n"


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_a_symlink_stays_a_link_and_its_target_is_fixed(project: Path) -> None:
    target = put(project / "real.md", b"We met in order to vote.\n")
    (project / "link.md").symlink_to("real.md")
    run("check", "--config", "style.yaml", "--fix", "link.md")
    assert (project / "link.md").is_symlink()
    assert target.read_bytes() == b"We met to vote.\n"


def test_fix_refuses_standard_input(project: Path) -> None:
    status, _, err = run("check", "--fix", "-", stdin=b"We met in order to vote.\n")
    assert status == ExitStatus.USAGE and "--fix cannot write back" in err


# -- diff ---------------------------------------------------------------------------------------


def test_diff_prints_a_unified_diff_and_writes_nothing(project: Path) -> None:
    path = put(project / "draft.md", b"Title\n\nWe met in order to vote.\n\nThe end.\n")
    mtime = path.stat().st_mtime_ns
    status, out, err = run("check", "--config", "style.yaml", "--diff", "--fail-on", "info",
                           "draft.md")
    assert out == (
        "draft.md: 1 fix would be applied\n"
        "--- a/draft.md\n"
        "+++ b/draft.md\n"
        "@@ -1,5 +1,5 @@\n"
        " Title\n"
        " \n"
        "-We met in order to vote.\n"
        "+We met to vote.\n"
        " \n"
        " The end.\n"
        "No problems in 1 file.\n"
    )
    # --diff previews --fix: the report and the status are those of the fixed text.
    assert (status, err) == (ExitStatus.CLEAN, "")
    assert path.read_bytes() == b"Title\n\nWe met in order to vote.\n\nThe end.\n"
    assert path.stat().st_mtime_ns == mtime
    assert sorted(os.listdir(project)) == ["all.yaml", "draft.md", "style.yaml"]


def test_diff_marks_a_missing_final_line_ending() -> None:
    assert unified_diff("d.md", "a\nb", "a\nc") == (
        "--- a/d.md\n+++ b/d.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
        "+c\n\\ No newline at end of file\n")


def test_diff_of_a_clean_file_is_empty(project: Path) -> None:
    put(project / "draft.md", b"We met to vote.\n")
    assert run("check", "--config", "style.yaml", "--diff", "draft.md") == (
        ExitStatus.CLEAN, "No problems in 1 file.\n", "")


def test_diff_from_standard_input(project: Path) -> None:
    status, out, _ = run("check", "--config", "style.yaml", "--diff", "--stdin-filename",
                         "news/draft.md", stdin=b"We met in order to vote.\n")
    assert out.splitlines()[:3] == ["news/draft.md: 1 fix would be applied",
                                    "--- a/news/draft.md", "+++ b/news/draft.md"]


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")
@pytest.mark.parametrize("name", list(IDEMPOTENT))
def test_the_diff_applies_with_patch_to_give_the_fixed_file(project: Path, name: str) -> None:
    """The diff is exact, CRs, BOM and missing final line ending included."""
    put(project / "draft.md", IDEMPOTENT[name])
    _, out, _ = run("check", "--config", "all.yaml", "--diff", "draft.md")
    diff = out[out.index("--- a/"):]
    (project / "fix.diff").write_bytes(diff.encode("utf-8"))
    copy = project / "copy"
    copy.mkdir()
    put(copy / "draft.md", IDEMPOTENT[name])
    proc = subprocess.run(["patch", "-p1", "--binary", "-s", "-i", str(project / "fix.diff")],
                          cwd=copy, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    run("check", "--config", "all.yaml", "--fix", "draft.md")
    assert (copy / "draft.md").read_bytes() == (project / "draft.md").read_bytes()


# -- exit statuses ------------------------------------------------------------------------------


def test_exit_0_when_every_problem_was_fixed(project: Path) -> None:
    put(project / "draft.md", b"The the council met in order to vote.\n")
    assert run("check", "--config", "style.yaml", "--fix", "--fail-on", "info", "draft.md") == (
        ExitStatus.CLEAN, "No problems in 1 file.\n", "draft.md: 2 fixes applied\n")


def test_exit_1_when_problems_remain(project: Path) -> None:
    (project / "acronyms.yaml").write_text(
        "packs: [style]\nrules: {style.acronym-defined: warning}\n", encoding="utf-8")
    put(project / "draft.md", b"The the ONS said output rose in order to reassure.\n")
    status, out, err = run("check", "--config", "acronyms.yaml", "--fix", "draft.md")
    assert (project / "draft.md").read_bytes() == b"The ONS said output rose to reassure.\n"
    assert (status, err) == (ExitStatus.FINDINGS, "draft.md: 2 fixes applied\n")
    # Fixed problems are not reported; the one left is, at its place in the fixed text.
    assert out.splitlines()[0].startswith("draft.md:1:5: warning style.acronym-defined")
    assert "style.repeated-word" not in out and "style.wordy" not in out


def test_fixes_for_info_problems_apply_below_fail_on(project: Path) -> None:
    path = put(project / "draft.md", b"We met in order to vote.\n")
    assert run("check", "--config", "style.yaml", "--fix", "draft.md")[0] == ExitStatus.CLEAN
    assert path.read_bytes() == b"We met to vote.\n"


def test_only_selected_rules_are_fixed(project: Path) -> None:
    path = put(project / "draft.md", b"The the council met in order to vote.\n")
    run("check", "--config", "style.yaml", "--select", "style.wordy", "--fix", "draft.md")
    assert path.read_bytes() == b"The the council met to vote.\n"


def test_a_folder_is_fixed_file_by_file(project: Path) -> None:
    put(project / "a.md", b"We met in order to vote.\n")
    put(project / "b.md", b"We met to vote.\n")
    put(project / "c.txt", b"The the end.\n")
    status, _, err = run("check", "--config", "style.yaml", "--fix", ".")
    assert sorted(err.splitlines()) == ["a.md: 1 fix applied", "c.txt: 1 fix applied"]
    assert (project / "c.txt").read_bytes() == b"The end.\n"
    assert status == ExitStatus.CLEAN


def test_a_read_only_file_is_not_fixed_even_by_root(project: Path) -> None:
    # Root passes os.access: the missing write bits alone must stop the fix.
    a = put(project / "a.md", b"We met in order to vote.\n")
    a.chmod(0o444)
    status, _, err = run("check", "--config", "style.yaml", "--fix", "a.md")
    assert (status, err) == (ExitStatus.USAGE, "a.md: error: file is read-only; not fixed\n")
    assert a.read_bytes() == b"We met in order to vote.\n"
    assert stat.S_IMODE(a.stat().st_mode) == 0o444


@pytest.mark.skipif(os.name == "nt", reason="POSIX hard links")
def test_a_file_with_hard_links_is_not_fixed_and_links_are_kept(project: Path) -> None:
    a = put(project / "a.md", b"We met in order to vote.\n")
    os.link(a, project / "b.md")
    status, _, err = run("check", "--config", "style.yaml", "--fix", "a.md")
    assert (status, err) == (ExitStatus.USAGE, "a.md: error: file has 2 hard links, which a fix "
                                               "would split; not fixed\n")
    assert a.read_bytes() == (project / "b.md").read_bytes() == b"We met in order to vote.\n"
    assert os.path.samefile(a, project / "b.md")
