"""Credentials from environment variables, named per auth scheme in the spec (``env``).

The Imgur spec names ``IMGUR_CLIENT_ID`` and ``IMGUR_ACCESS_TOKEN``; the generated
client reads them when the argument is left out, and an argument passed wins.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import imgur_client
import pytest

from generator.spec.validate import validate_path
from tests import paths

ROOT = paths.REPO


def sent_authorization(**arguments: str) -> str:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"data": {"id": "abc"}, "success": True, "status": 200}
        return httpx.Response(200, json=body)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with imgur_client.ImgurClient(http_client=http, **arguments) as client:
        client.image.get("abc")
    return seen[0].headers["Authorization"]


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMGUR_CLIENT_ID", "from-env")
    monkeypatch.delenv("IMGUR_ACCESS_TOKEN", raising=False)

    assert sent_authorization() == "Client-ID from-env"
    assert sent_authorization(client_id="given") == "Client-ID given"
    monkeypatch.setenv("IMGUR_ACCESS_TOKEN", "member-token")
    assert sent_authorization() == "Bearer member-token"


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMGUR_CLIENT_ID", "")
    monkeypatch.delenv("IMGUR_ACCESS_TOKEN", raising=False)

    with pytest.raises(imgur_client.AuthenticationRequiredError):
        sent_authorization()


def test_the_spec_schema_rejects_a_bad_variable_name(tmp_path: Path) -> None:
    spec = tmp_path / "imgur"
    shutil.copytree(ROOT / "spec" / "imgur", spec)
    api = spec / "api.yaml"
    api.write_text(api.read_text().replace("env: IMGUR_CLIENT_ID", "env: imgur-id"))

    result = validate_path(spec)

    assert [d for d in result.errors if "imgur-id" in str(d)], result.diagnostics
    assert validate_path(ROOT / "spec" / "imgur").errors == []
