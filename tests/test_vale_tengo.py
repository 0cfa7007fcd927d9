"""The sandboxed Tengo subset of Vale `script` rules (lint.vale.tengo) and the `script` rule type."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from lint.cli import main
from lint.vale.tengo import (Match, Script, TengoLimitError, TengoRuntimeError,
                             TengoSyntaxError, TengoUnsupported)


def value(source: str, name: str = "out", scope: str = "") -> object:
    """The value of `name` after running `source` (through a match's message)."""
    script = Script(source + f"\nmatches := [{{begin: 0, end: 0, message: string({name})}}]")
    return script.matches(scope)[0].message


# ---------------------------------------------------------------- the language


@pytest.mark.parametrize("source, expected", [
    ("out := 7 / 2", "3"),
    ("out := -7 / 2", "-3"),
    ("out := -7 % 3", "-1"),
    ("out := 7.0 / 2", "3.5"),
    ("out := 4.0 / 2", "2"),
    ("out := 1.0 / 0", "+Inf"),
    ("out := 1 + 2 * 3 - (4 - 1)", "4"),
    ("out := 0x1f + 010", "39"),
    ("out := 1 << 4 | 1", "17"),
    ('out := "tab\\there \\u00e9 \\x41"', "tab\there é A"),
    ("out := `raw\\n`", "raw\\n"),
    ("out := 'a'", "a"),
    ("out := 'a' + 1", "b"),
    ("out := true && !false", "true"),
    ('out := "" || "fallback"', "fallback"),
    ("out := 0 && 5", "0"),
    ("out := undefined", "<undefined>"),
    ("out := 3 > 2 ? \"yes\" : \"no\"", "yes"),
    ('out := "n=" + 4', "n=4"),
    ("out := [1, 2] + [3]", "[1, 2, 3]"),
    ('out := "abc" < "abd"', "true"),
    ("out := 1 == 1.0", "true"),
    ('out := 1 == "1"', "false"),
])
def test_literals_and_operators(source: str, expected: str) -> None:
    assert value(source) == expected


def test_arrays_maps_indexing_slicing_and_selectors() -> None:
    source = """
    a := [10, 20, 30, 40]
    m := {begin: 1, "end": 2, message: "x"}
    m.extra = a[1:3]
    m["end"] += 5
    a[0] = len(a[:2]) + len(a[2:])
    s := "héllo"[1:3]
    out := [a[0], m.end, m.extra, m.missing, s, "abc"[1]]
    """
    assert value(source) == '[4, 7, [20, 30], <undefined>, "él", b]'


def test_control_flow() -> None:
    source = """
    out := []
    for i := 0; i < 10; i++ {
        if i == 2 { continue } else if i > 5 { break } else { out = append(out, i) }
    }
    n := 3
    for n > 0 { n-- }
    out = append(out, n)
    for { n += 1; if n >= 2 { break } }
    out = append(out, n)
    for k, v in {a: 1} { out = append(out, k, v) }
    for i, c in "hi" { out = append(out, i, c) }
    for x in [7] { out = append(out, x) }
    """
    assert value(source) == '[0, 1, 3, 4, 5, 0, 2, "a", 1, 0, h, 1, i, 7]'


def test_block_scopes_functions_and_closures() -> None:
    source = """
    x := 1
    if true { x := 2; x = 3 }
    counter := func() {
        n := 0
        return func() { n += 1; return n }
    }
    next := counter()
    next()
    fib := func(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
    out := [x, next(), fib(10)]
    """
    assert value(source) == "[1, 2, 55]"


def test_comments() -> None:
    assert value("out := 1 // one\n/* two\nlines */ out += 1") == "2"


def test_builtins() -> None:
    source = """
    m := {a: 1}
    delete(m, "a")
    out := [len("abc"), len([1]), int("42"), int(3.9), string(5), is_int(1), is_string(1),
            is_map(m), is_array([]), is_undefined(m.a), type_name(1.5), len(m), float(2),
            copy([1])]
    """
    assert value(source) == ('[3, 1, 42, 3, "5", true, false, true, true, true, "float", 0, '
                             "2, [1]]")


# ---------------------------------------------------------------- the text and fmt modules

TEXT_CASES = [
    ('text.re_match("b+", "abbc")', "true"),
    ('text.re_match("^b", "abbc")', "false"),
    ('text.re_find("(b+)(c)", "abbc abc")', '[[{text: "bbc", begin: 1, end: 4}, '
                                            '{text: "bb", begin: 1, end: 3}, '
                                            '{text: "c", begin: 3, end: 4}]]'),
    ('len(text.re_find("b", "abbc abc", -1))', "3"),
    ('text.re_find("z", "abc")', "<undefined>"),
    ('text.re_replace("(\\\\w+)@(\\\\w+)", "me@home", "$2 at ${1}$$")', "home at me$"),
    ('text.re_replace("(?s) *(\\n```.*?```\\n)", "a\\n```\\nx\\n```\\nb", "")', "ab"),
    ('text.re_split(",\\\\s*", "a, b,c", -1)', '["a", "b", "c"]'),
    ('text.re_split(",", "a,b,c", 2)', '["a", "b,c"]'),
    ('text.split("a,b,,c", ",")', '["a", "b", "", "c"]'),
    ('text.split_n("a,b,c", ",", 2)', '["a", "b,c"]'),
    ('text.split_after("a,b", ",")', '["a,", "b"]'),
    ('text.join(["a", "b"], "-")', "a-b"),
    ('text.has_prefix("# Title", "#")', "true"),
    ('text.has_suffix("file.md", ".txt")', "false"),
    ('text.index("chicken", "ken")', "4"),
    ('text.index("chicken", "dmr")', "-1"),
    ('text.last_index("go gopher", "go")', "3"),
    ('text.contains("seafood", "foo")', "true"),
    ('text.contains_any("failure", "ui")', "true"),
    ('text.count("cheese", "e")', "3"),
    ('text.trim_space("  \\t a b \\n")', "a b"),
    ('text.trim("xxhixx", "x")', "hi"),
    ('text.trim_prefix("prefix-body", "prefix-")', "body"),
    ('text.to_lower("ÀB")', "àb"),
    ('text.to_upper("ab")', "AB"),
    ('text.replace("oink oink oink", "k", "ky", 2)', "oinky oinky oink"),
    ('text.replace("oink oink", "oink", "moo", -1)', "moo moo"),
    ('text.fields("  a b  c ")', '["a", "b", "c"]'),
    ('text.repeat("ab", 3)', "ababab"),
    ('text.substr("hello", 1, 3)', "el"),
    ('text.equal_fold("Go", "GO")', "true"),
    ('text.atoi("12") + 1', "13"),
    ('text.pad_left("7", 3, "0")', "007"),
    ('fmt.sprintf("%s has %d (%.1f)", "x", 3, 0.25)', "x has 3 (0.2)"),
]


@pytest.mark.parametrize("expression, expected", TEXT_CASES)
def test_text_and_fmt_functions(expression: str, expected: str) -> None:
    source = f'text := import("text")\nfmt := import("fmt")\nout := {expression}'
    assert value(source) == expected


def test_fmt_prints_nowhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert value('fmt := import("fmt")\nfmt.println("hidden")\nout := 1') == "1"
    assert capsys.readouterr() == ("", "")


# ---------------------------------------------------------------- safety


def test_an_endless_loop_is_stopped_by_the_step_budget() -> None:
    script = Script("for { }")
    with pytest.raises(TengoLimitError, match="step budget"):
        script.matches("", steps=10_000)


def test_unbounded_growth_is_stopped_by_the_size_cap() -> None:
    with pytest.raises(TengoLimitError, match="grew past 1000"):
        Script('s := "ab"\nfor { s += s }').matches("", max_items=1000)
    with pytest.raises(TengoLimitError, match="grew past 1000"):
        Script("a := []\nfor { a = append(a, 1) }").matches("", max_items=1000)


@pytest.mark.parametrize("call", [
    'text.repeat("ab", 1000000000)', 'text.pad_left("", 1000000000, "x")',
    'text.replace(text.repeat("a", 600), "a", "aa", -1)',
    'text.re_replace("a", text.repeat("a", 600), "aa")',
    'text.join([text.repeat("a", 600), "b"], text.repeat("c", 600))',
])
def test_text_functions_refuse_results_past_the_cap_before_building_them(call: str) -> None:
    with pytest.raises(TengoLimitError, match="grew past 1000"):
        Script(f'text := import("text")\nx := {call}').matches("", max_items=1000)


def test_deep_nesting_is_a_syntax_error_not_a_crash() -> None:
    with pytest.raises(TengoSyntaxError, match="nested too deeply"):
        Script("x := " + "(" * 5000 + "1" + ")" * 5000)


def test_runaway_recursion_is_stopped() -> None:
    with pytest.raises(TengoLimitError, match="nested"):
        Script("f := func() { return f() }\nf()").matches("")


@pytest.mark.parametrize("module", ["os", "times", "rand", "json", "math"])
def test_only_text_and_fmt_may_be_imported(module: str) -> None:
    with pytest.raises(TengoUnsupported, match=f"import\\('{module}'\\)"):
        Script(f'm := import("{module}")')


def test_no_python_object_is_reachable() -> None:
    # A selector reads map keys only; a function value has no fields.
    with pytest.raises(TengoRuntimeError, match="has no field"):
        Script('text := import("text")\nx := text.index.__globals__').matches("")
    with pytest.raises(TengoRuntimeError, match="has no field"):
        Script('x := "abc".__class__').matches("")
    assert value('out := {}.__class__') == "<undefined>"


@pytest.mark.parametrize("source, feature", [
    ("export {a: 1}", "'export'"),
    ("x := immutable([1])", "'immutable'"),
    ('x := error("bad")', "'error' values"),
    ("f := func(a...) { return a }", "variadic"),
    ("a, b := 1, 2", "assignment of several values"),
])
def test_constructs_outside_the_subset_are_refused_at_load(source: str, feature: str) -> None:
    with pytest.raises(TengoUnsupported, match=f"Tengo feature {feature}.* is not supported"):
        Script(source)


def test_a_parse_error_names_its_line_and_column() -> None:
    with pytest.raises(TengoSyntaxError) as caught:
        Script("x := 1\ny := (2 + 3\nz := 4")
    assert (caught.value.line, caught.value.column) == (2, 12)
    assert "line 2, column 12: expected ')', found end of line" in str(caught.value)


def test_a_bad_number_is_a_syntax_error() -> None:
    with pytest.raises(TengoSyntaxError, match="line 1, column 6: invalid number 08"):
        Script("x := 08")


def test_runtime_errors_name_their_line() -> None:
    with pytest.raises(TengoRuntimeError, match="line 2, column 1: unresolved reference 'y'"):
        Script("x := 1\ny = 2").matches("")
    with pytest.raises(TengoRuntimeError, match="index out of bounds"):
        Script("x := [1][3]").matches("")


def test_matches_are_read_with_their_messages() -> None:
    script = Script("matches := [{begin: 0, end: 2}, {begin: 3, end: 5, message: \"m\"}]")
    assert script.matches("ab cd") == [Match(0, 2), Match(3, 5, "m")]
    with pytest.raises(TengoRuntimeError, match="outside the scope"):
        Script("matches := [{begin: 0, end: 9}]").matches("ab")


# ---------------------------------------------------------------- as a Vale rule

TESTDATA = Path(__file__).resolve().parents[1].parent / "shared" / "vale" / "vale-testdata" / \
    "testdata"


def _vale(folder: Path, target: str = ".") -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        main(["check", "--output", "line", target], stdout=out, stderr=err)
    finally:
        os.chdir(here)
    return out.getvalue(), err.getvalue()


@pytest.mark.skipif(not TESTDATA.is_dir(), reason="../shared/vale is absent")
def test_vale_script_scenario() -> None:
    out, err = _vale(TESTDATA / "fixtures" / "checks" / "Script")
    assert sorted(out.splitlines()) == [
        "test.md:29:1:Checks.ScriptRE:Consider inserting a new section heading at this point.",
        "test.md:39:1:Checks.ScriptRE:Consider inserting a new section heading at this point.",
        "test.md:4:19:Scripts.CustomMsg:Some message",
    ]
    assert "Scripts" not in err and "Checks" not in err


def _style(tmp_path: Path, rules: dict[str, str], text: str) -> Path:
    (tmp_path / "styles" / "S").mkdir(parents=True)
    (tmp_path / "styles" / "config" / "scripts").mkdir(parents=True)
    (tmp_path / "styles" / "config" / "scripts" / "Long.tengo").write_text(
        'text := import("text")\nmatches := []\nfor w in text.fields(scope) {\n'
        '  if len(w) > 8 { i := text.index(scope, w)\n'
        '    matches = append(matches, {begin: i, end: i + len(w)}) } }\n', encoding="utf-8")
    for name, body in rules.items():
        (tmp_path / "styles" / "S" / f"{name}.yml").write_text(body, encoding="utf-8")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.md]\nBasedOnStyles = S\n",
                                        encoding="utf-8")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_script_file_loop_and_bad_rules_in_one_run(tmp_path: Path) -> None:
    """A script from a file finds; an endless one and a refused import are reported with
    their rule's name, and the rest of the run goes on."""
    folder = _style(tmp_path, {
        "Long": "extends: script\nmessage: Long word\nscope: raw\nscript: Long.tengo\n",
        "Loop": "extends: script\nmessage: never\nscript: |\n  for { }\n",
        "Os": 'extends: script\nmessage: never\nscript: |\n  os := import("os")\n',
        "Broken": "extends: script\nmessage: never\nscript: |\n  x := (1\n",
    }, "A short sentence with extraordinary words.\n")
    import lint.vale.tengo as tengo
    budget = tengo.STEP_BUDGET
    tengo.STEP_BUDGET = 20_000  # the default is larger; the behaviour is the same
    try:
        out, err = _vale(folder)
    finally:
        tengo.STEP_BUDGET = budget
    assert "a.md:1:23:S.Long:Long word" in out
    assert "S.Loop failed" in out and "step budget" in out
    assert "S.Os: Tengo feature import('os')" in err and "is not supported" in err
    assert "S.Broken: Tengo syntax error at line 1, column 8" in err
    assert "never" not in out


def test_a_script_file_outside_the_scripts_folder_is_refused(tmp_path: Path) -> None:
    folder = _style(tmp_path, {
        "Up": "extends: script\nmessage: m\nscript: ../../x.tengo\n"}, "Text.\n")
    out, err = _vale(folder)
    assert "Up.yml:3:9" in err and "must be a name under" in err
    assert "S.Up" not in out
