"""The command line: exit statuses, formats, paths and stdin, input and config errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import run_cli as run

from lint import __version__, report
from lint.cli import ExitStatus

REPO = Path(__file__).resolve().parents[1]
STYLE_RULES = sorted(f"style.{p.stem}" for p in (REPO / "rules" / "style").glob("*.yaml"))

CLEAN = "The council met on Monday.\n"
WARNING = "The council met the the mayor.\n"  # style.repeated-word (warning)
INFO = "The council met in order to vote.\n"  # style.wordy (info)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder as the cwd, whose config enables only the style pack, so
    these tests do not depend on what the editorial packs flag."""
    (tmp_path / ".newslint.yaml").write_text("packs: [style]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))  # keep CRLF as written
    return path


# -- exit statuses ------------------------------------------------------------------


def test_clean_draft_exits_0(project: Path) -> None:
    write(project / "draft.md", CLEAN)
    assert run("check", "draft.md") == (ExitStatus.CLEAN, "No problems in 1 file.\n", "")


def test_finding_exits_1_with_one_line_per_diagnostic(project: Path) -> None:
    write(project / "draft.md", WARNING)
    status, out, err = run("check", "draft.md")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    assert out.splitlines() == [
        "draft.md:1:17: warning style.repeated-word Repeated word: 'the the'.",
        "1 problem (1 warning) in 1 file.",
    ]


@pytest.mark.parametrize(("text", "fail_on", "expected"), [
    (WARNING, None, 1), (WARNING, "warning", 1), (WARNING, "error", 0), (WARNING, "info", 1),
    (INFO, None, 0), (INFO, "warning", 0), (INFO, "info", 1),
    (CLEAN, "info", 0),
])
def test_fail_on(project: Path, text: str, fail_on: str | None, expected: int) -> None:
    write(project / "draft.md", text)
    args = ["check", "draft.md"] + (["--fail-on", fail_on] if fail_on else [])
    assert run(*args)[0] == expected


def test_fail_on_error_with_an_error_severity_from_config(project: Path) -> None:
    write(project / ".newslint.yaml", "packs: [style]\nrules:\n  style.repeated-word: error\n")
    write(project / "draft.md", WARNING)
    status, out, _ = run("check", "--fail-on", "error", "draft.md")
    assert status == ExitStatus.FINDINGS
    assert "draft.md:1:17: error style.repeated-word" in out


def test_hints_never_fail_the_run(project: Path) -> None:
    write(project / "draft.md", "The ONS said output rose.\n")  # style.acronym-defined
    status, out, _ = run("check", "--fail-on", "info", "draft.md")
    assert status == ExitStatus.CLEAN
    assert "hint style.acronym-defined" in out


# -- positions: code points, CRLF -----------------------------------------------------


EMOJI_CRLF = "Intro 🎉 line.\r\nWow 😀 the the end.\r\n\r\n👩‍💻 In order to win, we ran.\r\n"


def test_text_columns_are_code_points_across_crlf_and_emoji(project: Path) -> None:
    write(project / "draft.md", EMOJI_CRLF)
    status, out, _ = run("check", "--fail-on", "info", "draft.md")
    assert status == ExitStatus.FINDINGS
    # "Wow 😀 " is 6 code points; "👩‍💻 " is 4 (a ZWJ sequence: 3 code points, 5 UTF-16
    # units, one glyph), so the findings start in columns 7 and 5.
    assert [line.split(" ", 3)[:3] for line in out.splitlines()[:2]] == [
        ["draft.md:2:7:", "warning", "style.repeated-word"],
        ["draft.md:4:5:", "info", "style.wordy"],
    ]


def test_json_positions_are_code_points_and_end_exclusive(project: Path) -> None:
    write(project / "draft.md", EMOJI_CRLF)
    status, out, err = run("check", "--format", "json", "draft.md")
    assert (status, err) == (ExitStatus.FINDINGS, "")
    records = json.loads(out)
    spans = [(r["rule"], r["line"], r["column"], r["end_line"], r["end_column"])
             for r in records]
    assert spans == [("style.repeated-word", 2, 7, 2, 14), ("style.wordy", 4, 5, 4, 16)]
    line = EMOJI_CRLF.split("\r\n")[1]
    assert line[7 - 1 : 14 - 1] == "the the"
    assert records[0]["fix"]["edits"] == [
        {"line": 2, "column": 10, "end_line": 2, "end_column": 14, "text": ""}]


# -- formats and colour ---------------------------------------------------------------


def test_json_output_shape(project: Path) -> None:
    import jsonschema

    from lint.report.json_report import SCHEMA

    write(project / "a.md", WARNING)
    write(project / "b.md", CLEAN)
    status, out, _ = run("check", "--format", "json", ".")
    records = json.loads(out)
    jsonschema.validate(records, SCHEMA)
    assert status == ExitStatus.FINDINGS
    assert [(r["path"], r["rule"], r["severity"]) for r in records] == [
        ("a.md", "style.repeated-word", "warning")]


def test_json_clean_run_prints_an_empty_array(project: Path) -> None:
    write(project / "a.md", CLEAN)
    assert run("check", "--format", "json", "a.md") == (0, "[]\n", "")


def test_colour_only_on_a_terminal(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "draft.md", WARNING)
    assert "\x1b[" not in run("check", "draft.md")[1]  # not a terminal
    assert "\x1b[33mwarning\x1b[0m" in run("check", "draft.md", stdout=Tty())[1]
    assert "\x1b[" not in run("check", "--no-color", "draft.md", stdout=Tty())[1]
    assert "\x1b[" not in run("check", "--format", "json", "draft.md", stdout=Tty())[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", "draft.md", stdout=Tty())[1]
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: an empty NO_COLOR does not count
    assert "\x1b[" in run("check", "draft.md", stdout=Tty())[1]


def test_format_not_available_yet(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(report.REPORTER_MODULES, "sarif", "lint.report._not_written_yet")
    monkeypatch.delitem(report.REPORTERS, "sarif", raising=False)
    write(project / "draft.md", CLEAN)
    status, out, err = run("check", "--format", "sarif", "draft.md")
    assert (status, out) == (ExitStatus.USAGE, "")
    assert err == "newslint: error: --format sarif is not available yet\n"


def test_diff_cannot_be_mixed_with_machine_formats(project: Path) -> None:
    write(project / "draft.md", WARNING)
    status, out, err = run("check", "--diff", "--format", "json", "draft.md")
    assert (status, out) == (ExitStatus.USAGE, "")
    assert "--diff prints a diff" in err


# -- paths, folders, stdin -----------------------------------------------------------


def test_walks_folders_for_drafts_only(project: Path) -> None:
    for name in ("a.md", "b.markdown", "c.txt", "sub/d.md"):
        write(project / "drafts" / name, WARNING)
    for name in ("notes.rst", "data.json", ".hidden.md", ".git/x.md", "node_modules/y.md"):
        write(project / "drafts" / name, WARNING)
    write(project / "drafts" / "photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    status, out, err = run("check", "drafts")
    assert (status, err) == (ExitStatus.FINDINGS, "")  # the binary file is skipped silently
    paths = [line.split(":")[0] for line in out.splitlines()[:-1]]
    assert paths == [os.path.join("drafts", p) for p in
                     ("a.md", "b.markdown", "c.txt", os.path.join("sub", "d.md"))]
    assert out.splitlines()[-1] == "4 problems (4 warnings) in 4 files."


def test_no_path_means_the_current_folder(project: Path) -> None:
    write(project / "a.md", WARNING)
    status, out, _ = run("check")
    assert status == ExitStatus.FINDINGS
    assert out.startswith("a.md:1:17: warning")


def test_each_file_is_linted_once(project: Path) -> None:
    write(project / "a.md", WARNING)
    assert run("check", "a.md", ".", "./a.md")[1].endswith("in 1 file.\n")


def test_include_and_exclude_globs_from_config(project: Path) -> None:
    write(project / ".newslint.yaml", "packs: [style]\nfiles:\n  include: ['**/*.md']\n"
                                      "  exclude: ['archive/**', 'skip-me.md']\n")
    for name in ("a.md", "b.txt", "archive/old.md", "skip-me.md", "sub/skip-me.md"):
        write(project / name, WARNING)
    status, out, _ = run("check", ".")
    assert status == ExitStatus.FINDINGS
    assert out.splitlines() == [
        "a.md:1:17: warning style.repeated-word Repeated word: 'the the'.",
        "1 problem (1 warning) in 1 file.",
    ]
    # A file named on the command line is linted even if not included (pre-commit has
    # already chosen it), but excludes still apply to it.
    assert run("check", "b.txt")[0] == ExitStatus.FINDINGS
    assert run("check", "skip-me.md", "archive/old.md") == (0, "No problems in 0 files.\n", "")


def test_stdin(project: Path) -> None:
    status, out, _ = run("check", "-", stdin=WARNING.encode())
    assert status == ExitStatus.FINDINGS
    assert out.startswith("-:1:17: warning style.repeated-word")
    # --stdin-filename names the input (and implies '-' when no path is given).
    for args in (["check", "--stdin-filename", "news/draft.md", "-"],
                 ["check", "--stdin-filename", "news/draft.md"]):
        status, out, _ = run(*args, stdin=WARNING.encode())
        assert out.startswith("news/draft.md:1:17: warning style.repeated-word"), args


def test_stdin_filename_picks_markdown(project: Path) -> None:
    # In Markdown, code spans are not prose; in plain text they are.
    text = b"Run `the the` now.\n"
    assert run("check", "--stdin-filename", "a.md", stdin=text)[0] == ExitStatus.CLEAN
    assert run("check", "--stdin-filename", "a.txt", stdin=text)[0] == ExitStatus.FINDINGS


# -- input errors ---------------------------------------------------------------------


def test_invalid_utf8_is_reported_and_other_files_still_linted(project: Path) -> None:
    write(project / "a.md", WARNING)
    write(project / "bad.txt", "Première ligne.\nDeux 😀 ".encode() + b"\xff" + b" trois.\n")
    write(project / "c.md", WARNING)
    status, out, err = run("check", "a.md", "bad.txt", "c.md")
    assert status == ExitStatus.USAGE
    # Byte offset 27 = 17 bytes of line 1 ("è" is 2 bytes) + "Deux 😀 " (10 bytes);
    # column 8 counts code points ("Deux 😀 " is 7).
    assert err == "bad.txt:2:8: error: not valid UTF-8 at byte offset 27: invalid start byte\n"
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "a.md", "c.md", "2 problems (2 warnings) in 2 files. 1 file could not be read."]


def test_invalid_utf8_in_json_output(project: Path) -> None:
    write(project / "bad.md", b"ok\n\xc3(\n")
    status, out, err = run("check", "--format", "json", "bad.md")
    assert status == ExitStatus.USAGE
    assert "bad.md:2:1: error: not valid UTF-8 at byte offset 3" in err
    [record] = json.loads(out)
    assert (record["path"], record["line"], record["column"], record["rule"],
            record["severity"]) == ("bad.md", 2, 1, "newslint.input-error", "error")


def test_missing_path_is_an_error_but_others_are_linted(project: Path) -> None:
    write(project / "a.md", WARNING)
    status, out, err = run("check", "nope.md", "a.md", "missing-dir/")
    assert status == ExitStatus.USAGE
    assert err.splitlines() == ["nope.md: error: no such file or directory",
                                "missing-dir/: error: no such file or directory"]
    assert out.startswith("a.md:1:17: warning style.repeated-word")


def test_binary_file_named_explicitly_is_an_input_error(project: Path) -> None:
    write(project / "img.md", b"\x89PNG\r\n\x1a\n\x00\xff")
    status, _, err = run("check", "img.md")
    assert status == ExitStatus.USAGE
    assert err.startswith("img.md:1:1: error: not valid UTF-8 at byte offset 0")


# -- configuration and usage errors ---------------------------------------------------


def test_config_error_names_file_line_and_column(project: Path) -> None:
    write(project / ".newslint.yaml", "packs: [style]\nrules:\n  style.wordy: info\n"
                                      "severty: warning\n")
    write(project / "a.md", WARNING)
    status, out, err = run("check", "a.md")
    assert (status, out) == (ExitStatus.USAGE, "")
    assert err.startswith(".newslint.yaml:4:1: error: unknown configuration key 'severty'")


def test_config_error_from_rule_reference(project: Path) -> None:
    write(project / "cfg.yaml", "packs: [style]\nrules:\n  style.wordy: info\n"
                                "  style.wordie: off\n")
    status, _, err = run("check", "--config", "cfg.yaml", ".")
    assert status == ExitStatus.USAGE
    assert err == "cfg.yaml:4:3: error: unknown rule or pack 'style.wordie'\n"


def test_missing_config_file(project: Path) -> None:
    status, _, err = run("check", "--config", "nope.yaml", ".")
    assert status == ExitStatus.USAGE
    assert err == "nope.yaml:1:1: error: configuration file not found\n"


@pytest.mark.parametrize("argv", [
    [], ["frobnicate"], ["check", "--format", "yaml"], ["check", "--fail-on", "hint"],
    ["check", "--bogus"], ["explain"],
])
def test_usage_errors_exit_2(project: Path, argv: list[str]) -> None:
    status, out, err = run(*argv)
    assert (status, out) == (ExitStatus.USAGE, "")
    assert "usage: newslint" in err


def test_select_and_ignore(project: Path) -> None:
    write(project / "a.md", "The the council met in order to vote.\n")
    rules = lambda *args: [line.split()[2] for line in  # noqa: E731
                           run("check", "--fail-on", "info", *args, "a.md")[1].splitlines()[:-1]]
    assert rules() == ["style.repeated-word", "style.wordy"]
    assert rules("--select", "style.wordy") == ["style.wordy"]
    assert rules("--select", "wordy,repeated-word") == ["style.repeated-word", "style.wordy"]
    assert rules("--ignore", "repeated-word") == ["style.wordy"]
    assert rules("--select", "style", "--ignore", "style.wordy") == ["style.repeated-word"]
    status, _, err = run("check", "--select", "style.nope", "a.md")
    assert status == ExitStatus.USAGE
    assert "unknown rule or pack in --select/--ignore: style.nope" in err


def test_fix_and_diff_together_is_a_usage_error(project: Path) -> None:
    assert run("check", "--fix", "--diff", "a.md")[0] == ExitStatus.USAGE


def test_help_and_version(project: Path) -> None:
    status, out, err = run("--help")
    assert (status, err) == (ExitStatus.CLEAN, "")
    assert "usage: newslint" in out and "check" in out
    assert run("--version") == (ExitStatus.CLEAN, f"newslint {__version__}\n", "")
    status, out, _ = run("check", "--help")
    assert status == ExitStatus.CLEAN and "--fail-on" in out and "--stdin-filename" in out


# -- rules, explain, test-rules -------------------------------------------------------


def test_rules_lists_every_rule_with_severity_and_summary(project: Path) -> None:
    status, out, err = run("rules")
    assert (status, err) == (ExitStatus.CLEAN, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == STYLE_RULES
    wordy = next(line for line in lines if line.startswith("style.wordy "))
    assert wordy.split()[1] == "info"
    assert wordy.split(None, 2)[2].startswith("Wordy or redundant phrases")


@pytest.mark.parametrize("name", ["style.repeated-word", "repeated-word"])
def test_explain(project: Path, name: str) -> None:
    status, out, err = run("explain", name)
    assert (status, err) == (ExitStatus.CLEAN, "")
    assert out.startswith("style.repeated-word (repetition, default severity warning)\n\n")
    assert "A word typed twice in a row" in out
    assert "\nFlagged:\n  - [en] The the council met on Monday.\n" in out
    assert "\nNot flagged:\n" in out
    assert out.endswith("\nMore: https://github.com/newslint/newslint/blob/main/README.md"
                        "#style-pack\n")


def test_explain_unknown_and_builtin(project: Path) -> None:
    status, out, err = run("explain", "no-such-rule")
    assert (status, out) == (ExitStatus.USAGE, "")
    assert "unknown rule 'no-such-rule'" in err
    status, out, _ = run("explain", "newslint.input-error")
    assert status == ExitStatus.CLEAN
    assert out.startswith("newslint.input-error (built in)\n\n") and "not valid UTF-8" in out


def test_test_rules_runs_the_rule_examples(project: Path) -> None:
    status, out, _ = run("test-rules")
    assert out.splitlines()[-1] == f"{len(STYLE_RULES)} of {len(STYLE_RULES)} rules passed " \
                                   "their examples."
    assert status == ExitStatus.CLEAN


# -- the shipped examples -------------------------------------------------------------


def test_examples_are_valid_drafts(project: Path) -> None:
    drafts = sorted(p for p in (REPO / "examples").iterdir() if p.suffix in (".md", ".txt"))
    assert {p.name for p in drafts} >= {"seed-fr.txt", "crypto-rally-en.md", "budget-fr.md"}
    status, out, err = run("check", "--format", "json", str(REPO / "examples"))
    assert (status, err) in ((0, ""), (1, ""))
    rules = {r["rule"] for r in json.loads(out)}
    assert not {r for r in rules if r.startswith("newslint.")}, rules  # front matter etc.
    status, out, _ = run("check", str(REPO / "examples"))
    assert out.splitlines()[-1].endswith(f" in {len(drafts)} files.")


# -- real processes -------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _fresh_python(project: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a new interpreter in `project` (what it imports is what a real start
    imports); it must write nothing to standard error."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), cwd=project, timeout=120)
    assert proc.stderr == ""
    return proc


@pytest.mark.parametrize("command", [
    [os.path.join(sysconfig.get_path("scripts"), "newslint")],
    [sys.executable, "-m", "lint"],
], ids=["console-script", "python-m-lint"])
def test_real_process(project: Path, command: list[str]) -> None:
    write(project / "draft.md", "Wow 😀 the the end.\n")
    proc = subprocess.run([*command, "check", "draft.md"], capture_output=True, text=True,
                          encoding="utf-8", env=_env(), cwd=project, timeout=120)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert proc.stdout.splitlines() == [
        "draft.md:1:7: warning style.repeated-word Repeated word: 'the the'.",
        "1 problem (1 warning) in 1 file.",
    ]
    proc = subprocess.run([*command, "check", "missing.md"], capture_output=True, text=True,
                          env=_env(), cwd=project, timeout=120)
    assert proc.returncode == 2 and "missing.md: error: no such file" in proc.stderr


def test_real_process_reads_stdin_and_survives_a_closed_pipe(project: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "lint", "check", "--stdin-filename", "x.md"],
                          input="The the end.\n\n" * 200, capture_output=True, text=True,
                          env=_env(), cwd=project, timeout=120)
    assert proc.returncode == 1 and proc.stdout.count("x.md:") == 200
    # `newslint check | head -1` must not print a traceback.
    shell = (f"'{sys.executable}' -m lint check --stdin-filename x.md < big.md | head -1")
    write(project / "big.md", "The the end.\n\n" * 5000)
    proc = subprocess.run(shell, shell=True, capture_output=True, text=True, env=_env(),
                          cwd=project, timeout=120)
    assert proc.stdout.startswith("x.md:1:1: warning")
    assert "Traceback" not in proc.stderr


def test_check_never_imports_the_language_server(project: Path) -> None:
    """pre-commit starts the CLI for every batch of files: keep pygls off that path."""
    write(project / "draft.md", WARNING)
    code = (
        "import io, sys\n"
        "from lint.cli import main\n"
        "status = main(['check', '--format', 'json', 'draft.md'], stdout=io.StringIO())\n"
        "status += main(['check', 'draft.md'], stdout=io.StringIO())\n"
        "heavy = sorted(m for m in sys.modules\n"
        "               if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs', 'lint'))\n"
        "print(status, *(m for m in heavy if not m.startswith('lint') or\n"
        "                m.startswith(('lint.lsp', 'lint.fixes'))))\n"
    )
    proc = _fresh_python(project, code)
    assert proc.stdout.split() == ["2"]  # two runs with findings, no heavy module


def test_checking_a_markdown_draft_skips_what_it_does_not_use(project: Path) -> None:
    """Worker processes, the result cache, Word and HTML readers, importlib.resources,
    OpenSSL's hashes, the Tengo interpreter, Vale's formulas, difflib and the baseline cost milliseconds
    of every start: a one-process check of a Markdown
    draft without --cache imports none of them."""
    write(project / "draft.md", WARNING)
    code = (
        "import io, sys\n"
        "from lint.cli import main\n"
        "status = main(['check', 'draft.md'], stdout=io.StringIO())\n"
        "unused = ('multiprocessing', 'zipfile', 'html.parser', 'importlib.resources',\n"
        "          'lint.document.html_reader', 'lint.cache', 'pickle', '_hashlib',\n"
        "          'lint.vale.tengo', 'lint.formula', 'difflib', 'lint.baseline')\n"
        "print(status, *(m for m in unused if m in sys.modules))\n"
    )
    proc = _fresh_python(project, code)
    assert proc.stdout.split() == ["1"]


def test_checking_a_plain_text_draft_skips_the_markdown_parser(project: Path) -> None:
    """markdown_it is about 1.2 MiB of memory: a plain-text draft is read without it,
    and a Markdown draft in the same run still gets it (and its findings)."""
    write(project / "draft.txt", WARNING)
    write(project / "draft.md", WARNING)
    code = (
        "import io, sys\n"
        "from lint.cli import main\n"
        "status = main(['check', 'draft.txt'], stdout=io.StringIO())\n"
        "print(status, 'markdown_it' in sys.modules)\n"
        "status = main(['check', 'draft.md'], stdout=io.StringIO())\n"
        "print(status, 'markdown_it' in sys.modules)\n"
    )
    proc = _fresh_python(project, code)
    assert proc.stdout.split() == ["1", "False", "1", "True"]


def test_a_warm_start_parses_no_yaml_nor_toml(project: Path) -> None:
    """Rule packs, lexicons, the document model's settings and the configuration are kept
    parsed in the start-up store: once a run has filled it, checking a plain-text draft
    imports neither PyYAML nor tomllib (a pyproject.toml without our table is not parsed)."""
    write(project / "draft.txt", WARNING)
    write(project / "pyproject.toml", "[project]\nname = 'paper'\n")
    code = (
        "import io, sys\n"
        "from lint.cli import main\n"
        "status = main(['check', 'draft.txt'], stdout=io.StringIO())\n"
        "print(status, *(m for m in ('yaml', 'tomllib', 'lint.yaml_parser') if m in sys.modules))\n"
    )
    _fresh_python(project, code)  # fills the store, if the session has not already
    assert _fresh_python(project, code).stdout.split() == ["1"]


def test_version_loads_neither_the_engine_nor_its_libraries(project: Path) -> None:
    """`newslint --version` answers before the engine, the config or regex are imported."""
    code = (
        "import io, sys\n"
        "from lint.cli import main\n"
        "out = io.StringIO()\n"
        "status = main(['--version'], stdout=out)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "                ('lint', 'regex', 'yaml', 'markdown_it', 'argparse'))\n"
        "print(status, out.getvalue().strip(), *loaded)\n"
    )
    proc = _fresh_python(project, code)
    from lint import __version__

    assert proc.stdout.split() == ["0", "newslint", __version__, "lint", "lint.cli"]
