"""OAuth2 value objects: client settings, token answers, the failed-refresh error.

The settings and the answers hold secrets, so their reprs leave them out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._exceptions import ResponseValidationError, SDKError

__all__ = ["OAuthSettings", "TokenRefreshError", "TokenResponse"]


class TokenRefreshError(SDKError):
    """The OAuth2 access token could not be refreshed; the cause is chained."""


@dataclass(frozen=True, slots=True, repr=False)
class OAuthSettings:
    """OAuth2 settings the generated client passes to the base client."""

    scheme: str
    """Name of the oauth2 auth scheme whose credential is the access token."""
    client_id: str | None = None
    client_secret: str | None = None
    refresh_token: str | None = None
    on_token_refresh: Callable[[TokenResponse], object] | None = None
    """Called with every new token; an async client awaits what it returns."""
    refresh_statuses: tuple[int, ...] = (401, 403)
    """Statuses after which a call that sent the access token refreshes it."""
    token_url: str | None = None
    """Send token requests here instead of the spec's token URL (a proxy, a test
    server)."""
    authorize_url: str | None = None
    """Build authorization links on this URL instead of the spec's."""

    def __repr__(self) -> str:
        statuses = self.refresh_statuses
        return f"OAuthSettings(scheme={self.scheme!r}, refresh_statuses={statuses!r})"


@dataclass(frozen=True, slots=True, repr=False)
class TokenResponse:
    """What the token endpoint returned."""

    access_token: str
    refresh_token: str | None = None
    expires_in: int | None = None
    token_type: str | None = None
    scope: str | None = None
    account_id: int | str | None = None
    account_username: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, body: object) -> TokenResponse:
        """Read a token endpoint answer; raise ``ResponseValidationError``."""
        if not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
            raise ResponseValidationError("the token response has no access_token")
        expires = body.get("expires_in")
        return cls(
            access_token=body["access_token"],
            refresh_token=_str_or_none(body.get("refresh_token")),
            expires_in=int(expires) if isinstance(expires, int | float) else None,
            token_type=_str_or_none(body.get("token_type")),
            scope=_str_or_none(body.get("scope")),
            account_id=(
                body.get("account_id")
                if isinstance(body.get("account_id"), int | str)
                else None
            ),
            account_username=_str_or_none(body.get("account_username")),
            raw=dict(body),
        )

    def __repr__(self) -> str:
        return (
            f"TokenResponse(token_type={self.token_type!r}, "
            f"expires_in={self.expires_in!r}, "
            f"account_username={self.account_username!r})"
        )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
