"""Views of models: the component schema a request (or response) really matches.

A model's schema describes it as responses carry it. Two things make that schema
wrong for a request, so the body refers to a view of the model instead:

- a *required* ``read_only`` field: OpenAPI 3.1 (JSON Schema 2020-12) treats
  ``readOnly`` as an annotation, so ``required`` would still demand the field of
  a request the SDK sends without it;
- a nullable field in a form or multipart body: the SDK sends ``None`` there as an
  empty value, never a JSON null (and form deserializers read a single ``type``).

Views are named ``<Model>Request`` (JSON media types: read-only fields left out)
and ``<Model>Form`` (form and multipart: read-only fields left out, nullable
fields as their non-null type, or an empty string). The same holds the other
way for a *required* ``write_only`` field, which no response carries: a model
with one is returned as ``<Model>Response``, its write-only fields left out.
A name a spec model or another component already has gets ``2``, ``3``...
appended, so names never collide; views are computed in operation order, so
they are deterministic. Only the body model itself (and a returned model, or
the items or values of a returned list or map) gets a view: models nested in
fields keep their ``$ref``.
"""

from __future__ import annotations

from typing import Any

from generator.spec.media import media_kind
from generator.spec.typeexpr import TypeRef, parse_type
from generator.spec.types import Body, Field, Model, Response, Spec
from generator.targets.openapi.schemas import (
    Schema,
    field_schema,
    non_null,
    schema_ref,
    type_schema,
)
from generator.targets.openapi.success import shared_schemas

__all__ = ["response_schema", "view_name", "view_schemas"]

_SUFFIX = {"json": "Request", "form": "Form", "response": "Response"}


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
    if kind == "response":
        return any(field.write_only and field.required for field in fields)
    if any(field.read_only and field.required for field in fields):
        return True
    return kind == "form" and any(_is_nullable(field) for field in fields)


def _is_nullable(field: Field) -> bool:
    return field.nullable or parse_type(field.type).kind == "nullable"


def _wanted(spec: Spec) -> list[tuple[str, str]]:
    """(model, view kind) of every body that needs a view, in operation order."""
    # Each (model, kind) is judged once: large specs return the same models from
    # hundreds of operations, and a list membership test per candidate was quadratic.
    judged: dict[tuple[str, str], bool] = {}
    for resource in spec.resources:
        for op in resource.operations:
            candidates = _request_candidates(op.body)
            candidates += [
                (ref.name, "response") for ref in _returned(op.returns, op.responses)
            ]
            for key in candidates:
                if key in judged:
                    continue
                model = spec.models.get(key[0])
                if model:
                    judged[key] = _needs_view(spec, model, key[1])
    return [key for key, needed in judged.items() if needed]


def _request_candidates(body: Body | None) -> list[tuple[str, str]]:
    if body is None:
        return []
    ref = parse_type(body.type)
    if ref.kind != "model":
        return []
    kinds = (_view_kind(media_type) for media_type in body.media_types)
    return [(ref.name, kind) for kind in kinds if kind is not None]


def _returned(returns: str | None, responses: tuple[Response, ...]) -> list[TypeRef]:
    """The model references an operation's response bodies carry at their top."""
    types = [returns] + [
        r.type for r in responses if media_kind(r.media_type) == "json"
    ]
    return [ref for t in types if t is not None for ref in _top_models(parse_type(t))]


def _top_models(ref: TypeRef) -> list[TypeRef]:
    if ref.kind == "model":
        return [ref]
    if ref.item is not None:
        return _top_models(ref.item)
    return []


def response_schema(spec: Spec, ref: TypeRef) -> Schema:
    """The JSON Schema of a returned type, its top model by its response view."""
    schema = type_schema(ref)
    names = _names(spec)

    def swap(node: Schema) -> None:
        target = node.get("$ref", "")
        model = target.rsplit("/", 1)[-1]
        if target == schema_ref(model) and (model, "response") in names:
            node["$ref"] = schema_ref(names[(model, "response")])
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                swap(node[key])
        for form in node.get("anyOf", ()):
            swap(form)

    swap(schema)
    return schema


# The view names of the spec last asked about. Every body and response asks (3,000
# times for GitHub's description) and the answer walks every operation, so it is
# computed once per spec; the spec is frozen, so the answer cannot go stale.
_last_names: tuple[Spec, dict[tuple[str, str], str]] | None = None


def _names(spec: Spec) -> dict[tuple[str, str], str]:
    global _last_names
    if _last_names is None or _last_names[0] is not spec:
        _last_names = (spec, _compute_names(spec))
    return _last_names[1]


def _compute_names(spec: Spec) -> dict[tuple[str, str], str]:
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
    fields = _all_fields(spec, model)
    if kind == "response":
        fields = [f for f in fields if not f.write_only]
    else:
        fields = [f for f in fields if not f.read_only]
    properties: dict[str, Any] = {}
    for field in fields:
        schema = field_schema(field)
        if kind == "form" and _is_nullable(field):
            schema = _form_empty(field, schema)
        properties[field.name] = schema
    schema_out: Schema = {}
    schema_out["description"] = _VIEW_DESCRIPTIONS[kind].format(name=name)
    # Tells import-openapi (ours or a reader's) that this is the model, one way.
    schema_out["x-sdkgen-view-of"] = name
    schema_out["type"] = "object"
    schema_out["properties"] = properties
    required = [f.name for f in fields if f.required]
    if required:
        schema_out["required"] = required
    return schema_out


_VIEW_DESCRIPTIONS = {
    "json": "{name} as a request body sends it.",
    "form": "{name} as a form or multipart request body sends it.",
    "response": "{name} as a response carries it.",
}


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
