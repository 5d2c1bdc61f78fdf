"""The OpenAPI export of declared responses and the richer types (format 2).

Exports the ``responses`` and ``rich_types`` golden specs, checks they are valid
OpenAPI 3.1, and that each feature comes out as the spec README says.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.spec.normalize import normalize
from generator.spec.typeexpr import parse_type
from generator.targets.openapi.document import build_openapi
from generator.targets.openapi.schemas import field_schema, type_schema
from tests import paths

GOLDEN = paths.REPO / "tests" / "golden"


def export(case: str) -> dict[str, Any]:
    text = (GOLDEN / case / "spec.yaml").read_text(encoding="utf-8")
    return build_openapi(normalize(yaml.safe_load(text)), source=case)


@pytest.fixture(scope="module")
def responses() -> dict[str, Any]:
    return export("responses")


@pytest.fixture(scope="module")
def rich() -> dict[str, Any]:
    return export("rich_types")


@pytest.mark.parametrize("case", ["responses", "rich_types"])
def test_exports_are_valid_openapi_3_1(case: str) -> None:
    validate(export(case))


def test_each_declared_status_is_a_response(responses: dict[str, Any]) -> None:
    create = responses["paths"]["/items"]["post"]["responses"]
    assert list(create) == ["201", "422", "default"]
    assert create["201"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Item"
    }
    assert create["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }
    headers = create["201"]["headers"]
    assert headers["X-Request-Id"]["schema"] == {"type": "string", "format": "uuid"}
    assert headers["X-Count"]["schema"] == {"type": "integer"}


def test_a_204_has_no_content_and_is_not_a_200(responses: dict[str, Any]) -> None:
    delete = responses["paths"]["/items/{id}"]["delete"]["responses"]
    assert "200" not in delete
    assert delete["204"] == {"description": "Deleted."}
    assert "content" in delete["404"]


def test_binary_and_text_bodies_by_media_type(responses: dict[str, Any]) -> None:
    photo = responses["paths"]["/items/{id}/photo"]["get"]["responses"]["200"]
    assert photo["content"] == {
        "image/png": {"schema": {"contentMediaType": "image/png"}}
    }
    feed = responses["paths"]["/feed.xml"]["get"]["responses"]["200"]
    assert feed["content"] == {"application/xml": {"schema": {"type": "string"}}}


def test_a_declared_default_replaces_the_api_error(responses: dict[str, Any]) -> None:
    refresh = responses["paths"]["/items/{id}/refresh"]["post"]["responses"]
    assert list(refresh) == ["200", "202", "default"]
    assert "$ref" not in refresh["default"]


@pytest.mark.parametrize(
    ("expression", "schema"),
    [
        ("date", {"type": "string", "format": "date"}),
        ("datetime", {"type": "string", "format": "date-time"}),
        ("uuid", {"type": "string", "format": "uuid"}),
        ("epoch", {"type": "integer", "format": "unix-time"}),
        ("bytes", {"type": "string", "contentEncoding": "base64"}),
        ("integer", {"type": "integer"}),  # no int64: any size
        ("nullable[string]", {"type": ["string", "null"]}),
        (
            "nullable[Pet]",
            {"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]},
        ),
        (
            "list[nullable[date]]",
            {"type": "array", "items": {"type": ["string", "null"], "format": "date"}},
        ),
    ],
)
def test_rich_type_schemas(expression: str, schema: dict[str, Any]) -> None:
    assert type_schema(parse_type(expression)) == schema


def test_extends_const_and_shape_unions(rich: dict[str, Any]) -> None:
    schemas = rich["components"]["schemas"]
    event = schemas["Event"]
    assert event["allOf"][0] == {"$ref": "#/components/schemas/Resource"}
    assert event["allOf"][1]["properties"]["object"]["const"] == "event"
    assert schemas["Payment"] == {
        "description": "A payment, told apart by its fields.",
        "oneOf": [
            {"$ref": "#/components/schemas/Card"},
            {"$ref": "#/components/schemas/Transfer"},
        ],
    }
    folder = schemas["Folder"]["properties"]
    assert folder["children"]["items"] == {"$ref": "#/components/schemas/Folder"}


def test_nullable_twice_is_said_once() -> None:
    document = {
        "api": {
            "name": "x",
            "title": "X",
            "version": "1",
            "base_url": "https://x.test",
            "package": "x",
            "client_class": "X",
        },
        "models": {
            "M": {"fields": {"f": {"type": "nullable[string]", "nullable": True}}}
        },
        "resources": {},
    }
    fields = normalize(document).models["M"].fields
    assert fields is not None
    assert field_schema(fields[0]) == {"type": ["string", "null"]}
