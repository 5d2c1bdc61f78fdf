"""The I/O-free half of the clients, shared by ``SyncAPIClient`` and ``AsyncAPIClient``.

``BaseClient`` holds the configuration and does every step of a call that needs
no network: encoding, choosing the credential, building the ``httpx.Request``,
deciding on retries and refreshes, and turning the final response into a result
or an exception. The sync and async clients in ``_api_client`` only send and
wait, so they cannot drift apart.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import Any, Self, TypeVar, cast

import httpx

from ._auth import (
    PlacedAuth,
    SelectedAuth,
    auth_secrets,
    hide_query_keys_from_httpx_logs,
    redact_headers,
    redact_url,
    secret_header_names,
    secret_query_names,
    select_auth,
)
from ._body import request_content
from ._deadline import call_deadline, capped_timeouts
from ._envelope import status_error, unwrap
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    RedirectError,
    ResponseDecodingError,
    ResponseValidationError,
)
from ._fast_request import HeaderCache, build
from ._logs import logger
from ._operation import ApiConfig, Operation
from ._rate_limits import RateLimits
from ._request import RequestParts, build_request
from ._response import APIResponse
from ._responses import for_status, read_payload, type_error_body
from ._retry import (
    MAX_RETRY_AFTER,
    MAX_TOTAL_WAIT,
    is_retryable_status,
    parse_retry_after,
    retry_delay,
    should_retry,
)
from ._types import NOT_GIVEN, NotGiven, RequestOptions, TimeoutTypes

__all__ = ["BaseClient", "Prepared"]

T = TypeVar("T")
QueryValue = str | int | float | bool | None
_URL_CACHE_SIZE = 256
_UNSET = object()
_HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)


class Prepared:
    """One call's encoded request and the credential chosen for it.

    A plain class: one is made per call, and a dataclass would compile methods
    nothing uses when the module is imported.
    """

    __slots__ = ("auth", "auth_scheme", "op", "parts")

    def __init__(
        self,
        op: Operation[Any],
        parts: RequestParts,
        auth: SelectedAuth | None,
        auth_scheme: str | None = None,
    ) -> None:
        self.op = op
        self.parts = parts
        self.auth = auth
        self.auth_scheme = auth_scheme
        """The scheme the call asked for (``auth_scheme=``), if it chose one."""


class BaseClient:
    """Configuration, request building and response handling without I/O."""

    def __init__(
        self,
        *,
        config: ApiConfig,
        credentials: Mapping[str, str | None],
        base_url: str | None,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int | NotGiven,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        environment: str | None = None,
        server_variables: Mapping[str, str] | None = None,
    ) -> None:
        self._config = config
        self._credentials: dict[str, str | None] = dict(credentials)
        if environment is None and not server_variables:
            # What choose_base_url returns then, without importing _servers: its
            # dataclasses cost import time that only named environments need.
            self.base_url = base_url or config.base_url
        else:
            from ._servers import choose_base_url

            self.base_url = choose_base_url(
                config.base_url,
                config.servers,
                base_url=base_url or None,
                environment=environment,
                variables=server_variables,
            )
        self.timeout: TimeoutTypes = (
            config.default_timeout if isinstance(timeout, NotGiven) else timeout
        )
        retries = (
            config.default_max_retries
            if isinstance(max_retries, NotGiven)
            else max_retries
        )
        if retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self.max_retries = retries
        self._secret_headers = secret_header_names(config)
        self._secret_query = secret_query_names(config)
        hide_query_keys_from_httpx_logs(self._secret_query)
        self._rate_limits = RateLimits(config.rate_limit_headers)
        # Headers every request carries, below the operation's and the caller's.
        # A client the SDK creates holds them as its own default headers (httpx
        # merges those for free); a caller's client gets them on each request.
        self._default_headers = {
            "User-Agent": config.user_agent,
            "Accept": "application/json",
        }
        # The spec's constant headers replace the SDK's; the caller's win over
        # both, over an operation's own constant headers too (``_caller_headers``).
        self._default_headers.update(config.headers)
        self._default_headers.update(default_headers or {})
        self._caller_headers = frozenset(k.lower() for k in default_headers or ())
        # Query values every request carries unless the call sets them itself.
        self._default_query: dict[str, str] = dict(default_query or {})
        self._headers_per_request = True
        self._urls: dict[str, httpx.URL] = {}
        self._header_sets: HeaderCache = {}
        self._placed_auth: PlacedAuth = {}
        self._timeout_cache: tuple[object, dict[str, float | None]] = (_UNSET, {})
        self._clock: Callable[[], float] = time.time
        self._monotonic: Callable[[], float] = time.monotonic
        self._jitter: Callable[[], float] = random.random

    def with_options(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
    ) -> Self:
        """Return a copy with other settings that shares connections and credentials.

        Args:
            timeout: the copy's timeout (see the client's ``timeout``).
            max_retries: the copy's retry count.
            default_headers: headers added to (or replacing) the client's own.
            default_query: query values added to (or replacing) the client's own.
        """
        from ._client_copy import configured_copy  # only when asked: import time

        return configured_copy(
            self,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
        )

    @property
    def rate_limits(self) -> RateLimits:
        """Rate-limit values from the latest response that carried them."""
        return self._rate_limits

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={self.base_url!r}>"

    def _keep_caller_settings(
        self, http: httpx.Client | httpx.AsyncClient, timeout: object
    ) -> None:
        """Keep what the caller's own ``http_client`` sets.

        Its timeout stays, unless ``timeout=`` was passed too; its headers win
        over the SDK's defaults. What httpx sets by itself (a 5 s timeout,
        ``Accept: */*``, its user agent) is not the caller's choice, so the SDK's
        values replace those.
        """
        if isinstance(timeout, NotGiven) and http.timeout != _HTTPX_DEFAULT_TIMEOUT:
            self.timeout = http.timeout
        self._default_headers = {
            key: value
            for key, value in self._default_headers.items()
            if not _caller_set(http.headers, key)
        }

    def _deadline(self, options: RequestOptions) -> float | None:
        return call_deadline(options.get("timeout", self.timeout), self._monotonic())

    def _prepare(
        self, op: Operation[Any], args: Mapping[str, Any], options: RequestOptions
    ) -> Prepared:
        scheme = options.get("auth_scheme")
        auth = self._select_auth(op, scheme)
        parts = build_request(op, args, base_url=op.base_url or self.base_url)
        return Prepared(op, parts, auth, scheme)

    def _reauthorize(self, prepared: Prepared) -> Prepared:
        auth = self._select_auth(prepared.op, prepared.auth_scheme)
        return Prepared(prepared.op, prepared.parts, auth, prepared.auth_scheme)

    def _select_auth(
        self, op: Operation[Any], scheme: str | None
    ) -> SelectedAuth | None:
        if scheme is None:
            return select_auth(
                self._config, op, self._credentials, placed=self._placed_auth
            )
        if scheme not in op.auth:
            accepted = ", ".join(repr(name) for name in op.auth) or "none"
            raise ValueError(
                f"{op.name}: auth_scheme={scheme!r} is not one it accepts ({accepted})"
            )
        return select_auth(self._config, op, self._credentials, only=scheme)

    def _build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        prepared: Prepared,
        options: RequestOptions,
        deadline: float | None = None,
    ) -> httpx.Request:
        parts = prepared.parts
        headers = dict(parts.headers)
        if prepared.op.headers:
            self._add_constant_headers(headers, prepared.op.headers)
        # httpx's type wants the wider value type; the list is only read.
        params = cast("list[tuple[str, QueryValue]]", parts.params)
        if prepared.auth is not None:
            params = _place_auth(prepared.auth, headers, params)
        extra_headers = options.get("extra_headers")
        if extra_headers:
            headers.update(extra_headers)
        extra_query = options.get("extra_query")
        if self._default_query:
            params = _with_defaults(params, self._default_query)
        if extra_query:
            params = [(k, v) for k, v in params if k not in extra_query]
            params.extend(extra_query.items())
        timeouts = self._timeout(options.get("timeout", self.timeout))
        if deadline is not None:
            timeouts = capped_timeouts(timeouts, deadline, self._monotonic())
        request = build(
            http,
            parts.method,
            self._url(parts.url),
            # None, not []: httpx parses the URL again to merge even no params.
            params=params or None,
            headers=headers,
            # A caller's client gets the SDK's defaults per request, under the
            # operation's and the caller's headers.
            defaults=self._default_headers if self._headers_per_request else {},
            data=parts.data or None,
            files=parts.files or None,
            content=(
                parts.content
                if parts.stream is None  # the common case: no streamed body
                else request_content(
                    parts, is_async=isinstance(http, httpx.AsyncClient)
                )
            ),
            extensions={"timeout": timeouts},
            cache=self._header_sets,
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "HTTP request: %s %s headers=%s",
                request.method,
                redact_url(str(request.url), self._secret_query),
                redact_headers(request.headers.multi_items(), self._secret_headers),
            )
        return request

    def _add_constant_headers(
        self, headers: dict[str, str], constants: tuple[tuple[str, str], ...]
    ) -> None:
        """Add an operation's constant headers the call and the caller did not set."""
        given = {key.lower() for key in headers} | self._caller_headers
        for key, value in constants:
            if key.lower() not in given:
                headers[key] = value

    def _timeout(self, timeout: TimeoutTypes) -> dict[str, float | None]:
        """``timeout`` as the request extension httpx reads, built once per value.

        What ``build_request(timeout=...)`` would do on every call. The cache is one
        tuple, so threads sharing the client never pair a value with another key.
        """
        if isinstance(timeout, httpx.Timeout):
            return timeout.as_dict()  # its attributes can change: read it each time
        key, value = self._timeout_cache
        if key is not timeout:
            value = httpx.Timeout(timeout).as_dict()
            self._timeout_cache = (timeout, value)
        return dict(value)

    def _url(self, text: str) -> httpx.URL:
        """Return ``text`` as an ``httpx.URL``, parsing each recent URL only once.

        Parsing is a good part of building a request, and calls often repeat a URL
        (the same resource, the next page). The cache is bounded: when full, it
        starts again empty.
        """
        url = self._urls.get(text)
        if url is None:
            if len(self._urls) >= _URL_CACHE_SIZE:
                self._urls.clear()
            url = self._urls[text] = httpx.URL(text)
        return url

    def _next_delay(
        self,
        prepared: Prepared,
        options: RequestOptions,
        attempt: int,
        waited: float,
        deadline: float | None,
        *,
        response: httpx.Response | None = None,
        error: Exception | None = None,
    ) -> float | None:
        """Return how long to wait before retrying, or ``None`` to stop."""
        if response is not None and not is_retryable_status(response.status_code):
            return None
        name = prepared.op.name
        reason = (
            f"status {response.status_code}"
            if response is not None
            else type(error).__name__
        )
        max_retries = options.get("max_retries", self.max_retries)
        if attempt >= max_retries:
            logger.debug(
                "not retrying %s after %s: %d retries used", name, reason, attempt
            )
            return None
        if not should_retry(
            prepared.parts.method,
            status=response.status_code if response is not None else None,
            error=error,
            retry_non_idempotent=options.get("retry_non_idempotent", False),
        ):
            logger.debug("not retrying %s after %s: not safe to repeat", name, reason)
            return None
        if not prepared.parts.rewindable:
            logger.debug("not retrying %s after %s: upload cannot rewind", name, reason)
            return None
        headers = response.headers if response is not None else None
        now = self._clock()
        asked = parse_retry_after(headers, now) if headers is not None else None
        if asked is not None and asked > MAX_RETRY_AFTER:
            logger.debug("not retrying %s: asked to wait %.0f s", name, asked)
            return None
        delay = retry_delay(attempt, headers, now, jitter=self._jitter)
        if waited + delay > MAX_TOTAL_WAIT:
            logger.debug("not retrying %s after %s: wait budget spent", name, reason)
            return None
        if deadline is not None and self._monotonic() + delay >= deadline:
            logger.debug("not retrying %s after %s: deadline reached", name, reason)
            return None
        logger.debug(
            "retrying %s after %s in %.2f s (retry %d of %d)",
            name,
            reason,
            delay,
            attempt + 1,
            max_retries,
        )
        return delay

    def _record(self, response: httpx.Response) -> None:
        self._rate_limits.update(response.headers, self._clock())
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "HTTP response: %s %s -> %d",
                response.request.method,
                redact_url(str(response.request.url), self._secret_query),
                response.status_code,
            )

    def _connection_error(
        self, err: httpx.RequestError, request: httpx.Request, op: Operation[Any]
    ) -> APIConnectionError:
        error: APIConnectionError
        if isinstance(err, httpx.TimeoutException):
            error = APITimeoutError(request=request, operation=op.name)
        else:
            message = f"connection error ({type(err).__name__})"
            error = APIConnectionError(message, request=request, operation=op.name)
        if error.url and self._secret_query:
            error.url = redact_url(error.url, self._secret_query)
        return error

    def _decoding_error(
        self, err: httpx.DecodingError, response: httpx.Response, op: Operation[Any]
    ) -> ResponseDecodingError:
        encoding = response.headers.get("content-encoding", "none")
        message = f"the body could not be decoded (Content-Encoding {encoding}): {err}"
        return ResponseDecodingError(message, response=response, operation=op.name)

    def _finish(
        self, op: Operation[Any], response: httpx.Response, *, raw: bool
    ) -> Any:
        try:
            return self._result(op, response, raw=raw)
        except (APIStatusError, ResponseValidationError) as err:
            if isinstance(err, APIStatusError):
                # An error status or an error inside a 200 envelope alike.
                type_error_body(err, op, self._config)
            # The body may quote a credential back (a 401 echoing the token).
            from ._redact import redact_error  # the error path only: import time

            redact_error(err, self._secrets())
            if err.url and self._secret_query:
                err.url = redact_url(err.url, self._secret_query)
            raise

    def _secrets(self) -> list[str]:
        """Every credential the client holds, for scrubbing messages."""
        held = auth_secrets(self._config, self._credentials)
        oauth = getattr(self, "oauth", None)
        if oauth is not None:
            held.extend(oauth.held_secrets())
        return held

    def _result(
        self, op: Operation[Any], response: httpx.Response, *, raw: bool
    ) -> Any:
        if 300 <= response.status_code < 400:
            raise RedirectError.from_response(response, operation=op.name, path=op.path)
        if response.status_code >= 400:
            retry_after = parse_retry_after(response.headers, self._clock())
            raise status_error(
                self._config,
                response,
                operation=op.name,
                path=op.path,
                rate_limits=self._rate_limits.snapshot(),
                retry_after=retry_after,
            )
        if op.method.upper() == "HEAD":
            # No body: the result is None, the headers are on the raw response.
            if raw:
                return APIResponse(response, lambda: None, operation=op.name)
            return None
        if op.responses or op.body_kinds:  # declared per status
            op = for_status(op, response.status_code)
            payload = read_payload(
                self._config, op, response, rate_limits=self._rate_limits
            )
        else:
            # The live object: unwrap copies it only if it raises.
            payload = unwrap(self._config, op, response, rate_limits=self._rate_limits)
        if raw:
            return APIResponse(
                response,
                lambda: _parse(op, payload, response),
                operation=op.name,
                header_parsers=op.response_headers,
            )
        return _parse(op, payload, response)


def _parse(op: Operation[T], payload: Any, response: httpx.Response) -> T:
    try:
        return op.parse(payload)
    except ResponseValidationError as err:
        err.attach(operation=op.name, response=response, path=op.path)
        raise
    except (KeyError, TypeError, ValueError) as err:
        error = ResponseValidationError(f"unexpected response shape: {err!r}")
        raise error.attach(operation=op.name, response=response, path=op.path) from err


def _place_auth(
    auth: SelectedAuth,
    headers: dict[str, str],
    params: list[tuple[str, QueryValue]],
) -> list[tuple[str, QueryValue]]:
    """Put each credential of ``auth`` where its scheme sends it."""
    cookies: list[str] = []
    for part in auth.parts:
        if part.location == "header":
            headers[part.name] = part.value
        elif part.location == "query":
            params = [(k, v) for k, v in params if k != part.name]
            params.append((part.name, part.value))
        else:
            cookies.append(f"{part.name}={part.value}")
    if cookies:
        headers["Cookie"] = "; ".join(cookies)
    return params


def _with_defaults(
    params: list[tuple[str, QueryValue]], defaults: Mapping[str, str]
) -> list[tuple[str, QueryValue]]:
    given = {key for key, _ in params}
    return [(k, v) for k, v in defaults.items() if k not in given] + params


def _caller_set(headers: httpx.Headers, key: str) -> bool:
    value: str | None = headers.get(key)
    if value is None:
        return False
    lowered = key.lower()
    if lowered == "accept":
        return value != "*/*"
    if lowered == "user-agent":
        return not value.startswith("python-httpx/")
    return True
