"""Choosing the variant of a union without a discriminator, by the object's shape.

The documented rule: the variants are tried in the order the spec lists them, and
the first whose required fields are all present with values of the right JSON
kind is chosen ("string", "integer", "number", "boolean", "array", "object",
"any"; ",null" allows null). An object matching none raises
``ResponseValidationError`` naming the union.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ._exceptions import ResponseValidationError

__all__ = ["pick_by_shape"]


def _is_kind(value: Any, kind: str) -> bool:
    if kind == "any":
        return True
    if kind == "null":
        return value is None
    if kind == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if kind == "integer":
        return isinstance(value, int)
    if kind == "number":
        return isinstance(value, int | float)
    if kind == "string":
        return isinstance(value, str)
    if kind == "array":
        return isinstance(value, list)
    return kind == "object" and isinstance(value, Mapping)


def _fits(data: Mapping[str, Any], required: Mapping[str, str]) -> bool:
    for key, kinds in required.items():
        if key not in data:
            return False
        if not any(_is_kind(data[key], kind) for kind in kinds.split(",")):
            return False
    return True


def pick_by_shape(
    data: Mapping[str, Any],
    variants: Sequence[tuple[Any, Mapping[str, str]]],
    union: str,
) -> Any:
    """The first variant class (in spec order) whose required fields ``data`` has."""
    for cls, required in variants:
        if _fits(data, required):
            return cls
    keys = ", ".join(sorted(map(str, data))) or "none"
    raise ResponseValidationError(
        f"{union}: the object fits no variant (its keys: {keys})"
    )
