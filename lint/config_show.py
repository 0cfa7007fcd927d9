"""`newslint config PATH`: a file's effective configuration and where each setting comes from."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from lint.config import Config, RuleSetting
from lint.config_discovery import settings_origin
from lint.linter_pool import LinterPool
from lint.vale.ini import find_ini
from lint.vale.rules import LEVELS
from lint.yamlio import InputError, PathKey


def show_config(path: str, explicit: str | None, out: IO[str], err: IO[str],
                report_errors: Callable[[Sequence[InputError]], int] | Any) -> int:
    """Print the configuration `newslint check PATH` would use; exit 2 on its errors."""
    pool = LinterPool(explicit)
    # A folder is shown as a file inside it would be configured.
    probe = os.path.join(path, "_") if os.path.isdir(path) else path
    linter = pool.linter_for(probe)
    if linter is None:
        return report_errors(pool.errors, err)
    config = linter.config
    chain = pool.resolver.chain_for(probe)
    out.write(f"{path}: configuration files, outermost first"
              f"{' (--config)' if explicit else ''}:\n")
    out.writelines(f"  {_shown(str(p))}\n" for p in chain)
    if not chain:
        out.write("  (none: built-in defaults)\n")
    out.write("\n")

    def line(label: str, value: Any, key: PathKey) -> None:
        out.write(f"{label}: {_value(value)}  # {_origin(config, key)}\n")

    ini = config.vale if config.vale is not None else (
        None if chain or explicit else find_ini(Path.cwd()))
    if ini is not None and config.vale is None:
        out.write("packs: none  # a Vale configuration and no newslint one: Vale's styles "
                  "run alone\n")
    else:
        line("packs", list(config.packs) if config.packs is not None else "all", ("packs",))
    line("rule_dirs", [_shown(str(d)) for d in config.rule_dirs], ("rule_dirs",))
    line("files.include", list(config.include), ("files", "include"))
    line("files.exclude", list(config.exclude), ("files", "exclude"))
    line("min_severity", config.min_severity.label if config.min_severity else "none",
         ("min_severity",))
    language, language_from = config.language, _origin(config, ("language",))
    matching = linter.overrides_for(probe)
    for index in matching:
        override = config.overrides[index]
        if override.language is not None:
            language, language_from = override.language, _override_origin(override)
    out.write(f"language: {language}  # {language_from}\n")
    out.write("rules:\n")
    settings: list[tuple[RuleSetting, str]] = [(s, "") for s in config.rules]
    for index in matching:
        override = config.overrides[index]
        settings += [(s, f", for {', '.join(override.files)}") for s in override.rules]
    if not settings:
        out.write("  (none: every rule of the enabled packs at its own severity)\n")
    for setting, scope in settings:
        file, row, column = setting.where
        out.write(f"  {setting.reference}: {_setting(setting)}  "
                  f"# {_shown(file)}:{row}:{column}{scope}\n")
    if config.lexicons:
        out.write("lexicons:\n")
        for lang, lists in config.lexicons.items():
            for name, entries in lists.items():
                out.write(f"  {lang}.{name}: {_value(entries)}  "
                          f"# {_origin(config, ('lexicons', lang, name))}\n")
    if ini is not None:
        _show_vale(ini, probe, config if config.vale is not None else None, out, err)
    return 0


def _show_vale(ini: Path, probe: str, base: Config | None, out: IO[str], err: IO[str]) -> None:
    """The Vale settings `newslint check` reads (as its `.vale.ini` lookup finds them):
    the file, StylesPath, the sections that apply to the path and each rule's level."""
    from lint.vale.linter import ValeLinter

    linter = ValeLinter(ini, base=base)
    for problem in linter.warnings:
        err.write(f"{_shown(problem.path)}:{problem.line}:{problem.column}: warning: "
                  f"{problem.message} (skipped)\n")
    vale = linter.vale
    where = _shown(str(vale.path))
    out.write(f"\nvale: {where}  # {'named by vale:' if base else 'no newslint configuration'}\n")
    styles_path = vale.styles_path or vale.path.parent
    out.write(f"StylesPath: {_shown(str(styles_path))}\n")
    out.write(f"MinAlertLevel: {vale.min_level}\n")
    if vale.vocab:
        out.write(f"Vocab: {_value(vale.vocab)}\n")
    sections = linter.sections_for(probe)
    out.write("sections that apply:\n")
    for index in sections:
        section = vale.sections[index]
        label = "(global)" if section.glob is None else f"[{section.glob}]"
        styles = f" BasedOnStyles = {', '.join(section.based_on)}" if section.based_on else ""
        out.write(f"  {label}{styles}  # {where}:{section.line or 1}\n")
    settings = linter.rule_settings(sections)
    out.write(f"vale rules ({sum(s is not None for s, _ in settings.values())} on):\n")
    if not settings:
        out.write("  (none)\n")
    for rule_id, (severity, line) in sorted(settings.items()):
        shown = "off" if severity is None else next(
            (vale_level for vale_level, ours in LEVELS.items() if ours == severity.label),
            severity.label)
        below = severity is not None and severity < linter.min_severity
        out.write(f"  {rule_id}: {shown}{' (below MinAlertLevel: not reported)' if below else ''}"
                  f"  # {where}:{line or 1}\n")


def _setting(setting: RuleSetting) -> str:
    if not setting.enabled:
        return "off"
    if not setting.options:
        return setting.severity.label if setting.severity else "on"
    parts = {"severity": setting.severity.label} if setting.severity else {}
    parts.update(setting.options)
    return _value(parts)


def _value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _origin(config: Config, key: PathKey) -> str:
    doc = settings_origin(config, key)
    if doc is None:
        return "default"
    row, column = doc.where(key, of_key=True)
    return f"{_shown(doc.path)}:{row}:{column}"


def _override_origin(override: Any) -> str:
    doc = override.located
    if doc is None:
        return "default"
    key = (*override.key, "language") if override.key else ("language",)
    row, column = doc.where(key, of_key=True)
    return f"{_shown(doc.path)}:{row}:{column}"


def _shown(path: str) -> str:
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if not relative.startswith(os.pardir):
            return relative
    return path
