"""Upload operations accept the URL-encoded body the SDK sends without a file part.

A file given as base64 text or as a URL goes as a form field, so the request is
URL-encoded; the export used to declare multipart only, and openapi-core refused
the SDK's own request (tests/targets/openapi/test_export_third_party.py).
"""

from __future__ import annotations

from typing import Any

import yaml
from openapi_spec_validator import validate

from generator.spec.normalize import normalize
from generator.targets.openapi.document import build_openapi
from tests import paths

FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


def _document() -> dict[str, Any]:
    text = (paths.FIXTURES / "openapi" / "full.yaml").read_text(encoding="utf-8")
    document = yaml.safe_load(text)
    assert isinstance(document, dict)
    return document


def _upload_body(document: dict[str, Any]) -> dict[str, Any]:
    openapi = build_openapi(normalize(document), source="s")
    validate(openapi)
    body = openapi["paths"]["/upload"]["post"]["requestBody"]
    assert isinstance(body, dict)
    return body


def test_a_file_that_can_go_as_text_adds_a_urlencoded_body() -> None:
    body = _upload_body(_document())
    assert list(body["content"]) == [MULTIPART, FORM]
    schema = body["content"][FORM]["schema"]
    # The required file as text only; the optional file without a text form is
    # left out; the sibling the SDK sets and the other fields stay.
    assert list(schema["properties"]) == ["media", "title", "type"]
    assert schema["required"] == ["media"]
    media = schema["properties"]["media"]
    assert media["anyOf"] == [
        {"type": "string", "contentEncoding": "base64"},
        {"type": "string", "format": "uri"},
    ]
    assert media["x-upload-kind"]["parameter"] == "type"


def test_a_required_file_without_a_text_form_stays_multipart_only() -> None:
    document = _document()
    parameters = document["resources"]["upload"]["operations"]["create"]["parameters"]
    del parameters[0]["upload_kind"]
    assert list(_upload_body(document)["content"]) == [MULTIPART]


def test_a_single_text_form_is_the_field_schema_itself() -> None:
    document = _document()
    parameters = document["resources"]["upload"]["operations"]["create"]["parameters"]
    parameters[0]["upload_kind"]["values"] = {"file": "file", "url": "url"}
    schema = _upload_body(document)["content"][FORM]["schema"]
    media = schema["properties"]["media"]
    assert {k: v for k, v in media.items() if k != "x-upload-kind"} == {
        "type": "string",
        "format": "uri",
    }
