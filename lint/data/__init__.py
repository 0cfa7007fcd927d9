"""Package data: YAML settings of the document model, loaded once."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from lint.yamlio import load_yaml_data


@functools.lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Load lint/data/<name>.yaml (cached; callers must not mutate the result)."""
    # Beside this file, as lint/packs.py finds the packs: importlib.resources would add
    # about 5 ms to every start (it imports zipfile, tempfile, shutil and compressors).
    path = Path(__file__).parent / f"{name}.yaml"
    # Through the bounded loader and its start-up store, like the rule packs: a start
    # parses none of these files again, and imports no YAML parser for them.
    return load_yaml_data(path.read_text(encoding="utf-8"), str(path))
