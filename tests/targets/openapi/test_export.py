"""Tests for the OpenAPI export: spec document in, valid OpenAPI 3.1 out."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate

from generator.spec.load import load_spec
from generator.spec.normalize import normalize
from generator.spec.typeexpr import parse_type
from generator.spec.types import Field
from generator.targets.openapi.document import build_openapi as export_spec
from generator.targets.openapi.document import render_openapi_json
from generator.targets.openapi.schemas import field_schema, type_schema
from tests import paths

ROOT = paths.REPO
FIXTURES = paths.FIXTURES / "openapi"
SPEC_SCHEMA = ROOT / "spec" / "sdkgen.schema.json"
PIN = "#/components/schemas/Pin"


def build_openapi(document: dict[str, Any], *, source: str) -> dict[str, Any]:
    """Export a schema-valid spec document (normalised first, as the pipeline does)."""
    return export_spec(normalize(document), source=source)


def _field(raw: dict[str, Any]) -> Field:
    document = {
        "api": {},
        "models": {"M": {"fields": {"f": raw}}},
        "resources": {},
    }
    document["api"] = {
        "name": "x",
        "title": "X",
        "version": "1",
        "base_url": "https://x.test",
        "package": "x",
        "client_class": "X",
    }
    fields = normalize(document).models["M"].fields
    assert fields is not None
    return fields[0]


def _load(name: str) -> dict[str, Any]:
    document = yaml.safe_load((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _export(name: str) -> dict[str, Any]:
    return build_openapi(_load(name), source=f"fixtures/{name}")


def _operation(openapi: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    operation = openapi["paths"][path][method]
    assert isinstance(operation, dict)
    return operation


def _ok_schema(operation: dict[str, Any]) -> dict[str, Any]:
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert isinstance(schema, dict)
    return schema


def _body(operation: dict[str, Any], media: str) -> dict[str, Any]:
    schema = operation["requestBody"]["content"][media]["schema"]
    assert isinstance(schema, dict)
    return schema


@pytest.fixture
def full() -> dict[str, Any]:
    return _export("full")


@pytest.fixture
def bare() -> dict[str, Any]:
    return _export("bare")


# --- fixtures follow the contract, exports are valid OpenAPI --------------------


@pytest.mark.parametrize("name", ["full", "bare"])
def test_fixture_follows_the_spec_schema(name: str) -> None:
    schema = json.loads(SPEC_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(_load(name))


@pytest.mark.parametrize("name", ["full", "bare"])
def test_export_is_valid_openapi_3_1(name: str) -> None:
    openapi = _export(name)
    assert openapi["openapi"] == "3.1.0"
    validate(openapi)


def test_render_output_is_valid_json_openapi(full: dict[str, Any]) -> None:
    validate(json.loads(render_openapi_json(full)))


# --- document head --------------------------------------------------------------


def test_info_servers_and_external_docs(full: dict[str, Any]) -> None:
    assert full["info"] == {
        "title": "Pinboard API",
        "version": "2",
        "description": "Pins, boards and uploads.",
        "x-generated-by": "sdkgen",
        "x-source": "fixtures/full",
        "x-source-document": "Pinboard API reference",
    }
    assert full["servers"] == [{"url": "https://api.pinboard.test/2"}]
    assert full["externalDocs"] == {"url": "https://docs.pinboard.test/"}
    assert list(full) == [
        "openapi",
        "info",
        "externalDocs",
        "servers",
        "tags",
        "paths",
        "components",
    ]


def test_optional_head_fields_are_left_out(bare: dict[str, Any]) -> None:
    assert "externalDocs" not in bare
    assert "description" not in bare["info"]
    assert "x-source-document" not in bare["info"]


def test_tags_list_resources_with_descriptions(full: dict[str, Any]) -> None:
    assert full["tags"] == [
        {"name": "pin", "description": "Single pins."},
        {"name": "upload"},
    ]
    assert _operation(full, "/upload", "post")["tags"] == ["upload"]


# --- operations -----------------------------------------------------------------


def test_operation_ids_are_sdk_paths_in_spec_order(full: dict[str, Any]) -> None:
    ids = [op["operationId"] for item in full["paths"].values() for op in item.values()]
    assert ids == [
        "pin.get",
        "pin.delete",
        "pin.list",
        "pin.archive",
        "pin.unarchive",
        "upload.create",
        "upload.token",
    ]


def test_operations_sharing_a_path_share_a_path_item(full: dict[str, Any]) -> None:
    assert list(full["paths"]["/pin/{pinId}"]) == ["get", "delete"]


def test_paths_differing_only_in_placeholder_names_merge(
    full: dict[str, Any],
) -> None:
    assert "/pin/{from}/archive" not in full["paths"]
    unarchive = _operation(full, "/pin/{pinId}/archive", "delete")
    assert unarchive["operationId"] == "pin.unarchive"
    assert unarchive["parameters"] == [
        {
            "name": "pinId",
            "in": "path",
            "required": True,
            "schema": {"type": "string"},
            "x-python-name": "from_",
        }
    ]


def test_source_anchor_summary_and_description(full: dict[str, Any]) -> None:
    get = _operation(full, "/pin/{pinId}", "get")
    assert get["x-source-anchor"] == "pin-get"
    assert get["summary"] == "Get a pin."
    assert get["description"] == "Returns one pin."
    archive = _operation(full, "/pin/{pinId}/archive", "post")
    assert "x-source-anchor" not in archive
    assert "description" not in archive


def test_deprecated_operation(full: dict[str, Any]) -> None:
    delete = _operation(full, "/pin/{pinId}", "delete")
    assert delete["deprecated"] is True
    assert delete["x-deprecation-reason"] == "Pins are archived now."
    assert delete["x-replacement"] == "pin.archive"
    assert "deprecated" not in _operation(full, "/pin/{pinId}", "get")


def test_departures_and_pagination_are_kept(full: dict[str, Any]) -> None:
    delete = _operation(full, "/pin/{pinId}", "delete")
    assert delete["x-departures"][0]["reason"] == "Observed responses carry no data."
    listing = _operation(full, "/pins/{sort}/{page}", "get")
    assert listing["x-pagination"] == {"parameter": "page", "start": 0}


def test_same_method_and_path_twice_is_rejected() -> None:
    document = _load("bare")
    document["resources"]["note"]["operations"]["fetch"] = {
        "method": "GET",
        "path": "/notes/{note}",
        "summary": "Same as note.get under another placeholder name.",
        "parameters": [{"name": "note", "in": "path", "type": "integer"}],
    }
    with pytest.raises(ValueError, match=r"note\.fetch and note\.get"):
        build_openapi(document, source="x")


# --- parameters -----------------------------------------------------------------


def _params(full: dict[str, Any]) -> dict[str, dict[str, Any]]:
    listing = _operation(full, "/pins/{sort}/{page}", "get")
    return {p["name"]: p for p in listing["parameters"]}


def test_path_parameters_are_required_even_with_a_default(
    full: dict[str, Any],
) -> None:
    sort = _params(full)["sort"]
    assert sort["in"] == "path"
    assert sort["required"] is True
    assert sort["schema"] == {
        "type": "string",
        "enum": ["new", "top"],
        "default": "new",
    }


def test_query_parameter_default_and_optional(full: dict[str, Any]) -> None:
    limit = _params(full)["limit"]
    assert limit["required"] is False
    assert limit["schema"] == {"type": "integer", "default": 10}


def test_repeat_list_explodes_and_csv_list_does_not(full: dict[str, Any]) -> None:
    ids = _params(full)["ids[]"]
    assert (ids["style"], ids["explode"]) == ("form", True)
    assert ids["schema"] == {"type": "array", "items": {"type": "string"}}
    assert ids["x-python-name"] == "ids"
    fields = _params(full)["fields"]
    assert (fields["style"], fields["explode"]) == ("form", False)


def test_header_parameter(full: dict[str, Any]) -> None:
    trace = _params(full)["X-Trace"]
    assert trace["in"] == "header"
    assert trace["x-python-name"] == "trace"


def test_list_parameter_enum_and_default_go_where_they_validate() -> None:
    document = _load("bare")
    document["resources"]["note"]["operations"]["search"] = {
        "method": "GET",
        "path": "/notes",
        "summary": "Search notes.",
        "parameters": [
            {
                "name": "kinds",
                "in": "query",
                "type": "list[string]",
                "enum": ["a", "b"],
                "default": "a",
            }
        ],
    }
    openapi = build_openapi(document, source="x")
    validate(openapi)
    kinds = openapi["paths"]["/notes"]["get"]["parameters"][0]
    assert kinds["schema"] == {
        "type": "array",
        "items": {"type": "string", "enum": ["a", "b"]},
        "default": ["a"],
    }


def test_form_parameters_become_an_urlencoded_body(full: dict[str, Any]) -> None:
    archive = _operation(full, "/pin/{pinId}/archive", "post")
    assert [p["name"] for p in archive["parameters"]] == ["pinId"]
    assert archive["requestBody"]["required"] is True
    media = archive["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert list(media["schema"]["properties"]) == ["note", "labels[]", "keys"]
    assert media["schema"]["required"] == ["note"]
    assert media["encoding"] == {
        "labels[]": {"style": "form", "explode": True},
        "keys": {"style": "form", "explode": False},
    }


def test_file_parameters_make_the_body_multipart(full: dict[str, Any]) -> None:
    upload = _operation(full, "/upload", "post")
    # The URL-encoded alternative: see tests/targets/openapi/test_export_uploads.py.
    assert next(iter(upload["requestBody"]["content"])) == "multipart/form-data"
    body = _body(upload, "multipart/form-data")
    assert body["required"] == ["media"]
    assert body["properties"]["thumbnail"] == {
        "contentMediaType": "application/octet-stream",
    }
    assert body["properties"]["title"] == {"type": "string"}


def test_upload_kind_allows_each_form_and_documents_the_sibling(
    full: dict[str, Any],
) -> None:
    body = _body(_operation(full, "/upload", "post"), "multipart/form-data")
    media = body["properties"]["media"]
    assert media["anyOf"] == [
        {"contentMediaType": "application/octet-stream"},
        {"type": "string", "contentEncoding": "base64"},
        {"type": "string", "format": "uri"},
    ]
    assert media["x-upload-kind"]["parameter"] == "type"
    assert body["properties"]["type"]["enum"] == ["file", "base64", "url"]


def test_operation_without_inputs_has_neither_parameters_nor_body(
    bare: dict[str, Any],
) -> None:
    ping = _operation(bare, "/ping", "post")
    assert "parameters" not in ping
    assert "requestBody" not in ping


# --- security -------------------------------------------------------------------


def test_operation_auth_lists_alternatives(full: dict[str, Any]) -> None:
    get = _operation(full, "/pin/{pinId}", "get")
    assert get["security"] == [{"client_key": []}]


def test_operation_without_auth_inherits_the_defaults(full: dict[str, Any]) -> None:
    delete = _operation(full, "/pin/{pinId}", "delete")
    assert delete["security"] == [{"user_token": []}, {"client_key": []}]


def test_empty_auth_means_no_security(full: dict[str, Any]) -> None:
    assert _operation(full, "/pins/{sort}/{page}", "get")["security"] == []
    assert _operation(full, "/token", "post")["security"] == []


def test_api_without_auth_states_no_security(bare: dict[str, Any]) -> None:
    assert "security" not in _operation(bare, "/notes/{id}", "get")
    assert "securitySchemes" not in bare["components"]
    assert "security" not in bare


def test_api_key_scheme_mentions_the_format(full: dict[str, Any]) -> None:
    scheme = full["components"]["securitySchemes"]["client_key"]
    assert {k: scheme[k] for k in ("type", "in", "name")} == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
    }
    assert "Client-ID {value}" in scheme["description"]
    assert scheme["description"].startswith("Register an application")


def test_oauth2_scheme_flows(full: dict[str, Any]) -> None:
    scheme = full["components"]["securitySchemes"]["user_token"]
    assert scheme["type"] == "oauth2"
    assert scheme["flows"] == {
        "authorizationCode": {
            "authorizationUrl": "https://pinboard.test/oauth2/authorize",
            "tokenUrl": "https://pinboard.test/oauth2/token",
            "refreshUrl": "https://pinboard.test/oauth2/token",
            "scopes": {},
        },
        "implicit": {
            "authorizationUrl": "https://pinboard.test/oauth2/authorize",
            "scopes": {},
        },
    }
    assert scheme["x-token-model"] == "#/components/schemas/Token"


def test_oauth2_without_refresh_or_token_response_has_one_plain_flow() -> None:
    document = _load("full")
    scheme = document["auth"]["user_token"]
    del scheme["refresh"], scheme["response_types"]
    openapi = build_openapi(document, source="x")
    validate(openapi)
    flows = openapi["components"]["securitySchemes"]["user_token"]["flows"]
    assert list(flows) == ["authorizationCode"]
    assert "refreshUrl" not in flows["authorizationCode"]


# --- responses ------------------------------------------------------------------


def test_success_response_describes_the_whole_envelope(full: dict[str, Any]) -> None:
    get = _operation(full, "/pin/{pinId}", "get")
    assert get["responses"]["200"]["description"] == "The pin."
    success, error = _ok_schema(get)["oneOf"]
    assert success == {
        "title": "Success",
        "type": "object",
        "properties": {
            "payload": {"$ref": PIN, "description": "The pin."},
            "ok": {"const": True},
            "code": {"type": "integer"},
        },
        "required": ["payload", "ok", "code"],
    }
    # The SDK raises on 'ok: false' with a 2XX status: that body is the error's.
    assert error == {"$ref": "#/components/schemas/sdkgen.ErrorWithSuccessStatus"}
    assert full["components"]["schemas"]["sdkgen.ErrorWithSuccessStatus"] == {
        "title": "Error reported with a success status",
        "description": "The SDK raises an APIStatusError for this body.",
        "allOf": [
            {"$ref": "#/components/schemas/ErrorBody"},
            {"properties": {"ok": {"const": False}}, "required": ["ok"]},
        ],
    }


def test_envelope_without_returns_has_an_open_payload(full: dict[str, Any]) -> None:
    delete = _operation(full, "/pin/{pinId}", "delete")
    assert _ok_schema(delete)["oneOf"][0]["properties"]["payload"] == {}


def test_envelope_false_returns_the_bare_payload(full: dict[str, Any]) -> None:
    token = _operation(full, "/token", "post")
    assert _ok_schema(token) == {"$ref": "#/components/schemas/Token"}


def test_api_without_envelope_returns_bare_payloads(bare: dict[str, Any]) -> None:
    get = _operation(bare, "/notes/{id}", "get")
    assert _ok_schema(get) == {"$ref": "#/components/schemas/Note"}
    ping = _operation(bare, "/ping", "post")
    assert "content" not in ping["responses"]["200"]


def test_error_response_references_the_error_model(full: dict[str, Any]) -> None:
    for item in full["paths"].values():
        for operation in item.values():
            default = operation["responses"]["default"]
            assert default == {"$ref": "#/components/responses/Error"}
    error = full["components"]["responses"]["Error"]
    schema = error["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ErrorBody"}
    assert "'ok' false" in error["description"]


def test_error_response_without_model_falls_back_to_the_envelope() -> None:
    document = _load("full")
    del document["errors"]
    openapi = build_openapi(document, source="x")
    error = openapi["components"]["responses"]["Error"]
    schema = error["content"]["application/json"]["schema"]
    assert list(schema["properties"]) == ["payload", "ok", "code"]


def test_error_response_without_model_or_envelope_has_no_body(
    bare: dict[str, Any],
) -> None:
    error = bare["components"]["responses"]["Error"]
    assert error == {"description": "Error response."}


def test_rate_limit_headers_are_components_referenced_by_responses(
    full: dict[str, Any], bare: dict[str, Any]
) -> None:
    headers = full["components"]["headers"]
    assert headers["X-RateLimit-Remaining"] == {
        "description": "Calls left in this window.",
        "schema": {"type": "integer"},
        "x-attribute": "remaining",
    }
    assert headers["X-RateLimit-Reset"]["x-reset"] == "epoch"
    refs = {
        "X-RateLimit-Remaining": {"$ref": "#/components/headers/X-RateLimit-Remaining"},
        "X-RateLimit-Reset": {"$ref": "#/components/headers/X-RateLimit-Reset"},
    }
    assert _operation(full, "/upload", "post")["responses"]["200"]["headers"] == refs
    assert full["components"]["responses"]["Error"]["headers"] == refs
    assert "headers" not in bare["components"]
    assert "headers" not in _operation(bare, "/ping", "post")["responses"]["200"]


# --- schemas --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("string", {"type": "string"}),
        ("integer", {"type": "integer"}),
        ("number", {"type": "number"}),
        ("boolean", {"type": "boolean"}),
        ("any", {}),
        ("file", {"contentMediaType": "application/octet-stream"}),
        ("Pin", {"$ref": PIN}),
        ("list[integer]", {"type": "array", "items": {"type": "integer"}}),
        ("map[Pin]", {"type": "object", "additionalProperties": {"$ref": PIN}}),
        (
            "list[map[any]]",
            {"type": "array", "items": {"type": "object", "additionalProperties": {}}},
        ),
    ],
)
def test_type_schema(text: str, expected: dict[str, Any]) -> None:
    assert type_schema(parse_type(text)) == expected


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ({"type": "string", "nullable": True}, {"type": ["string", "null"]}),
        (
            {"type": "Pin", "nullable": True},
            {"anyOf": [{"$ref": PIN}, {"type": "null"}]},
        ),
        ({"type": "any", "nullable": True}, {}),
        (
            {"type": "list[string]", "nullable": True, "enum": ["a"]},
            {"type": ["array", "null"], "items": {"type": "string", "enum": ["a"]}},
        ),
        (
            {"type": "integer", "enum": [1, 2], "nullable": True},
            {"type": ["integer", "null"], "enum": [1, 2, None]},
        ),
        (
            {"type": "string", "description": "Why.", "python_name": "from_"},
            {"type": "string", "description": "Why.", "x-python-name": "from_"},
        ),
    ],
)
def test_field_schema(field: dict[str, Any], expected: dict[str, Any]) -> None:
    assert field_schema(_field(field)) == expected


def test_model_with_every_field_type(full: dict[str, Any]) -> None:
    everything = full["components"]["schemas"]["Everything"]
    assert everything["type"] == "object"
    assert everything["description"] == "A model with one field of every type."
    assert everything["required"] == ["text", "count"]
    props = everything["properties"]
    assert list(props) == list(_load("full")["models"]["Everything"]["fields"])
    assert props["maybe_colour"]["enum"] == ["red", "green", None]
    assert props["nested"]["items"]["additionalProperties"] == {"$ref": PIN}


def test_model_without_required_fields_has_no_required_list(
    full: dict[str, Any],
) -> None:
    assert "required" not in full["components"]["schemas"]["ErrorBody"]


def test_union_with_boolean_discriminator_uses_an_extension(
    full: dict[str, Any],
) -> None:
    item = full["components"]["schemas"]["Item"]
    assert "discriminator" not in item
    assert item["x-discriminator"] == {
        "propertyName": "is_board",
        "mapping": {
            "true": "#/components/schemas/Board",
            "false": "#/components/schemas/Pin",
        },
    }
    board, pin = item["oneOf"]
    assert board["allOf"][0] == {"$ref": "#/components/schemas/Board"}
    assert board["allOf"][1]["properties"] == {"is_board": {"const": True}}
    assert pin["allOf"][1]["properties"] == {"is_board": {"const": False}}


def test_union_with_string_discriminator_uses_openapi_discriminator(
    full: dict[str, Any],
) -> None:
    media = full["components"]["schemas"]["Media"]
    assert media["oneOf"] == [
        {"$ref": PIN},
        {"$ref": "#/components/schemas/Board"},
    ]
    assert media["discriminator"] == {
        "propertyName": "kind",
        "mapping": {"pin": PIN, "board": "#/components/schemas/Board"},
    }
    assert "x-discriminator" not in media


# --- determinism ----------------------------------------------------------------


def _reversed(mapping: dict[str, Any]) -> dict[str, Any]:
    return dict(reversed(mapping.items()))


def _shuffle_attributes(document: dict[str, Any]) -> dict[str, Any]:
    """Reverse the key order of every attribute mapping, keeping named collections.

    Named collections (resources, operations, models, fields, auth schemes) and
    lists keep their order: the export keeps spec order for those on purpose.
    """
    doc = copy.deepcopy(document)
    doc["api"] = _reversed(doc["api"])
    doc["auth"] = {k: _reversed(v) for k, v in doc["auth"].items()}
    doc["envelope"] = _reversed(doc["envelope"])
    doc["errors"] = _reversed(doc["errors"])
    doc["rate_limits"] = [_reversed(limit) for limit in doc["rate_limits"]]
    for name, model in doc["models"].items():
        if "fields" in model:
            model["fields"] = {k: _reversed(v) for k, v in model["fields"].items()}
        else:
            model["union"]["variants"] = [
                _reversed(v) for v in model["union"]["variants"]
            ]
            model["union"] = _reversed(model["union"])
        doc["models"][name] = _reversed(model)
    for resource in doc["resources"].values():
        for op_name, op in resource["operations"].items():
            op["parameters"] = [_reversed(p) for p in op.get("parameters", [])]
            resource["operations"][op_name] = _reversed(op)
    return _reversed(doc)


def test_same_input_renders_identical_text() -> None:
    first = render_openapi_json(_export("full"))
    second = render_openapi_json(_export("full"))
    assert first == second
    assert first.endswith("}\n")


def test_input_key_order_does_not_change_the_output() -> None:
    document = _load("full")
    shuffled = _shuffle_attributes(document)
    assert list(shuffled["api"]) != list(document["api"])
    assert render_openapi_json(
        build_openapi(shuffled, source="s")
    ) == render_openapi_json(build_openapi(document, source="s"))


def test_named_collections_keep_spec_order() -> None:
    document = _load("full")
    document["resources"] = _reversed(document["resources"])
    openapi = build_openapi(document, source="s")
    assert [tag["name"] for tag in openapi["tags"]] == ["upload", "pin"]
    assert next(iter(openapi["paths"])) == "/upload"


def test_render_keeps_non_ascii_text() -> None:
    document = _load("bare")
    document["api"]["description"] = "Notes — für alle."
    text = render_openapi_json(build_openapi(document, source="s"))
    assert '"description": "Notes — für alle."' in text


# --- the real spec --------------------------------------------------------------


def test_imgur_spec_exports_valid_openapi() -> None:
    document = load_spec(ROOT / "spec" / "imgur").document
    openapi = build_openapi(document, source="spec/imgur")
    validate(openapi)
    exported = [
        op["operationId"] for item in openapi["paths"].values() for op in item.values()
    ]
    declared = [
        f"{resource}.{operation}"
        for resource, body in document["resources"].items()
        for operation in body["operations"]
    ]
    assert sorted(exported) == sorted(declared)
    gallery_item = openapi["components"]["schemas"]["GalleryItem"]
    assert gallery_item["x-discriminator"]["propertyName"] == "is_album"


def test_descriptions_written_empty_are_exported_empty() -> None:
    """What the author wrote is exported as written, even an empty text."""
    document = _load("bare")
    document["api"]["description"] = ""
    document["api"]["source_document"] = ""
    first_resource = next(iter(document["resources"].values()))
    first_resource["description"] = ""
    document.setdefault("models", {})["Empty"] = {"description": "", "fields": {}}
    document["rate_limits"] = [
        {"header": "X-Left", "attribute": "left", "description": ""}
    ]
    openapi = build_openapi(document, source="s")
    assert openapi["info"]["description"] == ""
    assert openapi["info"]["x-source-document"] == ""
    assert openapi["tags"][0]["description"] == ""
    assert openapi["components"]["schemas"]["Empty"]["description"] == ""
    assert openapi["components"]["headers"]["X-Left"]["description"] == ""
