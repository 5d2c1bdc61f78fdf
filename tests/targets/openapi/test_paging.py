"""The OpenAPI export of pagination styles and operations' own envelopes."""

from __future__ import annotations

from typing import Any

import jsonschema
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


def _get(openapi: dict[str, Any], path: str) -> dict[str, Any]:
    operation = openapi["paths"][path]["get"]
    assert isinstance(operation, dict)
    return operation


@pytest.mark.parametrize("case", ["pagination_styles", "envelopes"])
def test_export_is_valid_openapi_3_1(case: str) -> None:
    validate(_export(case))


def test_each_style_is_described_by_the_extension() -> None:
    openapi = _export("pagination_styles")
    stripe = _get(openapi, "/rows/after")["x-sdkgen-pagination"]
    assert stripe == {
        "style": "cursor",
        "parameter": "starting_after",
        "cursor_from_item": "id",
        "has_more": "has_more",
        "items": "data",
    }
    assert _get(openapi, "/rows/link")["x-sdkgen-pagination"] == {"style": "link"}
    token = _get(openapi, "/rows/token")
    assert token["x-sdkgen-pagination"]["next_token"] == "nextPageToken"
    # The token is a plain query parameter; the old page-only extension is absent.
    assert [p["name"] for p in token["parameters"]] == ["pageToken"]
    assert "x-pagination" not in token


def test_page_style_keeps_its_old_extension_too() -> None:
    openapi = _export("paged")
    operation = openapi["paths"]["/search"]["get"]
    assert operation["x-pagination"] == {"parameter": "p", "start": 1}
    assert operation["x-sdkgen-pagination"]["style"] == "page"


def _ok(operation: dict[str, Any]) -> dict[str, Any]:
    content = operation["responses"]["200"]["content"]["application/json"]
    schema = content["schema"]
    assert isinstance(schema, dict)
    return schema


def test_own_envelope_success_is_const_true_and_the_error_a_one_of() -> None:
    openapi = _export("envelopes")
    schema = _ok(_get(openapi, "/conversations.list"))
    everything = {"components": openapi["components"], **schema}
    check = jsonschema.Draft202012Validator(everything).is_valid
    channel = {"id": "C1"}
    assert check({"ok": True, "channels": [channel]})
    assert check({"ok": False, "error": "not_authed"})
    assert not check({"ok": True})  # no payload
    assert not check({"ok": "yes", "channels": []})


def test_own_envelope_replaces_the_apis_and_none_keeps_it() -> None:
    openapi = _export("envelopes")
    archive = _ok(openapi["paths"]["/conversations.archive"]["post"])
    assert archive["oneOf"][0]["properties"] == {"ok": {"const": True}}
    legacy = _ok(_get(openapi, "/legacy/channels"))
    # The API's envelope: its success, or an error reported with a 2XX status.
    assert set(legacy["oneOf"][0]["properties"]) == {"data", "success"}
