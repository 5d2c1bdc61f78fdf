"""Rules on request bodies (``body:``) and what a body makes of a method's arguments.

A model body's fields become keyword arguments beside the operation's parameters,
with ``body`` and ``content_type`` as the body's own; a form or multipart body is
a mapping of fields; a raw body is bytes, a file or text. A parameter that needs
an object (a model or a map) has no wire form outside a body.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.naming import python_identifier
from generator.spec.elements import JsonPath
from generator.spec.lint.context import Context
from generator.spec.lint.identifiers import CALL_OPTIONS
from generator.spec.media import media_kind
from generator.spec.typeexpr import TypeRef, TypeSyntaxError, parse_type
from generator.spec.types import Body, Model, Operation

__all__ = [
    "check_body_arguments",
    "check_body_methods",
    "check_body_types",
    "check_field_access",
    "check_object_parameters",
]

_BODY_ARGUMENTS = ("body", "content_type")
_RAW_TYPES = {"binary": ("file", "bytes"), "text": ("string",)}


def check_body_methods(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC241/248: a body on GET/HEAD; a body beside form or file parameters."""
    for operation in ctx.operations:
        body = operation.body
        if body is None:
            continue
        if operation.method in ("GET", "HEAD"):
            message = f"operation {operation.label} sends a body with "
            message += f"{operation.method}, which many servers and proxies drop"
            hint = "use POST (or another method), or send the values as parameters"
            yield ctx.report("SPEC241", body.where, message, hint, at_key=True)
        in_body = [p for p in operation.parameters if p.location in ("form", "file")]
        if in_body:
            names = ", ".join(f"'{p.name}'" for p in in_body)
            message = f"operation {operation.label} has a body and form or file "
            message += f"parameters ({names}); a request has one body"
            hint = "move them into the body's model as fields"
            yield ctx.report("SPEC248", in_body[0].where, message, hint)


def check_body_types(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC242/243/246: body types that cannot be sent as the media type says."""
    for operation in ctx.operations:
        body = operation.body
        if body is None:
            continue
        ref = _parsed(body.type)
        if ref is None:
            continue  # SPEC121 reports it
        model = ctx.spec.models.get(ref.name) if ref.kind == "model" else None
        for index, media_type in enumerate(body.media_types):
            at = _media_at(body, index)
            yield from _check_media(ctx, operation, media_type, ref, model, at)


def _check_media(
    ctx: Context,
    operation: Operation,
    media_type: str,
    ref: TypeRef,
    model: Model | None,
    at: JsonPath,
) -> Iterator[Diagnostic]:
    kind = media_kind(media_type)
    label = operation.label
    if kind in _RAW_TYPES:
        allowed = _RAW_TYPES[kind]
        if not (ref.kind == "primitive" and ref.name in allowed):
            message = f"the body of {label} is sent as {media_type}, raw content, "
            message += f"but its type is '{ref}'"
            hint = "use type " + " or ".join(allowed)
            hint += ", or a JSON/form media type for a model"
            yield ctx.report("SPEC242", at, message, hint)
        return
    if ref == TypeRef("primitive", "file"):
        message = f"the body of {label} is a file sent as {media_type}"
        hint = "send a file as application/octet-stream (or as a multipart field)"
        yield ctx.report("SPEC242", at, message, hint)
        return
    is_object = model is not None and model.fields is not None
    if kind in ("form", "multipart") and not is_object and ref.kind != "map":
        message = f"the body of {label} is sent as {media_type}, a set of "
        message += f"named fields, but its type is '{ref}'"
        hint = "use an object model (or map[...]) as the body's type"
        yield ctx.report("SPEC246", at, message, hint)
    if kind == "multipart" and model is not None and not _has_file(model):
        message = f"the body of {label} is multipart, but model {model.name} "
        message += "has no field of type file"
        hint = "add a file field, or send it as application/x-www-form-urlencoded"
        yield ctx.report("SPEC243", at, message, hint)


def _has_file(model: Model) -> bool:
    return any(
        _parsed(f.type) == TypeRef("primitive", "file") for f in model.fields or ()
    )


def check_body_arguments(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC244/245: body fields that clash with a parameter or the body's own names."""
    for operation in ctx.operations:
        body = operation.body
        if body is None:
            continue
        taken = {python_identifier(p.python_name): p.name for p in operation.parameters}
        for name in _BODY_ARGUMENTS:
            if name in taken:
                param = next(
                    p
                    for p in operation.parameters
                    if python_identifier(p.python_name) == name
                )
                message = f"parameter '{param.name}' of {operation.label} takes the "
                message += f"Python name '{name}', which the body's argument uses"
                hint = f"set python_name on the parameter, e.g. {name}_param"
                yield ctx.report("SPEC245", param.where, message, hint)
        model = _body_model(ctx, body)
        for field in model.fields or () if model is not None else ():
            if field.read_only:
                continue  # never an argument
            name = python_identifier(field.python_name)
            if name in CALL_OPTIONS or name.startswith("_"):
                message = f"{field.element} becomes the keyword argument '{name}' "
                message += f"of {operation.label}, a name the method keeps for "
                message += "itself (a per-call option or a private name)"
                hint = f"set python_name on the field, e.g. python_name: {name}_value"
                yield ctx.report("SPEC250", field.where, message, hint, at_key=True)
            elif name in _BODY_ARGUMENTS:
                message = f"{field.element} becomes the keyword argument '{name}' "
                message += f"of {operation.label}, which the body itself uses"
                hint = f"set python_name on the field, e.g. python_name: {name}_text"
                yield ctx.report("SPEC245", field.where, message, hint, at_key=True)
            elif name in taken:
                message = f"{field.element} becomes the keyword argument '{name}' "
                message += f"of {operation.label}, which parameter '{taken[name]}' "
                message += "already takes"
                hint = "set python_name on the parameter or the field"
                yield ctx.report("SPEC244", (*body.where, "type"), message, hint)


def check_field_access(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC249: a field both read-only and write-only (neither sent nor returned)."""
    for field in ctx.fields():
        if field.read_only and field.write_only:
            message = f"{field.element} is both read_only and write_only, so it "
            message += "is never in a request nor in a response"
            hint = "keep one of them"
            yield ctx.report("SPEC249", field.where, message, hint, at_key=True)


def check_object_parameters(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC247: a model or map parameter, which no query, form or header can carry."""
    for _, param in ctx.parameters():
        ref = _parsed(param.type)
        if ref is None:
            continue
        item = ref.item if ref.kind == "list" and ref.item is not None else ref
        if item.kind not in ("model", "map"):
            continue
        message = f"{param.element} is a {param.location} parameter of type "
        message += f"'{ref}', an object no {param.location} value can carry"
        hint = "describe the object with 'body:' (type: a model; "
        hint += "media_type: application/x-www-form-urlencoded for nested form keys)"
        yield ctx.report("SPEC247", (*param.where, "type"), message, hint)


def _parsed(text: str) -> TypeRef | None:
    try:
        return parse_type(text)
    except TypeSyntaxError:
        return None


def _body_model(ctx: Context, body: Body) -> Model | None:
    ref = _parsed(body.type)
    if ref is None or ref.kind != "model":
        return None
    if all(media_kind(m) in _RAW_TYPES for m in body.media_types):
        return None
    return ctx.spec.models.get(ref.name)


def _media_at(body: Body, index: int) -> JsonPath:
    if "media_types" in body.written:
        return (*body.where, "media_types", index)
    if "media_type" in body.written:
        return (*body.where, "media_type")
    return (*body.where, "type")
