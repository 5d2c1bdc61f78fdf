"""Exceptions raised by the SDK.

Every exception derives from ``SDKError``, so one ``except`` catches them all::

    SDKError
    ├── APIError                        the API or the network failed a request
    │   ├── APIStatusError              the API answered with an error
    │   │   ├── BadRequestError             400
    │   │   ├── AuthenticationError         401
    │   │   ├── PermissionDeniedError       403
    │   │   ├── NotFoundError               404
    │   │   ├── ConflictError               409
    │   │   ├── UnprocessableEntityError    422
    │   │   ├── RateLimitError              429
    │   │   ├── InternalServerError         >= 500
    │   │   └── RedirectError               3xx the client did not follow
    │   ├── ResponseDecodingError       the body could not be decoded (bad gzip)
    │   └── APIConnectionError          no usable answer arrived
    │       └── APITimeoutError         the call's deadline or a phase timed out
    ├── AuthenticationRequiredError     no credential for the operation; nothing sent
    └── ResponseValidationError         the answer did not have the documented shape
        └── NonJSONResponseError            a success status with a body not JSON

An SDK for an API with OAuth2 adds ``TokenRefreshError`` (the access token could
not be refreshed), a ``SDKError`` too, in ``_oauth_types``.

Messages name the operation, method, path and status, and carry the API's own
message; they never contain a credential.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._rate_limits import RateLimits

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "AuthenticationRequiredError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NonJSONResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseDecodingError",
    "ResponseValidationError",
    "SDKError",
    "UnprocessableEntityError",
    "status_error_class",
]


class SDKError(Exception):
    """Base class of every exception the SDK raises."""


class APIError(SDKError):
    """A request failed; ``method``, ``url`` and ``operation`` say which."""

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        operation: str | None = None,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.operation = operation


class APIStatusError(APIError):
    """The API answered with an error status (or an error inside a 200 body)."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        status_code: int | None = None,
        path: str | None = None,
        operation: str | None = None,
        request_id: str | None = None,
    ) -> None:
        request = response.request
        self.request_id = request_id
        """The API's id for the request (from the header the spec names), if sent."""
        self.request = request
        """The request that failed (credentials travel in headers, not its URL)."""
        self.status_code = response.status_code if status_code is None else status_code
        self.message = message
        """The API's own error message."""
        self.path = path if path is not None else request.url.path
        """The path template of the operation (the URL path when there is none)."""
        self.body: object = body
        """The error body: the model the spec declares for it, else decoded JSON."""
        self.body_json: object = body
        """The error body as decoded JSON (None when it is not JSON)."""
        self.response = response
        self.headers = response.headers
        summary = f"{request.method} {request.url.path} -> {self.status_code}"
        prefix = f"{operation}: " if operation else ""
        suffix = f" (request id {request_id})" if request_id else ""
        super().__init__(
            f"{prefix}{summary}: {message}{suffix}",
            method=request.method,
            url=str(request.url),
            operation=operation,
        )


class BadRequestError(APIStatusError):
    """400: a parameter is missing or invalid."""


class AuthenticationError(APIStatusError):
    """401: the credential is missing, invalid or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the credential may not do this."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was understood but refused."""


class RateLimitError(APIStatusError):
    """429: a rate limit was hit; see ``reset_at`` and ``retry_after``."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object,
        status_code: int | None = None,
        path: str | None = None,
        operation: str | None = None,
        rate_limits: RateLimits | None = None,
        retry_after: float | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(
            message,
            response=response,
            body=body,
            status_code=status_code,
            path=path,
            operation=operation,
            request_id=request_id,
        )
        self.rate_limits = rate_limits
        """Snapshot of the rate-limit headers of the failing response."""
        self.retry_after = retry_after
        """Seconds the API asked to wait (``Retry-After``), if it said."""
        self.reset_at: datetime | None = rate_limits.reset_at if rate_limits else None


class InternalServerError(APIStatusError):
    """5xx: the API failed."""


class RedirectError(APIStatusError):
    """3xx: the API sent the call elsewhere; ``location`` says where.

    The SDK does not follow redirects: a credential must not travel to a host
    the caller did not choose. An ``http_client`` created with
    ``follow_redirects=True`` follows them before the SDK sees the answer.
    """

    location: str | None

    @classmethod
    def from_response(
        cls, response: httpx.Response, *, operation: str, path: str
    ) -> RedirectError:
        """Build the error for a redirect answer, naming where it pointed."""
        location = response.headers.get("location")
        # The query string may carry a token; the place is what matters.
        shown = location.split("?", 1)[0] if location else "nowhere (no Location)"
        error = cls(
            f"redirected to {shown}; the SDK does not follow redirects",
            response=response,
            body=None,
            path=path,
            operation=operation,
        )
        error.location = location
        return error


class ResponseDecodingError(APIError):
    """The body could not be decoded (a corrupt gzip or deflate stream)."""

    def __init__(
        self, message: str, *, response: httpx.Response, operation: str | None = None
    ) -> None:
        request = response.request
        self.status_code = response.status_code
        self.response = response
        prefix = f"{operation}: " if operation else ""
        summary = f"{request.method} {request.url.path} -> {self.status_code}"
        super().__init__(
            f"{prefix}{summary}: {message}",
            method=request.method,
            url=str(request.url),
            operation=operation,
        )


class APIConnectionError(APIError):
    """The request could not be sent or its answer could not be read."""

    def __init__(
        self,
        message: str = "Connection error.",
        *,
        request: httpx.Request,
        operation: str | None = None,
    ) -> None:
        prefix = f"{operation}: " if operation else ""
        super().__init__(
            f"{prefix}{request.method} {request.url.path}: {message}",
            method=request.method,
            url=str(request.url),
            operation=operation,
        )
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(
        self,
        message: str = "Request timed out.",
        *,
        request: httpx.Request,
        operation: str | None = None,
    ) -> None:
        super().__init__(message, request=request, operation=operation)


class AuthenticationRequiredError(SDKError):
    """The operation needs a credential the client was not given."""

    def __init__(
        self,
        operation: str,
        arguments: tuple[str, ...],
        alternatives: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        self.operation = operation
        self.arguments = arguments
        """Constructor arguments that would satisfy the operation (alone, or with
        the others of their alternative)."""
        groups = alternatives or tuple((name,) for name in arguments)
        separator = ", or " if any(len(group) > 1 for group in groups) else " or "
        choices = separator.join(
            " and ".join(f"{name}=" for name in group) for group in groups
        )
        super().__init__(
            f"{operation} requires authentication: pass {choices} "
            "to the client constructor"
        )


class ResponseValidationError(SDKError):
    """The response did not have the shape the API documents."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.operation: str | None = None
        self.method: str | None = None
        self.path: str | None = None
        self.url: str | None = None
        self.response: httpx.Response | None = None

    def attach(
        self, *, operation: str, response: httpx.Response, path: str
    ) -> ResponseValidationError:
        """Record which call produced the bad response; return ``self``."""
        self.operation = operation
        self.method = response.request.method
        self.path = path
        self.url = str(response.request.url)
        self.response = response
        return self

    def __str__(self) -> str:
        if self.operation is None or self.method is None:
            return self.message
        path = httpx.URL(self.url or "").path
        return f"{self.operation}: {self.method} {path}: {self.message}"


class NonJSONResponseError(ResponseValidationError):
    """A success status whose body is not JSON (an HTML page from a proxy)."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """Return the exception class for an error status."""
    if status in _STATUS_CLASSES:
        return _STATUS_CLASSES[status]
    if 500 <= status <= 599:
        return InternalServerError
    return APIStatusError
