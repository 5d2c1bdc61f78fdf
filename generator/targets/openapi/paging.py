"""How an operation pages, and its own envelope, in the OpenAPI 3.1 export.

The pagination parameters are plain parameters already; the style and where the
next page comes from have no OpenAPI keyword, so ``x-sdkgen-pagination`` carries
them (the keys the spec wrote, under the spec's names). An operation's own
envelope shapes its 200 response: the success flag is ``const: true`` beside
the payload, and the error an API like Slack answers with HTTP 200 (the flag
``const: false`` and the error key) is the other branch of a ``oneOf``.
"""

from __future__ import annotations

from typing import Any

from generator.spec.types import Envelope, Operation
from generator.targets.openapi.schemas import Schema

__all__ = ["own_envelope_schema", "pagination_extension"]

# Spec key -> the typed Pagination attribute holding its value.
_KEYS = {
    "parameter": "parameter",
    "start": "start",
    "page_size": "page_size",
    "size_parameter": "size_parameter",
    "limit_parameter": "limit_parameter",
    "next_cursor": "next",
    "next_token": "next",
    "next_url": "next",
    "cursor_from_item": "cursor_from_item",
    "has_more": "has_more",
    "items": "items",
}


def pagination_extension(op: Operation) -> dict[str, Any]:
    """``{"x-sdkgen-pagination": {...}}`` for a paginated operation, else ``{}``."""
    paginate = op.paginate
    if paginate is None:
        return {}
    described: dict[str, Any] = {"style": paginate.style}
    for key, attribute in _KEYS.items():
        if key in paginate.written:
            described[key] = getattr(paginate, attribute)
    return {"x-sdkgen-pagination": described}


def own_envelope_schema(own: Envelope, payload: Schema | None) -> Schema:
    """The 200 body of an operation with its own envelope."""
    properties: dict[str, Schema] = {}
    if own.data:
        properties[own.data] = payload if payload is not None else {}
    if own.success is not None:
        properties[own.success] = {"const": True}
    if own.status is not None:
        properties[own.status] = {"type": "integer"}
    success: Schema = {
        "type": "object",
        "properties": properties,
        "required": [key for key in properties if key != own.status],
    }
    if own.success is None:
        return success
    failed: dict[str, Schema] = {own.success: {"const": False}}
    if own.error is not None:
        failed[own.error] = {"description": "The error code or message."}
    failure: Schema = {
        "type": "object",
        "description": f"An error answered with HTTP 200: '{own.success}' false.",
        "properties": failed,
        "required": [own.success],
    }
    return {"oneOf": [success, failure]}
