"""Declared responses: the payload per status, non-JSON bodies, typed error bodies.

An operation with ``responses:`` in its spec may answer with several success
statuses (201 with a model, 204 with nothing), with a body that is not JSON (bytes
for binary media types, ``str`` for text and XML), and with error bodies of a
documented shape. ``for_status`` picks the parser of the status received;
``read_payload`` reads the body as its kind says; ``type_error_body`` replaces an
``APIStatusError``'s JSON ``body`` by the model the spec declares for it (the JSON
stays in ``body_json``). A body that does not fit the model keeps the JSON: an
error is never hidden behind a parse failure.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

import httpx

from ._envelope import unwrap
from ._exceptions import APIStatusError, ResponseValidationError
from ._models import ignore_payload
from ._operation import ApiConfig, Operation
from ._rate_limits import RateLimits

__all__ = ["for_status", "read_payload", "type_error_body"]


def for_status(op: Operation[Any], status: int) -> Operation[Any]:
    """``op`` parsing with the parser declared for ``status`` (itself if none).

    A status declared without a body (a 204) returns None, whatever ``parse`` is.
    """
    parse = op.responses.get(status)
    if op.body_kinds.get(status) == "none":
        parse = ignore_payload
    if parse is None or parse is op.parse:
        return op
    return dataclasses.replace(op, parse=parse)


def read_payload(
    config: ApiConfig,
    op: Operation[Any],
    response: httpx.Response,
    *,
    rate_limits: RateLimits | None = None,
) -> Any:
    """The payload of a success response: bytes, text, None, or unwrapped JSON."""
    kind = op.body_kinds.get(response.status_code)
    if kind == "bytes":
        return response.content
    if kind == "text":
        return response.text
    if kind == "none":
        return None
    return unwrap(config, op, response, rate_limits=rate_limits)


def type_error_body(
    error: APIStatusError, op: Operation[Any], config: ApiConfig
) -> APIStatusError:
    """``error`` with ``body`` built by the model declared for its status."""
    parse = op.errors.get(error.status_code, op.errors.get("default"))
    if parse is None:
        parse = config.error_parse
    if parse is None or error.body_json is None:
        return error
    # An undocumented shape keeps the JSON: the error is what the caller needs.
    with contextlib.suppress(ResponseValidationError, KeyError, TypeError, ValueError):
        error.body = parse(error.body_json)
    return error
