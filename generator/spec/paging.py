"""What a paginated operation yields: following ``items`` through the models.

An operation whose payload is an object (Stripe's ``{"data": [...], "has_more":
...}``) names the list inside it with ``paginate.items``, a dotted path of JSON
keys. The lint rules (is the path valid?) and the model builder (what does the
iterator yield, which attributes lead there?) both walk it the same way, here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.spec.typeexpr import TypeRef, TypeSyntaxError, parse_type
from generator.spec.types import Field, Operation, Spec

__all__ = ["ItemsPath", "items_path"]


@dataclass(frozen=True, slots=True)
class ItemsPath:
    """The list an iterator yields from: its fields on the way and its type.

    ``error`` is set (and the rest empty) when the path cannot be followed.
    """

    fields: tuple[Field, ...] = ()
    list_type: TypeRef | None = None
    error: str = ""


def items_path(spec: Spec, op: Operation) -> ItemsPath:
    """Follow ``op.paginate.items`` from the return type to a list type."""
    paginate = op.paginate
    returns = op.result_type
    if paginate is None or returns is None:
        return ItemsPath(error="the operation returns nothing")
    try:
        node = parse_type(returns)
    except TypeSyntaxError:
        return ItemsPath(error="its return type is not a type expression")
    fields: list[Field] = []
    for key in (paginate.items or "").split(".") if paginate.items else ():
        model = spec.models.get(node.name) if node.kind == "model" else None
        if model is None or model.fields is None:
            return ItemsPath(error=f"'{node}' is no object model with a key '{key}'")
        field = next((f for f in model.fields if f.name == key), None)
        if field is None:
            known = ", ".join(f.name for f in model.fields) or "no fields"
            return ItemsPath(error=f"model {model.name} has no field '{key}' ({known})")
        try:
            node = parse_type(field.type)
        except TypeSyntaxError:
            return ItemsPath(error=f"field {model.name}.{key} has no valid type")
        fields.append(field)
    if node.kind != "list" or node.item is None:
        return ItemsPath(error=f"it leads to '{node}', not a list")
    return ItemsPath(fields=tuple(fields), list_type=node)
