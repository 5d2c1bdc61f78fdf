"""``with_options()``: a configured copy of a client.

The copy shares what is expensive or must stay single: the HTTP connection pool,
the credentials (a token refreshed through one is current in both), the OAuth2
helper and the rate-limit record. It has its own timeout, retry count, default
headers and default query values, and its own resources (they are cached per
client and point back at it). Closing the copy leaves the shared HTTP client
open: the original owns it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import cached_property
from typing import Any, TypeVar

from ._types import NotGiven, TimeoutTypes

__all__ = ["configured_copy"]

C = TypeVar("C")


def configured_copy(
    client: C,
    *,
    timeout: TimeoutTypes | NotGiven,
    max_retries: int | NotGiven,
    default_headers: Mapping[str, str] | None,
    default_query: Mapping[str, str] | None,
) -> C:
    """Return a copy of ``client`` with the given settings changed."""
    new: Any = copy.copy(client)
    for name in _cached_names(type(client)):
        new.__dict__.pop(name, None)  # resources built for the original
    new._owns_http = False
    if not isinstance(timeout, NotGiven):
        new.timeout = timeout
    if not isinstance(max_retries, NotGiven):
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        new.max_retries = max_retries
    if default_headers:
        new._default_headers = {**new._default_headers, **default_headers}
        new._caller_headers = new._caller_headers | {k.lower() for k in default_headers}
        new._headers_per_request = True  # the pool's own headers are the old ones
    if default_query:
        new._default_query = {**new._default_query, **default_query}
    result: C = new
    return result


def _cached_names(cls: type) -> list[str]:
    return [
        name
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, cached_property)
    ]
