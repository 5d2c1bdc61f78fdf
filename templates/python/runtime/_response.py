"""Raw responses: the HTTP answer alongside the parsed result.

``to_raw_response_wrapper(resource.get)`` returns a function taking the arguments
of the method ``resource.get`` and returning an ``APIResponse`` instead of its
result (``client.<resource>.with_raw_response.<method>`` is built this way). It
works through a context variable the base client reads, so generated methods need
no second copy. Errors are still raised as usual; only the parsing is deferred.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx

from ._exceptions import SDKError

__all__ = [
    "APIResponse",
    "async_to_raw_pages_wrapper",
    "async_to_raw_response_wrapper",
    "raw_response_requested",
    "to_raw_pages_wrapper",
    "to_raw_response_wrapper",
]

T = TypeVar("T")
P = ParamSpec("P")

_RAW_RESPONSE: ContextVar[bool] = ContextVar("_RAW_RESPONSE", default=False)
_NOT_PARSED: Any = object()


def raw_response_requested() -> bool:
    """Return whether the current call should return an ``APIResponse``."""
    return _RAW_RESPONSE.get()


class APIResponse(Generic[T]):
    """An HTTP response of one call; ``parse()`` builds the method's result."""

    def __init__(
        self,
        http_response: httpx.Response,
        parser: Callable[[], T],
        *,
        operation: str,
        header_parsers: Mapping[str, Callable[[Any], Any]] | None = None,
    ) -> None:
        self.http_response = http_response
        self.operation = operation
        self._parser = parser
        self._header_parsers = header_parsers or {}
        self._parsed: T = _NOT_PARSED

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def url(self) -> httpx.URL:
        return self.http_response.request.url

    @property
    def elapsed(self) -> datetime.timedelta:
        return self.http_response.elapsed

    @property
    def parsed_headers(self) -> dict[str, Any]:
        """The response headers the spec documents, parsed to their types.

        Keyed by the documented name; a header that is absent, or whose value
        does not parse, is left out (``headers`` still has its text).
        """
        out: dict[str, Any] = {}
        for name, parse in self._header_parsers.items():
            text = self.http_response.headers.get(name)
            if text is None:
                continue
            try:
                out[name] = parse(text)
            except (ValueError, TypeError, SDKError):
                continue
        return out

    def json(self) -> Any:
        """Return the decoded JSON body, envelope included."""
        return self.http_response.json()

    def parse(self) -> T:
        """Return what the method would have returned; parsed once, then cached."""
        if self._parsed is _NOT_PARSED:
            self._parsed = self._parser()
        return self._parsed

    @property
    def data(self) -> T:
        """Same as ``parse()``."""
        return self.parse()

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.method} {self.url.path}>"


def to_raw_response_wrapper(func: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Wrap a generated method so that it returns an ``APIResponse``."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = _RAW_RESPONSE.set(True)
        try:
            result: Any = func(*args, **kwargs)
        finally:
            _RAW_RESPONSE.reset(token)
        return _checked(result)

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[APIResponse[T]]]:
    """Wrap a generated async method so that it returns an ``APIResponse``."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        token = _RAW_RESPONSE.set(True)
        try:
            result: Any = await func(*args, **kwargs)
        finally:
            _RAW_RESPONSE.reset(token)
        return _checked(result)

    return wrapped


def to_raw_pages_wrapper(
    func: Callable[P, Iterator[T]],
) -> Callable[P, Iterator[APIResponse[list[T]]]]:
    """Wrap an ``iter_`` method so that it yields one ``APIResponse`` per page."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> Iterator[APIResponse[list[T]]]:
        token = _RAW_RESPONSE.set(True)
        try:
            pages: Any = func(*args, **kwargs)  # paginate() reads the flag now
        finally:
            _RAW_RESPONSE.reset(token)
        return cast("Iterator[APIResponse[list[T]]]", pages)

    return wrapped


def async_to_raw_pages_wrapper(
    func: Callable[P, AsyncIterator[T]],
) -> Callable[P, AsyncIterator[APIResponse[list[T]]]]:
    """Wrap an async ``iter_`` method so that it yields an ``APIResponse`` per page."""

    @functools.wraps(func)
    def wrapped(
        *args: P.args, **kwargs: P.kwargs
    ) -> AsyncIterator[APIResponse[list[T]]]:
        token = _RAW_RESPONSE.set(True)
        try:
            pages: Any = func(*args, **kwargs)
        finally:
            _RAW_RESPONSE.reset(token)
        return cast("AsyncIterator[APIResponse[list[T]]]", pages)

    return wrapped


def _checked(result: object) -> APIResponse[Any]:
    if not isinstance(result, APIResponse):
        # E.g. a paginating method: it yields items, not one response.
        raise TypeError("this method cannot return a raw response")
    return result
