"""Export a validated, merged spec document as an OpenAPI 3.1.0 document.

A side branch of the pipeline: it reads the same plain ``dict`` the loader merges and
the validator checks, and writes nothing itself; the ``generate`` command is meant to
serialise the result with :func:`render_openapi_json` next to the SDK.

Paths that differ only in placeholder names (``/a/{id}``, ``/a/{hash}``) are one path
to OpenAPI, so they are merged under the first spelling with path parameters renamed.

Determinism: every object is built key by key in a fixed order, so the key order of
the input's inner mappings never changes the output. Resources, operations, models,
fields, parameters and variants keep their spec order (YAML mappings are ordered, so
that order is itself deterministic and is the order a reader of the spec expects).

Conventions beyond plain OpenAPI, all as ``x-`` extensions: ``x-source-anchor`` (the
documentation section an operation was transcribed from), ``x-deprecation-reason`` and
``x-replacement``, ``x-python-name``, ``x-pagination``, ``x-departures``,
``x-upload-kind``, and ``x-discriminator`` for unions whose discriminator values are
not strings (OpenAPI's ``discriminator`` only maps string values).
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.naming import python_identifier
from generator.typeexpr import TypeRef, parse_type

OPENAPI_VERSION = "3.1.0"
GENERATOR_NAME = "sdkgen"
BINARY = "application/octet-stream"
JSON_MEDIA = "application/json"
FORM_MEDIA = "application/x-www-form-urlencoded"
MULTIPART_MEDIA = "multipart/form-data"
ERROR_RESPONSE = "Error"
_PRIMITIVE_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}

_PLACEHOLDER = re.compile(r"\{([^}]*)\}")

Schema = dict[str, Any]


def build_openapi(document: dict[str, Any], *, source: str) -> dict[str, Any]:
    """Build the OpenAPI 3.1.0 document for a validated merged spec.

    ``source`` names where the spec came from (e.g. ``spec/imgur``); it is recorded
    in ``info.x-source``.

    Raises:
        ValueError: two operations share a method and path, which OpenAPI cannot
            express (the semantic checks should have rejected the spec).
    """
    api = document["api"]
    openapi: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": _info(api, source),
    }
    if "docs_url" in api:
        openapi["externalDocs"] = {"url": api["docs_url"]}
    openapi["servers"] = [{"url": api["base_url"]}]
    openapi["tags"] = _tags(document.get("resources", {}))
    openapi["paths"] = _paths(document)
    openapi["components"] = _components(document)
    return openapi


def render_openapi_json(openapi: dict[str, Any]) -> str:
    """Serialise an OpenAPI document: two-space indent, UTF-8 text, final newline."""
    return json.dumps(openapi, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# --- document head -------------------------------------------------------------


def _info(api: dict[str, Any], source: str) -> dict[str, Any]:
    info: dict[str, Any] = {"title": api["title"], "version": api["version"]}
    if "description" in api:
        info["description"] = api["description"]
    info["x-generated-by"] = GENERATOR_NAME
    info["x-source"] = source
    if "source_document" in api:
        info["x-source-document"] = api["source_document"]
    return info


def _tags(resources: dict[str, Any]) -> list[dict[str, Any]]:
    tags = []
    for name, resource in resources.items():
        tag: dict[str, Any] = {"name": name}
        if "description" in resource:
            tag["description"] = resource["description"]
        tags.append(tag)
    return tags


# --- paths and operations ------------------------------------------------------


def _paths(document: dict[str, Any]) -> dict[str, Any]:
    """Path items in spec order; paths differing only in placeholder names merge.

    OpenAPI treats ``/a/{id}`` and ``/a/{hash}`` as one path, so an operation whose
    path matches an earlier one's shape is filed under the earlier spelling, with its
    path parameters renamed to match (their Python names are kept).
    """
    paths: dict[str, dict[str, Any]] = {}
    spellings: dict[str, str] = {}
    seen: dict[tuple[str, str], str] = {}
    for resource_name, resource in document.get("resources", {}).items():
        for op_name, op in resource["operations"].items():
            op_id = f"{resource_name}.{op_name}"
            method = op["method"].lower()
            shape = _PLACEHOLDER.sub("{}", op["path"])
            if (method, shape) in seen:
                raise ValueError(
                    f"{op_id} and {seen[method, shape]} are both {op['method']} "
                    f"{op['path']}; OpenAPI allows one operation per method and path"
                )
            seen[method, shape] = op_id
            path = spellings.setdefault(shape, op["path"])
            renamed = _with_path_spelling(op, path)
            item = paths.setdefault(path, {})
            item[method] = _operation(document, op_id, resource_name, renamed)
    return paths


def _with_path_spelling(op: dict[str, Any], path: str) -> dict[str, Any]:
    """A copy of ``op`` whose path parameters use the placeholder names of ``path``."""
    if op["path"] == path:
        return op
    names = dict(
        zip(_PLACEHOLDER.findall(op["path"]), _PLACEHOLDER.findall(path), strict=True)
    )
    params = []
    for param in op.get("parameters", []):
        if param["in"] == "path" and param["name"] in names:
            python_name = param.get("python_name") or _python_name(param["name"])
            param = {**param, "name": names[param["name"]], "python_name": python_name}
        params.append(param)
    return {**op, "path": path, "parameters": params}


def _python_name(name: str) -> str:
    try:
        return python_identifier(name)
    except ValueError:  # the semantic checks demand python_name for these
        return name


def _operation(
    document: dict[str, Any], op_id: str, resource: str, op: dict[str, Any]
) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op_id, "summary": op["summary"]}
    if "description" in op:
        out["description"] = op["description"]
    out["tags"] = [resource]
    if "anchor" in op:
        out["x-source-anchor"] = op["anchor"]
    out.update(_deprecation(op.get("deprecated")))
    params = op.get("parameters", [])
    wire_params = [p for p in params if p["in"] in ("path", "query", "header")]
    if wire_params:
        out["parameters"] = [_parameter(p) for p in wire_params]
    body = _request_body(params)
    if body is not None:
        out["requestBody"] = body
    security = _security(op, document.get("defaults", {}))
    if security is not None:
        out["security"] = security
    out["responses"] = _responses(document, op)
    out.update(_operation_extras(op))
    return out


def _deprecation(deprecated: dict[str, Any] | None) -> dict[str, Any]:
    if deprecated is None:
        return {}
    out: dict[str, Any] = {
        "deprecated": True,
        "x-deprecation-reason": deprecated["reason"],
    }
    if "replacement" in deprecated:
        out["x-replacement"] = deprecated["replacement"]
    return out


def _operation_extras(op: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "paginate" in op:
        paginate = op["paginate"]
        out["x-pagination"] = {
            "parameter": paginate["parameter"],
            "start": paginate.get("start", 0),
        }
    if op.get("departures"):
        out["x-departures"] = [
            {"document": d["document"], "spec": d["spec"], "reason": d["reason"]}
            for d in op["departures"]
        ]
    return out


def _security(
    op: dict[str, Any], defaults: dict[str, Any]
) -> list[dict[str, list[str]]] | None:
    """Each scheme is an alternative; ``[]`` means no auth; absent means unstated."""
    names = op.get("auth", defaults.get("auth"))
    if names is None:
        return None
    return [{name: []} for name in names]


# --- parameters and request bodies ---------------------------------------------


def _parameter(param: dict[str, Any]) -> dict[str, Any]:
    location = param["in"]
    out: dict[str, Any] = {"name": param["name"], "in": location}
    if "description" in param:
        out["description"] = param["description"]
    # OpenAPI requires path parameters; a spec default only fills the value in.
    out["required"] = location == "path" or bool(param.get("required", False))
    schema = _parameter_schema(param)
    if schema.get("type") == "array":
        out.update(_list_style(location, param.get("style", "repeat")))
    out["schema"] = schema
    if "python_name" in param:
        out["x-python-name"] = param["python_name"]
    return out


def _list_style(location: str, style: str) -> dict[str, Any]:
    if location == "query":
        return {"style": "form", "explode": style == "repeat"}
    return {"style": "simple", "explode": False}


def _parameter_schema(param: dict[str, Any]) -> Schema:
    schema = type_schema(parse_type(param["type"]))
    if "enum" in param:
        _set_enum(schema, list(param["enum"]), nullable=False)
    if "default" in param:
        default = param["default"]
        is_list = schema.get("type") == "array"
        schema["default"] = [default] if is_list else default
    return schema


def _request_body(params: list[dict[str, Any]]) -> dict[str, Any] | None:
    fields = [p for p in params if p["in"] in ("form", "file")]
    if not fields:
        return None
    multipart = any(p["in"] == "file" for p in fields)
    properties: dict[str, Schema] = {}
    for param in fields:
        properties[param["name"]] = _body_field_schema(param)
    for param in fields:
        _add_upload_kind_field(properties, param)
    schema: Schema = {"type": "object", "properties": properties}
    required = [p["name"] for p in fields if p.get("required", False)]
    if required:
        schema["required"] = required
    media: dict[str, Any] = {"schema": schema}
    encoding = {} if multipart else _form_encoding(fields)
    if encoding:
        media["encoding"] = encoding
    content_type = MULTIPART_MEDIA if multipart else FORM_MEDIA
    body: dict[str, Any] = {"required": bool(required)}
    body["content"] = {content_type: media}
    return body


def _body_field_schema(param: dict[str, Any]) -> Schema:
    if "upload_kind" in param:
        schema = _upload_schema(param["upload_kind"])
    else:
        schema = _parameter_schema(param)
    if "description" in param:
        schema["description"] = param["description"]
    if "python_name" in param:
        schema["x-python-name"] = param["python_name"]
    return schema


def _upload_schema(upload_kind: dict[str, Any]) -> Schema:
    """A file field that may also carry base64 text or a URL, as its kind says."""
    values = upload_kind["values"]
    forms: dict[str, Schema] = {
        "file": {"type": "string", "contentMediaType": BINARY},
        "base64": {"type": "string", "contentEncoding": "base64"},
        "url": {"type": "string", "format": "uri"},
    }
    chosen = [forms[kind] for kind in forms if kind in values]
    schema: Schema = chosen[0] if len(chosen) == 1 else {"anyOf": chosen}
    schema["x-upload-kind"] = {
        "parameter": upload_kind["parameter"],
        "values": {kind: values[kind] for kind in forms if kind in values},
    }
    return schema


def _add_upload_kind_field(
    properties: dict[str, Schema], param: dict[str, Any]
) -> None:
    """Document the sibling field the SDK sets, when the spec does not list it."""
    upload_kind = param.get("upload_kind")
    if upload_kind is None or upload_kind["parameter"] in properties:
        return
    values = list(dict.fromkeys(upload_kind["values"].values()))
    properties[upload_kind["parameter"]] = {
        "type": "string",
        "enum": values,
        "description": f"Kind of upload in '{param['name']}'; the SDK sets it.",
    }


def _form_encoding(fields: list[dict[str, Any]]) -> dict[str, Any]:
    encoding: dict[str, Any] = {}
    for param in fields:
        if parse_type(param["type"]).kind == "list":
            repeat = param.get("style", "repeat") == "repeat"
            encoding[param["name"]] = {"style": "form", "explode": repeat}
    return encoding


# --- responses -----------------------------------------------------------------


def _responses(document: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": op.get("returns_description", "Successful response.")
    }
    headers = _header_refs(document.get("rate_limits", []))
    if headers:
        response["headers"] = headers
    schema = _success_schema(document, op)
    if schema is not None:
        response["content"] = {JSON_MEDIA: {"schema": schema}}
    return {
        "200": response,
        "default": {"$ref": f"#/components/responses/{ERROR_RESPONSE}"},
    }


def _success_schema(document: dict[str, Any], op: dict[str, Any]) -> Schema | None:
    payload = type_schema(parse_type(op["returns"])) if "returns" in op else None
    envelope = document.get("envelope")
    if envelope is None or op.get("envelope", True) is False:
        return payload
    if payload is not None and "returns_description" in op:
        payload["description"] = op["returns_description"]
    return _envelope_schema(envelope, payload if payload is not None else {})


def _envelope_schema(envelope: dict[str, Any], payload: Schema) -> Schema:
    properties: dict[str, Schema] = {envelope["data"]: payload}
    if "success" in envelope:
        properties[envelope["success"]] = {"type": "boolean"}
    if "status" in envelope:
        properties[envelope["status"]] = {"type": "integer"}
    return {"type": "object", "properties": properties, "required": list(properties)}


def _error_response(document: dict[str, Any]) -> dict[str, Any]:
    description = "Error response."
    envelope = document.get("envelope")
    if envelope is not None and "success" in envelope:
        description += (
            f" An error may also arrive with a 2XX status and "
            f"'{envelope['success']}' false."
        )
    response: dict[str, Any] = {"description": description}
    headers = _header_refs(document.get("rate_limits", []))
    if headers:
        response["headers"] = headers
    model = document.get("errors", {}).get("model")
    if model is not None:
        schema: Schema = {"$ref": _schema_ref(model)}
        response["content"] = {JSON_MEDIA: {"schema": schema}}
    elif envelope is not None:
        response["content"] = {JSON_MEDIA: {"schema": _envelope_schema(envelope, {})}}
    return response


def _header_refs(rate_limits: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        limit["header"]: {"$ref": f"#/components/headers/{limit['header']}"}
        for limit in rate_limits
    }


# --- components ----------------------------------------------------------------


def _components(document: dict[str, Any]) -> dict[str, Any]:
    components: dict[str, Any] = {
        "schemas": {
            name: model_schema(model)
            for name, model in document.get("models", {}).items()
        },
        "responses": {ERROR_RESPONSE: _error_response(document)},
    }
    rate_limits = document.get("rate_limits", [])
    if rate_limits:
        components["headers"] = {
            limit["header"]: _rate_limit_header(limit) for limit in rate_limits
        }
    auth = document.get("auth", {})
    if auth:
        components["securitySchemes"] = {
            name: _security_scheme(scheme) for name, scheme in auth.items()
        }
    return components


def _rate_limit_header(limit: dict[str, Any]) -> dict[str, Any]:
    description = limit.get("description", f"Rate limit value '{limit['attribute']}'.")
    header: dict[str, Any] = {
        "description": description,
        "schema": {"type": "integer"},
        "x-attribute": limit["attribute"],
    }
    if "reset" in limit:
        header["x-reset"] = limit["reset"]
    return header


def _security_scheme(scheme: dict[str, Any]) -> dict[str, Any]:
    sent = f"Sent in the '{scheme['header']}' header as '{scheme['format']}'."
    description = f"{scheme['description']} {sent}" if "description" in scheme else sent
    if scheme["type"] == "api_key":
        return {
            "type": "apiKey",
            "in": "header",
            "name": scheme["header"],
            "description": description,
        }
    out: dict[str, Any] = {
        "type": "oauth2",
        "description": description,
        "flows": _oauth2_flows(scheme),
    }
    if "grants" in scheme:
        out["x-grants"] = list(scheme["grants"])
    if "token_model" in scheme:
        out["x-token-model"] = _schema_ref(scheme["token_model"])
    return out


def _oauth2_flows(scheme: dict[str, Any]) -> dict[str, Any]:
    code: dict[str, Any] = {
        "authorizationUrl": scheme["authorize_url"],
        "tokenUrl": scheme["token_url"],
    }
    if scheme.get("refresh", False):
        code["refreshUrl"] = scheme["token_url"]
    code["scopes"] = {}
    flows: dict[str, Any] = {"authorizationCode": code}
    if "token" in scheme.get("response_types", []):
        flows["implicit"] = {"authorizationUrl": scheme["authorize_url"], "scopes": {}}
    return flows


# --- schemas -------------------------------------------------------------------


def model_schema(model: dict[str, Any]) -> Schema:
    """The JSON Schema of one spec model: an object, or a union of models."""
    if "union" in model:
        schema = _union_schema(model["union"])
    else:
        schema = _object_schema(model["fields"])
    if "description" in model:
        schema = {"description": model["description"], **schema}
    return schema


def _object_schema(fields: dict[str, Any]) -> Schema:
    properties = {name: field_schema(field) for name, field in fields.items()}
    schema: Schema = {"type": "object", "properties": properties}
    required = [name for name, field in fields.items() if field.get("required")]
    if required:
        schema["required"] = required
    return schema


def field_schema(field: dict[str, Any]) -> Schema:
    """The JSON Schema of one model field, with nullability, enum and description."""
    nullable = bool(field.get("nullable", False))
    schema = type_schema(parse_type(field["type"]))
    if "enum" in field:
        _set_enum(schema, list(field["enum"]), nullable=nullable)
    if nullable:
        schema = _nullable(schema)
    if "description" in field:
        schema["description"] = field["description"]
    if "python_name" in field:
        schema["x-python-name"] = field["python_name"]
    return schema


def _union_schema(union: dict[str, Any]) -> Schema:
    prop = union["discriminator"]
    variants = union["variants"]
    mapping = {_mapping_key(v["value"]): _schema_ref(v["model"]) for v in variants}
    if all(isinstance(v["value"], str) for v in variants):
        return {
            "oneOf": [{"$ref": _schema_ref(v["model"])} for v in variants],
            "discriminator": {"propertyName": prop, "mapping": mapping},
        }
    # OpenAPI's discriminator maps strings only; pin each variant's value instead
    # so the oneOf stays exclusive, and keep the mapping for tools that want it.
    return {
        "oneOf": [_pinned_variant(prop, v["value"], v["model"]) for v in variants],
        "x-discriminator": {"propertyName": prop, "mapping": mapping},
    }


def _pinned_variant(prop: str, value: Any, model: str) -> Schema:
    pin: Schema = {
        "type": "object",
        "properties": {prop: {"const": value}},
        "required": [prop],
    }
    return {"allOf": [{"$ref": _schema_ref(model)}, pin]}


def _mapping_key(value: Any) -> str:
    """Discriminator values as mapping keys: strings as-is, others as JSON text."""
    return value if isinstance(value, str) else json.dumps(value)


def type_schema(ref: TypeRef) -> Schema:
    """The JSON Schema of a parsed type expression (a fresh dict each call)."""
    if ref.kind == "model":
        return {"$ref": _schema_ref(ref.name)}
    if ref.kind in ("list", "map"):
        assert ref.item is not None
        item = type_schema(ref.item)
        if ref.kind == "list":
            return {"type": "array", "items": item}
        return {"type": "object", "additionalProperties": item}
    if ref.name == "any":
        return {}
    if ref.name == "file":
        return {"type": "string", "contentMediaType": BINARY}
    return {"type": _PRIMITIVE_TYPES[ref.name]}


def _nullable(schema: Schema) -> Schema:
    """3.1 style: add "null" to ``type``; wrap refs in ``anyOf``; ``{}`` allows null."""
    if "type" in schema:
        return {**schema, "type": [schema["type"], "null"]}
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def _set_enum(schema: Schema, values: list[Any], *, nullable: bool) -> None:
    """Put ``enum`` on the value schema, or on the items of a list."""
    target = schema["items"] if schema.get("type") == "array" else schema
    target["enum"] = [*values, None] if nullable and target is schema else values


def _schema_ref(model: str) -> str:
    return f"#/components/schemas/{model}"
