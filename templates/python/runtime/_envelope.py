"""Turning an HTTP response into the operation's payload, or into an error.

APIs wrap payloads in an envelope (``{"data": ..., "success": ..., "status": ...}``)
and report errors in several ways: an error status, ``success: false`` with HTTP
200, or (``error_in_data``) a payload dict holding ``"error"``. ``unwrap`` checks
all of them and returns the payload; ``status_error`` builds the exception with
the API's own message, found through ``config.error_message_paths``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import httpx

from ._exceptions import (
    APIStatusError,
    NonJSONResponseError,
    RateLimitError,
    ResponseValidationError,
    status_error_class,
)
from ._operation import ApiConfig, Operation
from ._rate_limits import RateLimits

__all__ = ["extract_message", "read_json", "status_error", "unwrap"]

_MISSING = object()
_MAX_TEXT_MESSAGE = 200


def read_json(response: httpx.Response) -> Any:
    """Return the decoded JSON body, or ``_MISSING`` when it is not JSON."""
    if not response.content:
        return _MISSING
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return _MISSING


def extract_message(body: object, paths: tuple[str, ...]) -> str | None:
    """Return the first message found at one of the dotted ``paths`` in ``body``."""
    for path in paths:
        node: object = body
        for key in path.split("."):
            node = node.get(key, _MISSING) if isinstance(node, dict) else _MISSING
        message = _as_message(node)
        if message:
            return message
    return None


def _as_message(node: object) -> str | None:
    if isinstance(node, str):
        return node
    if isinstance(node, dict):
        # Some APIs nest the text: {"error": {"code": 1, "message": "..."}}.
        inner = node.get("message")
        return inner if isinstance(inner, str) else json.dumps(node)
    if node is _MISSING or node is None:
        return None
    return str(node)


def status_error(
    config: ApiConfig,
    response: httpx.Response,
    *,
    operation: str | None,
    path: str | None,
    status_code: int | None = None,
    rate_limits: RateLimits | None = None,
    retry_after: float | None = None,
) -> APIStatusError:
    """Build the exception for an error answer (``status_code`` overrides HTTP's)."""
    body = read_json(response)
    status = response.status_code if status_code is None else status_code
    message = (
        extract_message(body, config.error_message_paths)
        if body is not _MISSING
        else None
    )
    if message is None:
        message = _text_message(response)
    kwargs: dict[str, Any] = {
        "response": response,
        "body": None if body is _MISSING else body,
        "status_code": status,
        "path": path,
        "operation": operation,
        "request_id": (
            response.headers.get(config.request_id_header)
            if config.request_id_header
            else None
        ),
    }
    cls = status_error_class(status)
    if issubclass(cls, RateLimitError):
        return cls(message, rate_limits=rate_limits, retry_after=retry_after, **kwargs)
    return cls(message, **kwargs)


def _text_message(response: httpx.Response) -> str:
    text = response.text.strip() if response.content else ""
    is_short_text = text and len(text) <= _MAX_TEXT_MESSAGE and "<" not in text
    return text if is_short_text else (response.reason_phrase or "error")


def unwrap(
    config: ApiConfig,
    op: Operation[Any],
    response: httpx.Response,
    *,
    rate_limits: RateLimits | None = None,
) -> Any:
    """Return the payload of a non-error-status response, checking the envelope.

    ``rate_limits`` may be the client's live object: an error gets a snapshot.

    Raises:
        APIStatusError: the body reports an error despite the HTTP status.
        ResponseValidationError: the body is not the documented JSON shape.
    """
    body = read_json(response)
    if body is _MISSING:
        if response.status_code == 204 or not response.content:
            return None
        kind = response.headers.get("content-type", "no content-type")
        message = f"the {response.status_code} response body is not JSON ({kind})"
        raise NonJSONResponseError(message).attach(
            operation=op.name, response=response, path=op.path
        )
    if op.envelope_keys is not None:
        return _unwrap_own(config, op, response, body, rate_limits)
    if not (config.envelope_data and op.envelope):
        return body
    if not isinstance(body, dict) or config.envelope_data not in body:
        raise _invalid(
            op, response, f"the response has no {config.envelope_data!r} key"
        )
    data = body[config.envelope_data]
    failed = (
        config.envelope_success is not None
        and body.get(config.envelope_success) is False
    )
    in_data = config.error_in_data and isinstance(data, dict) and "error" in data
    if failed or in_data:
        raise status_error(
            config,
            response,
            operation=op.name,
            path=op.path,
            status_code=_body_status(config, body, response),
            rate_limits=rate_limits.snapshot() if rate_limits is not None else None,
        )
    return data


def _unwrap_own(
    config: ApiConfig,
    op: Operation[Any],
    response: httpx.Response,
    body: Any,
    rate_limits: RateLimits | None,
) -> Any:
    """``unwrap`` for an operation with its own envelope (``op.envelope_keys``).

    A failure (the success flag false) raises with the message at the ``error``
    key, e.g. Slack's ``{"ok": false, "error": "not_authed"}`` at HTTP 200.
    """
    keys = op.envelope_keys
    assert keys is not None
    if not isinstance(body, dict):
        raise _invalid(op, response, "the response is not a JSON object")
    if keys.success is not None and body.get(keys.success) is False:
        paths = (keys.error,) if keys.error else ()
        error = status_error(
            replace(config, error_message_paths=paths + config.error_message_paths),
            response,
            operation=op.name,
            path=op.path,
            status_code=_body_status(
                replace(config, envelope_status=keys.status), body, response
            ),
            rate_limits=rate_limits.snapshot() if rate_limits is not None else None,
        )
        raise error
    if keys.data is None:
        return None
    if keys.data not in body:
        raise _invalid(op, response, f"the response has no {keys.data!r} key")
    return body[keys.data]


def _body_status(
    config: ApiConfig, body: dict[str, Any], response: httpx.Response
) -> int:
    status = body.get(config.envelope_status) if config.envelope_status else None
    # bool is an int subclass; a 'true' status is not a status code.
    if isinstance(status, int) and not isinstance(status, bool):
        return status
    return response.status_code


def _invalid(
    op: Operation[Any], response: httpx.Response, message: str
) -> ResponseValidationError:
    return ResponseValidationError(message).attach(
        operation=op.name, response=response, path=op.path
    )
