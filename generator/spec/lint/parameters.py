"""Rules on parameters: where they may go, and defaults and enums that fit their type.

GET and DELETE requests carry no body here, so form and file parameters (both sent
in the body) have nowhere to go; files go in multipart bodies of POST/PUT/PATCH.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostic
from generator.spec.elements import JsonPath
from generator.spec.lint.context import Context
from generator.spec.lint.values import describe_mismatch
from generator.spec.types import Operation, Parameter

_NO_BODY = frozenset({"GET", "DELETE", "HEAD", "OPTIONS"})
_FILE_METHODS = frozenset({"POST", "PUT", "PATCH"})
_HTTP_TOKEN = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+\Z")  # RFC 9110's tchar


def check_placement(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC131-133, SPEC139: parameters where their method or type cannot carry them."""
    for operation, parameter in ctx.parameters():
        yield from _placement(ctx, operation, parameter)


def _placement(
    ctx: Context, operation: Operation, parameter: Parameter
) -> Iterator[Diagnostic]:
    at, element = parameter.where, parameter.element
    where, kind, method = (*at, "in"), parameter.location, operation.method
    if kind == "form" and method in _NO_BODY:
        message = f"{element} is a form field, but {method} requests have no body"
        yield ctx.report("SPEC131", where, message, "use 'in: query'")
    if kind == "header" and not _HTTP_TOKEN.match(parameter.name):
        message = f"{element} is a header, but '{parameter.name}' is no HTTP "
        message += "header name"
        hint = "a header name holds letters, digits and !#$%&'*+-.^_`|~ only"
        yield ctx.report("SPEC140", (*at, "name"), message, hint)
    if kind == "file" and method not in _FILE_METHODS:
        message = f"{element} is a file upload, which needs POST, PUT or PATCH, "
        message += f"not {method}"
        yield ctx.report("SPEC132", where, message, "change the operation's method")
    if (kind == "file") != (parameter.type == "file"):
        message = f"{element} has 'in: {kind}' and 'type: {parameter.type}'"
        hint = "uploads need both 'in: file' and 'type: file'; other values neither"
        yield ctx.report("SPEC133", where, message, hint)
    # Written 'required: false' on a path parameter that has no default to fill it.
    optional = "required" in parameter.written and not parameter.required
    if kind == "path" and optional and not parameter.has_default:
        message = f"{element} is a path parameter, which is always required "
        message += "unless it has a default"
        yield ctx.report("SPEC139", (*at, "required"), message, _OPTIONAL_PATH)


_OPTIONAL_PATH = "remove 'required: false', or give the parameter a default"


def check_defaults(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC134/135/137: defaults that never apply or do not fit their type or enum."""
    for _, parameter in ctx.parameters():
        yield from _default(ctx, parameter)


def _default(ctx: Context, parameter: Parameter) -> Iterator[Diagnostic]:
    if not parameter.has_default:
        return
    element = parameter.element
    default, where = parameter.default, (*parameter.where, "default")
    if "required" in parameter.written and parameter.required:
        message = f"{element} is required, so its default is never used"
        hint = "remove 'required: true' (a default makes it optional) or the default"
        yield ctx.report("SPEC137", where, message, hint)
    mismatch = describe_mismatch(default, parameter.type)
    if mismatch:
        yield ctx.report("SPEC134", where, f"default of {element} {mismatch}")
    elif "enum" in parameter.written and default not in parameter.enum:
        allowed = ", ".join(repr(v) for v in parameter.enum)
        message = f"default {default!r} of {element} is not one of its enum values"
        yield ctx.report("SPEC135", where, message, f"use one of {allowed}")


def check_enums(ctx: Context) -> Iterator[Diagnostic]:
    """Enum values of parameters and fields must fit the declared type."""
    owners: list[tuple[JsonPath, str, str, tuple[Any, ...]]] = [
        (p.where, p.element, p.type, p.enum) for _, p in ctx.parameters()
    ]
    owners += [(f.where, f.element, f.type, f.enum) for f in ctx.fields()]
    for at, element, type_text, values in owners:
        for index, value in enumerate(values):
            mismatch = describe_mismatch(value, type_text)
            if mismatch:
                message = f"enum value {value!r} of {element} {mismatch}"
                yield ctx.report("SPEC136", (*at, "enum", index), message)


def check_upload_kinds(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC138: an upload_kind on a non-file parameter, or naming no parameter."""
    for operation in ctx.operations:
        names = {p.name for p in operation.parameters}
        for parameter in operation.parameters:
            upload = parameter.upload_kind
            if upload is None:
                continue
            element = parameter.element
            where = (*parameter.where, "upload_kind")
            if parameter.location != "file":
                message = f"{element} has 'upload_kind' but is not a file parameter"
                yield ctx.report("SPEC138", where, message, "remove 'upload_kind'")
            if upload.parameter == parameter.name:
                message = f"'upload_kind' of {element} names the file itself"
                hint = "name the sibling form parameter that carries the kind"
                yield ctx.report("SPEC138", (*where, "parameter"), message, hint)
            if "file" not in dict(upload.values):
                message = f"'upload_kind' of {element} has no value for 'file'"
                hint = "add values.file: the value the API expects for raw bytes"
                yield ctx.report("SPEC138", (*where, "values"), message, hint)
            if upload.parameter not in names:
                message = f"'upload_kind' of {element} names parameter "
                message += (
                    f"'{upload.parameter}', which {operation.label} does not have"
                )
                yield ctx.report("SPEC138", (*where, "parameter"), message)
