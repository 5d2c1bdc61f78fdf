"""Rules on declared responses and the richer types (spec format 2).

Responses: ``returns`` beside a declared success response, a 204 beside a typed
success (the method returns ``X | None``), a binary or text body typed as a
model. Types: ``nullable[nullable[T]]``, ``const`` values that do not fit their
field, ``extends`` that loops or names a union, and unions without a
discriminator whose variants cannot be told apart by shape.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from generator.diagnostics import Diagnostic
from generator.spec.extends import all_fields
from generator.spec.lint.context import Context
from generator.spec.lint.references import type_uses
from generator.spec.lint.values import describe_mismatch
from generator.spec.response_media import body_kind, shape_kind
from generator.spec.typeexpr import TypeRef, TypeSyntaxError, parse_type
from generator.spec.types import Field, Model, Operation

__all__ = [
    "check_const",
    "check_extends",
    "check_nested_nullable",
    "check_response_bodies",
    "check_shape_unions",
    "check_success_responses",
]


def check_success_responses(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC181: returns beside a success response; SPEC182: 204 beside a type."""
    for op in ctx.operations:
        success = [r for r in op.responses if r.is_success]
        if op.returns is not None and success:
            message = f"operation {op.label} has both 'returns' and a success "
            message += f"response ({success[0].status})"
            hint = "'returns' is the shorthand for the success response: keep one"
            yield ctx.report("SPEC181", (*op.where, "returns"), message, hint)
        typed = [r for r in success if r.type is not None]
        empty = [r for r in success if r.type is None]
        if typed and empty:
            yield _empty_beside_typed(ctx, op, empty[0].status, typed[0].status)


def _empty_beside_typed(
    ctx: Context, op: Operation, empty: str, typed: str
) -> Diagnostic:
    message = f"operation {op.label} answers {empty} without a body and {typed} "
    message += "with one, so its method returns 'X | None'"
    hint = "give every success response a type, or check for None in callers"
    return ctx.report("SPEC182", (*op.where, "responses", empty), message, hint)


def check_response_bodies(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC189: a binary or text response body typed as a model or container."""
    for op in ctx.operations:
        for response in op.responses:
            ref = _parse(response.type)
            if ref is None:
                continue
            kind = body_kind(response.media_type, ref)
            plain = ref.kind == "primitive" and ref.name in ("bytes", "string")
            if kind in ("bytes", "text") and not plain:
                wanted = "bytes" if kind == "bytes" else "string"
                message = f"response {response.status} of {op.label} is "
                message += f"{response.media_type}, which the SDK returns as "
                message += f"{wanted}, but its type is {response.type}"
                hint = f"use type: {wanted}, or a JSON media type"
                yield ctx.report("SPEC189", (*response.where, "type"), message, hint)


def check_nested_nullable(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC188: nullable[nullable[T]] says nothing more than nullable[T]."""
    for at, element, text in type_uses(ctx):
        ref = _parse(text)
        if ref is not None and _double_nullable(ref):
            message = f"in {element}: '{text}' wraps nullable[...] in nullable[...]"
            yield ctx.report("SPEC188", at, message, "write nullable[T] once")


def _double_nullable(ref: TypeRef) -> bool:
    item = ref.item
    if item is None:
        return False
    if ref.kind == "nullable" and item.kind == "nullable":
        return True
    return _double_nullable(item)


def check_const(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC187: a ``const`` that does not fit the field's type or its enum."""
    for field in ctx.fields():
        if not field.has_const:
            continue
        yield from _check_const(ctx, field)


def _check_const(ctx: Context, field: Field) -> Iterator[Diagnostic]:
    at = (*field.where, "const")
    ref = _parse(field.type)
    if ref is not None and ref.kind != "primitive":
        message = f"{field.element} has const {field.const!r} but its type "
        message += f"{field.type} takes no literal"
        yield ctx.report("SPEC187", at, message, "use a primitive type")
        return
    mismatch = describe_mismatch(field.const, field.type)
    if mismatch:
        message = f"{field.element}'s const {field.const!r} {mismatch}"
        yield ctx.report("SPEC187", at, message, f"give a {field.type} value")
    elif field.enum and field.const not in field.enum:
        message = f"{field.element}'s const {field.const!r} is not one of its enum"
        yield ctx.report("SPEC187", at, message, "drop the enum, or list the const")


def check_extends(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC185: extends loops back; SPEC186: extends names a union model."""
    models = ctx.spec.models
    reported: set[frozenset[str]] = set()
    for model in models.values():
        for index, base in enumerate(model.extends):
            target = models.get(base)
            if target is None:
                continue  # SPEC122 reports unknown models
            at = ("models", model.name, "extends", index)
            if target.union is not None:
                message = f"model {model.name} extends {base}, which is a union"
                hint = "extend object models only (a union has no fields to inherit)"
                yield ctx.report("SPEC186", at, message, hint)
                continue
            route = _route_back(models, base, model.name)
            if route is not None and frozenset(route) not in reported:
                reported.add(frozenset(route))
                message = "models extend each other in a cycle: "
                message += " -> ".join([model.name, *route])
                yield ctx.report("SPEC185", at, message, "break the cycle")


def _route_back(models: Mapping[str, Model], start: str, goal: str) -> list[str] | None:
    """Models from ``start`` along ``extends`` that reach ``goal``, or None."""
    paths = {start: [start]}
    queue = [start]
    for name in queue:
        if name == goal:
            return paths[name]
        current = models.get(name)
        for base in current.extends if current is not None else ():
            if base not in paths:
                paths[base] = [*paths[name], base]
                queue.append(base)
    return None


def check_shape_unions(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC184: a variant of a shape union that an earlier one always shadows.

    Variants are tried in order and the first whose required fields are present
    with the right kinds wins; if every required field of an earlier variant is
    also required, with the same kind, by a later one, the later is never chosen.
    """
    models = ctx.spec.models
    for model in models.values():
        union = model.union
        if union is None or union.discriminator is not None:
            continue
        shapes = [(v, _shape(ctx, models.get(v.model))) for v in union.variants]
        for index, (variant, shape) in enumerate(shapes):
            if shape is None:
                continue
            earlier = next(
                (
                    other.model
                    for other, other_shape in shapes[:index]
                    if other_shape is not None and other_shape.items() <= shape.items()
                ),
                None,
            )
            if earlier is not None:
                message = f"variant {variant.model} of union {model.name} is never "
                message += f"chosen: every object it fits also fits {earlier}, "
                message += "listed before it (unions without a discriminator pick "
                message += "the first variant whose required fields are present)"
                hint = "list the variant with more required fields first, or add a "
                hint += "discriminator"
                yield ctx.report("SPEC184", (*variant.where, "model"), message, hint)


def _shape(ctx: Context, model: Model | None) -> dict[str, str] | None:
    if model is None or model.fields is None:
        return None
    shape = {}
    for field in all_fields(ctx.spec, model):
        ref = _parse(field.type)
        if field.required and ref is not None:
            shape[field.name] = shape_kind(ref, field.nullable)
    return shape


def _parse(text: str | None) -> TypeRef | None:
    if text is None:
        return None
    try:
        return parse_type(text)
    except TypeSyntaxError:
        return None  # SPEC121 reports it
