"""The clients of an API with an OAuth2 scheme: token helpers and refresh on 401.

Generated only for such APIs, with ``_oauth`` and ``_oauth_types``: the base
clients in ``_api_client`` know nothing of OAuth2. These subclasses add
``client.oauth`` (authorization URL, code and PIN exchanges, refresh) and, when a
call sent with the access token is refused with a refresh status, renew the token
once and send the call again.
"""

from __future__ import annotations

from typing import Any

import httpx

from ._api_client import AsyncAPIClient, SyncAPIClient
from ._base_client import Prepared
from ._oauth import AsyncOAuthClient, BaseOAuthClient, OAuthClient, OAuthSettings
from ._operation import ApiConfig, Operation

__all__ = ["AsyncOAuthAPIClient", "SyncOAuthAPIClient", "expired_token"]


class SyncOAuthAPIClient(SyncAPIClient):
    """``SyncAPIClient`` with ``client.oauth`` and token refresh."""

    oauth: OAuthClient | None
    """Token helpers for the API's OAuth2 scheme."""

    def __init__(self, *, oauth: OAuthSettings | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._oauth_settings = resolve_oauth(self._config, oauth)
        self.oauth = None
        if self._oauth_settings is not None:
            self.oauth = OAuthClient(
                http=self._http,
                config=self._config,
                settings=self._oauth_settings,
                credentials=self._credentials,
                timeout=self.timeout,
            )

    def _before_call(self, op: Operation[Any]) -> None:
        """Fetch a client-credentials token first when ``op`` needs one."""
        if self.oauth is not None and self.oauth.fetches_tokens(op):
            self.oauth.ensure_token()

    def _renew_credential(
        self, prepared: Prepared, response: httpx.Response
    ) -> Prepared | None:
        """Refresh the access token ``response`` refused; resend if the body can."""
        expired = expired_token(
            self._config, self._oauth_settings, prepared, response, self.oauth
        )
        if expired is None or self.oauth is None:
            return None
        self.oauth.refresh_if_current(expired)
        return self._reauthorize(prepared) if prepared.parts.rewindable else None


class AsyncOAuthAPIClient(AsyncAPIClient):
    """``AsyncAPIClient`` with ``client.oauth`` and token refresh."""

    oauth: AsyncOAuthClient | None
    """Token helpers for the API's OAuth2 scheme."""

    def __init__(self, *, oauth: OAuthSettings | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._oauth_settings = resolve_oauth(self._config, oauth)
        self.oauth = None
        if self._oauth_settings is not None:
            self.oauth = AsyncOAuthClient(
                http=self._http,
                config=self._config,
                settings=self._oauth_settings,
                credentials=self._credentials,
                timeout=self.timeout,
            )

    async def _before_call(self, op: Operation[Any]) -> None:
        """Fetch a client-credentials token first when ``op`` needs one."""
        if self.oauth is not None and self.oauth.fetches_tokens(op):
            await self.oauth.ensure_token()

    async def _renew_credential(
        self, prepared: Prepared, response: httpx.Response
    ) -> Prepared | None:
        """Refresh the access token ``response`` refused; resend if the body can."""
        expired = expired_token(
            self._config, self._oauth_settings, prepared, response, self.oauth
        )
        if expired is None or self.oauth is None:
            return None
        await self.oauth.refresh_if_current(expired)
        return self._reauthorize(prepared) if prepared.parts.rewindable else None


def expired_token(
    config: ApiConfig,
    settings: OAuthSettings | None,
    prepared: Prepared,
    response: httpx.Response,
    oauth: BaseOAuthClient | None,
) -> str | None:
    """Return the access token ``response`` rejected, if it can be refreshed."""
    auth = prepared.auth
    if settings is None or auth is None or oauth is None:
        return None
    used = auth.credential_of(settings.scheme)
    rejected = used is not None and response.status_code in settings.refresh_statuses
    if rejected and _refresh_enabled(config, settings) and oauth.can_refresh():
        return used
    return None


def resolve_oauth(
    config: ApiConfig, oauth: OAuthSettings | None
) -> OAuthSettings | None:
    """The settings given, else defaults for the API's first oauth2 scheme."""
    if oauth is not None:
        if config.scheme(oauth.scheme).kind != "oauth2":
            raise ValueError(f"auth scheme {oauth.scheme!r} is not an oauth2 scheme")
        return oauth
    for scheme in config.auth_schemes:
        if scheme.kind == "oauth2":
            return OAuthSettings(scheme=scheme.name)
    return None


def _refresh_enabled(config: ApiConfig, settings: OAuthSettings) -> bool:
    scheme = config.scheme(settings.scheme)
    return (
        scheme.refresh
        or "refresh_token" in scheme.grants
        or "client_credentials" in scheme.grants
    )
