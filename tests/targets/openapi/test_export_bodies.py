"""The OpenAPI export of request bodies (``body:``), from the two golden body cases."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.spec.normalize import normalize
from generator.targets.openapi.document import build_openapi
from tests import paths

GOLDEN = paths.REPO / "tests" / "golden"


def _export(case: str) -> dict[str, Any]:
    text = (GOLDEN / case / "spec.yaml").read_text(encoding="utf-8")
    return build_openapi(normalize(yaml.safe_load(text)), source=case)


@pytest.fixture(scope="module")
def json_body() -> dict[str, Any]:
    return _export("json_body")


@pytest.fixture(scope="module")
def form_body() -> dict[str, Any]:
    return _export("form_body")


def test_exports_are_valid(
    json_body: dict[str, Any], form_body: dict[str, Any]
) -> None:
    validate(json_body)
    validate(form_body)


def test_a_model_body_refers_to_its_schema_per_media_type(
    json_body: dict[str, Any],
) -> None:
    body = json_body["paths"]["/tasks/{id}"]["patch"]["requestBody"]
    ref = {"schema": {"$ref": "#/components/schemas/TaskPatch"}}
    assert body == {
        "required": True,
        "content": {"application/merge-patch+json": ref, "application/json": ref},
    }
    optional = json_body["paths"]["/tasks/{id}/touch"]["post"]["requestBody"]
    assert optional["required"] is False


def test_read_only_and_write_only_fields_are_marked(json_body: dict[str, Any]) -> None:
    task = json_body["components"]["schemas"]["Task"]
    assert task["properties"]["id"]["readOnly"] is True
    assert task["properties"]["secret"]["writeOnly"] is True
    assert "readOnly" not in task["properties"]["title"]


def test_nested_form_keys_are_deep_objects(form_body: dict[str, Any]) -> None:
    body = form_body["paths"]["/customers"]["post"]["requestBody"]
    media = body["content"]["application/x-www-form-urlencoded"]
    deep = {"style": "deepObject", "explode": True}
    # deepObject is defined for objects only; a list's indexed keys get an extension.
    indexed = {"x-form-style": "indexed"}
    assert media["encoding"] == {"address": deep, "metadata": deep, "items": indexed}


def test_multipart_files_and_raw_bodies(form_body: dict[str, Any]) -> None:
    evidence = form_body["paths"]["/disputes/{id}/evidence"]["post"]["requestBody"]
    encoding = evidence["content"]["multipart/form-data"]["encoding"]
    binary = {"contentType": "application/octet-stream"}
    assert encoding == {"receipt": binary, "correspondence": binary}
    raw = form_body["paths"]["/files/{name}"]["put"]["requestBody"]["content"]
    assert raw == {
        "application/octet-stream": {
            "schema": {"contentMediaType": "application/octet-stream"}
        }
    }
    text = form_body["paths"]["/files/{name}/note"]["put"]["requestBody"]["content"]
    assert text == {"text/plain": {"schema": {"type": "string"}}}
