"""Building the ``httpx.Request`` of a call without ``Client.build_request``.

``build_request`` merges the call's URL, headers, cookies and query with the
client's, in the general way: it copies the client's headers and then looks
each of the call's up, decoding every header each time. A call's URL is
already absolute here and the headers are few, so for a client with no cookies
and no default query of its own the merge is done in one pass over the
client's headers, and ``httpx.Request`` is built directly: the same request
for less than half the work. Any other client goes through ``build_request``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import httpx

__all__ = ["build"]

QueryValue = str | int | float | bool | None


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
) -> httpx.Request:
    """The request ``http.build_request`` would make, ``defaults`` under ``headers``.

    ``defaults`` are headers the SDK sends unless the call sets them: they win
    over the client's own (which the SDK filtered beforehand), lose to the call's.
    """
    if http.cookies or http.params or not url.is_absolute_url:
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
    called = {key.lower().encode() for key in headers}
    chosen = {key.lower().encode() for key in defaults} - called
    replaced = called | chosen
    # httpx takes str and bytes pairs alike (its own are bytes, kept as they are).
    merged: list[tuple[Any, Any]] = [
        (key, value) for key, value in http.headers.raw if key.lower() not in replaced
    ]
    merged.extend(
        (key, value)
        for key, value in defaults.items()
        if key.lower().encode() in chosen
    )
    merged.extend(headers.items())
    return httpx.Request(
        method,
        url,
        params=params,
        headers=cast("list[tuple[str, str]]", merged),
        data=data,
        files=files,
        content=content,
        extensions=extensions,
    )
