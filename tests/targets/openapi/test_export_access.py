"""The OpenAPI export of auth kinds, AND/OR auth, servers and constant headers."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.spec.normalize import normalize
from generator.targets.openapi.document import build_openapi
from tests import paths

GOLDEN = paths.REPO / "tests" / "golden"


def export(case: str) -> dict[str, Any]:
    text = (GOLDEN / case / "spec.yaml").read_text(encoding="utf-8")
    return build_openapi(normalize(yaml.safe_load(text)), source=case)


@pytest.fixture(scope="module")
def auth_kinds() -> dict[str, Any]:
    return export("auth_kinds")


@pytest.fixture(scope="module")
def servers() -> dict[str, Any]:
    return export("servers")


@pytest.mark.parametrize("case", ["auth_kinds", "servers"])
def test_export_is_valid_openapi_3_1(case: str) -> None:
    validate(export(case))


def test_every_auth_kind_has_its_security_scheme(auth_kinds: dict[str, Any]) -> None:
    schemes = auth_kinds["components"]["securitySchemes"]
    shapes = {
        name: {k: v for k, v in scheme.items() if k != "description"}
        for name, scheme in schemes.items()
    }
    assert shapes["basic"] == {"type": "http", "scheme": "basic"}
    assert shapes["bearer"] == {"type": "http", "scheme": "bearer"}
    assert shapes["query_key"] == {"type": "apiKey", "in": "query", "name": "api_key"}
    assert shapes["cookie_key"] == {
        "type": "apiKey",
        "in": "cookie",
        "name": "session_id",
    }
    assert shapes["app"] == {"type": "apiKey", "in": "header", "name": "X_App_Id"}
    assert shapes["service"]["flows"] == {
        "clientCredentials": {
            "tokenUrl": "https://auth.payments.test/oauth/token",
            "scopes": {},
        }
    }


def test_and_groups_share_one_requirement_object(auth_kinds: dict[str, Any]) -> None:
    refund = auth_kinds["paths"]["/charges/{id}/refund"]["post"]
    assert refund["security"] == [{"bearer": [], "app": []}, {"service": []}]
    get = auth_kinds["paths"]["/charges/{id}"]["get"]
    assert get["security"] == [{"bearer": []}, {"basic": []}]


def test_servers_keep_their_variables(servers: dict[str, Any]) -> None:
    assert servers["servers"] == [
        {"url": "https://eu.storage.test/v1"},
        {
            "url": "https://{region}.storage.test/v1",
            "description": "The live service.",
            "x-environment": "production",
            "variables": {
                "region": {
                    "enum": ["eu", "us", "ap"],
                    "default": "eu",
                    "description": "Where the data lives.",
                }
            },
        },
        {
            "url": "https://sandbox.storage.test/{version}",
            "description": "A test service with fake data.",
            "x-environment": "sandbox",
            "variables": {
                "version": {"default": "v1", "description": "The API version path."}
            },
        },
    ]


def test_operation_base_url_becomes_its_servers(servers: dict[str, Any]) -> None:
    status = servers["paths"]["/health"]["get"]
    assert status["servers"] == [{"url": "https://status.storage.test"}]
    assert "servers" not in servers["paths"]["/buckets"]["options"]


def test_constant_headers_are_const_header_parameters(
    servers: dict[str, Any],
) -> None:
    get = servers["paths"]["/buckets/{name}"]["get"]
    headers = {p["name"]: p for p in get["parameters"] if p["in"] == "header"}
    # The operation's Accept wins over the API's; the version comes from the API.
    assert headers["Accept"]["schema"] == {
        "type": "string",
        "const": "application/json",
        "default": "application/json",
    }
    assert headers["X-Api-Version"]["schema"]["const"] == "2024-01-01"
    assert headers["X-Api-Version"]["required"] is True
    # A header parameter keeps its own entry, with the default the SDK sends.
    assert headers["X-Consistency"]["schema"]["default"] == "strong"


def test_head_and_options_are_exported(servers: dict[str, Any]) -> None:
    assert "head" in servers["paths"]["/buckets/{name}"]
    assert "options" in servers["paths"]["/buckets"]


def test_a_head_answer_has_no_content_even_with_an_envelope() -> None:
    text = (GOLDEN / "servers" / "spec.yaml").read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    document["envelope"] = {"data": "data"}
    openapi = build_openapi(normalize(document), source="servers")
    head = openapi["paths"]["/buckets/{name}"]["head"]["responses"]["200"]
    assert "content" not in head
    options = openapi["paths"]["/buckets"]["options"]["responses"]["200"]
    assert "content" in options
    validate(openapi)
