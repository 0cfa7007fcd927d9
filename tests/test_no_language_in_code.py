"""No word list or pattern of English, French or any other language in lint/ Python.

Every regex literal given to regex.compile/search/match/fullmatch/sub/split/finditer (or to
compile_pattern/compile_terms), and every set/tuple/list/frozenset literal of strings, is
parsed with `ast`; a run of two or more letters in it is a natural-language word unless it
is regex syntax (an escape such as \\p{L}, a group name, flags) or program vocabulary: a
name the code itself uses (an identifier, a YAML key, a file suffix), or a token of the
small allowlist below. Words belong in the lexicons (rules/*/lexicons/<lang>.yaml).
"""

from __future__ import annotations

import ast
import io
import keyword
import tokenize
from pathlib import Path

import regex

LINT = Path(__file__).resolve().parent.parent / "lint"

REGEX_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "finditer", "findall"}
COMPILERS = {"compile_pattern", "compile_terms"}

ALLOWLIST = {
    "newslint",  # the tool's own name, in its suppression comments
    "vale",  # Vale's name, in the comment switches newslint honours (<!-- vale off -->)
    "utf",  # encodings: utf-8, utf-16
    "en", "fr",  # language codes (ISO 639-1), not words
    "auto", "github",  # option values: language detection, report format
    # Document scopes and the markdown-it token types the parser reads.
    "frontmatter", "byline", "blockquote", "header", "softbreak", "hardbreak", "linkify",
    "venv", "site", "packages",  # folders that file collection skips (site-packages)
    "insensitive", "sensitive",  # the case handling a lexicon schema declares
}
"""Language-neutral tokens that are neither regex syntax nor Python names."""

# Paths, globs, file suffixes and snake_case keys are program vocabulary whatever they spell.
_PROGRAM_TOKEN = regex.compile(r"[./*_]")

# Regex syntax that contains letters but no word: escapes (\p{Lu}, \N{...}, \u00a0, \d),
# group names and references, inline flags and scoped flags.
_SYNTAX = regex.compile(
    r"\\[pPN]\{[^}]*\}|\\[pP]\w|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\."
    r"|\(\?P?<[A-Za-z_]\w*>|\(\?P=[A-Za-z_]\w*\)|\(\?'[A-Za-z_]\w*'|\\g<\w+>"
    r"|\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?[:)]"
)
_WORD = regex.compile(r"[^\W\d_]{2,}")


def _program_vocabulary() -> set[str]:
    """Every identifier of lint/ (split at '_'), lower-cased: names, not prose."""
    names: set[str] = set()
    for path in LINT.rglob("*.py"):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for tok in tokens:
            if tok.type == tokenize.NAME and not keyword.iskeyword(tok.string):
                names.add(tok.string.lower())
                names.update(part.lower() for part in tok.string.split("_") if part)
    return names


def _strings(node: ast.AST) -> list[str]:
    """The literal text of a string node (the constant parts of an f-string)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp):
        return _strings(node.left) + _strings(node.right)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [s for e in node.elts for s in _strings(e)]
    return []


def regex_words(source: str) -> list[str]:
    """Words of a regex source, once its syntax is blanked out."""
    return _WORD.findall(_SYNTAX.sub(" ", source))


def _regex_literals(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        base = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        if (base == "regex" and name in REGEX_FUNCTIONS) or name in COMPILERS:
            found.extend((node.lineno, s) for s in _strings(node.args[0]))
    return found


def _string_collections(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)) and node.elts and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
        ):
            found.extend((node.lineno, e.value) for e in node.elts)  # type: ignore[attr-defined]
    return found


def language_in(root: Path, vocabulary: set[str]) -> list[str]:
    """'file:line: word in "literal"' for every natural-language word under `root`."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for kind, literals in (("regex", _regex_literals(tree)), ("word list", _string_collections(tree))):
            for line, text in literals:
                words = regex_words(text) if kind == "regex" else _WORD.findall(text)
                if kind == "word list" and _PROGRAM_TOKEN.search(text):
                    continue
                for word in words:
                    lower = word.lower()
                    if lower in ALLOWLIST or (kind == "word list" and lower in vocabulary):
                        continue
                    problems.append(f"{path.relative_to(root.parent)}:{line}: {kind} word {word!r} in {text!r}")
    return problems


def test_no_natural_language_in_lint_python() -> None:
    problems = language_in(LINT, _program_vocabulary())
    assert not problems, "move these words to a lexicon:\n" + "\n".join(problems)


def test_the_check_sees_words_in_regexes_and_lists(tmp_path: Path) -> None:
    package = tmp_path / "lint"
    package.mkdir()
    (package / "bad.py").write_text(
        "import regex\n"
        "_A = regex.compile(r'\\b(?:that|que)\\b', regex.I)\n"
        "_B = regex.compile(r'(?P<name>\\p{Lu}\\d+)(?-i:x)')\n"
        "ENDINGS = ('ing', 'ant')\n",
        encoding="utf-8",
    )
    problems = language_in(package, {"name"})
    words = sorted(regex.search(r" word ('[^']*') in ", p).group(1) for p in problems)
    assert words == ["'ant'", "'ing'", "'que'", "'that'"]
