"""Rules on parameters: where they may go, and defaults and enums that fit their type.

GET and DELETE requests carry no body here, so form and file parameters (both sent
in the body) have nowhere to go; files go in multipart bodies of POST/PUT/PATCH.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostic
from generator.lint.context import Context, Operation, field_path
from generator.lint.values import describe_mismatch
from generator.spec_elements import JsonPath, describe

_NO_BODY = frozenset({"GET", "DELETE"})
_FILE_METHODS = frozenset({"POST", "PUT", "PATCH"})


def check_placement(ctx: Context) -> Iterator[Diagnostic]:
    for operation in ctx.operations:
        for at, parameter in operation.parameters():
            yield from _placement(ctx, operation, at, parameter)


def _placement(
    ctx: Context, operation: Operation, at: JsonPath, parameter: dict[str, Any]
) -> Iterator[Diagnostic]:
    where, kind, method = (*at, "in"), parameter["in"], operation.method
    element, _ = describe(at, ctx.document)
    if kind == "form" and method in _NO_BODY:
        message = f"{element} is a form field, but {method} requests have no body"
        yield ctx.report("SPEC131", where, message, "use 'in: query'")
    if kind == "file" and method not in _FILE_METHODS:
        message = f"{element} is a file upload, which needs POST, PUT or PATCH, "
        message += f"not {method}"
        yield ctx.report("SPEC132", where, message, "change the operation's method")
    if (kind == "file") != (parameter["type"] == "file"):
        message = f"{element} has 'in: {kind}' and 'type: {parameter['type']}'"
        hint = "uploads need both 'in: file' and 'type: file'; other values neither"
        yield ctx.report("SPEC133", where, message, hint)
    optional = parameter.get("required") is False and "default" not in parameter
    if kind == "path" and optional:
        message = f"{element} is a path parameter, which is always required "
        message += "unless it has a default"
        yield ctx.report("SPEC139", (*at, "required"), message, _OPTIONAL_PATH)


_OPTIONAL_PATH = "remove 'required: false', or give the parameter a default"


def check_defaults(ctx: Context) -> Iterator[Diagnostic]:
    for operation in ctx.operations:
        for at, parameter in operation.parameters():
            yield from _default(ctx, at, parameter)


def _default(
    ctx: Context, at: JsonPath, parameter: dict[str, Any]
) -> Iterator[Diagnostic]:
    if "default" not in parameter:
        return
    element, _ = describe(at, ctx.document)
    default, where = parameter["default"], (*at, "default")
    if parameter.get("required") is True:
        message = f"{element} is required, so its default is never used"
        hint = "remove 'required: true' (a default makes it optional) or the default"
        yield ctx.report("SPEC137", where, message, hint)
    mismatch = describe_mismatch(default, str(parameter["type"]))
    if mismatch:
        yield ctx.report("SPEC134", where, f"default of {element} {mismatch}")
    elif "enum" in parameter and default not in parameter["enum"]:
        allowed = ", ".join(repr(v) for v in parameter["enum"])
        message = f"default {default!r} of {element} is not one of its enum values"
        yield ctx.report("SPEC135", where, message, f"use one of {allowed}")


def check_enums(ctx: Context) -> Iterator[Diagnostic]:
    """Enum values of parameters and fields must fit the declared type."""
    owners: list[tuple[JsonPath, dict[str, Any]]] = [
        (at, p) for op in ctx.operations for at, p in op.parameters()
    ]
    owners += [(field_path(m, n), f) for m, n, f in ctx.fields()]
    for at, owner in owners:
        for index, value in enumerate(owner.get("enum", [])):
            mismatch = describe_mismatch(value, str(owner["type"]))
            if mismatch:
                element, _ = describe(at, ctx.document)
                message = f"enum value {value!r} of {element} {mismatch}"
                yield ctx.report("SPEC136", (*at, "enum", index), message)


def check_upload_kinds(ctx: Context) -> Iterator[Diagnostic]:
    for operation in ctx.operations:
        names = {str(p["name"]) for _, p in operation.parameters()}
        for at, parameter in operation.parameters():
            if "upload_kind" not in parameter:
                continue
            element, _ = describe(at, ctx.document)
            where = (*at, "upload_kind")
            if parameter["in"] != "file":
                message = f"{element} has 'upload_kind' but is not a file parameter"
                yield ctx.report("SPEC138", where, message, "remove 'upload_kind'")
            sibling = str(parameter["upload_kind"]["parameter"])
            if sibling == str(parameter["name"]):
                message = f"'upload_kind' of {element} names the file itself"
                hint = "name the sibling form parameter that carries the kind"
                yield ctx.report("SPEC138", (*where, "parameter"), message, hint)
            if "file" not in parameter["upload_kind"].get("values", {}):
                message = f"'upload_kind' of {element} has no value for 'file'"
                hint = "add values.file: the value the API expects for raw bytes"
                yield ctx.report("SPEC138", (*where, "values"), message, hint)
            if sibling not in names:
                message = f"'upload_kind' of {element} names parameter '{sibling}', "
                message += f"which {operation.label} does not have"
                yield ctx.report("SPEC138", (*where, "parameter"), message)
