"""OAuth2 helpers: the authorization URL, token exchanges and refreshes.

The client's OAuth2 scheme credential is the current access token; every
exchange or refresh replaces it (in the credentials dict the client shares with
this object) and calls ``on_token_refresh`` so the application can store the new
tokens. The token endpoint lies outside the base URL and answers without the
envelope; its errors may use the envelope, so messages are found through the
config's message paths. A lock makes concurrent calls that all saw an expired
token refresh it once.

With the ``client_credentials`` grant the client needs no user: it trades its
client id and secret for a token before the first call that needs one, keeps
it until shortly before ``expires_in`` runs out, and fetches a new one then (or
after the API rejects it), once however many calls wait for it.
"""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

import httpx

from ._envelope import read_json, status_error
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ResponseValidationError,
    SDKError,
)
from ._logs import logger
from ._oauth_types import OAuthSettings, TokenRefreshError, TokenResponse
from ._operation import ApiConfig, Operation
from ._types import TimeoutTypes

__all__ = [
    "AsyncOAuthClient",
    "BaseOAuthClient",
    "OAuthClient",
    "OAuthSettings",
    "TokenResponse",
]

_OPERATION = "oauth.token"
_EXPIRY_MARGIN = 30.0
"""Seconds before a token's expiry at which it counts as expired: a call sent
just in time must not arrive just too late."""


def _token_path(response: httpx.Response) -> str:
    return response.request.url.path


class BaseOAuthClient:
    """State and I/O-free logic shared by the sync and async helpers."""

    def __init__(
        self,
        *,
        config: ApiConfig,
        settings: OAuthSettings,
        credentials: dict[str, str | None],
        timeout: TimeoutTypes,
    ) -> None:
        self._config = config
        scheme = config.scheme(settings.scheme)
        # The caller's URLs win over the spec's: a proxy, a test server.
        self._scheme = replace(
            scheme,
            token_url=settings.token_url or scheme.token_url,
            authorize_url=settings.authorize_url or scheme.authorize_url,
        )
        self._settings = settings
        self._credentials = credentials
        self._refresh_token = settings.refresh_token
        self._timeout = timeout
        self._expires_at: float | None = None  # monotonic; None: not known
        self._monotonic = time.monotonic

    def held_secrets(self) -> list[str]:
        """The secrets this helper holds (client secret, refresh token)."""
        held = (self._settings.client_secret, self._refresh_token)
        return [secret for secret in held if secret]

    @property
    def access_token(self) -> str | None:
        """The access token the client currently sends."""
        return self._credentials.get(self._scheme.name)

    @property
    def refresh_statuses(self) -> tuple[int, ...]:
        return self._settings.refresh_statuses

    def authorization_url(
        self, response_type: str = "token", state: str | None = None
    ) -> str:
        """Return the URL to send the user to for authorizing this application."""
        if self._scheme.authorize_url is None:
            raise SDKError(f"auth scheme {self._scheme.name!r} has no authorize_url")
        allowed = self._scheme.response_types
        if allowed and response_type not in allowed:
            raise ValueError(f"response_type must be one of {', '.join(allowed)}")
        query = {"client_id": self._need_client_id(), "response_type": response_type}
        if state is not None:
            query["state"] = state
        separator = "&" if "?" in self._scheme.authorize_url else "?"
        return self._scheme.authorize_url + separator + urlencode(query)

    def can_refresh(self) -> bool:
        """Return whether a new token can be had (refresh or client credentials)."""
        settings = self._settings
        if not (settings.client_id and settings.client_secret):
            return False
        return bool(self._refresh_token) or self._has_client_credentials()

    def _has_client_credentials(self) -> bool:
        settings = self._settings
        return (
            "client_credentials" in self._scheme.grants
            and bool(settings.client_id)
            and bool(settings.client_secret)
        )

    def fetches_tokens(self, op: Operation[Any]) -> bool:
        """Whether ``op`` may use a token this helper fetches by itself."""
        return self._scheme.name in op.auth and self._has_client_credentials()

    def _token_current(self) -> bool:
        if not self.access_token:
            return False
        expires = self._expires_at
        return expires is None or self._monotonic() < expires - _EXPIRY_MARGIN

    def _renewal(self) -> tuple[str, dict[str, str]]:
        """The grant renewing the token: a refresh token, else client credentials."""
        if not self._refresh_token and self._has_client_credentials():
            return "client_credentials", {}
        return "refresh_token", self._refresh_fields()

    def _need_client_id(self) -> str:
        if not self._settings.client_id:
            raise SDKError("OAuth2 needs the client_id: pass client_id= to the client")
        return self._settings.client_id

    def _token_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        grant: str,
        fields: Mapping[str, str],
    ) -> httpx.Request:
        if self._scheme.token_url is None:
            raise SDKError(f"auth scheme {self._scheme.name!r} has no token_url")
        if self._scheme.grants and grant not in self._scheme.grants:
            raise SDKError(f"the token endpoint does not accept the {grant!r} grant")
        if not self._settings.client_secret:
            raise SDKError("OAuth2 token requests need client_secret= on the client")
        data = {
            "client_id": self._need_client_id(),
            "client_secret": self._settings.client_secret,
            "grant_type": grant,
            **fields,
        }
        headers = {"User-Agent": self._config.user_agent, "Accept": "application/json"}
        logger.debug("HTTP request: POST %s (grant %s)", self._scheme.token_url, grant)
        return http.build_request(
            "POST",
            self._scheme.token_url,
            data=data,
            headers=headers,
            timeout=self._timeout,
        )

    def _refresh_fields(self) -> dict[str, str]:
        if not self._refresh_token:
            raise TokenRefreshError("cannot refresh the access token: no refresh token")
        return {"refresh_token": self._refresh_token}

    def _read_token(self, response: httpx.Response) -> TokenResponse:
        if response.status_code >= 400:
            raise status_error(self._config, response, operation=_OPERATION, path=None)
        try:
            token = TokenResponse.from_dict(read_json(response))
        except ResponseValidationError as err:
            err.attach(
                operation=_OPERATION, response=response, path=_token_path(response)
            )
            raise
        self._credentials[self._scheme.name] = token.access_token
        self._expires_at = (
            None if token.expires_in is None else self._monotonic() + token.expires_in
        )
        if token.refresh_token:
            self._refresh_token = token.refresh_token
        return token

    def __repr__(self) -> str:
        return f"<{type(self).__name__} scheme={self._scheme.name!r}>"


def _transport_error(
    err: httpx.RequestError, request: httpx.Request
) -> APIConnectionError:
    if isinstance(err, httpx.TimeoutException):
        return APITimeoutError(request=request, operation=_OPERATION)
    return APIConnectionError(
        f"connection error ({type(err).__name__})",
        request=request,
        operation=_OPERATION,
    )


class OAuthClient(BaseOAuthClient):
    """Token helpers of a synchronous client (``client.oauth``)."""

    def __init__(self, *, http: httpx.Client, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._http = http
        self._lock = threading.RLock()

    def exchange_code(self, code: str) -> TokenResponse:
        """Trade an authorization code for tokens and start using them."""
        return self._exchange("authorization_code", {"code": code})

    def exchange_pin(self, pin: str) -> TokenResponse:
        """Trade a PIN for tokens and start using them."""
        return self._exchange("pin", {"pin": pin})

    def refresh(self) -> TokenResponse:
        """Renew the access token, or raise ``TokenRefreshError``."""
        with self._lock:
            try:
                return self._exchange(*self._renewal())
            except TokenRefreshError:
                raise
            except SDKError as err:
                raise TokenRefreshError(
                    f"could not refresh the access token: {err}"
                ) from err

    def refresh_if_current(self, used_token: str) -> None:
        """Refresh unless another call already replaced ``used_token``."""
        with self._lock:
            if self.access_token == used_token:
                self.refresh()

    def ensure_token(self) -> None:
        """Fetch a token with the client credentials unless a current one is held."""
        if self._token_current():
            return
        with self._lock:
            if not self._token_current():  # another thread may have fetched it
                self._exchange("client_credentials", {})

    def _exchange(self, grant: str, fields: Mapping[str, str]) -> TokenResponse:
        request = self._token_request(self._http, grant, fields)
        try:
            response = self._http.send(request)
        except httpx.RequestError as err:
            raise _transport_error(err, request) from err
        token = self._read_token(response)
        if self._settings.on_token_refresh is not None:
            self._settings.on_token_refresh(token)
        return token


class AsyncOAuthClient(BaseOAuthClient):
    """Token helpers of an asynchronous client (``client.oauth``)."""

    def __init__(self, *, http: httpx.AsyncClient, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._http = http
        # Here, not at the top: only async clients need it. anyio, not asyncio, so
        # concurrent refreshes wait on one lock under trio as well.
        import anyio

        self._lock = anyio.Lock()

    async def exchange_code(self, code: str) -> TokenResponse:
        """Trade an authorization code for tokens and start using them."""
        return await self._exchange("authorization_code", {"code": code})

    async def exchange_pin(self, pin: str) -> TokenResponse:
        """Trade a PIN for tokens and start using them."""
        return await self._exchange("pin", {"pin": pin})

    async def refresh(self) -> TokenResponse:
        """Renew the access token, or raise ``TokenRefreshError``."""
        async with self._lock:
            return await self._refresh_unlocked()

    async def refresh_if_current(self, used_token: str) -> None:
        """Refresh unless another call already replaced ``used_token``."""
        async with self._lock:
            if self.access_token == used_token:
                await self._refresh_unlocked()

    async def ensure_token(self) -> None:
        """Fetch a token with the client credentials unless a current one is held."""
        if self._token_current():
            return
        async with self._lock:
            if not self._token_current():  # another task may have fetched it
                await self._exchange("client_credentials", {})

    async def _refresh_unlocked(self) -> TokenResponse:
        try:
            return await self._exchange(*self._renewal())
        except TokenRefreshError:
            raise
        except SDKError as err:
            raise TokenRefreshError(
                f"could not refresh the access token: {err}"
            ) from err

    async def _exchange(self, grant: str, fields: Mapping[str, str]) -> TokenResponse:
        request = self._token_request(self._http, grant, fields)
        try:
            response = await self._http.send(request)
        except httpx.RequestError as err:
            raise _transport_error(err, request) from err
        token = self._read_token(response)
        if self._settings.on_token_refresh is not None:
            result = self._settings.on_token_refresh(token)
            if inspect.isawaitable(result):
                await result
        return token
