"""Check the requests a generated SDK sends against that SDK's OpenAPI export.

Shared by the tests that validate exports with third-party tools: the SDK sends
each call through an ``httpx.MockTransport`` that records the request and answers
a stock success, and openapi-core validates the recorded request (method, path
and its parameters, query, headers, security, body by media type) against the
``openapi.json`` generated beside the SDK. Works for any output folder: the
Imgur SDK in ``generated/`` and every golden case's ``expected/``.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.security.exceptions import SecurityProviderError
from openapi_core.security.factories import SecurityProviderFactory
from openapi_core.security.providers import BaseProvider
from werkzeug.datastructures import Headers, ImmutableMultiDict


class BearerProvider(BaseProvider):
    """OAuth2 (RFC 6750): the access token in ``Authorization: Bearer ...``.

    openapi-core leaves oauth2 unchecked (it warns and accepts anything), which
    would let a request with no credential at all pass an OAuth-only operation.
    """

    def __call__(self, parameters: RequestParameters) -> Any:
        value = str(parameters.header.get("Authorization", ""))
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise SecurityProviderError("no bearer token")
        return token


class _Providers(SecurityProviderFactory):
    PROVIDERS: ClassVar[dict[str, type[BaseProvider]]] = {
        **SecurityProviderFactory.PROVIDERS,
        "oauth2": BearerProvider,
    }


def _json(value: bytes, **_: Any) -> Any:
    return json.loads(value)


def _config(document: dict[str, Any]) -> Config:
    """openapi-core's configuration for one exported document.

    openapi-core deserializes only application/json and application/vnd.api+json
    as JSON, though RFC 6839 makes every ``+json`` media type JSON (such as
    application/merge-patch+json). A validator limitation, adapted here on the
    test side: every ``+json`` media type the document names reads as JSON.
    """
    suffixed = sorted(set(_JSON_SUFFIX.findall(json.dumps(document))))
    return Config(
        security_provider_factory=_Providers(),
        extra_media_type_deserializers=dict.fromkeys(suffixed, _json),
    )


_JSON_SUFFIX = re.compile(r'"([a-z]+/[A-Za-z0-9.!#$&^_-]+\+json)"')


class HttpxOpenAPIRequest:
    """An ``httpx.Request`` as openapi-core's ``Request`` protocol reads one."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        self._url = urlsplit(str(request.url))
        query = parse_qsl(self._url.query, keep_blank_values=True)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query),
            header=Headers(list(request.headers.multi_items())),
            cookie=ImmutableMultiDict(_cookies(request)),
        )

    @property
    def host_url(self) -> str:
        return f"{self._url.scheme}://{self._url.netloc}"

    @property
    def path(self) -> str:
        return self._url.path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        content = self._request.read()
        return content or None

    @property
    def content_type(self) -> str:
        return self._request.headers.get("content-type", "").lower()


def _cookies(request: httpx.Request) -> list[tuple[str, str]]:
    header = request.headers.get("cookie", "")
    pairs = (part.strip().partition("=") for part in header.split(";") if part)
    return [(name, value) for name, _, value in pairs]


@dataclass
class Recorder:
    """A transport that keeps every request and answers ``answer`` as JSON."""

    answer: Any
    requests: list[httpx.Request] = field(default_factory=list)

    def transport(self) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            request.read()  # streamed uploads: keep the bytes for validation
            self.requests.append(request)
            return httpx.Response(200, json=self.answer)

        return httpx.MockTransport(handle)


@dataclass
class ExportedSDK:
    """A generated output folder: its SDK package and its OpenAPI export."""

    out: Path
    package: ModuleType
    openapi: OpenAPI
    document: dict[str, Any]

    @classmethod
    def load(cls, out: Path) -> ExportedSDK:
        """Import the SDK under ``out/python/src`` and read ``out/openapi.json``."""
        src = out / "python" / "src"
        (package_dir,) = [p for p in src.iterdir() if (p / "__init__.py").is_file()]
        if str(src) not in sys.path:
            sys.path.insert(0, str(src))
        package = importlib.import_module(package_dir.name)
        document = json.loads((out / "openapi.json").read_text(encoding="utf-8"))
        openapi = OpenAPI.from_dict(document, config=_config(document))
        return cls(out, package, openapi, document)

    def send(
        self,
        call: Callable[[Any], object],
        *,
        credentials: dict[str, str],
        answer: Any = None,
    ) -> httpx.Request:
        """The one request ``call(client)`` sends with a recording sync client.

        The answer may not fit the operation's return type: a response the SDK
        refuses (``SDKError``) is fine here, the request was already recorded.
        """
        recorder = Recorder(answer)
        http = httpx.Client(transport=recorder.transport())
        client = _client(self.package, credentials, http)
        try:
            with warnings.catch_warnings():
                # Deprecated operations warn; the request is what counts here.
                warnings.simplefilter("ignore", DeprecationWarning)
                call(client)
        except self.package.SDKError:
            if not recorder.requests:
                raise
        finally:
            client.close()
        (request,) = recorder.requests
        return request

    @functools.cached_property
    def operation_cases(self) -> list[dict[str, Any]]:
        """The SDK's own sample call of every operation (``tests/operations/``).

        Each case names the resource attribute, the method, its keyword arguments
        (uploads listed by name), the credentials and a sample payload.
        """
        cases = []
        folder = self.out / "python" / "tests" / "operations"
        for path in sorted(folder.glob("*.json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            for case in document["cases"]:
                cases.append({**case, "resource": document["resource"]})
        return cases

    def send_case(self, case: dict[str, Any]) -> httpx.Request:
        """The request the SDK sends for one of ``operation_cases``."""
        upload = self.package.Upload.from_bytes(
            b"\x89PNG\r\n\x1a\n", filename="a.png", content_type="image/png"
        )
        kwargs = {**case["kwargs"], **dict.fromkeys(case["uploads"], upload)}

        def call(client: Any) -> object:
            method = getattr(getattr(client, case["resource"]), case["operation"])
            return method(**kwargs)

        return self.send(call, credentials=case["credentials"], answer=None)

    def validate(self, request: httpx.Request) -> None:
        """Raise openapi-core's error when ``request`` breaks the export."""
        self.openapi.validate_request(HttpxOpenAPIRequest(request))


def _client(package: ModuleType, credentials: dict[str, str], http: Any) -> Any:
    """The package's synchronous client class, built on the recording transport."""
    sync = [
        getattr(package, name)
        for name in package.__all__
        if name.endswith("Client") and not name.startswith("Async")
    ]
    (client_class,) = sync
    return client_class(**credentials, http_client=http, max_retries=0)
