"""The base clients every generated client class extends.

``call(op, args, options)`` is the whole call path: encode the arguments, choose
the credential, send with retries, resend once with a credential a subclass
renewed (``_oauth_api_client``: an expired OAuth2 token), check the envelope and
build the result with ``op.parse``. The steps
without I/O live in ``_base_client.BaseClient``; the two classes here only send
and wait, one with ``await``.

Tests replace ``_clock`` (Unix time), ``_sleep`` and ``_jitter`` on an instance
to control retry timing without waiting.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from ._base_client import BaseClient, Prepared
from ._body import argument_names
from ._deadline import AsyncDeadlineStream, DeadlineStream
from ._exceptions import APITimeoutError
from ._logs import warn_deprecated
from ._operation import ApiConfig, Operation
from ._response import raw_response_requested
from ._streaming import (
    AsyncStreamedAPIResponse,
    StreamedAPIResponse,
    aread_error_body,
    read_error_body,
    streaming_requested,
)
from ._types import NOT_GIVEN, NotGiven, RequestOptions, TimeoutTypes, check_options

if TYPE_CHECKING:
    from ._downloads import Destination

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

_CHUNK_SIZE = 64 * 1024  # _downloads.CHUNK_SIZE, without importing it up front

T = TypeVar("T")


class SyncAPIClient(BaseClient):
    """Synchronous client: generated resources call ``call`` and ``paginate``."""

    def __init__(
        self,
        *,
        config: ApiConfig,
        credentials: Mapping[str, str | None],
        base_url: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        environment: str | None = None,
        server_variables: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            config=config,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            environment=environment,
            server_variables=server_variables,
        )
        # A caller's client stays the caller's to close.
        self._owns_http = http_client is None
        if http_client is None:
            self._http = httpx.Client(
                timeout=self.timeout, headers=self._default_headers
            )
            self._headers_per_request = False
        else:
            self._http = http_client
            self._keep_caller_settings(http_client, timeout)
        self._sleep: Callable[[float], None] = time.sleep

    def call(
        self, op: Operation[T], args: Mapping[str, Any], options: RequestOptions
    ) -> T:
        """Send ``op`` with ``args``; return what ``op.parse`` builds from it."""
        if options:
            check_options(op.name, options, argument_names(op))
        if op.deprecation:
            warn_deprecated(op.deprecation)
        raw = raw_response_requested()
        if raw and streaming_requested():  # with_streaming_response: body unread
            streamed: T = self._call(op, args, options, raw=True, stream=True)
            return streamed
        result: T = self._call(op, args, options, raw=raw)
        return result

    def paginate(
        self,
        op: Operation[Any],
        args: Mapping[str, Any],
        options: RequestOptions,
        max_items: int | None = None,
    ) -> Iterator[Any]:
        """Iterate over every item of every page (``_pagination`` decides when to stop).

        Starts where ``args`` say (a page, offset or cursor), if they do; through
        ``with_raw_response``, yields one ``APIResponse`` per page instead.
        """
        from ._pagination import PageWalk, iterate  # on first use: import time

        if options:
            check_options(op.name, options, argument_names(op))
        if op.deprecation:
            warn_deprecated(op.deprecation)
        walk = PageWalk(op, args, self.base_url, max_items)  # fail now, not at next()

        def fetch(page_op: Operation[Any], page_args: Mapping[str, Any]) -> Any:
            return self._call(page_op, page_args, options, raw=True)

        return iterate(fetch, walk, pages=raw_response_requested())

    def _call(
        self,
        op: Operation[Any],
        args: Mapping[str, Any],
        options: RequestOptions,
        *,
        raw: bool,
        stream: bool = False,
    ) -> Any:
        self._before_call(op)
        prepared = self._prepare(op, args, options)
        try:
            deadline = self._deadline(options)
            response = self._send(prepared, options, deadline, stream)
            # Only a refused call (401/403) can have a credential to renew.
            renewed = (
                self._renew_credential(prepared, response)
                if response.status_code >= 400
                else None
            )
            if renewed is not None:
                response.close()
                prepared = renewed
                response = self._send(prepared, options, deadline, stream)
        finally:
            prepared.parts.close()
        if stream and response.status_code < 300:
            return StreamedAPIResponse(response, self, op)
        return self._finish(op, response, raw=raw)

    def _before_call(self, op: Operation[Any]) -> None:
        """Get ready to send ``op``.

        Nothing here: ``SyncOAuthAPIClient`` fetches a client-credentials token.
        """

    def _renew_credential(
        self, prepared: Prepared, response: httpx.Response
    ) -> Prepared | None:
        """The call to resend when ``response`` rejected a credential it renewed.

        None here: ``SyncOAuthAPIClient`` refreshes an expired OAuth2 token.
        """
        return None

    def _send(
        self,
        prepared: Prepared,
        options: RequestOptions,
        deadline: float | None,
        stream: bool = False,
    ) -> httpx.Response:
        attempt, waited = 0, 0.0
        while True:
            # A first attempt has the whole deadline: its phases need no capping.
            capped = deadline if attempt else None
            request = self._build(self._http, prepared, options, capped)
            try:
                response = self._receive(request, prepared, deadline, stream)
            except httpx.RequestError as err:
                delay = self._next_delay(
                    prepared, options, attempt, waited, deadline, error=err
                )
                if delay is None:
                    raise self._connection_error(err, request, prepared.op) from err
            else:
                self._record(response)
                if response.status_code < 400:  # the common case: nothing to decide
                    return response
                delay = self._next_delay(
                    prepared, options, attempt, waited, deadline, response=response
                )
                if delay is None:
                    return response
                response.close()
            self._sleep(delay)
            attempt, waited = attempt + 1, waited + delay

    def _receive(
        self,
        request: httpx.Request,
        prepared: Prepared,
        deadline: float | None,
        stream: bool = False,
    ) -> httpx.Response:
        """Send ``request`` and read the body, checking the deadline per chunk.

        With ``stream``, only an error's body is read (bounded): the caller reads
        a success's body.
        """
        response = self._http.send(request, stream=True)
        try:
            if deadline is not None and isinstance(
                response.stream, httpx.SyncByteStream
            ):
                response.stream = DeadlineStream(
                    response.stream, deadline, self._monotonic, request
                )
            if not stream:
                response.read()
            elif response.status_code >= 300:
                read_error_body(response)
        except httpx.DecodingError as err:
            response.close()
            raise self._decoding_error(err, response, prepared.op) from err
        except BaseException:
            response.close()
            raise
        return response

    def download(
        self, url: str, destination: Destination, *, chunk_size: int = _CHUNK_SIZE
    ) -> int:
        """Save the file at ``url`` (an ``Image.link``) in chunks; return its size.

        ``destination`` is a path or a binary file. No credential is sent.
        """
        from ._downloads import download  # only when used: import time

        timeout = self._timeout(self.timeout)
        return download(
            self._http,
            self._config,
            url,
            destination,
            timeout=timeout,
            chunk_size=chunk_size,
        )

    def close(self) -> None:
        """Close the HTTP client, unless the caller passed it in."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient):
    """Asynchronous client: ``await call(...)``; ``paginate`` is an async iterator."""

    def __init__(
        self,
        *,
        config: ApiConfig,
        credentials: Mapping[str, str | None],
        base_url: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, str] | None = None,
        environment: str | None = None,
        server_variables: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            config=config,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            environment=environment,
            server_variables=server_variables,
        )
        self._owns_http = http_client is None
        if http_client is None:
            self._http = httpx.AsyncClient(
                timeout=self.timeout, headers=self._default_headers
            )
            self._headers_per_request = False
        else:
            self._http = http_client
            self._keep_caller_settings(http_client, timeout)
        # Imported here: anyio costs milliseconds to import, and only async clients
        # use it. anyio, not asyncio, so the client runs under trio as well.
        import anyio

        self._sleep: Callable[[float], Awaitable[None]] = anyio.sleep

    async def call(
        self, op: Operation[T], args: Mapping[str, Any], options: RequestOptions
    ) -> T:
        """Send ``op`` with ``args``; return what ``op.parse`` builds from it."""
        if options:
            check_options(op.name, options, argument_names(op))
        if op.deprecation:
            warn_deprecated(op.deprecation)
        raw = raw_response_requested()
        if raw and streaming_requested():  # with_streaming_response: body unread
            streamed: T = await self._call(op, args, options, raw=True, stream=True)
            return streamed
        result: T = await self._call(op, args, options, raw=raw)
        return result

    def paginate(
        self,
        op: Operation[Any],
        args: Mapping[str, Any],
        options: RequestOptions,
        max_items: int | None = None,
    ) -> AsyncIterator[Any]:
        """Iterate (``async for``) over every item of every page."""
        from ._pagination import PageWalk, aiterate  # on first use: import time

        if options:
            check_options(op.name, options, argument_names(op))
        if op.deprecation:
            warn_deprecated(op.deprecation)
        walk = PageWalk(op, args, self.base_url, max_items)  # fail now

        async def fetch(page_op: Operation[Any], page_args: Mapping[str, Any]) -> Any:
            return await self._call(page_op, page_args, options, raw=True)

        return aiterate(fetch, walk, pages=raw_response_requested())

    async def _call(
        self,
        op: Operation[Any],
        args: Mapping[str, Any],
        options: RequestOptions,
        *,
        raw: bool,
        stream: bool = False,
    ) -> Any:
        await self._before_call(op)
        prepared = self._prepare(op, args, options)
        try:
            deadline = self._deadline(options)
            response = await self._send(prepared, options, deadline, stream)
            # Only a refused call (401/403) can have a credential to renew.
            renewed = (
                await self._renew_credential(prepared, response)
                if response.status_code >= 400
                else None
            )
            if renewed is not None:
                await response.aclose()
                prepared = renewed
                response = await self._send(prepared, options, deadline, stream)
        finally:
            prepared.parts.close()
        if stream and response.status_code < 300:
            return AsyncStreamedAPIResponse(response, self, op)
        return self._finish(op, response, raw=raw)

    async def _before_call(self, op: Operation[Any]) -> None:
        """Get ready to send ``op``.

        Nothing here: ``AsyncOAuthAPIClient`` fetches a client-credentials token.
        """

    async def _renew_credential(
        self, prepared: Prepared, response: httpx.Response
    ) -> Prepared | None:
        """The call to resend when ``response`` rejected a credential it renewed.

        None here: ``AsyncOAuthAPIClient`` refreshes an expired OAuth2 token.
        """
        return None

    async def _send(
        self,
        prepared: Prepared,
        options: RequestOptions,
        deadline: float | None,
        stream: bool = False,
    ) -> httpx.Response:
        attempt, waited = 0, 0.0
        while True:
            # A first attempt has the whole deadline: its phases need no capping.
            capped = deadline if attempt else None
            request = self._build(self._http, prepared, options, capped)
            try:
                response = await self._receive(request, prepared, deadline, stream)
            except httpx.RequestError as err:
                delay = self._next_delay(
                    prepared, options, attempt, waited, deadline, error=err
                )
                if delay is None:
                    raise self._connection_error(err, request, prepared.op) from err
            else:
                self._record(response)
                if response.status_code < 400:  # the common case: nothing to decide
                    return response
                delay = self._next_delay(
                    prepared, options, attempt, waited, deadline, response=response
                )
                if delay is None:
                    return response
                await response.aclose()
            await self._sleep(delay)
            attempt, waited = attempt + 1, waited + delay

    async def _receive(
        self,
        request: httpx.Request,
        prepared: Prepared,
        deadline: float | None,
        stream: bool = False,
    ) -> httpx.Response:
        """Send and read under a cancel scope that ends at the deadline."""
        if deadline is None:
            return await self._receive_body(request, prepared, deadline, stream)
        import anyio

        left = deadline - self._monotonic()
        try:
            with anyio.fail_after(max(left, 0.0)):
                return await self._receive_body(request, prepared, deadline, stream)
        except TimeoutError as err:
            raise APITimeoutError(request=request, operation=prepared.op.name) from err

    async def _receive_body(
        self,
        request: httpx.Request,
        prepared: Prepared,
        deadline: float | None,
        stream: bool = False,
    ) -> httpx.Response:
        response = await self._http.send(request, stream=True)
        try:
            if deadline is not None and isinstance(
                response.stream, httpx.AsyncByteStream
            ):
                response.stream = AsyncDeadlineStream(
                    response.stream, deadline, self._monotonic, request
                )
            if not stream:
                await response.aread()
            elif response.status_code >= 300:
                await aread_error_body(response)
        except httpx.DecodingError as err:
            await response.aclose()
            raise self._decoding_error(err, response, prepared.op) from err
        except BaseException:
            import anyio

            # Shielded: cancelled at the deadline, an unshielded close would be
            # cancelled at its first await, leaving the body's stream to the GC.
            with anyio.CancelScope(shield=True):
                await response.aclose()
            raise
        return response

    async def download(
        self, url: str, destination: Destination, *, chunk_size: int = _CHUNK_SIZE
    ) -> int:
        """Save the file at ``url`` (an ``Image.link``) in chunks; return its size.

        ``destination`` is a path or a binary file. No credential is sent.
        """
        from ._downloads import adownload  # only when used: import time

        timeout = self._timeout(self.timeout)
        return await adownload(
            self._http,
            self._config,
            url,
            destination,
            timeout=timeout,
            chunk_size=chunk_size,
        )

    async def aclose(self) -> None:
        """Close the HTTP client, unless the caller passed it in."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
