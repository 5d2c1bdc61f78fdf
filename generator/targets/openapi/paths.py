"""The ``paths`` section: one path item per route, one operation per method.

OpenAPI treats ``/a/{id}`` and ``/a/{hash}`` as one path, so an operation whose path
matches an earlier one's shape is filed under the earlier spelling, with its path
parameters renamed to match (their Python names are kept).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from generator.spec.typeexpr import parse_type
from generator.spec.types import (
    Deprecation,
    Operation,
    Parameter,
    Spec,
    UploadKind,
)
from generator.targets.openapi.bodies import request_body
from generator.targets.openapi.components import (
    ERROR_RESPONSE,
    JSON_MEDIA,
    header_refs,
)
from generator.targets.openapi.paging import (
    own_envelope_schema,
    pagination_extension,
)
from generator.targets.openapi.responses import declared_responses
from generator.targets.openapi.schemas import (
    BINARY,
    Schema,
    described,
    non_null,
    sdk_name,
    set_enum,
    type_schema,
)
from generator.targets.openapi.success import enveloped_success
from generator.targets.openapi.uploads import urlencoded_alternative
from generator.targets.openapi.views import response_schema

FORM_MEDIA = "application/x-www-form-urlencoded"
MULTIPART_MEDIA = "multipart/form-data"
_PLACEHOLDER = re.compile(r"\{([^}]*)\}")


def paths(spec: Spec) -> dict[str, Any]:
    """Path items in spec order; paths differing only in placeholder names merge.

    Raises:
        ValueError: two operations share a method and path, which OpenAPI cannot
            express (the semantic checks should have rejected the spec).
    """
    out: dict[str, dict[str, Any]] = {}
    spellings: dict[str, str] = {}
    seen: dict[tuple[str, str], str] = {}
    for op in spec.operations:
        method = op.method.lower()
        shape = _PLACEHOLDER.sub("{}", op.path)
        if (method, shape) in seen:
            raise ValueError(
                f"{op.label} and {seen[method, shape]} are both {op.method} "
                f"{op.path}; OpenAPI allows one operation per method and path"
            )
        seen[method, shape] = op.label
        path = spellings.setdefault(shape, op.path)
        item = out.setdefault(path, {})
        item[method] = _operation(spec, _with_path_spelling(op, path))
    return out


def _with_path_spelling(op: Operation, path: str) -> Operation:
    """A copy of ``op`` whose path parameters use the placeholder names of ``path``."""
    if op.path == path:
        return op
    names = dict(
        zip(_PLACEHOLDER.findall(op.path), _PLACEHOLDER.findall(path), strict=True)
    )
    params = []
    for param in op.parameters:
        if param.location == "path" and param.name in names:
            # python_name keeps the SDK's keyword: x-python-name carries it.
            param = dataclasses.replace(param, name=names[param.name])
        params.append(param)
    return dataclasses.replace(op, path=path, parameters=tuple(params))


def _operation(spec: Spec, op: Operation) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.label, "summary": op.summary}
    if "description" in op.written:
        out["description"] = op.description
    out["tags"] = [op.resource]
    if "anchor" in op.written:
        out["x-source-anchor"] = op.anchor
    out.update(_deprecation(op.deprecated))
    wire_params = [
        p for p in op.parameters if p.location in ("path", "query", "header")
    ]
    constants = _constant_headers(spec, op)
    if wire_params or constants:
        out["parameters"] = [_parameter(p) for p in wire_params] + constants
    if op.base_url is not None:
        out["servers"] = [{"url": op.base_url}]
    body = _request_body(op.parameters)
    if op.body is not None:
        body = request_body(spec, op.body)
    if body is not None:
        out["requestBody"] = body
    security = _security(spec, op)
    if security is not None:
        out["security"] = security
    out["responses"] = _responses(spec, op)
    out.update(_operation_extras(op))
    return out


def _deprecation(deprecated: Deprecation | None) -> dict[str, Any]:
    if deprecated is None:
        return {}
    out: dict[str, Any] = {
        "deprecated": True,
        "x-deprecation-reason": deprecated.reason,
    }
    if deprecated.replacement is not None:
        out["x-replacement"] = deprecated.replacement
    return out


def _operation_extras(op: Operation) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if op.paginate is not None and op.paginate.style == "page":
        out["x-pagination"] = {
            "parameter": op.paginate.parameter,
            "start": op.paginate.start,
        }
    out.update(pagination_extension(op))
    if op.departures:
        out["x-departures"] = [
            {"document": d.document, "spec": d.spec, "reason": d.reason}
            for d in op.departures
        ]
    return out


def _security(spec: Spec, op: Operation) -> list[dict[str, list[str]]] | None:
    """Each scheme is an alternative; ``[]`` means no auth; absent means unstated."""
    if "auth" not in op.written and "auth" not in spec.defaults.written:
        return None
    # One requirement object per alternative (OR); its keys are sent together (AND).
    options = op.auth_options or tuple((name,) for name in op.auth)
    return [{name: [] for name in group} for group in options]


# --- parameters and request bodies ---------------------------------------------


def _parameter(param: Parameter) -> dict[str, Any]:
    location = param.location
    out: dict[str, Any] = {"name": param.name, "in": location}
    if "description" in param.written:
        out["description"] = param.description
    # OpenAPI requires path parameters; a spec default only fills the value in.
    out["required"] = location == "path" or (
        "required" in param.written and param.required
    )
    schema = _parameter_schema(param)
    if schema.get("type") == "array":
        out.update(_list_style(location, param.style))
    out["schema"] = schema
    if sdk_name(param) != param.name:
        out["x-python-name"] = sdk_name(param)
    return out


def _constant_headers(spec: Spec, op: Operation) -> list[dict[str, Any]]:
    """The constant headers the SDK sends, as header parameters fixed by ``const``.

    The operation's win over the API's; a header parameter of the same name is
    the operation's own and is not repeated.
    """
    taken = {p.name.lower() for p in op.parameters if p.location == "header"}
    merged: dict[str, tuple[str, str]] = {}
    for key, value in (*spec.api.headers, *op.headers):
        merged[key.lower()] = (key, value)
    return [
        {
            "name": key,
            "in": "header",
            "required": True,
            "schema": {"type": "string", "const": value, "default": value},
            "x-constant": True,
        }
        for lowered, (key, value) in merged.items()
        if lowered not in taken
    ]


def _list_style(location: str, style: str) -> dict[str, Any]:
    if location == "query":
        return {"style": "form", "explode": style == "repeat"}
    return {"style": "simple", "explode": False}


def _parameter_schema(param: Parameter) -> Schema:
    # None leaves a parameter out: a query, header or form value is never null.
    schema = non_null(type_schema(parse_type(param.type)))
    if "enum" in param.written:
        set_enum(schema, list(param.enum), nullable=False)
    if param.has_default:
        is_list = schema.get("type") == "array"
        schema["default"] = [param.default] if is_list else param.default
    return schema


def _request_body(params: tuple[Parameter, ...]) -> dict[str, Any] | None:
    fields = [p for p in params if p.location in ("form", "file")]
    if not fields:
        return None
    multipart = any(p.location == "file" for p in fields)
    properties: dict[str, Schema] = {}
    for param in fields:
        properties[param.name] = _body_field_schema(param)
    for param in fields:
        _add_upload_kind_field(properties, param)
    schema: Schema = {"type": "object", "properties": properties}
    required = [p.name for p in fields if "required" in p.written and p.required]
    if required:
        schema["required"] = required
    media: dict[str, Any] = {"schema": schema}
    encoding = {} if multipart else _form_encoding(fields)
    if encoding:
        media["encoding"] = encoding
    content_type = MULTIPART_MEDIA if multipart else FORM_MEDIA
    body: dict[str, Any] = {"required": bool(required)}
    body["content"] = {content_type: media}
    if multipart:
        encoding = _form_encoding(fields)
        body["content"].update(urlencoded_alternative(fields, schema, encoding))
    return body


def _body_field_schema(param: Parameter) -> Schema:
    if param.upload_kind is not None:
        schema = _upload_schema(param.upload_kind)
    else:
        schema = _parameter_schema(param)
    return described(schema, param)


_UPLOAD_FORMS: dict[str, Schema] = {
    "file": {"contentMediaType": BINARY},
    "base64": {"type": "string", "contentEncoding": "base64"},
    "url": {"type": "string", "format": "uri"},
}


def _upload_schema(upload_kind: UploadKind) -> Schema:
    """A file field that may also carry base64 text or a URL, as its kind says."""
    values = dict(upload_kind.values)
    chosen = [dict(_UPLOAD_FORMS[kind]) for kind in _UPLOAD_FORMS if kind in values]
    schema: Schema = chosen[0] if len(chosen) == 1 else {"anyOf": chosen}
    schema["x-upload-kind"] = {
        "parameter": upload_kind.parameter,
        "values": {kind: values[kind] for kind in _UPLOAD_FORMS if kind in values},
    }
    return schema


def _add_upload_kind_field(properties: dict[str, Schema], param: Parameter) -> None:
    """Document the sibling field the SDK sets, when the spec does not list it."""
    upload_kind = param.upload_kind
    if upload_kind is None or upload_kind.parameter in properties:
        return
    values = list(dict.fromkeys(value for _, value in upload_kind.values))
    properties[upload_kind.parameter] = {
        "type": "string",
        "enum": values,
        "description": f"Kind of upload in '{param.name}'; the SDK sets it.",
    }


def _form_encoding(fields: list[Parameter]) -> dict[str, Any]:
    encoding: dict[str, Any] = {}
    for param in fields:
        if parse_type(param.type).kind == "list":
            repeat = param.style == "repeat"
            encoding[param.name] = {"style": "form", "explode": repeat}
    return encoding


# --- responses -----------------------------------------------------------------


def _responses(spec: Spec, op: Operation) -> dict[str, Any]:
    if op.responses:
        return declared_responses(spec, op)
    written = "returns_description" in op.written
    description = op.returns_description if written else "Successful response."
    response: dict[str, Any] = {"description": description}
    headers = header_refs(spec.rate_limits)
    if headers:
        response["headers"] = headers
    # A HEAD answer has no body, whatever the envelope says of other answers.
    schema = None if op.method == "HEAD" else _success_schema(spec, op)
    if schema is not None:
        response["content"] = {JSON_MEDIA: {"schema": schema}}
    return {
        "200": response,
        "default": {"$ref": f"#/components/responses/{ERROR_RESPONSE}"},
    }


def _success_schema(spec: Spec, op: Operation) -> Schema | None:
    returns = parse_type(op.returns) if op.returns is not None else None
    payload = response_schema(spec, returns) if returns is not None else None
    if op.envelope_override is not None and op.envelope:
        if payload is not None and "returns_description" in op.written:
            payload["description"] = op.returns_description
        return own_envelope_schema(op.envelope_override, payload)
    envelope = spec.envelope
    if envelope is None or not op.envelope:
        return payload
    if payload is not None and "returns_description" in op.written:
        payload["description"] = op.returns_description
    return enveloped_success(spec, envelope, payload if payload is not None else {})
