"""Rules on references: types parse, named models and auth schemes exist, all used.

A model can be named by a type expression (returns, parameter and field types), a
union variant, ``errors.model`` or an oauth2 scheme's ``token_model``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.spec.elements import JsonPath
from generator.spec.lint.context import Context
from generator.spec.typeexpr import TypeSyntaxError, parse_type


def type_uses(ctx: Context) -> Iterator[tuple[JsonPath, str, str]]:
    """(path of a 'type'/'returns' value, the element it is in, its text)."""
    for operation in ctx.operations:
        if operation.returns is not None:
            at = (*operation.where, "returns")
            yield at, f"operation {operation.label}", operation.returns
        for parameter in operation.parameters:
            yield (*parameter.where, "type"), parameter.element, parameter.type
        if operation.body is not None:
            body = operation.body
            yield (*body.where, "type"), f"the body of {operation.label}", body.type
        for response in operation.responses:
            element = f"response {response.status} of {operation.label}"
            if response.type is not None:
                yield (*response.where, "type"), element, response.type
            for header in response.headers:
                yield (*header.where, "type"), f"header of {element}", header.type
    for field in ctx.fields():
        yield (*field.where, "type"), field.element, field.type


def model_uses(ctx: Context) -> Iterator[tuple[JsonPath, str, str]]:
    """(path, element, model name) for every place a model is named."""
    for at, element, text in type_uses(ctx):
        try:
            yield from ((at, element, name) for name in parse_type(text).models())
        except TypeSyntaxError:
            continue
    for model in ctx.spec.models.values():
        for index, variant in enumerate(model.union.variants if model.union else ()):
            at = (*variant.where, "model")
            yield at, f"variant #{index + 1} of union {model.name}", variant.model
        for index, base in enumerate(model.extends):
            at = ("models", model.name, "extends", index)
            yield at, f"model {model.name}'s extends", base
    if ctx.spec.errors.model is not None:
        yield ("errors", "model"), "section 'errors'", ctx.spec.errors.model
    for scheme in ctx.spec.auth.values():
        if scheme.token_model is not None:
            at = (*scheme.where, "token_model")
            yield at, f"auth scheme '{scheme.name}'", scheme.token_model


def check_types_parse(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC121: type expressions that do not parse."""
    for at, element, text in type_uses(ctx):
        try:
            parse_type(text)
        except TypeSyntaxError as err:
            yield ctx.report("SPEC121", at, f"in {element}: {err}")


def check_models_exist(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC122: references to models the spec does not define."""
    known = sorted(ctx.spec.models)
    for at, element, name in model_uses(ctx):
        if name in ctx.spec.models:
            continue
        message = f"{element} refers to model '{name}', which is not defined"
        yield ctx.report("SPEC122", at, message, _suggest(name, known, "models"))


def _suggest(name: str, known: list[str], section: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"define it under '{section}'"


def check_auth_exists(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC123: auth lists naming schemes the spec does not define."""
    schemes = sorted(ctx.spec.auth)
    lists: list[tuple[JsonPath, str, tuple[str, ...]]] = [
        (("defaults", "auth"), "section 'defaults'", ctx.spec.defaults.auth)
    ]
    lists += [
        ((*op.where, "auth"), f"operation {op.label}", op.auth)
        for op in ctx.operations
        if "auth" in op.written  # the defaulted ones are checked as 'defaults'
    ]
    for at, element, names in lists:
        for index, name in enumerate(names):
            if name in schemes:
                continue
            message = f"{element} accepts auth scheme '{name}', which is not defined"
            hint = _suggest(name, schemes, "auth")
            yield ctx.report("SPEC123", (*at, index), message, hint)


def check_replacements(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC124: deprecation replacements that name no other operation."""
    labels = sorted(op.label for op in ctx.operations)
    for operation in ctx.operations:
        deprecated = operation.deprecated
        replacement = deprecated.replacement if deprecated else None
        if deprecated is None or replacement is None:
            continue
        at = (*deprecated.where, "replacement")
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
    for model in ctx.spec.models:
        if model not in reached:
            message = f"model {model} is not used by any operation"
            hint = "remove it, or refer to it from a 'returns', a field or a union"
            yield ctx.report("SPEC125", ("models", model), message, hint, at_key=True)


def _reachable(ctx: Context) -> set[str]:
    edges: dict[str, set[str]] = {model: set() for model in ctx.spec.models}
    roots: list[str] = []
    for at, _, name in model_uses(ctx):
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
