"""Streamed responses: the body is read only when, and as, the caller asks.

``client.<resource>.with_streaming_response.<method>(...)`` is built with
``to_streamed_response_wrapper``: it returns a context manager that, on entry,
sends the call and returns a ``StreamedAPIResponse`` as soon as the status and
headers are in, leaving the body on the connection. ``iter_bytes()``,
``iter_text()`` and ``iter_lines()`` read it piece by piece; ``read()`` and
``parse()`` read it whole. Leaving the ``with`` block closes the connection,
read or not.

Retries happen before entry returns, while nothing of the body has been handed
out; once the caller reads, nothing is repeated. An error status raises the
usual ``APIStatusError`` subclass on entry, after reading at most
``ERROR_BODY_LIMIT`` bytes of the error body. The call's deadline (a ``timeout``
in seconds) covers reading the body too: pass ``timeout=None`` or an
``httpx.Timeout`` (per-read limits only) for a stream that may take longer.

Like raw responses, this works through a context variable the client reads, so
generated methods need no streaming copy.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextvars import ContextVar
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

import httpx

from ._response import _RAW_RESPONSE

if TYPE_CHECKING:
    from ._api_client import AsyncAPIClient, SyncAPIClient
    from ._operation import Operation

__all__ = [
    "ERROR_BODY_LIMIT",
    "AsyncResponseContextManager",
    "AsyncStreamedAPIResponse",
    "ResponseContextManager",
    "StreamedAPIResponse",
    "async_to_streamed_response_wrapper",
    "streaming_requested",
    "to_streamed_response_wrapper",
]

T = TypeVar("T")
C = TypeVar("C", bytes, str)  # what a body iterator yields
P = ParamSpec("P")

ERROR_BODY_LIMIT = 1024 * 1024
"""At most this many bytes of an error body are read for the exception."""

_STREAM_RESPONSE: ContextVar[bool] = ContextVar("_STREAM_RESPONSE", default=False)
_NOT_PARSED: Any = object()


def streaming_requested() -> bool:
    """Return whether the current call should return a ``StreamedAPIResponse``."""
    return _STREAM_RESPONSE.get()


class _BaseStreamed:
    """What the sync and async streamed responses share: the head of the answer."""

    def __init__(self, http_response: httpx.Response, operation: str) -> None:
        self.http_response = http_response
        self.operation = operation

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
    def is_closed(self) -> bool:
        """Whether the connection is given back (the body read, or the block left)."""
        return self.http_response.is_closed

    def __repr__(self) -> str:
        name = type(self).__name__
        return f"<{name} [{self.status_code}] {self.method} {self.url.path}>"


class StreamedAPIResponse(_BaseStreamed, Generic[T]):
    """A response whose body has not been read yet.

    Read it once: iterate (``iter_bytes``, ``iter_text``, ``iter_lines``), or
    ``read()``/``parse()`` it whole. Transport failures while reading raise
    ``APIConnectionError`` (``APITimeoutError`` past the deadline).
    """

    def __init__(
        self,
        http_response: httpx.Response,
        client: SyncAPIClient,
        op: Operation[T],
    ) -> None:
        super().__init__(http_response, op.name)
        self._client, self._op = client, op
        self._parsed: T = _NOT_PARSED

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The decoded body in pieces of ``chunk_size`` bytes (None: as they come)."""
        return self._mapped(self.http_response.iter_bytes(chunk_size))

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        """The body as text, decoded with the response's charset."""
        return self._mapped(self.http_response.iter_text(chunk_size))

    def iter_lines(self) -> Iterator[str]:
        """The body as text, line by line."""
        return self._mapped(self.http_response.iter_lines())

    def read(self) -> bytes:
        """Read the whole body (once) and return it."""
        try:
            return self.http_response.read()
        except httpx.RequestError as err:
            self.close()
            raise self._error(err) from err

    def parse(self) -> T:
        """Read the body and return what the method would have returned."""
        if self._parsed is _NOT_PARSED:
            self.read()
            self._parsed = self._client._finish(self._op, self.http_response, raw=False)
        return self._parsed

    def close(self) -> None:
        self.http_response.close()

    def _mapped(self, chunks: Iterator[C]) -> Iterator[C]:
        """Yield ``chunks``, raising the SDK's exceptions for httpx's."""
        try:
            yield from chunks
        except httpx.RequestError as err:
            self.close()
            raise self._error(err) from err

    def _error(self, err: httpx.RequestError) -> Exception:
        if isinstance(err, httpx.DecodingError):
            return self._client._decoding_error(err, self.http_response, self._op)
        return self._client._connection_error(err, self.http_response.request, self._op)


class AsyncStreamedAPIResponse(_BaseStreamed, Generic[T]):
    """The async twin of ``StreamedAPIResponse``: ``async for`` and ``await``."""

    def __init__(
        self,
        http_response: httpx.Response,
        client: AsyncAPIClient,
        op: Operation[T],
    ) -> None:
        super().__init__(http_response, op.name)
        self._client, self._op = client, op
        self._parsed: T = _NOT_PARSED

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        """The decoded body in pieces of ``chunk_size`` bytes (None: as they come)."""
        return self._mapped(self.http_response.aiter_bytes(chunk_size))

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        """The body as text, decoded with the response's charset."""
        return self._mapped(self.http_response.aiter_text(chunk_size))

    def iter_lines(self) -> AsyncIterator[str]:
        """The body as text, line by line."""
        return self._mapped(self.http_response.aiter_lines())

    async def read(self) -> bytes:
        """Read the whole body (once) and return it."""
        try:
            return await self.http_response.aread()
        except httpx.RequestError as err:
            await self.close()
            raise self._error(err) from err

    async def parse(self) -> T:
        """Read the body and return what the method would have returned."""
        if self._parsed is _NOT_PARSED:
            await self.read()
            self._parsed = self._client._finish(self._op, self.http_response, raw=False)
        return self._parsed

    async def close(self) -> None:
        await self.http_response.aclose()

    async def _mapped(self, chunks: AsyncIterator[C]) -> AsyncIterator[C]:
        try:
            async for chunk in chunks:
                yield chunk
        except httpx.RequestError as err:
            await self.close()
            raise self._error(err) from err

    def _error(self, err: httpx.RequestError) -> Exception:
        if isinstance(err, httpx.DecodingError):
            return self._client._decoding_error(err, self.http_response, self._op)
        return self._client._connection_error(err, self.http_response.request, self._op)


class ResponseContextManager(Generic[T]):
    """``with`` this to send the call; the response is closed when the block ends."""

    def __init__(self, send: Callable[[], StreamedAPIResponse[T]]) -> None:
        self._send = send
        self._response: StreamedAPIResponse[T] | None = None

    def __enter__(self) -> StreamedAPIResponse[T]:
        self._response = self._send()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[T]):
    """``async with`` this to send the call; the response is closed at the end."""

    def __init__(
        self, send: Callable[[], Awaitable[AsyncStreamedAPIResponse[T]]]
    ) -> None:
        self._send = send
        self._response: AsyncStreamedAPIResponse[T] | None = None

    async def __aenter__(self) -> AsyncStreamedAPIResponse[T]:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def to_streamed_response_wrapper(
    func: Callable[P, T],
) -> Callable[P, ResponseContextManager[T]]:
    """Wrap a generated method so that it returns a streaming context manager."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[T]:
        def send() -> StreamedAPIResponse[T]:
            raw, stream = _RAW_RESPONSE.set(True), _STREAM_RESPONSE.set(True)
            try:
                result: Any = func(*args, **kwargs)
            finally:
                _STREAM_RESPONSE.reset(stream)
                _RAW_RESPONSE.reset(raw)
            response: StreamedAPIResponse[T] = _checked(result, StreamedAPIResponse)
            return response

        return ResponseContextManager(send)

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, AsyncResponseContextManager[T]]:
    """Wrap a generated async method so that it returns an async context manager."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[T]:
        async def send() -> AsyncStreamedAPIResponse[T]:
            raw, stream = _RAW_RESPONSE.set(True), _STREAM_RESPONSE.set(True)
            try:
                result: Any = await func(*args, **kwargs)
            finally:
                _STREAM_RESPONSE.reset(stream)
                _RAW_RESPONSE.reset(raw)
            response: AsyncStreamedAPIResponse[T] = _checked(
                result, AsyncStreamedAPIResponse
            )
            return response

        return AsyncResponseContextManager(send)

    return wrapped


def _checked(result: object, kind: type[Any]) -> Any:
    if not isinstance(result, kind):
        raise TypeError("this method cannot return a streamed response")
    return result


def read_error_body(response: httpx.Response, limit: int = ERROR_BODY_LIMIT) -> None:
    """Read at most ``limit`` bytes of ``response``'s body, then close it.

    What the exception shows of an error answer; a huge error page stays unread.
    """
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= limit:
                break
    finally:
        response.close()
    _keep(response, b"".join(chunks)[:limit])


async def aread_error_body(
    response: httpx.Response, limit: int = ERROR_BODY_LIMIT
) -> None:
    """The async twin of ``read_error_body``."""
    chunks, size = [], 0
    try:
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= limit:
                break
    finally:
        await response.aclose()
    _keep(response, b"".join(chunks)[:limit])


def _keep(response: httpx.Response, body: bytes) -> None:
    # httpx keeps a read body in ``_content`` (what ``read()`` itself sets); a
    # partly read body has no public way in, and the error needs ``.content``.
    response._content = body
