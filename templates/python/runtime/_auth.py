"""Choosing the credentials for an operation and hiding credentials from output.

An operation lists the alternatives it accepts, preferred first; each
alternative is one scheme or several sent together (an API key and an app
token). The client holds at most one credential per scheme (an OAuth2 scheme's
is the current access token, an HTTP Basic scheme's is ``user:password``). The
first alternative whose credentials are all held wins.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from ._exceptions import AuthenticationRequiredError
from ._operation import ApiConfig, AuthScheme, Operation

__all__ = [
    "REDACTED",
    "AuthPart",
    "PlacedAuth",
    "SelectedAuth",
    "auth_secrets",
    "basic_credential",
    "hide_query_keys_from_httpx_logs",
    "redact_headers",
    "redact_url",
    "secret_header_names",
    "secret_query_names",
    "select_auth",
]

REDACTED = "<redacted>"
_ALWAYS_SECRET = frozenset({"authorization", "proxy-authorization", "cookie"})


# AuthPart and SelectedAuth are plain classes rather than dataclasses: a dataclass
# compiles its methods when the module is imported (about a millisecond each), and
# these need none of them. Neither is changed once made: a client reuses them.
class AuthPart:
    """One credential placed on the request: a header, query value or cookie."""

    __slots__ = ("credential", "location", "name", "scheme", "value")

    def __init__(
        self, scheme: str, location: str, name: str, value: str, credential: str
    ) -> None:
        self.scheme = scheme
        self.location = location  # header, query or cookie
        self.name = name
        self.value = value
        self.credential = credential

    def __repr__(self) -> str:
        return f"AuthPart(scheme={self.scheme!r}, {self.location}={self.name!r})"


class SelectedAuth:
    """The alternative chosen for one request: every credential it sends."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[AuthPart, ...]) -> None:
        self.parts = parts

    @property
    def scheme(self) -> str:
        """The first scheme of the alternative."""
        return self.parts[0].scheme

    @property
    def credential(self) -> str:
        """The first scheme's credential."""
        return self.parts[0].credential

    def credential_of(self, scheme: str) -> str | None:
        """The credential sent for ``scheme``, or None when it is not sent."""
        for part in self.parts:
            if part.scheme == scheme:
                return part.credential
        return None

    def __repr__(self) -> str:
        schemes = tuple(part.scheme for part in self.parts)
        return f"SelectedAuth(schemes={schemes!r})"


def basic_credential(username: str | None, password: str | None) -> str | None:
    """The HTTP Basic credential ``user:password``, or None when neither is given."""
    if not username and not password:
        return None
    return f"{username or ''}:{password or ''}"


def _alternatives(op: Operation[Any]) -> tuple[tuple[str, ...], ...]:
    return op.auth_groups or tuple((name,) for name in op.auth)


PlacedAuth = dict[tuple[str, str], SelectedAuth]
"""A client's credentials already placed, by scheme name and credential."""
_PLACED_SIZE = 16


def select_auth(
    config: ApiConfig,
    op: Operation[Any],
    credentials: Mapping[str, str | None],
    *,
    only: str | None = None,
    placed: PlacedAuth | None = None,
) -> SelectedAuth | None:
    """Return the auth to send with ``op``, or ``None`` when it needs none.

    ``only`` keeps the alternatives that include that scheme (``auth_scheme=``).
    ``placed`` keeps the choices of earlier calls made with one scheme alone
    (the common case), so a call does not place the same credential again.

    Raises:
        AuthenticationRequiredError: ``op`` needs a credential the client lacks.
    """
    if only is None and not op.auth_groups:
        # The common case, each scheme alone: no alternatives to build.
        for name in op.auth:
            credential = credentials.get(name)
            if credential:
                return _alone(config, name, credential, placed)
        if not op.auth:
            return None
    alternatives = _alternatives(op)
    if only is not None:
        alternatives = tuple(group for group in alternatives if only in group)
    if not alternatives:
        return None
    for group in alternatives:
        held = [credentials.get(name) for name in group]
        if all(held):
            return SelectedAuth(
                tuple(
                    _place(config.scheme(name), credential)
                    for name, credential in zip(group, held, strict=True)
                    if credential  # always true: narrows the type for mypy
                )
            )
    needed = tuple(
        tuple(config.scheme(name).argument for name in group) for group in alternatives
    )
    arguments = tuple(dict.fromkeys(name for group in needed for name in group))
    raise AuthenticationRequiredError(op.name, arguments, tuple(dict.fromkeys(needed)))


def _alone(
    config: ApiConfig, name: str, credential: str, placed: PlacedAuth | None
) -> SelectedAuth:
    """The scheme ``name`` alone, sending ``credential``."""
    key = (name, credential)
    selected = placed.get(key) if placed is not None else None
    if selected is None:
        selected = SelectedAuth((_place(config.scheme(name), credential),))
        if placed is not None:
            if len(placed) >= _PLACED_SIZE:
                placed.clear()  # bounded: every renewed token is a new key
            placed[key] = selected
    return selected


def _place(scheme: AuthScheme, credential: str) -> AuthPart:
    if scheme.location != "header":
        return AuthPart(
            scheme.name, scheme.location, scheme.key_name, credential, credential
        )
    value = credential
    if scheme.kind == "http_basic":
        value = base64.b64encode(credential.encode("utf-8")).decode("ascii")
    value = scheme.format.replace("{value}", value)
    return AuthPart(scheme.name, "header", scheme.header, value, credential)


def auth_secrets(config: ApiConfig, credentials: Mapping[str, str | None]) -> list[str]:
    """Every held credential and the forms it travels in, for scrubbing text."""
    held: list[str] = []
    for scheme in config.auth_schemes:
        credential = credentials.get(scheme.name)
        if not credential:
            continue
        held.append(credential)
        if scheme.kind == "http_basic":
            held.extend(part for part in credential.split(":", 1) if part)
            held.append(_place(scheme, credential).value.removeprefix("Basic "))
    return held


def secret_header_names(config: ApiConfig) -> frozenset[str]:
    """Return the lower-cased names of headers whose values are secret."""
    return _ALWAYS_SECRET | {
        scheme.header.lower()
        for scheme in config.auth_schemes
        if scheme.location == "header" and scheme.header
    }


def secret_query_names(config: ApiConfig) -> frozenset[str]:
    """Return the query parameters that carry an API key."""
    return frozenset(
        scheme.key_name for scheme in config.auth_schemes if scheme.location == "query"
    )


def redact_url(url: str, secret_names: frozenset[str]) -> str:
    """Return ``url`` without the query parameters that carry a key."""
    if not secret_names or "?" not in url:
        return url
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k not in secret_names]
    if len(kept) == len(pairs):
        return url  # nothing secret: the URL exactly as sent
    return urlunsplit(parts._replace(query=urlencode(kept)))


class _HttpxUrlFilter(logging.Filter):
    """Strips API keys from the URLs httpx's own INFO lines print."""

    def __init__(self) -> None:
        super().__init__()
        self.names: frozenset[str] = frozenset()

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and self.names:
            record.args = tuple(
                redact_url(str(arg), self.names) if isinstance(arg, httpx.URL) else arg
                for arg in record.args
            )
        return True


_HTTPX_FILTER = _HttpxUrlFilter()


def hide_query_keys_from_httpx_logs(secret_names: frozenset[str]) -> None:
    """Make httpx's request log lines leave out the query parameters named.

    httpx logs every request's full URL at INFO; a key in the query string
    would be in it. One filter serves every client of the process.
    """
    if not secret_names:
        return
    _HTTPX_FILTER.names = _HTTPX_FILTER.names | secret_names
    httpx_logger = logging.getLogger("httpx")
    if _HTTPX_FILTER not in httpx_logger.filters:
        httpx_logger.addFilter(_HTTPX_FILTER)


def redact_headers(
    headers: Iterable[tuple[str, str]], secret_names: frozenset[str]
) -> dict[str, str]:
    """Return the headers with every secret value replaced, for logging."""
    return {
        key: REDACTED if key.lower() in secret_names else value
        for key, value in headers
    }
