"""Find the files sdkgen ships besides its code: the spec schema and the templates.

In an installed wheel they live inside the package (``generator/_schema``,
``generator/_templates``, see pyproject's force-include); in an editable checkout they
stay where the repository keeps them (``spec/``, ``templates/``). Every stage asks
here instead of guessing paths.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent
_REPOSITORY = _PACKAGE.parent


def schema_path() -> Path:
    """The spec's JSON Schema."""
    bundled = _PACKAGE / "_schema" / "sdkgen.schema.json"
    return bundled if bundled.is_file() else _REPOSITORY / "spec" / "sdkgen.schema.json"


def templates_dir() -> Path:
    """The folder of Jinja2 templates the render stage reads."""
    bundled = _PACKAGE / "_templates"
    return bundled if bundled.is_dir() else _REPOSITORY / "templates"


@cache
def load_schema() -> dict[str, Any]:
    """The parsed JSON Schema, read once per process."""
    with schema_path().open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema
