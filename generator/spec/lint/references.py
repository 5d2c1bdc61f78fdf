"""Rules on references: types parse, named models and auth schemes exist, all used.

A model can be named by a type expression (returns, parameter and field types), a
union variant, ``errors.model`` or an oauth2 scheme's ``token_model``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostic
from generator.spec.elements import JsonPath, describe
from generator.spec.lint.context import Context, field_path
from generator.spec.typeexpr import TypeSyntaxError, parse_type


def type_uses(ctx: Context) -> Iterator[tuple[JsonPath, str]]:
    """(path of a 'type'/'returns' value, its text) for every type expression."""
    for operation in ctx.operations:
        if "returns" in operation.data:
            yield (*operation.path, "returns"), str(operation.data["returns"])
        for at, parameter in operation.parameters():
            yield (*at, "type"), str(parameter["type"])
    for model, name, field in ctx.fields():
        yield (*field_path(model, name), "type"), str(field["type"])


def model_uses(ctx: Context) -> Iterator[tuple[JsonPath, str]]:
    """(path, model name) for every place a model is named, types included."""
    for at, text in type_uses(ctx):
        try:
            yield from ((at, name) for name in parse_type(text).models())
        except TypeSyntaxError:
            continue
    for model, body in ctx.models.items():
        variants = body.get("union", {}).get("variants", [])
        for index, variant in enumerate(variants):
            at = ("models", model, "union", "variants", index, "model")
            yield at, str(variant["model"])
    if "model" in ctx.document.get("errors", {}):
        yield ("errors", "model"), str(ctx.document["errors"]["model"])
    for name, scheme in ctx.document.get("auth", {}).items():
        if "token_model" in scheme:
            yield ("auth", name, "token_model"), str(scheme["token_model"])


def check_types_parse(ctx: Context) -> Iterator[Diagnostic]:
    for at, text in type_uses(ctx):
        try:
            parse_type(text)
        except TypeSyntaxError as err:
            element, _ = describe(at, ctx.document)
            yield ctx.report("SPEC121", at, f"in {element}: {err}")


def check_models_exist(ctx: Context) -> Iterator[Diagnostic]:
    known = sorted(ctx.models)
    for at, name in model_uses(ctx):
        if name in ctx.models:
            continue
        element, _ = describe(at, ctx.document)
        message = f"{element} refers to model '{name}', which is not defined"
        yield ctx.report("SPEC122", at, message, _suggest(name, known, "models"))


def _suggest(name: str, known: list[str], section: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"define it under '{section}'"


def check_auth_exists(ctx: Context) -> Iterator[Diagnostic]:
    schemes = sorted(ctx.document.get("auth", {}))
    lists: list[tuple[JsonPath, Any]] = [
        (("defaults", "auth"), ctx.document.get("defaults", {}).get("auth", []))
    ]
    lists += [((*op.path, "auth"), op.data.get("auth", [])) for op in ctx.operations]
    for at, names in lists:
        for index, name in enumerate(names):
            if name in schemes:
                continue
            element, _ = describe(at, ctx.document)
            message = f"{element} accepts auth scheme '{name}', which is not defined"
            hint = _suggest(name, schemes, "auth")
            yield ctx.report("SPEC123", (*at, index), message, hint)


def check_replacements(ctx: Context) -> Iterator[Diagnostic]:
    labels = sorted(op.label for op in ctx.operations)
    for operation in ctx.operations:
        replacement = operation.data.get("deprecated", {}).get("replacement")
        if replacement is None:
            continue
        at = (*operation.path, "deprecated", "replacement")
        if replacement == operation.label:
            message = f"operation {operation.label} names itself as its replacement"
            yield ctx.report("SPEC124", at, message, "name another operation")
        elif replacement not in labels:
            message = f"operation {operation.label} is replaced by '{replacement}', "
            message += "which is not an operation"
            hint = _suggest(replacement, labels, "resources")
            yield ctx.report("SPEC124", at, message, hint)


def check_unused_models(ctx: Context) -> Iterator[Diagnostic]:
    """Models no operation, error body or token can reach: likely leftovers."""
    reached = _reachable(ctx)
    for model in ctx.models:
        if model not in reached:
            message = f"model {model} is not used by any operation"
            hint = "remove it, or refer to it from a 'returns', a field or a union"
            yield ctx.report("SPEC125", ("models", model), message, hint, at_key=True)


def _reachable(ctx: Context) -> set[str]:
    edges: dict[str, set[str]] = {model: set() for model in ctx.models}
    roots: list[str] = []
    for at, name in model_uses(ctx):
        if at[0] == "models":
            edges.setdefault(str(at[1]), set()).add(name)
        else:
            roots.append(name)
    reached: set[str] = set()
    while roots:
        model = roots.pop()
        if model not in reached:
            reached.add(model)
            roots.extend(edges.get(model, ()))
    return reached
