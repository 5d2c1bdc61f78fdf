"""A model's fields with those it inherits through ``extends`` (OpenAPI allOf).

The SDK flattens inheritance: a generated class holds every field itself (no
subclassing, so required and optional fields order freely), and the OpenAPI
export keeps the ``allOf`` of the bases. Shared by the model builder and lint.
"""

from __future__ import annotations

from generator.spec.types import Field, Model, Spec

__all__ = ["all_fields"]


def all_fields(spec: Spec, model: Model) -> tuple[Field, ...]:
    """The fields of ``model`` with those of its ``extends`` bases, flattened.

    Bases first, in order (recursively), then the model's own; a later field with
    the same JSON name replaces an earlier one where it stood. A base that is not
    an object model, or a cycle, contributes nothing (lint reports both).
    """
    merged: dict[str, Field] = {}

    def add(current: Model, seen: frozenset[str]) -> None:
        for base in current.extends:
            target = spec.models.get(base)
            if target is not None and target.fields is not None and base not in seen:
                add(target, seen | {base})
        for field in current.fields or ():
            merged[field.name] = field

    add(model, frozenset({model.name}))
    return tuple(merged.values())
