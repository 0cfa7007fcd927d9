"""The two modules a Vale Tengo script may import: `text` (strings, Go RE2 regexes) and `fmt` (prints nowhere)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

from lint.patterns import match_timeout
from lint.vale.tengo import Builtin, Char, TengoLimitError, TengoRuntimeError, to_string, type_name

_GO_TEMPLATE = regex.compile(r"\$(?:\$|\{(\w+)\}|(\w+))")
"""`$1`, `${name}` and `$$` in a Go regex replacement."""


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> regex.Pattern[str]:
    # Go's RE2 syntax is read by `regex` (version 0, as lint.patterns compiles).
    try:
        return regex.compile(pattern, regex.V0)
    except regex.error as exc:
        raise TengoRuntimeError(f"invalid regex {pattern!r}: {exc}") from None


def _str(name: str, value: Any) -> str:
    if isinstance(value, Char):
        return chr(value.code)
    if not isinstance(value, str):
        raise TengoRuntimeError(f"{name}: expected a string, not {type_name(value)}")
    return value


def _int(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TengoRuntimeError(f"{name}: expected an int, not {type_name(value)}")
    return value


def _timed(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, timeout=match_timeout(), **kwargs)
    except TimeoutError:
        raise TengoLimitError("a regex search ran past its time limit") from None


def _expand(template: str, found: regex.Match[str]) -> str:
    def group(ref: regex.Match[str]) -> str:
        if ref.group() == "$$":
            return "$"
        name = ref.group(1) or ref.group(2)
        key: int | str = int(name) if name.isdigit() else name
        try:
            return found.group(key) or ""
        except (IndexError, regex.error):
            return ""
    return _GO_TEMPLATE.sub(group, template)


def _go_split(text: str, sep: str, n: int = -1, after: bool = False) -> list[str]:
    """Go's strings.Split / SplitN / SplitAfter(N): n < 0 all pieces, 0 none."""
    if n == 0:
        return []
    if sep == "":
        chars = list(text)
        return chars if n < 0 or n >= len(chars) else [*chars[:n - 1], "".join(chars[n - 1:])]
    parts = text.split(sep, -1 if n < 0 else n - 1)
    if after:
        parts = [p + sep for p in parts[:-1]] + parts[-1:]
    return parts


def _re_find(pattern: Any, text: Any, count: Any = None) -> Any:
    compiled, text = _compile(_str("re_find", pattern)), _str("re_find", text)
    limit = 1 if count is None else _int("re_find", count)
    found = []
    for match in _timed(compiled.finditer, text):
        if limit >= 0 and len(found) >= limit:
            break
        found.append([{"text": match.group(i) or "", "begin": match.start(i),
                       "end": match.end(i)} for i in range(compiled.groups + 1)])
    return found or None


def _re_split(pattern: Any, text: Any, count: Any = -1) -> list[str]:
    """Go's Regexp.Split: n < 0 all pieces, 0 none, n > 0 at most n."""
    compiled, text = _compile(_str("re_split", pattern)), _str("re_split", text)
    n = _int("re_split", count)
    if n == 0:
        return []
    if compiled.pattern and not text:
        return [""]
    pieces: list[str] = []
    begin = end = 0
    for match in _timed(compiled.finditer, text):
        if n > 0 and len(pieces) == n - 1:
            break
        end = match.start()
        if match.end() != 0:
            pieces.append(text[begin:end])
        begin = match.end()
    if end != len(text):
        pieces.append(text[begin:])
    return pieces


def _replace(cap: int, text: Any, old: Any, new: Any, n: Any) -> str:
    count = _int("replace", n)
    text, old, new = _str("replace", text), _str("replace", old), _str("replace", new)
    times = text.count(old) if count < 0 else min(count, text.count(old))
    _room(cap, len(text) + times * (len(new) - len(old)))
    return text.replace(old, new, -1 if count < 0 else count)


def _room(cap: int, length: int) -> None:
    """Refuses a result longer than the cap before it is built (no memory is spent)."""
    if length > cap:
        raise TengoLimitError(f"a string grew past {cap} items")


def _re_replace(cap: int, pattern: Any, text: Any, template: Any) -> str:
    compiled, text = _compile(_str("re_replace", pattern)), _str("re_replace", text)
    template = _str("re_replace", template)
    grown = [len(text)]

    def expand(found: regex.Match[str]) -> str:
        piece = _expand(template, found)
        grown[0] += len(piece) - len(found.group())
        _room(cap, grown[0])
        return piece
    return _timed(compiled.sub, expand, text)


def _join(cap: int, items: Any, sep: Any) -> str:
    sep = _str("join", sep)
    pieces = [_str("join", i) for i in (items if isinstance(items, list) else [items])]
    _room(cap, sum(map(len, pieces)) + len(sep) * max(len(pieces) - 1, 0))
    return sep.join(pieces)


def _text_module(cap: int) -> dict[str, Any]:
    s = _str

    functions: dict[str, Callable[..., Any]] = {
        "re_match": lambda p, t: _timed(_compile(s("re_match", p)).search, s("re_match", t))
        is not None,
        "re_find": _re_find,
        "re_replace": functools.partial(_re_replace, cap),
        "re_split": _re_split,
        "compare": lambda a, b: (s("compare", a) > s("compare", b)) - (a < b),
        "contains": lambda a, b: s("contains", b) in s("contains", a),
        "contains_any": lambda a, chars: any(c in s("contains_any", a)
                                             for c in s("contains_any", chars)),
        "count": lambda a, b: (len(s("count", a)) + 1 if s("count", b) == ""
                               else a.count(b)),
        "equal_fold": lambda a, b: s("equal_fold", a).casefold() == s("equal_fold", b).casefold(),
        "fields": lambda a: s("fields", a).split(),
        "has_prefix": lambda a, b: s("has_prefix", a).startswith(s("has_prefix", b)),
        "has_suffix": lambda a, b: s("has_suffix", a).endswith(s("has_suffix", b)),
        "index": lambda a, b: s("index", a).find(s("index", b)),
        "index_any": lambda a, chars: min((i for i, c in enumerate(s("index_any", a))
                                           if c in s("index_any", chars)), default=-1),
        "last_index": lambda a, b: s("last_index", a).rfind(s("last_index", b)),
        "last_index_any": lambda a, chars: max((i for i, c in enumerate(s("last_index_any", a))
                                                if c in s("last_index_any", chars)), default=-1),
        "join": functools.partial(_join, cap),
        "repeat": lambda a, n: _repeat(cap, s("repeat", a), _int("repeat", n)),
        "replace": functools.partial(_replace, cap),
        "split": lambda a, sep: _go_split(s("split", a), s("split", sep)),
        "split_n": lambda a, sep, n: _go_split(s("split_n", a), s("split_n", sep),
                                               _int("split_n", n)),
        "split_after": lambda a, sep: _go_split(s("split_after", a), s("split_after", sep),
                                                after=True),
        "split_after_n": lambda a, sep, n: _go_split(s("split_after_n", a),
                                                     s("split_after_n", sep),
                                                     _int("split_after_n", n), after=True),
        "title": lambda a: regex.sub(r"\b\w", lambda m: m.group().upper(), s("title", a)),
        "to_lower": lambda a: s("to_lower", a).lower(),
        "to_upper": lambda a: s("to_upper", a).upper(),
        "to_title": lambda a: s("to_title", a).upper(),
        "trim": lambda a, cut: s("trim", a).strip(s("trim", cut)),
        "trim_left": lambda a, cut: s("trim_left", a).lstrip(s("trim_left", cut)),
        "trim_right": lambda a, cut: s("trim_right", a).rstrip(s("trim_right", cut)),
        "trim_prefix": lambda a, p: s("trim_prefix", a).removeprefix(s("trim_prefix", p)),
        "trim_suffix": lambda a, p: s("trim_suffix", a).removesuffix(s("trim_suffix", p)),
        "trim_space": lambda a: s("trim_space", a).strip(),
        "substr": _substr,
        "pad_left": lambda a, n, pad=" ": _pad(cap, s("pad_left", a), _int("pad_left", n),
                                               s("pad_left", pad), left=True),
        "pad_right": lambda a, n, pad=" ": _pad(cap, s("pad_right", a), _int("pad_right", n),
                                                s("pad_right", pad), left=False),
        "atoi": lambda a: _atoi(s("atoi", a)),
        "itoa": lambda n: str(_int("itoa", n)),
        "format_bool": lambda b: "true" if b is True else "false",
        "format_int": lambda n, base=10: _format_int(_int("format_int", n),
                                                     _int("format_int", base)),
        "parse_bool": lambda a: {"1": True, "t": True, "T": True, "true": True, "TRUE": True,
                                 "True": True, "0": False, "f": False, "F": False,
                                 "false": False, "FALSE": False, "False": False
                                 }.get(s("parse_bool", a)),
        "quote": lambda a: '"' + s("quote", a).replace("\\", "\\\\").replace('"', '\\"')
        .replace("\n", "\\n").replace("\t", "\\t") + '"',
    }
    return {name: Builtin(f"text.{name}", call) for name, call in functions.items()}


def _repeat(cap: int, text: str, n: int) -> str:
    if n < 0:
        raise TengoRuntimeError("repeat: negative count")
    _room(cap, len(text) * n)
    return text * n


def _substr(text: Any, low: Any, high: Any = None) -> str:
    text = _str("substr", text)
    low = _int("substr", low)
    high = len(text) if high is None else _int("substr", high)
    low, high = max(low, 0), min(high, len(text))
    return text[low:high] if low <= high else ""


def _pad(cap: int, text: str, width: int, pad: str, left: bool) -> str:
    _room(cap, width)
    if len(text) >= width or not pad:
        return text
    fill = (pad * (width - len(text)))[:width - len(text)]
    return fill + text if left else text + fill


def _atoi(text: str) -> Any:
    try:
        return int(text, 10)
    except ValueError:
        return None


def _format_int(n: int, base: int) -> str:
    if not 2 <= base <= 36:
        raise TengoRuntimeError("format_int: base must be 2 to 36")
    digits, sign, n = [], "-" if n < 0 else "", abs(n)
    while True:
        n, digit = divmod(n, base)
        digits.append("0123456789abcdefghijklmnopqrstuvwxyz"[digit])
        if not n:
            return sign + "".join(reversed(digits))


def _sprintf(template: Any, *args: Any) -> str:
    """Go's verbs %v %s %d %f %q %% (others print the value as %v does)."""
    items = iter(args)

    def verb(found: regex.Match[str]) -> str:
        if found.group() == "%%":
            return "%"
        value = next(items, None)
        kind = found.group(2)
        if kind == "q":
            return '"' + to_string(value).replace('"', '\\"') + '"'
        if kind in "fFeg" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return ("%" + found.group(1) + kind) % value
        if kind == "d" and isinstance(value, int) and not isinstance(value, bool):
            return ("%" + found.group(1) + "d") % value
        return to_string(value)
    # Widths and precisions of at most three digits: a verb cannot build a huge string.
    return regex.sub(r"%([-+ 0#]*\d{0,3}(?:\.\d{1,3})?)((?i:[a-z%]))|%%", verb,
                     _str("sprintf", template))


def _fmt_module() -> dict[str, Any]:
    quiet = lambda *args: None  # noqa: E731 - scripts print nowhere
    return {"print": Builtin("fmt.print", quiet), "println": Builtin("fmt.println", quiet),
            "printf": Builtin("fmt.printf", quiet), "sprintf": Builtin("fmt.sprintf", _sprintf)}


def modules(cap: int) -> dict[str, dict[str, Any]]:
    """The importable modules, fresh per run (a script may change its copy); `cap`: the
    longest string a function may build."""
    return {"text": _text_module(cap), "fmt": _fmt_module()}
