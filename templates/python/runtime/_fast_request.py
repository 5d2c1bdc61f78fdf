"""Building the ``httpx.Request`` of a call without ``Client.build_request``.

``build_request`` merges the call's URL, headers, cookies and query with the
client's, in the general way: it copies the client's headers and then looks
each of the call's up, decoding every header each time. A call's URL is
already absolute here and the headers are few, so for a client with no cookies
and no default query of its own the merge is done in one pass over the
client's headers, and ``httpx.Request`` is built directly. Any other client goes
through ``build_request``.

A request without a body, or with bytes already encoded, is the common case,
and ``httpx.Request`` spends most of its time on it re-deriving what does not
change from call to call: it normalises every header twice and adds ``Host``
(and ``Content-Length``) by looking each name up. Those headers are worked out
once per combination of inputs (``HeaderCache``) and handed to
``httpx.Request(stream=...)``, the documented way to pass a body whose headers
are already set: the same request for a fraction of the work.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

__all__ = ["HeaderCache", "build"]

QueryValue = str | int | float | bool | None
HeaderCache = dict[tuple[Any, ...], httpx.Headers]
"""A client's ready header sets, keyed by everything they are made of."""

_CACHE_SIZE = 64
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# Headers httpx derives from the URL and the body. When a call or a client sets
# one itself, httpx's own rules decide what is sent, so such a request is built
# the general way.
_DERIVED = frozenset({b"host", b"content-length", b"transfer-encoding"})
_GENERAL = httpx.Headers()
"""Cache entry meaning "build this one the general way"."""


def build(
    http: httpx.Client | httpx.AsyncClient,
    method: str,
    url: httpx.URL,
    *,
    params: list[tuple[str, QueryValue]] | None,
    headers: Mapping[str, str],
    defaults: Mapping[str, str],
    data: Any,
    files: Any,
    content: Any = None,
    extensions: dict[str, Any],
    cache: HeaderCache | None = None,
) -> httpx.Request:
    """The request ``http.build_request`` would make, ``defaults`` under ``headers``.

    ``defaults`` are headers the SDK sends unless the call sets them: they win
    over the client's own (which the SDK filtered beforehand), lose to the call's.
    ``cache`` keeps the header sets of earlier calls (one per client).
    """
    if http.cookies or http.params or not url.is_absolute_url:
        return _through_build_request(
            http,
            method,
            url,
            params=params,
            headers=headers,
            defaults=defaults,
            data=data,
            files=files,
            content=content,
            extensions=extensions,
        )
    client_headers = http.headers.raw
    ready = _GENERAL
    if cache is not None and not (data or files) and _is_bytes(content):
        ready = _cached_headers(
            cache, method, bool(content), url, client_headers, defaults, headers
        )
    if ready is _GENERAL:
        return httpx.Request(
            method,
            url,
            params=params,
            headers=_merged(client_headers, defaults, headers),
            data=data,
            files=files,
            content=content,
            extensions=extensions,
        )
    body: bytes = content or b""
    request = httpx.Request(
        method,
        url,
        params=params,
        headers=ready,
        stream=httpx.ByteStream(body),
        extensions=extensions,
    )
    if body:
        # Last, where httpx puts it: after the call's own headers.
        request.headers["Content-Length"] = str(len(body))
    request.read()  # what httpx does for a body held in memory
    return request


def _is_bytes(content: object) -> bool:
    return content is None or type(content) is bytes


def _cached_headers(
    cache: HeaderCache,
    method: str,
    has_body: bool,
    url: httpx.URL,
    client_headers: list[tuple[bytes, bytes]],
    defaults: Mapping[str, str],
    headers: Mapping[str, str],
) -> httpx.Headers:
    """``_ready_headers`` for these inputs, from ``cache`` when it has them."""
    try:
        key = (
            method,
            has_body,
            url.netloc,
            tuple(client_headers),
            tuple(defaults.items()),
            tuple(headers.items()),
        )
        cached = cache.get(key)
    except TypeError:  # a value that is not text: httpx says what is wrong
        return _GENERAL
    if cached is None:
        cached = _ready_headers(
            method, has_body, url, client_headers, defaults, headers
        )
        if len(cache) >= _CACHE_SIZE:
            cache.clear()  # bounded: header values that change per call
        cache[key] = cached
    return cached


def _ready_headers(
    method: str,
    has_body: bool,
    url: httpx.URL,
    client_headers: list[tuple[bytes, bytes]],
    defaults: Mapping[str, str],
    headers: Mapping[str, str],
) -> httpx.Headers:
    """The headers httpx would send for such a request, but a body's length.

    ``_GENERAL`` when a header httpx derives is set by the client or the call.
    """
    merged = _merged(client_headers, defaults, headers)
    names = {
        (key if isinstance(key, bytes) else key.encode("ascii")).lower()
        for key, _ in merged
    }
    if names & _DERIVED:
        return _GENERAL
    # httpx puts these first, in this order (Request._prepare).
    derived: list[tuple[Any, Any]] = [(b"Host", url.netloc)]
    if method in _BODY_METHODS and not has_body:
        derived.append((b"Content-Length", b"0"))
    return httpx.Headers(derived + merged)


def _merged(
    client_headers: list[tuple[bytes, bytes]],
    defaults: Mapping[str, str],
    headers: Mapping[str, str],
) -> list[tuple[Any, Any]]:
    """The client's headers, then the defaults, then the call's: each name once."""
    called = {key.lower().encode() for key in headers}
    chosen = {key.lower().encode() for key in defaults} - called
    replaced = called | chosen
    # httpx takes str and bytes pairs alike (its own are bytes, kept as they are).
    merged: list[tuple[Any, Any]] = [
        (key, value) for key, value in client_headers if key.lower() not in replaced
    ]
    merged.extend(
        (key, value)
        for key, value in defaults.items()
        if key.lower().encode() in chosen
    )
    merged.extend(headers.items())
    return merged


def _through_build_request(
    http: httpx.Client | httpx.AsyncClient,
    method: str,
    url: httpx.URL,
    *,
    params: list[tuple[str, QueryValue]] | None,
    headers: Mapping[str, str],
    defaults: Mapping[str, str],
    data: Any,
    files: Any,
    content: Any,
    extensions: dict[str, Any],
) -> httpx.Request:
    request = http.build_request(
        method,
        url,
        params=params,
        headers=headers,
        data=data,
        files=files,
        content=content,
        extensions=extensions,
    )
    given = {key.lower() for key in headers}
    for key, value in defaults.items():
        if key.lower() not in given:
            request.headers[key] = value
    return request
