"""Check a draft against the spec's JSON Schema before it is handed to the user.

A draft that breaks the schema is an importer bug, never the document's fault: the
command reports it so it is found at once instead of at ``sdkgen validate``.
"""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator

from generator.importer.emit import schema_path


def schema_problems(draft: dict[str, Any]) -> list[str]:
    """Schema errors of ``draft`` as ``$.json.path: message`` lines (empty if none)."""
    schema = schema_path()
    if schema is None:
        return []
    validator = Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))
    errors = sorted(validator.iter_errors(draft), key=lambda error: error.json_path)
    return [f"{error.json_path}: {error.message}" for error in errors]
