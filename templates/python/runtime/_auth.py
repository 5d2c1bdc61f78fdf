"""Choosing the credential for an operation and hiding credentials from output.

An operation lists the auth schemes it accepts, preferred first; the client
holds at most one credential per scheme (the OAuth2 scheme's is the current
access token). The first scheme with a credential wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ._exceptions import AuthenticationRequiredError
from ._operation import ApiConfig, Operation

__all__ = [
    "REDACTED",
    "SelectedAuth",
    "redact_headers",
    "secret_header_names",
    "select_auth",
]

REDACTED = "<redacted>"
_ALWAYS_SECRET = frozenset({"authorization", "proxy-authorization", "cookie"})


@dataclass(frozen=True, slots=True, repr=False)
class SelectedAuth:
    """The scheme chosen for one request and the credential it used."""

    scheme: str
    header: str
    value: str
    credential: str

    def __repr__(self) -> str:
        return f"SelectedAuth(scheme={self.scheme!r}, header={self.header!r})"


def select_auth(
    config: ApiConfig, op: Operation[Any], credentials: Mapping[str, str | None]
) -> SelectedAuth | None:
    """Return the auth to send with ``op``, or ``None`` when it needs none.

    Raises:
        AuthenticationRequiredError: ``op`` needs a credential the client lacks.
    """
    if not op.auth:
        return None
    for name in op.auth:
        credential = credentials.get(name)
        if credential:
            scheme = config.scheme(name)
            value = scheme.format.replace("{value}", credential)
            return SelectedAuth(name, scheme.header, value, credential)
    arguments = tuple(dict.fromkeys(config.scheme(name).argument for name in op.auth))
    raise AuthenticationRequiredError(op.name, arguments)


def secret_header_names(config: ApiConfig) -> frozenset[str]:
    """Return the lower-cased names of headers whose values are secret."""
    return _ALWAYS_SECRET | {scheme.header.lower() for scheme in config.auth_schemes}


def redact_headers(
    headers: Iterable[tuple[str, str]], secret_names: frozenset[str]
) -> dict[str, str]:
    """Return the headers with every secret value replaced, for logging."""
    return {
        key: REDACTED if key.lower() in secret_names else value
        for key, value in headers
    }
