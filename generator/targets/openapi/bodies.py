"""The ``requestBody`` of an operation with a ``body:``: one entry per media type.

JSON media types carry the body type's schema (a model by ``$ref``, or by its
request view when it has required read-only fields: see ``views``). A form or
multipart body describes the same object (its view when it has nullable fields),
with an ``encoding`` that says how nested objects and lists travel:
``deepObject`` with ``explode`` gives the bracketed keys the SDK sends for an
object (``metadata[plan]=pro``), ``x-form-style: indexed`` those of a list
(``items[0][price]=x``, which no OpenAPI style spells), and multipart file
fields are binary parts. Raw media types are raw bytes (``contentMediaType``, no
JSON type) or a text string.
"""

from __future__ import annotations

from typing import Any

from generator.spec.media import media_kind
from generator.spec.typeexpr import TypeRef, parse_type
from generator.spec.types import Body, Model, Spec
from generator.targets.openapi.schemas import BINARY, Schema, schema_ref, type_schema
from generator.targets.openapi.views import view_name

__all__ = ["request_body"]


def request_body(spec: Spec, body: Body) -> dict[str, Any]:
    """The operation's ``requestBody`` object."""
    ref = parse_type(body.type)
    model = spec.models.get(ref.name) if ref.kind == "model" else None
    content = {
        media_type: _media(media_type, _schema(spec, ref, media_type), model)
        for media_type in body.media_types
    }
    out: dict[str, Any] = {}
    if "description" in body.written:
        out["description"] = body.description
    out["required"] = body.required
    out["content"] = content
    return out


def _schema(spec: Spec, ref: TypeRef, media_type: str) -> Schema:
    """The body type's schema, or the model's request view where it needs one."""
    view = view_name(spec, ref.name, media_type) if ref.kind == "model" else None
    return {"$ref": schema_ref(view)} if view else type_schema(ref)


def _media(media_type: str, schema: Schema, model: Model | None) -> dict[str, Any]:
    kind = media_kind(media_type)
    if kind == "binary":
        # OAS 3.1: raw bytes have no JSON type ('type: string' would demand text).
        return {"schema": {"contentMediaType": BINARY}}
    if kind == "text":
        return {"schema": {"type": "string"}}
    out: dict[str, Any] = {"schema": schema}
    if kind in ("form", "multipart") and model is not None:
        encoding = _encoding(model, multipart=kind == "multipart")
        if encoding:
            out["encoding"] = encoding
    return out


def _encoding(model: Model, *, multipart: bool) -> dict[str, Any]:
    """How each object or list field is spelled as form keys (or a file part)."""
    out: dict[str, Any] = {}
    for field in model.fields or ():
        if field.read_only:
            continue
        ref = parse_type(field.type)
        if multipart and ref.kind == "primitive" and ref.name == "file":
            out[field.name] = {"contentType": BINARY}
        elif ref.kind in ("model", "map"):
            out[field.name] = {"style": "deepObject", "explode": True}
        elif ref.kind == "list":
            # OpenAPI's styles have no indexed keys (deepObject is for objects
            # only, 'form' repeats the bare key): say it in an extension.
            out[field.name] = {"x-form-style": "indexed"}
    return out
