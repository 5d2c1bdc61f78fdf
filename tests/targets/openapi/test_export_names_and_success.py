"""The export says what the SDK does: SDK names beside wire names, success bodies.

No success schema may admit a body the SDK raises on.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate

from generator.model.build import build_model
from generator.spec.load import load_spec
from generator.spec.normalize import normalize
from generator.targets.openapi.document import build_openapi
from tests import paths

FIXTURES = paths.FIXTURES / "openapi"


def _load(name: str) -> dict[str, Any]:
    document = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _export(document: dict[str, Any]) -> dict[str, Any]:
    openapi = build_openapi(normalize(document), source="s")
    validate(openapi)
    return openapi


def _ok(openapi: dict[str, Any], path: str, method: str) -> jsonschema.Validator:
    """A validator of the operation's 200 body, the document's components in reach."""
    response = openapi["paths"][path][method]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    whole = {**schema, "components": openapi["components"]}
    return jsonschema.Draft202012Validator(whole)


PIN = {"id": "p1", "is_board": False}


# --- success bodies -------------------------------------------------------------


def test_a_success_flag_of_false_is_not_a_success() -> None:
    ok = _ok(_export(_load("full")), "/pin/{pinId}", "get")
    success = {"payload": PIN, "ok": True, "code": 200}
    failure = {"payload": {"error": "gone"}, "ok": False, "code": 200}
    assert ok.is_valid(success)
    assert ok.is_valid(failure)  # as the error alternative
    branches = ok.schema["oneOf"]
    assert [
        jsonschema.Draft202012Validator(
            {**branches[0], "components": ok.schema["components"]}
        ).is_valid(body)
        for body in (success, failure)
    ] == [True, False]


def test_error_in_data_adds_the_payload_error_to_the_error_alternative() -> None:
    document = _load("full")
    document["errors"]["error_in_data"] = True
    openapi = _export(document)
    ok = _ok(openapi, "/pin/{pinId}", "get")
    success, _ = ok.schema["oneOf"]
    error = openapi["components"]["schemas"]["sdkgen.ErrorWithSuccessStatus"]
    assert success["properties"]["payload"]["allOf"][1] == {
        "not": {"type": "object", "required": ["error"]}
    }
    assert error["allOf"][1] == {
        "anyOf": [
            {"properties": {"ok": {"const": False}}, "required": ["ok"]},
            {
                "properties": {"payload": {"type": "object", "required": ["error"]}},
                "required": ["payload"],
            },
        ]
    }
    # ok: true, yet an error in the payload: the SDK raises, the export agrees.
    hidden_error = {"payload": {"error": "over capacity"}, "ok": True, "code": 200}
    assert ok.is_valid(hidden_error)
    only_success = jsonschema.Draft202012Validator(
        {**success, "components": openapi["components"]}
    )
    assert not only_success.is_valid(hidden_error)


def test_an_envelope_without_a_success_flag_has_no_error_alternative() -> None:
    document = _load("full")
    del document["envelope"]["success"]
    openapi = _export(document)
    schema = openapi["paths"]["/pin/{pinId}"]["get"]["responses"]["200"]["content"]
    assert list(schema["application/json"]["schema"]["properties"]) == [
        "payload",
        "code",
    ]


def test_the_imgur_export_pins_success_to_true() -> None:
    openapi = build_openapi(
        normalize(load_spec(paths.REPO / "spec" / "imgur").document), source="s"
    )
    ok = _ok(openapi, "/image/{id}", "get")
    image = {"id": "x", "link": "https://i.imgur.com/x.png"}
    assert not ok.is_valid({"data": image, "success": "yes", "status": 200})
    success = ok.schema["oneOf"][0]
    assert success["properties"]["success"] == {"const": True}


# --- names ----------------------------------------------------------------------


def test_keyword_wire_names_carry_the_sdk_name() -> None:
    document = _load("bare")
    operation = next(iter(document["resources"]["note"]["operations"].values()))
    operation.setdefault("parameters", []).append(
        {"name": "from", "in": "query", "type": "string"}
    )
    model = next(iter(document["models"].values()))
    model["fields"]["class"] = {"type": "string"}
    openapi = _export(document)
    params = [
        p
        for item in openapi["paths"].values()
        for op in item.values()
        for p in op.get("parameters", [])
        if p["name"] == "from"
    ]
    assert [p["x-python-name"] for p in params] == ["from_"]
    schema = next(iter(openapi["components"]["schemas"].values()))
    assert schema["properties"]["class"]["x-python-name"] == "class_"


def _sdk_names(operation: dict[str, Any]) -> set[str]:
    """Every name the export gives the operation's inputs, as the SDK spells it."""
    names = {p.get("x-python-name", p["name"]) for p in operation.get("parameters", [])}
    for media in operation.get("requestBody", {}).get("content", {}).values():
        for name, schema in media["schema"]["properties"].items():
            names.add(schema.get("x-python-name", name))
    return names


@pytest.fixture(scope="module")
def imgur() -> tuple[dict[str, Any], dict[str, set[str]]]:
    spec = normalize(load_spec(paths.REPO / "spec" / "imgur").document)
    openapi = build_openapi(spec, source="s")
    api = build_model(spec, spec_label="s")
    sdk = {
        op.sdk_path: {p.py_name for p in op.params}
        for resource in api.resources
        for op in resource.operations
    }
    return openapi, sdk


def test_every_imgur_parameter_carries_its_sdk_name(
    imgur: tuple[dict[str, Any], dict[str, set[str]]],
) -> None:
    openapi, sdk = imgur
    for item in openapi["paths"].values():
        for operation in item.values():
            exported = _sdk_names(operation)
            expected = sdk[operation["operationId"]]
            # Body fields the SDK sets itself (upload_kind siblings) are extra.
            assert expected <= exported, operation["operationId"]


@pytest.mark.parametrize(
    ("operation", "path", "method", "wire", "sdk"),
    [
        ("image.delete", "/image/{id}", "delete", "id", "deletehash"),
        (
            "conversation.delete",
            "/conversations/{recipient}",
            "delete",
            "recipient",
            "id",
        ),
    ],
)
def test_merged_path_placeholders_keep_the_sdk_name(
    imgur: tuple[dict[str, Any], dict[str, set[str]]],
    operation: str,
    path: str,
    method: str,
    wire: str,
    sdk: str,
) -> None:
    openapi, _ = imgur
    exported = openapi["paths"][path][method]
    assert exported["operationId"] == operation
    (param,) = [p for p in exported["parameters"] if p["in"] == "path"]
    assert (param["name"], param["x-python-name"]) == (wire, sdk)
