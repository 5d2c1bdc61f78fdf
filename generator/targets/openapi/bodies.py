"""The ``requestBody`` of an operation with a ``body:``: one entry per media type.

JSON media types carry the body type's schema (a model by ``$ref``, its
``readOnly`` fields documented there). A form or multipart body describes the
same object, with an ``encoding`` that says how nested objects and lists travel:
``deepObject`` with ``explode`` gives the bracketed keys the SDK sends
(``metadata[plan]=pro``), and multipart file fields are binary parts. Raw media
types are a binary or text string.
"""

from __future__ import annotations

from typing import Any

from generator.spec.media import media_kind
from generator.spec.typeexpr import parse_type
from generator.spec.types import Body, Model, Spec
from generator.targets.openapi.schemas import BINARY, Schema, type_schema

__all__ = ["request_body"]


def request_body(spec: Spec, body: Body) -> dict[str, Any]:
    """The operation's ``requestBody`` object."""
    ref = parse_type(body.type)
    model = spec.models.get(ref.name) if ref.kind == "model" else None
    content = {
        media_type: _media(media_type, type_schema(ref), model)
        for media_type in body.media_types
    }
    out: dict[str, Any] = {}
    if "description" in body.written:
        out["description"] = body.description
    out["required"] = body.required
    out["content"] = content
    return out


def _media(media_type: str, schema: Schema, model: Model | None) -> dict[str, Any]:
    kind = media_kind(media_type)
    if kind == "binary":
        return {"schema": {"type": "string", "contentMediaType": BINARY}}
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
        elif ref.kind in ("model", "map", "list"):
            out[field.name] = {"style": "deepObject", "explode": True}
    return out
