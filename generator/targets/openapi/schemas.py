"""JSON Schemas for the spec's types, fields and models (OpenAPI 3.1 dialect).

Nullability is 3.1 style ("null" in ``type``, or ``anyOf`` around a ``$ref``);
unions whose discriminator values are not all strings pin each variant's value
with ``const``, since OpenAPI's ``discriminator`` maps strings only. A union
without a discriminator is a plain ``oneOf``; ``extends`` is ``allOf`` of the bases
and the model's own object. Integers carry no ``format`` (never ``int64``: the SDK
keeps integers of any size); epochs are integers with ``format: unix-time``.
"""

from __future__ import annotations

import json
from typing import Any

from generator.naming import python_identifier
from generator.spec.typeexpr import TypeRef, parse_type
from generator.spec.types import Field, Model, Parameter, Union

BINARY = "application/octet-stream"
_PRIMITIVE_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}

Schema = dict[str, Any]

_WIRE_FORMATS: dict[str, Schema] = {
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    "uuid": {"type": "string", "format": "uuid"},
    "bytes": {"type": "string", "contentEncoding": "base64"},
    "epoch": {"type": "integer", "format": "unix-time"},
}


def model_schema(model: Model) -> Schema:
    """The JSON Schema of one spec model: an object, or a union of models."""
    if model.union is not None:
        schema = _union_schema(model.union)
    elif model.extends:
        schema = {
            "allOf": [{"$ref": schema_ref(base)} for base in model.extends]
            + [_object_schema(model.fields or ())]
        }
    else:
        schema = _object_schema(model.fields or ())
    if "description" in model.written:
        schema = {"description": model.description, **schema}
    return schema


def _object_schema(fields: tuple[Field, ...]) -> Schema:
    properties = {field.name: field_schema(field) for field in fields}
    schema: Schema = {"type": "object", "properties": properties}
    required = [field.name for field in fields if field.required]
    if required:
        schema["required"] = required
    return schema


def field_schema(field: Field) -> Schema:
    """The JSON Schema of one model field, with nullability, enum and description."""
    schema = type_schema(parse_type(field.type))
    if "enum" in field.written:
        set_enum(schema, list(field.enum), nullable=field.nullable)
    if field.has_const:
        schema["const"] = field.const
    if field.nullable:
        schema = _nullable(schema)
    # With 'required', OpenAPI applies it to responses only (readOnly) or to
    # requests only (writeOnly): the SDK's request arguments and models agree.
    if field.read_only:
        schema["readOnly"] = True
    if field.write_only:
        schema["writeOnly"] = True
    return described(schema, field)


def described(schema: Schema, element: Field | Parameter) -> Schema:
    """``schema`` with the element's description, and its SDK name if not its own."""
    if "description" in element.written:
        schema["description"] = element.description
    if sdk_name(element) != element.name:
        schema["x-python-name"] = sdk_name(element)
    return schema


def sdk_name(element: Field | Parameter) -> str:
    """The attribute or keyword argument the SDK gives a field or parameter.

    The export names elements as the wire does; where the SDK's name differs (a
    ``python_name``, a keyword such as ``from`` -> ``from_``, a path placeholder
    merged into another operation's spelling) ``x-python-name`` carries it.
    """
    try:
        return python_identifier(element.python_name)
    except ValueError:  # the semantic checks demand a usable python_name
        return element.python_name


def _union_schema(union: Union) -> Schema:
    prop = union.discriminator
    variants = union.variants
    if prop is None:  # told apart by shape
        return {"oneOf": [{"$ref": schema_ref(v.model)} for v in variants]}
    mapping = {_mapping_key(v.value): schema_ref(v.model) for v in variants}
    if all(isinstance(v.value, str) for v in variants):
        return {
            "oneOf": [{"$ref": schema_ref(v.model)} for v in variants],
            "discriminator": {"propertyName": prop, "mapping": mapping},
        }
    # OpenAPI's discriminator maps strings only; pin each variant's value instead
    # so the oneOf stays exclusive, and keep the mapping for tools that want it.
    return {
        "oneOf": [_pinned_variant(prop, v.value, v.model) for v in variants],
        "x-discriminator": {"propertyName": prop, "mapping": mapping},
    }


def _pinned_variant(prop: str, value: Any, model: str) -> Schema:
    pin: Schema = {
        "type": "object",
        "properties": {prop: {"const": value}},
        "required": [prop],
    }
    return {"allOf": [{"$ref": schema_ref(model)}, pin]}


def _mapping_key(value: Any) -> str:
    """Discriminator values as mapping keys: strings as-is, others as JSON text."""
    return value if isinstance(value, str) else json.dumps(value)


def type_schema(ref: TypeRef) -> Schema:
    """The JSON Schema of a parsed type expression (a fresh dict each call)."""
    if ref.kind == "model":
        return {"$ref": schema_ref(ref.name)}
    if ref.kind == "nullable":
        assert ref.item is not None
        return _nullable(type_schema(ref.item))
    if ref.kind in ("list", "map"):
        assert ref.item is not None
        item = type_schema(ref.item)
        if ref.kind == "list":
            return {"type": "array", "items": item}
        return {"type": "object", "additionalProperties": item}
    if ref.name == "any":
        return {}
    if ref.name == "file":
        # OAS 3.1 models raw bytes without a type: they are no JSON string
        # (the 3.0 form 'type: string, format: binary' migrates to this).
        return {"contentMediaType": BINARY}
    if ref.name in _WIRE_FORMATS:
        return dict(_WIRE_FORMATS[ref.name])
    return {"type": _PRIMITIVE_TYPES[ref.name]}


def _nullable(schema: Schema) -> Schema:
    """3.1 style: add "null" to ``type``; wrap refs in ``anyOf``; ``{}`` allows null."""
    if isinstance(schema.get("type"), list) or "anyOf" in schema:
        return schema  # nullable[T] already (a field may also say nullable: true)
    if "type" in schema:
        return {**schema, "type": [schema["type"], "null"]}
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def non_null(schema: Schema) -> Schema:
    """``schema`` without its null form: for values that never travel as null.

    A query, header or form value the SDK is given as ``None`` is left out (or,
    in a form body, sent empty); the wire never carries a null there.
    """
    out = dict(schema)
    kinds = out.get("type")
    if isinstance(kinds, list) and "null" in kinds:
        rest = [kind for kind in kinds if kind != "null"]
        out["type"] = rest[0] if len(rest) == 1 else rest
    if "anyOf" in out:
        forms = [form for form in out["anyOf"] if form != {"type": "null"}]
        del out["anyOf"]
        if len(forms) == 1:
            out = {**forms[0], **out}
        else:
            out["anyOf"] = forms
    if isinstance(out.get("enum"), list) and None in out["enum"]:
        out["enum"] = [value for value in out["enum"] if value is not None]
    return out


def set_enum(schema: Schema, values: list[Any], *, nullable: bool) -> None:
    """Put ``enum`` on the value schema, or on the items of a list."""
    target = schema["items"] if schema.get("type") == "array" else schema
    target["enum"] = [*values, None] if nullable and target is schema else values


def schema_ref(model: str) -> str:
    """The ``$ref`` of a model's schema under ``components/schemas``."""
    return f"#/components/schemas/{model}"
