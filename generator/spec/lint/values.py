"""Whether a literal (a default, an enum or discriminator value) fits its type.

Shared by the parameter and model rules. Only primitives take literals; a list
type's literals are checked against its items (enum values list allowed items).
"""

from __future__ import annotations

from typing import Any

from generator.spec.schema.words import describe_value, expected_type
from generator.spec.typeexpr import TypeRef, TypeSyntaxError, parse_type


def describe_mismatch(value: Any, type_text: str) -> str | None:
    """None if ``value`` fits ``type_text``, else the end of a sentence saying why."""
    try:
        ref = parse_type(type_text)
    except TypeSyntaxError:
        return None  # reported on its own by the type rule
    while ref.kind in ("list", "nullable") and ref.item is not None:
        ref = ref.item
    if ref.kind != "primitive" or ref.name == "file":
        return f"cannot be a literal: the type is {type_text}"
    if _fits(value, ref):
        return None
    wanted = expected_type(ref.name)
    return f"is {describe_value(value)}, not {wanted}"


def _fits(value: Any, ref: TypeRef) -> bool:
    if ref.name == "any":
        return True
    if isinstance(value, bool):
        return ref.name == "boolean"
    if ref.name == "integer":
        return isinstance(value, int)
    if ref.name == "number":
        return isinstance(value, (int, float))
    if ref.name in ("string", "date", "datetime", "uuid"):
        return isinstance(value, str)  # their wire form: ISO 8601 or UUID text
    if ref.name == "epoch":
        return isinstance(value, int)
    return False
