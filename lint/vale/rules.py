"""Vale rule files (`extends:`, `level:`, `%s` messages) → newslint rule specs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lint.data import load_data
from lint.rulespec import RuleSpec, parse_rule
from lint.yamlio import InputError, LocatedYaml, load_yaml

LEVELS = {"suggestion": "info", "warning": "warning", "error": "error"}
RENAMED = {"extends": "type", "level": "severity"}
"""Vale's names of the keys newslint calls otherwise."""
"""Vale's alert levels → newslint severities (a suggestion is informational)."""

IGNORED_KEYS = frozenset({"action", "vocab", "description"})
"""Vale keys that change no finding here. `action` is Vale's fix hint: `remove` on an
existence rule becomes a fix, `replace` is the fix substitution offers anyway, the others
(`edit`, `convert`, `suggest`) are not turned into fixes. `vocab` is read before."""

VALE_ALTERNATIVES = "' or '"
"""How Vale's output joins the alternatives of a swap ('phone' or 'mobile phone'): part of
Vale's line format, reproduced for the scripts that read it."""

# Vale fills a substitution message with (replacement, match), a capitalization one with
# (match, the text as the style wants it), a metric or readability one with the value
# (two decimals); every other type with the matched text alone.
_ARGUMENTS = {"substitution": ("replacement", "match"), "capitalization": ("match", "expected"),
              "metric": ("value",), "readability": ("value",)}
SCRIPTS_FOLDER = Path("config") / "scripts"
"""Where a Vale `script:` that names a file finds it, under the StylesPath."""
# Vale's `metric` and `readability` judge the summary text whatever their `scope`.
_UNSCOPED = frozenset({"metric", "readability"})


def load_vale_rule(path: Path, style: str, accept: Sequence[str] = ()) -> RuleSpec:
    """Read one Vale rule file as a newslint RuleSpec (`<Style>.<Rule>`).

    Raises InputError naming the file, line and column of what cannot be translated.
    """
    return load_vale_rule_and_limit(path, style, accept)[0]


def load_vale_rule_and_limit(path: Path, style: str,
                             accept: Sequence[str] = ()) -> tuple[RuleSpec, int]:
    """The RuleSpec and the rule's Vale `limit` (its findings kept per file; 0: all).

    `limit` is applied to a file's findings by the Vale linter, not by a rule type.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), 1, 1, f"not valid UTF-8 at byte offset {exc.start}") from None
    doc = load_yaml(text, str(path))
    if not isinstance(doc.data, dict):
        raise doc.error((), "a Vale rule file must be a YAML mapping")
    translated = translate(doc, accept, path.parent.parent / SCRIPTS_FOLDER)
    limit = translated.pop("limit", 0)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise doc.error(("limit",), f"limit must be a whole number of 0 or more, not {limit!r}")
    # Errors about a renamed key point at the Vale key it came from.
    values, keys = dict(doc.values), dict(doc.keys)
    for vale_key, key in RENAMED.items():
        for table in (values, keys):
            if (vale_key,) in table:
                table[(key,)] = table[(vale_key,)]
    return parse_rule(LocatedYaml(doc.path, translated, values, keys), style, path.stem), limit


def translate(doc: LocatedYaml, accept: Sequence[str] = (),
              scripts: Path | None = None) -> dict[str, Any]:
    """A Vale rule mapping in newslint's vocabulary (positions stay those of the Vale keys).

    `accept`: the accepted terms of the configured vocabularies, exceptions to every
    existence and substitution rule that does not say `vocab: false`. `scripts`: the
    folder of the Tengo files a `script` rule may name.
    """
    data: dict[str, Any] = dict(doc.data)
    if "extends" not in data:
        raise doc.error((), "a Vale rule needs 'extends' (existence, substitution, ...)")
    kind = data.pop("extends")
    out: dict[str, Any] = {"type": kind}
    level = data.pop("level", "warning")  # Vale's default level (its check manager)
    if level not in LEVELS:
        raise doc.error(("level",), f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    out["severity"] = LEVELS[level]
    message = str(data.pop("message", "")) or kind
    if kind == "substitution":
        # Vale quotes a suggestion itself when the message leaves its `%s` bare.
        message = re.sub(r"(?<!['\"])%s(?!['\"])", "'%s'", message, count=1)
    out["message"] = vale_message(message, _ARGUMENTS.get(kind, ("match",)))
    if kind == "script":
        # The script chooses each match's message; the rule's is the default.
        out["message"] = "{message}"
        data["default_message"] = message
        data["script"] = _script_source(doc, data.get("script"), scripts)
    if kind in _UNSCOPED:
        data.pop("scope", None)
    elif "scope" in data:
        data["scope"] = _scope(doc, data["scope"])
    if accept and kind in ("existence", "substitution", "capitalization") and data.get(
            "vocab", True) is not False:
        own = data.get("exceptions") or []
        data["exceptions"] = [*([own] if isinstance(own, str) else own), *accept]
    action = data.get("action")
    if kind == "existence" and isinstance(action, dict) and action.get("name") == "remove":
        data["remove_fix"] = True
    for key in IGNORED_KEYS:
        data.pop(key, None)
    # Vale is case-sensitive unless told otherwise; newslint types may default otherwise.
    if kind not in _UNSCOPED and kind != "script":
        data.setdefault("ignorecase", False)
    if kind in ("existence", "substitution"):
        data.update(skip_urls=True, tidy_match=True)
        if data.get("scope", "text") == "text":
            # Vale's `text` holds images' alt texts too (newslint's prose does not).
            data["scope"] = ["text", "alt"]
    if kind == "existence":
        data = _existence(data)
    elif kind == "occurrence":
        data.update(at_first_match=True, code_width=True)
    elif kind == "capitalization":
        data = _title_style(doc, data)
    elif kind == "substitution":
        data = _bounded(data)
        # Vale prints a replacement as written; alternatives as 'a' or 'b' (its message
        # already quotes the first and the last).
        data.update(match_case=data.pop("capitalize", False), joiner=VALE_ALTERNATIVES,
                    group_references=True)
    out.update(data)
    return out


def vale_message(message: str, arguments: tuple[str, ...]) -> str:
    """Vale's printf-style message as a newslint template: the n-th `%s` is the n-th argument."""
    escaped = message.replace("{", "{{").replace("}", "}}")
    parts = re.split(r"%s", escaped)
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        name = arguments[index] if index < len(arguments) else arguments[-1]
        out.append("{" + name + "}" + part)
    return "".join(out).replace("%%", "%")


def _scope(doc: LocatedYaml, raw: Any) -> Any:
    """Vale's scope in newslint's selectors.

    `a & ~b` (every part must hold) becomes the list `[a, ~b]`, which means the same
    when at most one part is positive (alone, or as the only item of a list). Vale's
    `sentence` leaves headings out; newslint's includes them, so `~heading` is added.
    Vale's `summary` (alone) is the prose less headings and tables.
    """
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list):
        return raw
    if any(isinstance(i, str) and "&" in i for i in items):
        if len(items) > 1:
            raise doc.error(("scope",), "a list of scopes with a conjunction ('&') in it is "
                                        "not supported")
        items = [p.strip() for p in items[0].split("&")]
        if sum(not p.startswith("~") for p in items) > 1:
            raise doc.error(("scope",), f"scope {raw!r}: a conjunction of two positive scopes "
                                        "is not supported")
    if items == ["summary"]:
        # Vale's body text: prose less headings and tables.
        return ["text", "~heading", "~table"]
    if "sentence" in items and "~heading" not in items:
        items = [*items, "~heading"]
    return items if len(items) > 1 or not isinstance(raw, str) else items[0]


def _script_source(doc: LocatedYaml, script: Any, scripts: Path | None) -> str:
    """A `script:` value as Tengo source: inline, or the file it names (one line ending
    in `.tengo`) under <StylesPath>/config/scripts."""
    if not isinstance(script, str) or not script.strip():
        raise doc.error(("script",), "a script rule needs 'script': Tengo source or the "
                                     "name of a file under <StylesPath>/config/scripts")
    name = script.strip()
    if "\n" in name or not name.endswith(".tengo"):
        return script
    if scripts is None or Path(name).is_absolute() or ".." in Path(name).parts:
        raise doc.error(("script",), f"script file {name!r} must be a name under "
                                     "<StylesPath>/config/scripts")
    try:
        return (scripts / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise doc.error(("script",), f"cannot read script file {scripts / name}: "
                                     f"{getattr(exc, 'strerror', None) or exc}") from None


def _existence(data: dict[str, Any]) -> dict[str, Any]:
    """Vale's one regex: the `raw` pieces, then the tokens (word-bounded unless `nonword`);
    with `append: true` the raw pieces come after the tokens."""
    tokens = data.pop("tokens", []) or []
    tokens = [tokens] if isinstance(tokens, str) else list(tokens)
    raw = data.pop("raw", []) or []
    raw = "".join([raw] if isinstance(raw, str) else raw)
    append = data.pop("append", False)
    nonword = data.pop("nonword", False)
    body = "|".join(str(t) for t in tokens)
    head = f"(?:\\b(?:{body})\\b)" if tokens and not nonword else f"(?:{body})"
    # Vale compiles the pattern multi-line: `^` and `$` match at every line (a `raw` scope
    # reads the whole file).
    data["tokens"] = ["(?m:" + (head + raw if append else raw + head) + ")"]
    data["nonword"] = True
    return data


def _title_style(doc: LocatedYaml, data: dict[str, Any]) -> dict[str, Any]:
    """Vale's `style` of a `$title` rule: AP (the default) keeps the small words of
    lint/data/title_case.yaml in lower case, Chicago its prepositions too."""
    words = load_data("title_case")
    style = data.pop("style", words["default_style"])
    if style not in words["styles"]:
        raise doc.error(("style",), f"style must be one of {', '.join(words['styles'])}, "
                                    f"not {style!r}")
    if data.get("match") == "$title":
        data["small_words"] = [w for name in words["styles"][style] for w in words[name]]
    return data


def _bounded(data: dict[str, Any]) -> dict[str, Any]:
    """Substitution keys word-bounded with `\\b` as Vale bounds them (not newslint's
    letter-based bounds), so a key starting or ending with punctuation matches as in Vale."""
    if not data.pop("nonword", False) and isinstance(data.get("swap"), dict):
        data["swap"] = {f"\\b(?:{k})\\b": v for k, v in data["swap"].items()}
    data["nonword"] = True
    return data


def load_style(folder: Path, accept: Sequence[str] = (),
               limits: dict[str, int] | None = None) -> tuple[list[RuleSpec], list[InputError]]:
    """Every rule of a Vale style folder; a rule that cannot load is an error, the rest load.

    `limits`, when given, receives each rule's Vale `limit` by rule id (those above 0).
    """
    specs: list[RuleSpec] = []
    errors: list[InputError] = []
    for path in sorted(folder.glob("*.yml")) + sorted(folder.glob("*.yaml")):
        try:
            spec, limit = load_vale_rule_and_limit(path, folder.name, accept)
            specs.append(spec)
            if limits is not None and limit:
                limits[spec.id] = limit
        except InputError as exc:
            errors.append(exc)
    return specs, errors
