"""Rules on names: every name the SDK will use must be a distinct Python identifier.

Names are normalised exactly as the model stage will (``generator.naming``): the
``python_name`` if given, else the wire or JSON name, with keywords getting ``_``.
Two spec names that normalise to one Python name would silently shadow each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from generator.diagnostics import Diagnostic
from generator.naming import python_identifier
from generator.spec.elements import JsonPath
from generator.spec.lint.context import Context
from generator.spec.types import Field, Operation, Parameter


def check_parameter_names(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC111/112: parameter names that are not identifiers or clash in Python."""
    for operation in ctx.operations:
        where = f"of {operation.label}"
        yield from _unique(ctx, operation.parameters, "parameter", where, "SPEC112")


def check_field_names(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC111/113: field names that are not identifiers or clash in Python."""
    for model in ctx.spec.models.values():
        fields = model.fields or ()
        yield from _unique(ctx, fields, "field", f"of model {model.name}", "SPEC113")


def _unique(
    ctx: Context,
    entries: Iterable[Parameter | Field],
    kind: str,
    where: str,
    code: str,
) -> Iterator[Diagnostic]:
    """Report names that are not identifiers (SPEC111) or clash after normalising."""
    taken: dict[str, str] = {}
    for entry in entries:
        at, name = entry.where, entry.name
        spec_name = entry.python_name or name
        try:
            python_name = python_identifier(spec_name)
        except ValueError:
            message = f"{kind} '{spec_name}' {where} is not a valid Python identifier"
            hint = f"set python_name, e.g. python_name: {_suggest_identifier(name)}"
            yield ctx.report("SPEC111", at, message, hint)
            continue
        if python_name not in taken:
            taken[python_name] = name
            continue
        first = taken[python_name]
        message = f"{kind} '{name}' {where} is declared twice"
        if first != name:
            message = f"{kind} '{name}' {where} becomes the Python name "
            message += f"'{python_name}', like {kind} '{first}'"
        yield ctx.report(code, at, message, "rename one, or set a python_name")


def _suggest_identifier(name: str) -> str:
    """``ids[]`` -> ``ids``, ``X-Trace`` -> ``x_trace``, ``2x`` -> ``value_2x``."""
    words = re.sub(r"[^A-Za-z0-9]+", " ", name).split()
    suggestion = "_".join(words).lower() or "value"
    return "value_" + suggestion if suggestion[0].isdigit() else suggestion


def check_operation_names(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC114/116: operation methods clashing with others or the resource's own."""
    by_resource: dict[str, list[Operation]] = {}
    for operation in ctx.operations:
        by_resource.setdefault(operation.resource, []).append(operation)
    for operations in by_resource.values():
        yield from _operation_clashes(ctx, operations)


def _operation_clashes(
    ctx: Context, operations: list[Operation]
) -> Iterator[Diagnostic]:
    names: dict[str, Operation] = {}
    for operation in operations:
        names.setdefault(python_identifier(operation.name), operation)
    for operation in operations:
        python_name = python_identifier(operation.name)
        owner = names[python_name]
        if owner is not operation:
            message = f"operation {operation.label} becomes the Python method "
            message += f"'{python_name}', like operation {owner.label}"
            yield ctx.report("SPEC116", operation.where, message, "rename one of them")
        if operation.paginate is not None and f"iter_{operation.name}" in names:
            other = names[f"iter_{operation.name}"]
            message = f"paginated operation {operation.label} gets a method "
            message += f"'iter_{operation.name}', which is already operation "
            message += other.label
            yield ctx.report("SPEC114", operation.where, message, "rename one of them")


def check_resource_names(ctx: Context) -> Iterator[Diagnostic]:
    """``client.import_`` would serve both resource 'import' and 'import_'."""
    taken: dict[str, str] = {}
    for resource in (r.name for r in ctx.spec.resources):
        python_name = python_identifier(resource)
        first = taken.setdefault(python_name, resource)
        if first != resource:
            message = f"resource {resource} becomes the client attribute "
            message += f"'{python_name}', like resource {first}"
            at = ("resources", resource)
            yield ctx.report("SPEC119", at, message, "rename one of them", at_key=True)


def check_model_names(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC115: model names Python reserves or the client classes take."""
    client = ctx.spec.api.client_class
    taken = {client: "the client class", f"Async{client}": "the async client class"}
    for model in ctx.spec.models:
        at = ("models", model)
        if python_identifier(model) != model:
            message = f"model name '{model}' is reserved in Python"
            yield ctx.report("SPEC115", at, message, "rename the model", at_key=True)
        elif model in taken:
            message = f"model name '{model}' is the name of {taken[model]}"
            hint = "rename the model or api.client_class"
            yield ctx.report("SPEC115", at, message, hint, at_key=True)


def check_auth_arguments(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC117: two auth schemes with one constructor argument."""
    entries = [(s.where, s.name, s.argument) for s in ctx.spec.auth.values()]
    # An http_basic scheme's password argument is one more argument of the client.
    entries += [
        (s.where, s.name, s.password_argument)
        for s in ctx.spec.auth.values()
        if s.password_argument
    ]
    yield from _shared_value(ctx, entries, "argument", "auth scheme", "SPEC117")


def check_rate_limit_attributes(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC118: two rate-limit headers with one attribute."""
    entries = [(h.where, h.header, h.attribute) for h in ctx.spec.rate_limits]
    yield from _shared_value(ctx, entries, "attribute", "rate-limit header", "SPEC118")


def _shared_value(
    ctx: Context,
    entries: list[tuple[JsonPath, str, str]],
    key: str,
    kind: str,
    code: str,
) -> Iterator[Diagnostic]:
    """Report entries whose ``key`` (given as ``value``) repeats an earlier one's."""
    owners: dict[str, str] = {}
    for at, name, value in entries:
        if value not in owners:
            owners[value] = name
            continue
        message = f"{kind} '{name}' uses {key} '{value}', like "
        message += f"{kind} '{owners[value]}'"
        yield ctx.report(code, (*at, key), message, f"give each its own {key}")
