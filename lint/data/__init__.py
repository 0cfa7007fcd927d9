"""Package data: YAML settings of the document model, loaded once."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


@functools.lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Load lint/data/<name>.yaml (cached; callers must not mutate the result)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
