"""The ``responses`` of an operation that declares them per status (``responses:``).

Each declared status becomes one response: its description, its headers (the
API's rate-limit headers on successes, plus the ones it documents), and content
per media type: JSON bodies by their type's schema (success bodies inside the
envelope when the operation has one), binary bodies as ``contentMediaType``
strings, text and XML as strings. A status without a type (a 204) has no
content. Error statuses carry their body's schema as sent (error bodies are
whole bodies, not enveloped payloads). 'default' is the API's error response
unless the operation declares its own.
"""

from __future__ import annotations

from typing import Any

from generator.spec.response_media import body_kind
from generator.spec.typeexpr import parse_type
from generator.spec.types import Operation, Response, Spec
from generator.targets.openapi.components import (
    ERROR_RESPONSE,
    envelope_schema,
    header_refs,
)
from generator.targets.openapi.schemas import Schema, type_schema
from generator.targets.openapi.views import response_schema

__all__ = ["declared_responses"]


def declared_responses(spec: Spec, op: Operation) -> dict[str, Any]:
    """The ``responses`` object of an operation with ``responses:``."""
    out: dict[str, Any] = {}
    declared = {r.status: r for r in op.responses}
    if op.returns is not None and not any(r.is_success for r in op.responses):
        # 'returns' is the shorthand for the one success response.
        out["200"] = _returns_response(spec, op)
    for status in sorted(declared, key=_status_order):
        out[status] = _response(spec, op, declared[status])
    out.setdefault("default", {"$ref": f"#/components/responses/{ERROR_RESPONSE}"})
    return out


def _status_order(status: str) -> tuple[int, str]:
    return (1, status) if status == "default" else (0, status)


def _returns_response(spec: Spec, op: Operation) -> dict[str, Any]:
    assert op.returns is not None
    response = Response(status="200", type=op.returns)
    return _response(spec, op, response, description=op.returns_description)


def _response(
    spec: Spec, op: Operation, response: Response, *, description: str = ""
) -> dict[str, Any]:
    text = response.description or description or _default_description(response)
    out: dict[str, Any] = {"description": text}
    headers: dict[str, Any] = (
        header_refs(spec.rate_limits) if response.is_success else {}
    )
    for header in response.headers:
        entry: dict[str, Any] = {"schema": type_schema(parse_type(header.type))}
        if header.description:
            entry["description"] = header.description
        headers[header.name] = entry
    if headers:
        out["headers"] = headers
    content = _content(spec, op, response)
    if content is not None:
        out["content"] = content
    return out


def _default_description(response: Response) -> str:
    if response.is_success:
        return "Successful response."
    return "Error response."


def _content(spec: Spec, op: Operation, response: Response) -> dict[str, Any] | None:
    ref = parse_type(response.type) if response.type is not None else None
    kind = body_kind(response.media_type, ref)
    if ref is None or kind == "none":
        return None
    media = response.media_type
    if kind == "bytes":
        # OAS 3.1: bytes have no JSON type (as raw request bodies, see bodies).
        return {media: {"schema": {"contentMediaType": media}}}
    if kind == "text":
        return {media: {"schema": {"type": "string"}}}
    schema: Schema = response_schema(spec, ref)
    envelope = spec.envelope
    if response.is_success and envelope is not None and op.envelope:
        schema = envelope_schema(envelope, schema)
    return {media: {"schema": schema}}
