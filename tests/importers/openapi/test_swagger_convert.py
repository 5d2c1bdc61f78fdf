"""Swagger 2.0 -> OpenAPI 3.0: each conversion rule on a small document.

The converter is plain data to plain data: these tests call it directly and
look at the OpenAPI 3 document, the warnings (pointers into the document as
written) and the map of converted pointers back to those as written.
"""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest
import yaml

from generator.importers.openapi.swagger import (
    convert_document,
    convert_fragment,
    is_swagger,
)
from tests.importers.openapi.helpers import FIXTURES


def swagger(paths: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """A Swagger 2.0 document with ``paths`` and a host."""
    return {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "host": "api.example.test",
        "paths": paths or {},
        **extra,
    }


def operation(*parameters: Any, **extra: Any) -> dict[str, Any]:
    """A POST operation with ``parameters`` and a plain 204 response."""
    return {
        "post": {
            "operationId": "doIt",
            "parameters": list(parameters),
            "responses": {"204": {"description": "Done."}},
            **extra,
        }
    }


def converted_op(
    *parameters: Any, method: str = "post", **extra: Any
) -> tuple[dict[str, Any], list[str]]:
    """The converted operation at /a, and the warnings' pointer: problem lines."""
    result = convert_document(swagger({"/a": operation(*parameters, **extra)}))
    warnings = [f"{w.pointer}: {w.problem}" for w in result.warnings]
    return result.document["paths"]["/a"][method], warnings


def test_only_swagger_2_is_recognised() -> None:
    assert is_swagger({"swagger": "2.0"})
    assert is_swagger({"swagger": 2.0})  # YAML reads an unquoted 2.0 as a number
    assert not is_swagger({"swagger": "1.2"})
    assert not is_swagger({"openapi": "3.0.0", "swagger": "2.0"})


@pytest.mark.parametrize(
    ("fields", "servers"),
    [
        (
            {"host": "h.test", "basePath": "/v1", "schemes": ["http", "https"]},
            [{"url": "http://h.test/v1"}, {"url": "https://h.test/v1"}],
        ),
        ({"host": "h.test", "basePath": "/v1"}, [{"url": "https://h.test/v1"}]),
        ({"host": "h.test"}, [{"url": "https://h.test"}]),
        ({"host": None, "basePath": "/v2"}, [{"url": "/v2"}]),
    ],
)
def test_host_base_path_and_schemes_become_servers(
    fields: dict[str, Any], servers: list[dict[str, str]]
) -> None:
    document = {**swagger(), **fields}
    if document["host"] is None:
        del document["host"]
    assert convert_document(document).document["servers"] == servers


def test_no_host_and_no_base_path_gives_no_servers_and_odd_ones_warn() -> None:
    bare = swagger()
    del bare["host"]
    assert "servers" not in convert_document(bare).document
    odd = convert_document(swagger(basePath="v1", schemes="https"))
    assert odd.document["servers"] == [{"url": "https://api.example.test/v1"}]
    assert [w.pointer for w in odd.warnings] == ["#/basePath", "#/schemes"]


@pytest.mark.parametrize(
    ("host", "url", "problem"),
    [
        ("h.test:8443", "https://h.test:8443", None),
        ("http://h.test/v1", "https://h.test", "holds a scheme or a path"),
        ("a..b", None, "is not a host name"),
        ("*/*", None, "is not a host name"),
        ("h.test:99999", None, "is not a host name"),
    ],
)
def test_a_host_is_one_a_base_url_can_hold(
    host: str, url: str | None, problem: str | None
) -> None:
    result = convert_document(swagger(host=host))
    servers = result.document.get("servers")
    assert (servers[0]["url"] if servers else None) == url
    assert [problem in w.problem for w in result.warnings] == (
        [True] if problem else []
    )


def test_definitions_move_and_every_ref_follows_them() -> None:
    document = swagger(
        {
            "/a": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {"$ref": "#/definitions/Pet"},
                        }
                    }
                }
            }
        },
        definitions={
            "Pet": {
                "type": "object",
                "properties": {
                    "owner": {"$ref": "#/definitions/Owner"},
                    "tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}},
                    "shared": {"$ref": "common.yaml#/definitions/Shared"},
                    "whole": {"$ref": "whole.yaml"},
                    "$ref": {"type": "string"},  # a property named "$ref"
                },
                "allOf": [{"$ref": "#/definitions/Base"}],
            }
        },
    )
    result = convert_document(document)
    pet = result.document["components"]["schemas"]["Pet"]
    props = pet["properties"]
    assert props["owner"] == {"$ref": "#/components/schemas/Owner"}
    assert props["tags"]["items"] == {"$ref": "#/components/schemas/Tag"}
    assert props["shared"] == {"$ref": "common.yaml#/components/schemas/Shared"}
    assert props["whole"] == {"$ref": "whole.yaml"}
    assert props["$ref"] == {"type": "string"}
    assert pet["allOf"] == [{"$ref": "#/components/schemas/Base"}]
    response = result.document["paths"]["/a"]["get"]["responses"]["200"]
    assert response["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Pet"
    }
    assert "definitions" not in result.document


def test_schema_rules_nullable_discriminator_file_and_extensions() -> None:
    document = swagger(
        definitions={
            "Pet": {
                "type": "object",
                "discriminator": "petType",
                "x-internal": {"type": "file", "x-nullable": True},
                "example": {"type": "file"},
                "properties": {
                    "tag": {"type": "string", "x-nullable": True},
                    "gone": {"type": "string", "x-nullable": False},
                    "photo": {"type": "file"},
                    "type": {"type": "string"},
                },
            }
        },
        **{"x-top": 1},
    )
    result = convert_document(document)
    pet = result.document["components"]["schemas"]["Pet"]
    assert pet["discriminator"] == {"propertyName": "petType"}
    assert pet["properties"]["tag"] == {"type": "string", "nullable": True}
    assert pet["properties"]["gone"] == {"type": "string"}
    assert pet["properties"]["photo"] == {"type": "string", "format": "binary"}
    assert pet["properties"]["type"] == {"type": "string"}
    # Extensions and examples are data, kept as written.
    assert pet["x-internal"] == {"type": "file", "x-nullable": True}
    assert pet["example"] == {"type": "file"}
    assert result.document["x-top"] == 1
    assert result.warnings == []


def test_security_definitions_of_every_kind() -> None:
    schemes = {
        "basic": {"type": "basic", "description": "Basic."},
        "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "implicit": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": "https://a.test/auth",
            "scopes": {"read": "Read."},
        },
        "password": {"type": "oauth2", "flow": "password", "tokenUrl": "https://t"},
        "application": {
            "type": "oauth2",
            "flow": "application",
            "tokenUrl": "https://t",
            "scopes": {},
        },
        "accessCode": {
            "type": "oauth2",
            "flow": "accessCode",
            "authorizationUrl": "https://a",
            "tokenUrl": "https://t",
            "scopes": {},
            "x-extra": True,
        },
        "odd": {"type": "oauth2", "flow": ["implicit"]},
        "junk": "basic",
    }
    result = convert_document(swagger(securityDefinitions=schemes))
    out = result.document["components"]["securitySchemes"]
    assert out["basic"] == {"type": "http", "scheme": "basic", "description": "Basic."}
    assert out["key"] == {"type": "apiKey", "name": "X-Key", "in": "header"}
    assert out["implicit"]["flows"] == {
        "implicit": {
            "authorizationUrl": "https://a.test/auth",
            "scopes": {"read": "Read."},
        }
    }
    assert out["password"]["flows"] == {
        "password": {"tokenUrl": "https://t", "scopes": {}}
    }
    assert out["application"]["flows"] == {
        "clientCredentials": {"tokenUrl": "https://t", "scopes": {}}
    }
    assert out["accessCode"]["flows"] == {
        "authorizationCode": {
            "authorizationUrl": "https://a",
            "tokenUrl": "https://t",
            "scopes": {},
        }
    }
    assert out["accessCode"]["x-extra"] is True
    assert "odd" not in out and "junk" not in out
    assert [w.pointer for w in result.warnings] == [
        "#/securityDefinitions/odd",
        "#/securityDefinitions/junk",
    ]


def test_a_body_parameter_becomes_the_request_body_per_consumed_type() -> None:
    body = {
        "name": "pet",
        "in": "body",
        "required": True,
        "description": "The pet.",
        "schema": {"$ref": "#/definitions/Pet"},
    }
    op, warnings = converted_op(body, consumes=["application/json", "text/xml"])
    assert op["requestBody"] == {
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}},
            "text/xml": {"schema": {"$ref": "#/components/schemas/Pet"}},
        },
        "description": "The pet.",
        "required": True,
        "x-codegen-request-body-name": "pet",
    }
    assert "parameters" not in op and warnings == []
    # Without the operation's consumes, the document's; without either, JSON.
    global_ = convert_document(
        swagger({"/a": operation(body)}, consumes=["application/vnd.x+json"])
    )
    content = global_.document["paths"]["/a"]["post"]["requestBody"]["content"]
    assert list(content) == ["application/vnd.x+json"]
    op, _ = converted_op(body)
    assert list(op["requestBody"]["content"]) == ["application/json"]


def test_wildcard_media_types_become_json_or_raw_bytes() -> None:
    body = {"name": "b", "in": "body", "schema": {"type": "object"}}
    op, warnings = converted_op(body, consumes=["*/*"])
    assert list(op["requestBody"]["content"]) == ["application/json"]
    raw = {"name": "b", "in": "body", "schema": {"type": "string", "format": "binary"}}
    op, _ = converted_op(raw, consumes=["application/*"])
    assert list(op["requestBody"]["content"]) == ["application/octet-stream"]
    op, _ = converted_op(body, consumes=["*/*", "application/yaml"])
    assert list(op["requestBody"]["content"]) == ["application/yaml"]
    answer = {"200": {"description": "ok", "schema": {"type": "object"}}}
    op, _ = converted_op(produces=["*/*"], responses=answer)
    assert list(op["responses"]["200"]["content"]) == ["application/json"]
    assert warnings == []


def test_operation_schemes_warn_only_beyond_the_documents_servers() -> None:
    document = swagger(
        {
            "/a": operation(schemes=["https"]),
            "/b": operation(schemes=["wss"]),
            "/c": operation(schemes="https"),
        }
    )
    warnings = [w.pointer for w in convert_document(document).warnings]
    assert warnings == ["#/paths/~1b/post/schemes", "#/paths/~1c/post/schemes"]


def test_a_file_body_is_sent_as_raw_bytes_not_json() -> None:
    op, warnings = converted_op({"name": "b", "in": "body", "schema": {"type": "file"}})
    assert op["requestBody"]["content"] == {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
    }
    assert warnings == [
        "#/paths/~1a/post/parameters/0/schema: a binary body sent as application/json"
    ]


def test_a_body_without_a_schema_warns_and_takes_any_value() -> None:
    op, warnings = converted_op({"name": "b", "in": "body"})
    assert op["requestBody"]["content"] == {"application/json": {"schema": {}}}
    assert warnings == [
        "#/paths/~1a/post/parameters/0: a body parameter without a schema"
    ]


def test_form_data_becomes_an_object_body_urlencoded_or_multipart() -> None:
    text = {"name": "text", "in": "formData", "type": "string", "required": True}
    flag = {
        "name": "flag",
        "in": "formData",
        "type": "boolean",
        "allowEmptyValue": True,
    }
    labels = {
        "name": "labels",
        "in": "formData",
        "type": "array",
        "items": {"type": "string"},
        "collectionFormat": "multi",
    }
    op, warnings = converted_op(text, flag, labels)
    content = op["requestBody"]["content"]
    assert list(content) == ["application/x-www-form-urlencoded"]
    schema = content["application/x-www-form-urlencoded"]["schema"]
    assert schema == {
        "type": "object",
        "properties": {
            "text": {"type": "string"},
            "flag": {"type": "boolean"},
            "labels": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["text"],
    }
    assert content["application/x-www-form-urlencoded"]["encoding"] == {
        "labels": {"style": "form", "explode": True}
    }
    assert op["requestBody"]["required"] is True
    assert warnings == [
        "#/paths/~1a/post/parameters/1/allowEmptyValue: allowEmptyValue on a form"
        " field (OpenAPI 3 has no such thing)"
    ]
    # A file field, or consumes naming only multipart, makes it multipart.
    upload = {"name": "file", "in": "formData", "type": "file", "description": "It."}
    op, _ = converted_op(upload, text)
    schema = op["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert schema["properties"]["file"] == {
        "type": "string",
        "format": "binary",
        "description": "It.",
    }
    op, _ = converted_op(text, consumes=["multipart/form-data"])
    assert list(op["requestBody"]["content"]) == ["multipart/form-data"]


def test_flat_parameter_types_move_into_schema() -> None:
    limit = {
        "name": "limit",
        "in": "query",
        "description": "Page size.",
        "required": False,
        "type": "integer",
        "format": "int32",
        "minimum": 1,
        "maximum": 100,
        "default": 20,
        "enum": [10, 20],
        "x-extra": "kept",
        "x-nullable": True,
    }
    op, warnings = converted_op(limit)
    assert op["parameters"] == [
        {
            "name": "limit",
            "in": "query",
            "description": "Page size.",
            "required": False,
            "x-extra": "kept",
            "schema": {
                "type": "integer",
                "format": "int32",
                "minimum": 1,
                "maximum": 100,
                "default": 20,
                "enum": [10, 20],
                "nullable": True,
            },
        }
    ]
    assert warnings == []


@pytest.mark.parametrize(
    ("place", "fmt", "style", "warned"),
    [
        ("query", None, {"style": "form", "explode": False}, False),
        ("query", "csv", {"style": "form", "explode": False}, False),
        ("query", "multi", {"style": "form", "explode": True}, False),
        ("query", "ssv", {"style": "spaceDelimited", "explode": False}, False),
        ("query", "pipes", {"style": "pipeDelimited", "explode": False}, False),
        ("query", "tsv", {"style": "form", "explode": False}, True),
        ("header", "csv", {"style": "simple", "explode": False}, False),
        ("path", "multi", {"style": "simple", "explode": False}, True),
    ],
)
def test_collection_formats_become_styles(
    place: str, fmt: str | None, style: dict[str, Any], warned: bool
) -> None:
    param: dict[str, Any] = {
        "name": "ids",
        "in": place,
        "type": "array",
        "items": {"type": "integer", "collectionFormat": "csv"},
    }
    if fmt is not None:
        param["collectionFormat"] = fmt
    op, warnings = converted_op(param)
    converted = op["parameters"][0]
    assert {k: converted[k] for k in ("style", "explode")} == style
    assert converted["schema"] == {"type": "array", "items": {"type": "integer"}}
    assert bool(warnings) is warned
    if warned:
        assert warnings[0].startswith("#/paths/~1a/post/parameters/0/collectionFormat")


def test_named_parameters_and_responses_become_components_and_refs_follow() -> None:
    document = swagger(
        {
            "/a": operation(
                {"$ref": "#/parameters/limit"},
                {"$ref": "#/parameters/pet"},
                {"$ref": "#/parameters/note"},
                responses={"404": {"$ref": "#/responses/NotFound"}},
            )
        },
        parameters={
            "limit": {"name": "limit", "in": "query", "type": "integer"},
            "pet": {"name": "pet", "in": "body", "schema": {"type": "object"}},
            "note": {"name": "note", "in": "formData", "type": "string"},
        },
        responses={
            "NotFound": {"description": "No.", "schema": {"$ref": "#/definitions/E"}}
        },
    )
    result = convert_document(document)
    components = result.document["components"]
    assert components["parameters"] == {
        "limit": {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    }
    assert components["requestBodies"]["pet"]["content"] == {
        "application/json": {"schema": {"type": "object"}}
    }
    assert components["responses"]["NotFound"] == {
        "description": "No.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/E"}}},
    }
    op = result.document["paths"]["/a"]["post"]
    assert op["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    # A body parameter beside form fields: the body wins, the fields are reported.
    assert op["requestBody"] == {"$ref": "#/components/requestBodies/pet"}
    assert op["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    assert [w.pointer for w in result.warnings] == ["#/parameters/note"]


def test_a_form_field_by_ref_is_inlined_into_the_form_body() -> None:
    document = swagger(
        {"/a": operation({"$ref": "#/parameters/note"})},
        parameters={"note": {"name": "note", "in": "formData", "type": "string"}},
    )
    op = convert_document(document).document["paths"]["/a"]["post"]
    schema = op["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert schema["schema"]["properties"] == {"note": {"type": "string"}}


def test_path_level_parameters_stay_shared_and_path_bodies_reach_each_operation() -> (
    None
):
    item = {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "type": "string"},
            {"name": "note", "in": "formData", "type": "string"},
            {"name": "mode", "in": "formData", "type": "integer"},
        ],
        "post": {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "type": "integer"},
                {"name": "mode", "in": "formData", "type": "string"},
            ],
            "responses": {"204": {"description": "ok"}},
        },
        "put": {"responses": {"204": {"description": "ok"}}},
    }
    result = convert_document(swagger({"/a/{id}": item}))
    converted = result.document["paths"]["/a/{id}"]
    assert converted["parameters"] == [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    ]
    post = converted["post"]
    assert post["parameters"][0]["schema"] == {"type": "integer"}
    form = post["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert form["schema"]["properties"] == {
        "note": {"type": "string"},
        "mode": {"type": "string"},
    }
    put_form = converted["put"]["requestBody"]["content"][
        "application/x-www-form-urlencoded"
    ]
    assert put_form["schema"]["properties"]["mode"] == {"type": "integer"}


def test_responses_content_headers_files_and_examples() -> None:
    item = {
        "get": {
            "produces": ["application/json", "application/xml"],
            "responses": {
                "200": {
                    "description": "The pets.",
                    "schema": {"type": "array", "items": {"type": "string"}},
                    "headers": {
                        "X-Rate": {"type": "integer", "description": "Left."},
                        "X-Ids": {
                            "type": "array",
                            "items": {"type": "string"},
                            "collectionFormat": "csv",
                        },
                    },
                    "examples": {"application/json": ["a"], "text/csv": "a"},
                },
                "204": {"description": "Nothing."},
            },
        }
    }
    photo = {
        "get": {
            "produces": ["application/json", "image/png"],
            "responses": {"200": {"description": "Photo.", "schema": {"type": "file"}}},
        }
    }
    raw = {
        "get": {
            "responses": {"200": {"description": "Raw.", "schema": {"type": "file"}}}
        }
    }
    result = convert_document(swagger({"/a": item, "/photo": photo, "/raw": raw}))
    ok = result.document["paths"]["/a"]["get"]["responses"]["200"]
    schema = {"type": "array", "items": {"type": "string"}}
    assert ok["content"] == {
        "application/json": {"schema": schema, "example": ["a"]},
        "application/xml": {"schema": schema},
    }
    assert ok["headers"] == {
        "X-Rate": {"description": "Left.", "schema": {"type": "integer"}},
        "X-Ids": {
            "schema": {"type": "array", "items": {"type": "string"}},
            "style": "simple",
        },
    }
    nothing = result.document["paths"]["/a"]["get"]["responses"]["204"]
    assert nothing == {"description": "Nothing."}
    binary = {"schema": {"type": "string", "format": "binary"}}
    paths = result.document["paths"]
    assert paths["/photo"]["get"]["responses"]["200"]["content"] == {
        "image/png": binary
    }
    assert paths["/raw"]["get"]["responses"]["200"]["content"] == {
        "application/octet-stream": binary
    }
    assert [w.pointer for w in result.warnings] == [
        "#/paths/~1a/get/responses/200/examples/text~1csv"
    ]


def test_refs_into_local_files_are_inlined_with_their_refs_made_relative() -> None:
    files = {
        "shared/params.yaml": {
            "Limit": {"name": "limit", "in": "query", "type": "integer"},
            "Body": {"name": "b", "in": "body", "schema": {"$ref": "#/definitions/B"}},
            "Deep": {"$ref": "../more.yaml#/Form"},
        },
        "more.yaml": {
            "Form": {"name": "f", "in": "formData", "type": "file"},
        },
    }

    def load(path: str) -> Any:
        if path not in files:
            raise FileNotFoundError(f"no file {path}")
        return files[path]

    document = swagger(
        {
            "/a": operation({"$ref": "shared/params.yaml#/Limit"}),
            "/b": operation({"$ref": "shared/params.yaml#/Body"}),
            "/c": operation({"$ref": "shared/params.yaml#/Deep"}),
            "/d": operation({"$ref": "missing.yaml#/X"}),
        }
    )
    result = convert_document(document, load)
    paths = result.document["paths"]
    assert paths["/a"]["post"]["parameters"] == [
        {"name": "limit", "in": "query", "schema": {"type": "integer"}}
    ]
    body = paths["/b"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "shared/params.yaml#/components/schemas/B"}
    form = paths["/c"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert form["schema"]["properties"]["f"] == {"type": "string", "format": "binary"}
    assert "requestBody" not in paths["/d"]["post"]
    assert [(w.pointer, w.problem) for w in result.warnings] == [
        ("#/paths/~1d/post/parameters/0", "no file missing.yaml")
    ]
    # Without a loader, such refs are reported, not followed.
    alone = convert_document(document)
    assert len(alone.warnings) == 4


def test_a_local_file_is_converted_like_the_document() -> None:
    fragment = {
        "definitions": {"Owner": {"properties": {"pet": {"$ref": "#/definitions/P"}}}},
        "parameters": {
            "Limit": {"name": "limit", "in": "query", "type": "integer"},
            "Body": {"name": "b", "in": "body", "schema": {"type": "object"}},
        },
        "responses": {"Gone": {"description": "Gone."}},
        "Loose": {"type": "string", "x-nullable": True},
    }
    result = convert_fragment(fragment, "common.yaml")
    out = result.document
    assert out["components"]["schemas"]["Owner"]["properties"]["pet"] == {
        "$ref": "#/components/schemas/P"
    }
    assert out["components"]["parameters"]["Limit"]["schema"] == {"type": "integer"}
    assert "b" in str(out["components"]["requestBodies"]["Body"])
    assert out["components"]["responses"]["Gone"] == {"description": "Gone."}
    assert out["Loose"] == {"type": "string", "nullable": True}
    assert result.origins.original(
        "common.yaml#/components/schemas/Owner/properties/pet"
    ) == ("common.yaml#/definitions/Owner/properties/pet")


def test_converted_pointers_map_back_to_the_document_as_written() -> None:
    document = swagger(
        {
            "/a": {
                "parameters": [{"name": "id", "in": "path", "type": "string"}],
                "post": {
                    "parameters": [
                        {"name": "b", "in": "body", "schema": {"type": "object"}},
                        {"name": "q", "in": "query", "type": "array", "items": {}},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {"type": "object"},
                            "headers": {"X-A": {"type": "integer"}},
                        }
                    },
                },
                "put": operation(
                    {"name": "f", "in": "formData", "type": "string"},
                    {"name": "g", "in": "formData", "type": "string"},
                )["post"],
            }
        },
        definitions={"Pet": {"type": "object"}},
        securityDefinitions={
            "o": {"type": "oauth2", "flow": "application", "tokenUrl": "https://t"}
        },
    )
    original = convert_document(document).origins.original
    op = "#/paths/~1a/post"
    cases = {
        "#/components/schemas/Pet/properties/x": "#/definitions/Pet/properties/x",
        "#/components/securitySchemes/o": "#/securityDefinitions/o",
        "#/components/securitySchemes/o/flows/clientCredentials/tokenUrl": (
            "#/securityDefinitions/o"
        ),
        "#/servers/0": "#/host",
        "#/paths/~1a/parameters/0/schema": "#/paths/~1a/parameters/0",
        # The body left the list: the query parameter is the first one now.
        f"{op}/parameters/0": f"{op}/parameters/1",
        f"{op}/parameters/0/schema/items": f"{op}/parameters/1/items",
        f"{op}/requestBody": f"{op}/parameters/0",
        f"{op}/requestBody/content/application~1json/schema/properties/z": (
            f"{op}/parameters/0/schema/properties/z"
        ),
        f"{op}/responses/200/content/application~1json/schema": (
            f"{op}/responses/200/schema"
        ),
        f"{op}/responses/200/headers/X-A/schema": f"{op}/responses/200/headers/X-A",
        "#/paths/~1a/put/requestBody/content/application~1x-www-form-urlencoded"
        "/schema/properties/g": "#/paths/~1a/put/parameters/1",
        "#/paths/~1a/put/requestBody": "#/paths/~1a/put/parameters/0",
        f"{op}/security": f"{op}/security",  # carried over as it was
    }
    assert {k: original(k) for k in cases} == cases


JUNK: list[Any] = [None, 1, "x", [], {}, [1, {}], {"$ref": "#/nowhere"}, {"$ref": 3}]


@pytest.mark.parametrize("seed", range(3))
def test_junk_anywhere_warns_but_never_raises(seed: int) -> None:
    rng = random.Random(seed)
    fixture = yaml.safe_load((FIXTURES / "swagger_petstore.yaml").read_text("utf-8"))
    for _ in range(60):
        document = copy.deepcopy(fixture)
        for _ in range(rng.randint(1, 4)):
            parent, key = rng.choice(_slots(document, []))
            parent[key] = copy.deepcopy(rng.choice(JUNK))
        result = convert_document(document, lambda path: {})
        assert isinstance(result.document, dict)


def _slots(value: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    children = (
        list(value.items())
        if isinstance(value, dict)
        else list(enumerate(value)) if isinstance(value, list) else []
    )
    for key, child in children:
        out.append((value, key))
        _slots(child, out)
    return out
