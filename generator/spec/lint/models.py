"""Rules on models: cycles that no data can satisfy, and well-formed unions.

A model whose required, non-nullable field holds another model (not a list or map
of them) cannot exist without that other model. If such references form a cycle,
no finite JSON document can build any model on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from generator.diagnostics import Diagnostic
from generator.spec.elements import JsonPath
from generator.spec.extends import all_fields
from generator.spec.lint.context import Context
from generator.spec.lint.values import describe_mismatch
from generator.spec.typeexpr import TypeSyntaxError, parse_type
from generator.spec.types import Model, Union


def check_required_cycles(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC151: models that need each other through required fields."""
    edges = _required_edges(ctx)
    reported: set[frozenset[str]] = set()
    for start in sorted(edges):
        cycle = _cycle_from(start, edges)
        if cycle is None or frozenset(cycle) in reported:
            continue
        reported.add(frozenset(cycle))
        steps = [f"{m}.{edges[m][n]}" for m, n in pairwise(cycle)]
        message = "models need each other through required fields, so none can be "
        message += "built: " + " -> ".join([*steps, cycle[0]])
        hint = "make one of these fields optional (required: false) or nullable"
        at: JsonPath = ("models", cycle[0], "fields", edges[cycle[0]][cycle[1]])
        yield ctx.report("SPEC151", at, message, hint)


def check_union_cycles(ctx: Context) -> Iterator[Diagnostic]:
    """Unions none of whose variants can be built, because each needs the union.

    An object model can be built when every model its required fields need can be;
    a union when any of its variants can. Whatever the fixpoint leaves out can
    never be built; cycles of object models alone are SPEC151's.
    """
    buildable: set[str] = set()
    needs = _required_edges(ctx)
    models = ctx.spec.models
    unions = {
        name: [v.model for v in model.union.variants]
        for name, model in models.items()
        if model.union is not None
    }
    changed = True
    while changed:
        changed = False
        for model in models:
            if model in buildable:
                continue
            if model in unions:
                ok = any(v in buildable or v not in models for v in unions[model])
            else:
                ok = all(n in buildable or n not in models for n in _needs(ctx, model))
            if ok:
                buildable.add(model)
                changed = True
    for model, variants in unions.items():
        if model in buildable or any(_cycle_from(v, needs) for v in variants):
            continue
        message = f"no variant of union {model} can be built: each needs, through "
        message += f"required fields, a {model} again ({', '.join(variants)})"
        hint = "make a field on the way optional (required: false) or nullable"
        yield ctx.report("SPEC156", ("models", model), message, hint, at_key=True)


def _needs(ctx: Context, model: str) -> list[str]:
    """Models (unions included) that required, non-nullable fields of ``model`` hold."""
    found = []
    for field in ctx.spec.models[model].fields or ():
        if not field.required or field.nullable:
            continue
        try:
            ref = parse_type(field.type)
        except TypeSyntaxError:
            continue
        if ref.kind == "model":
            found.append(str(ref.name))
    return found


def _required_edges(ctx: Context) -> dict[str, dict[str, str]]:
    """model -> {model it cannot exist without: the field that needs it}."""
    edges: dict[str, dict[str, str]] = {}
    for field in ctx.fields():
        if not field.required or field.nullable:
            continue
        try:
            ref = parse_type(field.type)
        except TypeSyntaxError:
            continue
        target = ctx.spec.models.get(ref.name) if ref.kind == "model" else None
        # A union can be built from any variant, so it is not a hard need.
        if target is not None and target.fields is not None:
            edges.setdefault(field.model, {}).setdefault(ref.name, field.name)
    return edges


def _cycle_from(start: str, edges: dict[str, dict[str, str]]) -> list[str] | None:
    """The smallest cycle back to ``start`` as [start, ..., start], by breadth first."""
    paths = {start: [start]}
    queue = [start]
    for model in queue:
        for target in sorted(edges.get(model, {})):
            if target == start:
                return [*paths[model], start]
            if target not in paths:
                paths[target] = [*paths[model], target]
                queue.append(target)
    return None


def check_unions(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC152-155: variants that are unions, lack the discriminator, misuse values."""
    for model in ctx.spec.models.values():
        if model.union is not None:
            yield from _check_union(ctx, model.name, model.union)


def _check_union(ctx: Context, model: str, union: Union) -> Iterator[Diagnostic]:
    discriminator = union.discriminator
    if discriminator is None:
        return  # told apart by shape: lint/shapes.py checks those
    seen: dict[Any, str] = {}
    for variant in union.variants:
        at = variant.where
        name, value = variant.model, variant.value
        # bool is an int in Python: keep true and 1 apart.
        key = (type(value) is bool, value)
        if key in seen:
            message = f"union {model} maps value {value!r} to both {seen[key]} "
            message += f"and {name}"
            yield ctx.report("SPEC154", (*at, "value"), message, "give each its own")
        seen.setdefault(key, name)
        target = ctx.spec.models.get(name)
        if target is None:
            continue  # reported as an unknown model
        yield from _check_variant(ctx, model, at, target, discriminator, value)


def _check_variant(
    ctx: Context,
    union: str,
    at: JsonPath,
    target: Model,
    discriminator: str,
    value: Any,
) -> Iterator[Diagnostic]:
    name = target.name
    if target.union is not None:
        message = f"variant {name} of union {union} is itself a union"
        yield ctx.report("SPEC152", (*at, "model"), message, "list its variants here")
        return
    # A field it extends counts: allOf composition is how documents share 'type'.
    fields = all_fields(ctx.spec, target) if target.fields is not None else ()
    field = next((f for f in fields if f.name == discriminator), None)
    if field is None:
        message = f"variant {name} of union {union} has no field '{discriminator}'"
        hint = f"add '{discriminator}' to model {name}'s fields"
        yield ctx.report("SPEC153", (*at, "model"), message, hint)
        return
    mismatch = describe_mismatch(value, field.type)
    if mismatch:
        message = f"discriminator value {value!r} for {name} in union {union} "
        message += f"{mismatch} (the type of {name}.{discriminator})"
        yield ctx.report("SPEC155", (*at, "value"), message)
