"""The generated clients of the auth_kinds and servers golden cases, end to end.

The runtime tests generated into every SDK prove the runtime; these prove the
generated constructors wire it: each kind's arguments and environment variables,
the client-credentials settings, ``environment=`` and ``server_variables=``.
"""

from __future__ import annotations

import base64
import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from tests import paths

GOLDEN = paths.REPO / "tests" / "golden"


def load(case: str, package: str) -> Iterator[ModuleType]:
    src = str(GOLDEN / case / "expected" / "python" / "src")
    sys.path.insert(0, src)
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(src)
        for name in [n for n in sys.modules if n.split(".")[0] == package]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def payments() -> Iterator[ModuleType]:
    yield from load("auth_kinds", "payments_client")


@pytest.fixture(scope="module")
def storage() -> Iterator[ModuleType]:
    yield from load("servers", "storage_client")


class Recorder:
    def __init__(self, body: Any = None) -> None:
        self.seen: list[httpx.Request] = []
        self.body = {"id": "ch_1", "amount": 5} if body is None else body

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "cc-1", "expires_in": 60})
        return httpx.Response(200, json=self.body)

    def client(self, cls: type, **arguments: Any) -> Any:
        http = httpx.Client(transport=httpx.MockTransport(self))
        return cls(http_client=http, **arguments)


@pytest.fixture(autouse=True)
def no_credentials_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PAYMENTS_USERNAME", "PAYMENTS_PASSWORD", "PAYMENTS_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def test_basic_credentials_from_arguments_and_environment(
    payments: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    client = recorder.client(payments.PaymentsClient, username="ann", password="pw")
    client.charge.get("ch_1")
    monkeypatch.setenv("PAYMENTS_USERNAME", "env-user")
    monkeypatch.setenv("PAYMENTS_PASSWORD", "env-pw")
    recorder.client(payments.PaymentsClient).charge.get("ch_1")

    sent = [r.headers["Authorization"] for r in recorder.seen]
    assert sent == [
        "Basic " + base64.b64encode(b"ann:pw").decode(),
        "Basic " + base64.b64encode(b"env-user:env-pw").decode(),
    ]


def test_bearer_from_the_environment_is_preferred(
    payments: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAYMENTS_TOKEN", "env-token")
    recorder = Recorder()
    recorder.client(payments.PaymentsClient, username="ann").charge.get("ch_1")

    assert recorder.seen[0].headers["Authorization"] == "Bearer env-token"


def test_query_and_cookie_keys(payments: ModuleType) -> None:
    recorder = Recorder(body=[])
    client = recorder.client(payments.PaymentsClient, api_key="k1", session_id="s1")
    client.charge.list()
    recorder.body = {"id": "ch_1", "amount": 5}
    client.charge.session()

    assert recorder.seen[0].url.params["api_key"] == "k1"
    assert recorder.seen[1].headers["Cookie"] == "session_id=s1"


def test_and_group_then_client_credentials(payments: ModuleType) -> None:
    recorder = Recorder()
    both = recorder.client(payments.PaymentsClient, token="t", app_id="a")
    both.charge.refund("ch_1")
    service = recorder.client(
        payments.PaymentsClient, client_id="cid", client_secret="csecret"
    )
    service.charge.refund("ch_1")

    first, exchange, refund = recorder.seen
    assert (first.headers["Authorization"], first.headers["X_App_Id"]) == (
        "Bearer t",
        "a",
    )
    assert str(exchange.url) == "https://auth.payments.test/oauth/token"
    assert parse_qs(exchange.content.decode())["grant_type"] == ["client_credentials"]
    assert refund.headers["Authorization"] == "Bearer cc-1"
    assert "X_App_Id" not in refund.headers


def test_environments_headers_and_methods(storage: ModuleType) -> None:
    recorder = Recorder(body={"name": "b"})
    client = recorder.client(
        storage.StorageClient,
        api_key="k",
        environment="production",
        server_variables={"region": "us"},
    )
    client.bucket.get("b")
    assert client.bucket.exists("b") is None
    client.bucket.status()

    get, head, status = recorder.seen
    assert str(get.url) == "https://us.storage.test/v1/buckets/b"
    assert get.headers["Accept"] == "application/json"
    assert get.headers["X-Api-Version"] == "2024-01-01"
    assert get.headers["X-Consistency"] == "strong"
    assert head.method == "HEAD"
    assert head.headers["Accept"] == "application/vnd.storage+json"
    assert str(status.url) == "https://status.storage.test/health"


def test_unknown_environment_is_refused(storage: ModuleType) -> None:
    with pytest.raises(ValueError, match="unknown environment 'staging'"):
        storage.StorageClient(environment="staging")
