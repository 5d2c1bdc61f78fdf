"""Request views of models: the component schema a request body really matches.

A model's schema describes it as responses carry it. Two things make that schema
wrong for a request, so the body refers to a view of the model instead:

- a *required* ``read_only`` field: OpenAPI 3.1 (JSON Schema 2020-12) treats
  ``readOnly`` as an annotation, so ``required`` would still demand the field of
  a request the SDK sends without it;
- a nullable field in a form or multipart body: the SDK sends ``None`` there as an
  empty value, never a JSON null (and form deserializers read a single ``type``).

Views are named ``<Model>Request`` (JSON media types: read-only fields left out)
and ``<Model>Form`` (form and multipart: read-only fields left out, nullable
fields as their non-null type, or an empty string). A name a spec model or
another component already has gets ``2``, ``3``... appended, so names never
collide; views are computed in operation order, so they are deterministic.
Only the body model itself gets a view: nested models keep their ``$ref``.
"""

from __future__ import annotations

from typing import Any

from generator.spec.media import media_kind
from generator.spec.typeexpr import parse_type
from generator.spec.types import Field, Model, Spec
from generator.targets.openapi.schemas import Schema, field_schema, non_null
from generator.targets.openapi.success import shared_schemas

__all__ = ["view_name", "view_schemas"]

_SUFFIX = {"json": "Request", "form": "Form"}


def _view_kind(media_type: str) -> str | None:
    kind = media_kind(media_type)
    if kind == "json":
        return "json"
    if kind in ("form", "multipart"):
        return "form"
    return None


def _all_fields(spec: Spec, model: Model) -> list[Field]:
    """The model's fields with those it inherits (bases first, own last)."""
    fields: list[Field] = []
    for base in model.extends:
        fields += _all_fields(spec, spec.models[base])
    own = {field.name for field in model.fields or ()}
    fields = [field for field in fields if field.name not in own]
    return fields + list(model.fields or ())


def _needs_view(spec: Spec, model: Model, kind: str) -> bool:
    if model.union is not None:
        return False
    fields = _all_fields(spec, model)
    if any(field.read_only and field.required for field in fields):
        return True
    return kind == "form" and any(_is_nullable(field) for field in fields)


def _is_nullable(field: Field) -> bool:
    return field.nullable or parse_type(field.type).kind == "nullable"


def _wanted(spec: Spec) -> list[tuple[str, str]]:
    """(model, view kind) of every body that needs a view, in operation order."""
    wanted: list[tuple[str, str]] = []
    for resource in spec.resources:
        for op in resource.operations:
            if op.body is None:
                continue
            ref = parse_type(op.body.type)
            model = spec.models.get(ref.name) if ref.kind == "model" else None
            if model is None:
                continue
            for media_type in op.body.media_types:
                kind = _view_kind(media_type)
                key = (ref.name, kind or "")
                if kind and key not in wanted and _needs_view(spec, model, kind):
                    wanted.append(key)
    return wanted


def _names(spec: Spec) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    used = set(spec.models) | set(shared_schemas(spec))
    for model, kind in _wanted(spec):
        base = f"{model}{_SUFFIX[kind]}"
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}{n}"
        used.add(name)
        names[(model, kind)] = name
    return names


def view_name(spec: Spec, model: str, media_type: str) -> str | None:
    """The component name of ``model``'s view for a body of ``media_type``, if any."""
    kind = _view_kind(media_type)
    if kind is None:
        return None
    return _names(spec).get((model, kind))


def view_schemas(spec: Spec) -> dict[str, Schema]:
    """Every view's component schema, by name."""
    out: dict[str, Schema] = {}
    for (model_name, kind), name in _names(spec).items():
        out[name] = _view_schema(spec, spec.models[model_name], model_name, kind)
    return out


def _view_schema(spec: Spec, model: Model, name: str, kind: str) -> Schema:
    fields = [f for f in _all_fields(spec, model) if not f.read_only]
    properties: dict[str, Any] = {}
    for field in fields:
        schema = field_schema(field)
        if kind == "form" and _is_nullable(field):
            schema = _form_empty(field, schema)
        properties[field.name] = schema
    schema_out: Schema = {}
    what = "request" if kind == "json" else "form or multipart request"
    schema_out["description"] = f"{name} as a {what} body sends it."
    schema_out["type"] = "object"
    schema_out["properties"] = properties
    required = [f.name for f in fields if f.required]
    if required:
        schema_out["required"] = required
    return schema_out


def _form_empty(field: Field, schema: Schema) -> Schema:
    """A nullable form field: its value, or the empty value ``None`` is sent as."""
    value = non_null(schema)
    if value.get("type") == "string" and "enum" not in value and "format" not in value:
        return value  # the empty value is a string already
    annotations: Schema = {
        key: value.pop(key)
        for key in ("description", "x-python-name", "readOnly", "writeOnly")
        if key in value
    }
    return {"anyOf": [value, {"const": ""}], **annotations}
